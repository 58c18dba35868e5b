// Entry point of one measured round: a fresh Node process per client and round, so neither client's JIT
// state, heap or sockets leak into the other's figures. Started by the orchestrator with fork().

import { readRequest, send } from './ipc';
import { prefill, runLoadLoop } from './load-loop';
import { connectClient } from './map-client';
import type { RunRequest } from './scenario';

async function main(): Promise<void> {
  const request = readRequest<RunRequest>();
  const client = await connectClient(request.client, {
    clusterName: request.clusterName,
    addresses: request.addresses,
    mapName: `bench-${request.scenario.op}-${request.scenario.valueSize}-${request.scenario.valueKind}`,
  });
  try {
    await prefill(client.map, request.scenario, request.keyCount);
    const result = await runLoadLoop({
      map: client.map,
      scenario: request.scenario,
      warmupMs: request.warmupMs,
      measureMs: request.measureMs,
      keyCount: request.keyCount,
      ...(request.allocOps === undefined ? {} : { allocOps: request.allocOps }),
    });
    await send({ ok: true, result });
  } finally {
    await client.shutdown();
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
