import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

/** Keys the load spreads over, and the distinct values per key (a SET multimap keeps each pair once). */
const KEYS = 1_000;
const VALUES_PER_KEY = 8;

/**
 * MultiMap put/get mix next to the official client: each operation is a put of one of a few values under a
 * random key, or a get of all values of a random key (half each), so the map stays bounded.
 */
export const multimapBenchmark: FeatureBenchmark = {
  name: 'multimap',
  cluster: { members: 1 },
  quick: [{ name: 'put/get c=32', concurrency: 32 }],
  full: [
    { name: 'put/get c=1', concurrency: 1 },
    { name: 'put/get c=32', concurrency: 32 },
  ],
  prepare(kind: ClientKind, target: FeatureTarget, _scenario: FeatureScenario): Promise<PreparedDriver> {
    return kind === 'ours' ? prepareOurs(target) : prepareOfficial(target);
  },
};

interface MultiMapLike {
  put(key: string, value: number): Promise<boolean>;
  get(key: string): Promise<unknown>;
}

function driver(multimap: MultiMapLike, close: () => Promise<void>): PreparedDriver {
  return {
    operation(random: number) {
      const key = `k${(random >>> 1) % KEYS}`;
      return random & 1 ? multimap.put(key, (random >>> 11) % VALUES_PER_KEY) : multimap.get(key);
    },
    close,
  };
}

async function prepareOurs(target: FeatureTarget): Promise<PreparedDriver> {
  const { HazelcastClient, getMultiMap } = await import('@hz/core-client');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  return driver(getMultiMap<string, number>(client, 'bench-multimap'), () => client.shutdown());
}

async function prepareOfficial(target: FeatureTarget): Promise<PreparedDriver> {
  const { Client } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const multimap = await client.getMultiMap<string, number>('bench-multimap');
  // Its get returns a lazily deserialized list: read it whole, as @hz's get does.
  return driver(
    {
      put: (key, value) => multimap.put(key, value),
      get: async (key) => (await multimap.get(key)).toArray(),
    },
    () => client.shutdown(),
  );
}
