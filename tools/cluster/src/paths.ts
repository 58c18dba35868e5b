import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The monorepo root (the folder holding pnpm-workspace.yaml). */
export const repoRoot = findRepoRoot(here);

/** Everything the harness downloads or generates lives here; it is git-ignored. */
export const cacheRoot = process.env.HZ_CACHE_DIR
  ? resolve(process.env.HZ_CACHE_DIR)
  : join(repoRoot, '.cache');

/** Java helper sources compiled onto every member's classpath. */
export const javaSourceRoot = join(repoRoot, 'tools', 'cluster', 'java');

/**
 * Jars and compiled helpers of one Hazelcast version. The folder is named after the Maven groupId, so
 * every member JVM's classpath contains "com.hazelcast" and `pgrep -f com.hazelcast` finds the members
 * the harness started (the leak check after a test run relies on it).
 */
export function versionDir(version: string): string {
  return join(cacheRoot, 'com.hazelcast', version);
}

export function runDir(): string {
  return join(cacheRoot, 'run');
}

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`tools/cluster: no pnpm-workspace.yaml above ${start}`);
    dir = parent;
  }
  return dir;
}
