import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

// Changing two map entries together: one operation writes two random keys of 10,000. @hz runs it as a
// TWO_PHASE transaction (runInTransaction: begin, two puts, commit: four round trips, each put locking its
// key on the member). The official Node.js client has no transactions; the nearest it offers is explicit
// locks around the writes (lock, lock, set, set, unlock, unlock in key order: six round trips), which is
// what its users write instead. Values are 100-byte strings.

const KEYS = 10_000;
const VALUE = 'v'.repeat(100);

export const transactionBenchmark: FeatureBenchmark = {
  name: 'transaction',
  cluster: { members: 1 },
  quick: [{ name: 'two puts c=8', concurrency: 8 }],
  full: [
    { name: 'two puts c=1', concurrency: 1 },
    { name: 'two puts c=8', concurrency: 8 },
  ],
  prepare(kind: ClientKind, target: FeatureTarget, _scenario: FeatureScenario): Promise<PreparedDriver> {
    return kind === 'ours' ? prepareOurs(target) : prepareOfficial(target);
  },
};

/** Two different keys, in a fixed order (so lock-based writers never deadlock). */
function keysOf(random: number): [string, string] {
  const a = random % KEYS;
  const b = (a + 1 + ((random >>> 14) % (KEYS - 1))) % KEYS;
  return a < b ? [`k${a}`, `k${b}`] : [`k${b}`, `k${a}`];
}

async function prepareOurs(target: FeatureTarget): Promise<PreparedDriver> {
  const { HazelcastClient, runInTransaction } = await import('@hz/core-client');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  return {
    operation: (random) => {
      const [first, second] = keysOf(random);
      return runInTransaction(client, { type: 'TWO_PHASE' }, async (tx) => {
        const map = tx.getMap<string, string>('bench-transaction');
        await map.set(first, VALUE);
        await map.set(second, VALUE);
      });
    },
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
  const map = await client.getMap<string, string>('bench-transaction');
  return {
    async operation(random) {
      const [first, second] = keysOf(random);
      await map.lock(first);
      try {
        await map.lock(second);
        try {
          await map.set(first, VALUE);
          await map.set(second, VALUE);
        } finally {
          await map.unlock(second);
        }
      } finally {
        await map.unlock(first);
      }
    },
    close: () => client.shutdown(),
  };
}
