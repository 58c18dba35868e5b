import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

// Running code next to the data: one operation runs a task on the owner of a random key and gets its
// result (the member's uuid). @hz uses the executor (executeOnKeyOwner with MemberUuidTask); the official
// Node.js client has no executor, so it runs the nearest thing it has, a read-only entry processor that
// returns the same (map.executeOnKey with MemberUuidEntryProcessor). Both classes are our own member-side
// helpers (tools/cluster/java/dev/hz/testing/txexec, factory 75). An @hz submission is two round trips:
// the executor's isShutdown check on the member, then the task.

const FACTORY_ID = 75;
const KEYS = 10_000;

/** An IdentifiedDataSerializable without fields, as both clients write one. */
const fieldless = (classId: number) => ({
  factoryId: FACTORY_ID,
  classId,
  writeData() {},
  readData() {},
});

export const executorBenchmark: FeatureBenchmark = {
  name: 'executor',
  cluster: {
    members: 1,
    xml: `<serialization><data-serializable-factories><data-serializable-factory factory-id="${FACTORY_ID}">dev.hz.testing.txexec.TxExecFactory</data-serializable-factory></data-serializable-factories></serialization>`,
  },
  quick: [{ name: 'on key owner c=16', concurrency: 16 }],
  full: [
    { name: 'on key owner c=1', concurrency: 1 },
    { name: 'on key owner c=16', concurrency: 16 },
  ],
  prepare(kind: ClientKind, target: FeatureTarget, _scenario: FeatureScenario): Promise<PreparedDriver> {
    return kind === 'ours' ? prepareOurs(target) : prepareOfficial(target);
  },
};

async function prepareOurs(target: FeatureTarget): Promise<PreparedDriver> {
  const { HazelcastClient, getExecutorService } = await import('@hz/core-client');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const executor = getExecutorService(client, 'bench-executor');
  const task = fieldless(2); // MemberUuidTask
  return {
    operation: (random) => executor.executeOnKeyOwner(`k${random % KEYS}`, task),
    close: () => client.shutdown(),
  };
}

async function prepareOfficial(target: FeatureTarget): Promise<PreparedDriver> {
  const { Client } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const map = await client.getMap<string, string>('bench-executor');
  const processor = fieldless(6); // MemberUuidEntryProcessor
  return {
    operation: (random) => map.executeOnKey(`k${random % KEYS}`, processor),
    close: () => client.shutdown(),
  };
}
