// One load-time sample in a fresh process: how long until the client package is imported and usable.
import { createRequire } from 'node:module';
import { readRequest, send } from '../runner/ipc';

interface LoadTimeRequest {
  readonly client: 'ours' | 'official';
}

async function main(): Promise<void> {
  const { client } = readRequest<LoadTimeRequest>();
  const started = process.hrtime.bigint();
  let touched: unknown;
  if (client === 'ours') {
    const hz = await import('@hz/core-client');
    // Referencing the entry point and building a config is what an application does before connecting.
    touched = [
      hz.HazelcastClient.newHazelcastClient,
      { clusterName: 'dev', network: { clusterMembers: [] } },
    ];
  } else {
    const require = createRequire(import.meta.url);
    const official = require('hazelcast-client') as typeof import('hazelcast-client');
    touched = [official.Client.newHazelcastClient, { clusterName: 'dev', network: { clusterMembers: [] } }];
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  await send({ ok: true, result: { elapsedMs, touched: touched !== undefined } });
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ ok: false, error: String(error) });
    process.exit(1);
  },
);
