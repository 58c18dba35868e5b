import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheRoot, runOk } from './workspace';

/** npm's download cache for the fresh projects: registry packages are fetched once per machine. */
export const npmCacheDir = join(cacheRoot, 'npm');

/**
 * A fresh npm project in `dir` (outside the workspace: no pnpm, no links) with `dependencies`: tarball
 * paths for @hz packages, registry ranges for the rest. One `npm install`, with npm's cache in the harness
 * cache folder, so a second run reaches the registry only to revalidate.
 */
export async function installProject(
  dir: string,
  dependencies: Readonly<Record<string, string>>,
): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'hz-packed-install', version: '1.0.0', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  await runOk(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-update-notifier',
      '--prefer-offline',
      '--loglevel=error',
      '--cache',
      npmCacheDir,
    ],
    // npm as in a user's shell: no settings leak in from the pnpm process that runs the tests.
    { cwd: dir, npmFreeEnv: true },
  );
}

/**
 * tsconfig for a consumer project: strict, `using` supported. node16 checks the declarations themselves too
 * (skipLibCheck off: a broken .d.ts or .d.cts fails); bundler checks how the program resolves and types
 * against them (checking every declaration file twice would only double the time).
 */
export function consumerTsconfig(moduleResolution: 'node16' | 'bundler'): string {
  const module = moduleResolution === 'node16' ? 'node16' : 'esnext';
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'esnext.disposable'],
        module,
        moduleResolution,
        types: ['node'],
        strict: true,
        noEmit: true,
        skipLibCheck: moduleResolution === 'bundler',
        noUncheckedIndexedAccess: true,
      },
      include: moduleResolution === 'node16' ? ['*.ts', '*.cts'] : ['*.ts'],
    },
    null,
    2,
  )}\n`;
}
