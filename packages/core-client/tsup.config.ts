import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    plugin: 'src/plugin.ts',
    features: 'src/features.ts',
  },
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
