import { createServer } from 'node:net';

/**
 * Test clusters take ports from 20000-29999, below Linux's ephemeral range (so no outgoing connection
 * can hold one) and away from the 5701+ ports of a developer's `pnpm cluster start` cluster. Each vitest
 * worker gets its own slice (VITEST_POOL_ID), so parallel test files never race for the same port.
 */
const RANGE_START = 20_000;
const SLICE_SIZE = 250;
const SLICES = 40;

let nextInSlice = 0;

/**
 * HZ_PORT_SLICE_OFFSET shifts every slice, so two test runs on one machine at once (two checkouts, or a run
 * next to a benchmark) can be kept apart.
 */
function sliceStart(): number {
  const poolId = Number.parseInt(process.env.VITEST_POOL_ID ?? '', 10);
  const offset = Number.parseInt(process.env.HZ_PORT_SLICE_OFFSET ?? '0', 10) || 0;
  const slice = ((Number.isFinite(poolId) ? poolId : process.pid) + offset) % SLICES;
  return RANGE_START + slice * SLICE_SIZE;
}

/** Returns a port of this process's slice that nothing listens on right now. */
export async function allocatePort(): Promise<number> {
  const start = sliceStart();
  for (let attempt = 0; attempt < SLICE_SIZE; attempt++) {
    const port = start + (nextInSlice++ % SLICE_SIZE);
    if (await isPortFree(port)) return port;
  }
  throw new Error(`tools/cluster: no free port in ${start}-${start + SLICE_SIZE - 1}`);
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.close(() => resolvePromise(true));
    });
  });
}
