/** Resolves once the message is handed over, so exiting right after cannot drop it. */
export function send(message: unknown): Promise<void> {
  return new Promise((resolve) => {
    // Without IPC (run by hand, e.g. under --cpu-prof) the result goes to stdout instead.
    if (process.send) process.send(message, undefined, {}, () => resolve());
    else process.stdout.write(`${JSON.stringify(message)}\n`, () => resolve());
  });
}

/** Reads the JSON request the orchestrator put in the environment. */
export function readRequest<T>(): T {
  const raw = process.env.HZ_BENCH_REQUEST;
  if (!raw) throw new Error('bench runner: HZ_BENCH_REQUEST (the JSON request) is not set');
  return JSON.parse(raw) as T;
}
