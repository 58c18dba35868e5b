import { defineConfig } from 'tsup';
import { ENTRIES } from './src/generated/entries';

export default defineConfig({
  // One entry per service (generated list) so a bundle that imports only Map codecs gets only those.
  entry: ENTRIES,
  format: ['esm', 'cjs'],
  // Declarations leave out members marked @internal: they are no part of the published API.
  dts: { compilerOptions: { stripInternal: true } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  treeshake: true,
  // Shared chunks for CJS too: without them each CJS entry point bundles its own copy of the modules it
  // shares with the others (module state such as the client registry, error classes), and a client made
  // through one entry point is unknown to another.
  splitting: true,
});
