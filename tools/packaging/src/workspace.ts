import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root (the folder holding pnpm-workspace.yaml). */
export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** Downloads and scratch files (git-ignored); shared with the cluster harness through HZ_CACHE_DIR. */
export const cacheRoot = process.env.HZ_CACHE_DIR
  ? resolve(process.env.HZ_CACHE_DIR)
  : join(repoRoot, '.cache');

/** A package.json, as far as these checks read it. */
export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  files?: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** A published workspace package (packages/*, not private). */
export interface PublicPackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly manifest: PackageJson;
}

/** Every package `pnpm publish -r` would publish, in a stable order (by folder). */
export function publicPackages(): PublicPackage[] {
  const root = join(repoRoot, 'packages');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'package.json')))
    .map((entry) => {
      const dir = join(root, entry.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
      return { name: manifest.name, version: manifest.version, dir, manifest };
    })
    .filter((p) => !p.manifest.private)
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
  /** Drop the npm_* / pnpm settings a `pnpm` parent process exports, as in a user's own shell. */
  readonly npmFreeEnv?: boolean;
  /** Kill the command (SIGKILL) if it has not ended after this many milliseconds: a hung program fails, and no process is left behind. */
  readonly killAfterMs?: number;
}

/** This process's environment without what pnpm or npm exported to it (registry, workspace, user agent). */
export function withoutPackageManagerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|PNPM_)/i.test(key)));
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end and collects its output; never throws for a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions = { cwd: repoRoot },
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...(options.npmFreeEnv ? withoutPackageManagerEnv() : process.env), ...options.env },
      // No input: the child's stdin is closed from the start. Piping an empty input raced the child's exit
      // (a command that never reads stdin and exits at once made the write fail with EPIPE).
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const killer =
      options.killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            stderr += `\n[killed: still running after ${options.killAfterMs} ms]`;
            child.kill('SIGKILL');
          }, options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      if (killer) clearTimeout(killer);
      resolvePromise({ code, stdout, stderr });
    });
    if (options.input !== undefined && child.stdin) {
      // A child that exits without reading all its input closes the pipe: not an error of ours.
      child.stdin.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') stderr += `\n[stdin: ${error.message}]`;
      });
      child.stdin.end(options.input);
    }
  });
}

/** Like `run`, but a non-zero exit is an error that carries the command's output. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/** A binary of the workspace root's devDependencies (tsc, attw, publint, changeset, typedoc). */
export function rootBin(name: string): string {
  return join(repoRoot, 'node_modules', '.bin', name);
}

/**
 * Builds the published packages (turbo: a cache hit when nothing changed, as in CI after `pnpm build`), so
 * the checks never read a stale dist/ when a test file is run on its own.
 */
export async function buildPublicPackages(): Promise<void> {
  // Under `turbo run test:int` (pnpm test) turbo built them first (tools/packaging/turbo.json: ^build).
  if (process.env.TURBO_HASH) return;
  await runOk(rootBin('turbo'), ['run', 'build', '--filter=./packages/*', '--output-logs=errors-only'], {
    cwd: repoRoot,
    env: { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  });
}

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`tools/packaging: no pnpm-workspace.yaml above ${start}`);
    dir = parent;
  }
  return dir;
}
