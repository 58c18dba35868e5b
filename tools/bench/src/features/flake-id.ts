import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

// FlakeIdGenerator newId: ids come from prefetched batches (both clients: 100 ids per batch, the default),
// so this measures the local hand-out path plus one batch request per 100 ids.

async function prepare(
  kind: ClientKind,
  target: FeatureTarget,
  _scenario: FeatureScenario,
): Promise<PreparedDriver> {
  const name = `bench-ids-${kind}`;
  const config = {
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses] },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  };
  if (kind === 'ours') {
    const { HazelcastClient, getFlakeIdGenerator } = await import('@hz/core-client');
    const client = await HazelcastClient.newHazelcastClient(config);
    const generator = getFlakeIdGenerator(client, name);
    return { operation: () => generator.newId(), close: () => client.shutdown() };
  }
  const { Client } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient(config);
  const generator = await client.getFlakeIdGenerator(name);
  return { operation: () => generator.newId(), close: () => client.shutdown() };
}

export const flakeIdBenchmark: FeatureBenchmark = {
  name: 'flake-id',
  cluster: { members: 1 },
  quick: [{ name: 'newId c=64', concurrency: 64 }],
  full: [
    { name: 'newId c=1', concurrency: 1 },
    { name: 'newId c=64', concurrency: 64 },
  ],
  units: { unit: 'ids', perOperation: 1 },
  prepare,
};
