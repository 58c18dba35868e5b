import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/bench */
export const benchRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The monorepo root. */
export const repoRoot = join(benchRoot, '..', '..');
/**
 * Compiled runner scripts and bundle-size inputs. Inside tools/bench so Node resolves `@hz/core-client`
 * and `hazelcast-client` through tools/bench/node_modules, i.e. to the built dist like a user would.
 */
export const cacheDir = join(benchRoot, '.cache');
export const runnersDir = join(cacheDir, 'runners');
