import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec';
import { cacheRoot } from './paths';

/**
 * The official Python client (hazelcast-python-client on PyPI) as a test-only oracle for interop tests: the
 * seeds describe it, so what @hz writes it must read, and the other way round. Installed into a virtualenv
 * in the harness cache (never into the system Python), pinned to one version.
 */
export const PYTHON_CLIENT_VERSION = '5.7.0';

function venvDir(): string {
  return join(cacheRoot, 'python', `hazelcast-python-client-${PYTHON_CLIENT_VERSION}`);
}

/** Creates the virtualenv with the pinned client unless it exists; returns its python executable. */
export async function ensurePythonClient(): Promise<string> {
  const python = join(venvDir(), 'bin', 'python');
  if (existsSync(python)) return python;
  await mkdir(join(cacheRoot, 'python'), { recursive: true });
  // A virtualenv records its own path, so it is built where it lives; a failed build is removed whole.
  try {
    await run('python3', ['-m', 'venv', venvDir()]);
    await run(join(venvDir(), 'bin', 'pip'), [
      'install',
      '--quiet',
      '--disable-pip-version-check',
      `hazelcast-python-client==${PYTHON_CLIENT_VERSION}`,
    ]);
  } catch (error) {
    await rm(venvDir(), { recursive: true, force: true });
    throw error;
  }
  return python;
}

/** A cluster of the harness (its name and member addresses). */
export interface PythonOracleTarget {
  readonly name: string;
  readonly addresses: readonly string[];
}

/**
 * Runs `body` (Python statements) with `client` connected to the cluster and `args` parsed from JSON; the
 * script returns its answer by assigning `result`, which comes back parsed from JSON. Rejects with the
 * Python traceback when the script fails.
 *
 *   const size = await runPython(cluster, 'result = client.get_queue("q").blocking().size()');
 */
export async function runPython<T = unknown>(
  target: PythonOracleTarget,
  body: string,
  args: unknown = null,
  /** More keyword arguments of `HazelcastClient(...)`, e.g. `{ ssl_enabled: true, ssl_cafile: path }`. */
  clientArgs: Readonly<Record<string, unknown>> = {},
): Promise<T> {
  const python = await ensurePythonClient();
  const script = [
    'import json, sys, logging',
    'import hazelcast',
    'logging.disable(logging.CRITICAL)',
    'payload = json.load(sys.stdin)',
    'args = payload["args"]',
    'client = hazelcast.HazelcastClient(cluster_name=payload["cluster"], cluster_members=payload["members"], **payload["clientArgs"])',
    'result = None',
    'try:',
    ...body.split('\n').map((line) => `    ${line}`),
    'finally:',
    '    client.shutdown()',
    'sys.stdout.write("\\n@@RESULT " + json.dumps(result, default=str) + "\\n")',
  ].join('\n');
  const input = JSON.stringify({ cluster: target.name, members: target.addresses, args, clientArgs });
  const output = await new Promise<string>((resolvePromise, reject) => {
    const child = spawn(python, ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(stdout);
      else reject(new Error(`python oracle exited with ${code}:\n${stderr.slice(-4000)}`));
    });
    child.stdin.end(input);
  });
  const marker = output.lastIndexOf('\n@@RESULT ');
  if (marker < 0) throw new Error(`python oracle printed no result:\n${output.slice(-2000)}`);
  return JSON.parse(output.slice(marker + '\n@@RESULT '.length)) as T;
}
