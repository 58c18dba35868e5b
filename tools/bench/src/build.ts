import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { benchRoot, repoRoot, runnersDir } from './paths';

/** Builds the @hz packages and what they depend on, so the benchmark measures dist, not sources. */
export function buildPackages(): void {
  process.stderr.write('bench: building the @hz packages (turbo)…\n');
  const result = spawnSync('pnpm', ['turbo', 'run', 'build', '--filter=@hz/*'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`bench: 'pnpm turbo run build --filter=@hz/*' failed (exit ${result.status})`);
  }
}

export const RUNNER_ENTRIES = {
  map: 'runner/run-map.ts',
  feature: 'runner/run-feature.ts',
  micro: 'micro/run-micro.ts',
  loadTime: 'static/run-load-time.ts',
} as const;
export type RunnerName = keyof typeof RUNNER_ENTRIES;

/**
 * Compiles the runner scripts to plain ESM so each measured process is bare `node` with no TypeScript
 * loader in it; packages stay external so they resolve to the built dist through node_modules.
 */
export async function buildRunners(): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(RUNNER_ENTRIES).map(([name, path]) => [name, join(benchRoot, 'src', path)]),
    ),
    outdir: runnersDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'error',
  });
}

export function runnerPath(name: RunnerName): string {
  return join(runnersDir, `${name}.mjs`);
}
