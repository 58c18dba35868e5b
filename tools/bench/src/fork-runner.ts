import { fork } from 'node:child_process';
import { type RunnerName, runnerPath } from './build';

type RunnerReply<T> = { ok: true; result: T } | { ok: false; error: string };

export interface ForkOptions {
  /** Extra node flags for the child, e.g. --cpu-prof. */
  readonly execArgv?: readonly string[];
  readonly timeoutMs?: number;
}

/**
 * Runs one runner script in a fresh Node process and resolves with the result it sends back. The child is
 * killed if it outlives the timeout so a stuck client can never hang the whole benchmark.
 */
export function runInFreshProcess<T>(
  name: RunnerName,
  request: unknown,
  options: ForkOptions = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(runnerPath(name), [], {
      execArgv: [...(options.execArgv ?? [])],
      env: { ...process.env, HZ_BENCH_REQUEST: JSON.stringify(request) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    let reply: RunnerReply<T> | undefined;
    child.on('message', (message) => {
      reply = message as RunnerReply<T>;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (reply?.ok) resolve(reply.result);
      else if (reply) reject(new Error(`bench ${name} runner failed: ${reply.error}`));
      else
        reject(
          new Error(`bench ${name} runner exited (${code ?? signal}) without a result. stderr:\n${stderr}`),
        );
    });
  });
}
