import type { FeatureBenchmark, FeatureTarget, PreparedDriver } from './feature';

// CP AtomicLong incrementAndGet (@hz/cp next to the official client's CP subsystem) on a 3-member
// Hazelcast 5.4.0 cluster whose members are all CP members: every operation is a Raft commit in the
// default CP group, so this measures the client's CP path plus one Raft round trip.

const COUNTER = 'bench-counter';

const scenarios = [
  { name: 'AtomicLong.incrementAndGet c=1', concurrency: 1 },
  { name: 'AtomicLong.incrementAndGet c=64', concurrency: 64 },
] as const;

export const cpBenchmark: FeatureBenchmark = {
  name: 'cp',
  cluster: { members: 3, version: '5.4.0', cpMemberCount: 3 },
  quick: scenarios,
  full: scenarios,
  prepare: (kind, target) => (kind === 'ours' ? prepareOurs(target) : prepareOfficial(target)),
};

async function prepareOurs(target: FeatureTarget): Promise<PreparedDriver> {
  const { HazelcastClient } = await import('@hz/core-client');
  const { getAtomicLong } = await import('@hz/cp');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const counter = getAtomicLong(client, COUNTER);
  await counter.get(); // the CP group is looked up once, before measuring
  return { operation: () => counter.incrementAndGet(), close: () => client.shutdown() };
}

async function prepareOfficial(target: FeatureTarget): Promise<PreparedDriver> {
  const { Client } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const counter = await client.getCPSubsystem().getAtomicLong(COUNTER);
  await counter.get();
  return { operation: () => counter.incrementAndGet(), close: () => client.shutdown() };
}
