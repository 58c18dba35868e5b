import { defineConfig } from 'tsup';
import { ENTRIES } from './src/generated/entries';

export default defineConfig({
  // One entry per service (generated list) so a bundle that imports only Map codecs gets only those.
  entry: ENTRIES,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  treeshake: true,
});
