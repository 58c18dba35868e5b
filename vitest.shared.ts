import { fileURLToPath } from 'node:url';
import { defaultServerConditions, type UserConfig } from 'vite';

const globalSetup = fileURLToPath(new URL('./tools/cluster/src/vitest-global-setup.ts', import.meta.url));

// Workspace packages resolve to their TypeScript sources through the "@hz/source" export condition,
// so tests never need a prior build and never run against a stale dist/.
const conditions = ['@hz/source', ...defaultServerConditions];

/**
 * The vitest config every package shares: a `unit` project (`*.test.ts` next to the source, no cluster)
 * and an `int` project (`*.int.test.ts`, real Hazelcast members started through tools/cluster).
 */
export function hzVitestConfig(): UserConfig {
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    test: {
      passWithNoTests: true,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
            // Golden-vector, differential and fuzz suites run thousands of cases per test; on a loaded
            // 2-core CI machine the 5 s default is a coin toss, not a measure of anything.
            testTimeout: 60_000,
            exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          },
        },
        {
          extends: true,
          test: {
            name: 'int',
            include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
            globalSetup: [globalSetup],
            // Forked workers: a member JVM's stdin is a pipe from the worker, so a dying worker takes its
            // members with it. The package scripts cap workers at 2 (JVM count on 2-core machines).
            pool: 'forks',
            testTimeout: 120_000,
            hookTimeout: 180_000,
          },
        },
      ],
    },
  };
}
