import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

// Map.get through a near cache, @hz/near-cache next to the official client's near cache, with the same
// near-cache config on both sides. "100% hit": every get is of a key cached before the measurement (a pure
// local read). "50% hit": every other get is of a key read for the first time (absent, so it costs a round
// trip to its member and is then cached as absent by both clients).

const KEYS = 1_000;
const VALUE_SIZE = 100;

interface Params {
  readonly hitPercent: 100 | 50;
  readonly inMemoryFormat: 'BINARY' | 'OBJECT';
}

function scenario(hitPercent: 100 | 50, inMemoryFormat: Params['inMemoryFormat'], concurrency: number) {
  const format = inMemoryFormat === 'BINARY' ? '' : ' OBJECT';
  return {
    name: `get ${hitPercent}% hit${format} c=${concurrency}`,
    concurrency,
    params: { hitPercent, inMemoryFormat } satisfies Params,
  };
}

interface NearCachedMap {
  get(key: string): Promise<unknown>;
  putAll(entries: Array<[string, Buffer]>): Promise<unknown>;
}

export const nearCacheBenchmark: FeatureBenchmark = {
  name: 'near-cache',
  cluster: { members: 1 },
  quick: [scenario(100, 'BINARY', 32), scenario(50, 'BINARY', 32)],
  full: [
    scenario(100, 'BINARY', 1),
    scenario(100, 'BINARY', 32),
    scenario(100, 'OBJECT', 32),
    scenario(50, 'BINARY', 32),
    scenario(50, 'OBJECT', 32),
  ],
  async prepare(
    kind: ClientKind,
    target: FeatureTarget,
    { params }: FeatureScenario,
  ): Promise<PreparedDriver> {
    const { hitPercent, inMemoryFormat } = params as unknown as Params;
    const mapName = `near-cache-bench-${inMemoryFormat.toLowerCase()}`;
    const { map, close, cachedCount } =
      kind === 'ours'
        ? await connectOurs(target, mapName, inMemoryFormat)
        : await connectOfficial(target, mapName, inMemoryFormat);
    const keys = Array.from({ length: KEYS }, (_, i) => `key-${i}`);
    const value = Buffer.alloc(VALUE_SIZE, 0x61);
    await map.putAll(keys.map((key) => [key, value]));
    // Warm: read every key until all of them are cached (ours caches once its invalidation listener is
    // registered and its first metadata arrived; the official client's get waits for its listener).
    for (let attempt = 0; cachedCount() < KEYS; attempt++) {
      if (attempt > 200)
        throw new Error(`bench near-cache: only ${cachedCount()} of ${KEYS} keys got cached`);
      for (const key of keys) await map.get(key);
      if (cachedCount() < KEYS) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Keys read once each, for the missing half (unique per process and run).
    const missPrefix = `miss-${process.pid}-${Date.now()}-`;
    let misses = 0;
    const hot = (random: number) => map.get(keys[random % KEYS]!);
    const get =
      hitPercent === 100
        ? hot
        : (random: number) => ((random & 1) === 0 ? hot(random >>> 1) : map.get(`${missPrefix}${misses++}`));
    // A hit resolves without I/O, so a loop of hits would never let the load loop's timers run: every
    // 1,024th operation first yields to the event loop (the same for both clients).
    let count = 0;
    return {
      operation: (random) =>
        (++count & 1023) === 0 ? new Promise(setImmediate).then(() => get(random)) : get(random),
      close,
    };
  },
};

async function connectOurs(
  target: FeatureTarget,
  mapName: string,
  inMemoryFormat: Params['inMemoryFormat'],
): Promise<{ map: NearCachedMap; close(): Promise<void>; cachedCount(): number }> {
  const { HazelcastClient, getMap } = await import('@hz/core-client');
  const { nearCache, getNearCacheStats } = await import('@hz/near-cache');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses] },
    properties: { 'hazelcast.logging.level': 'ERROR' },
    plugins: [nearCache({ [mapName]: { inMemoryFormat } })],
  });
  const map = getMap<string, Buffer>(client, mapName);
  return {
    map,
    close: () => client.shutdown(),
    cachedCount: () => getNearCacheStats(map)?.ownedEntryCount ?? 0,
  };
}

async function connectOfficial(
  target: FeatureTarget,
  mapName: string,
  inMemoryFormat: Params['inMemoryFormat'],
): Promise<{ map: NearCachedMap; close(): Promise<void>; cachedCount(): number }> {
  const { Client, InMemoryFormat } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses] },
    properties: { 'hazelcast.logging.level': 'ERROR' },
    nearCaches: {
      [mapName]: {
        inMemoryFormat: inMemoryFormat === 'BINARY' ? InMemoryFormat.BINARY : InMemoryFormat.OBJECT,
      },
    },
  });
  const map = await client.getMap<string, Buffer>(mapName);
  // The official client has no public near-cache statistics; its proxy keeps them on its near cache.
  const internal = map as unknown as { nearCache?: { getStatistics(): { entryCount: number } } };
  return {
    map: { get: (key) => map.get(key), putAll: (entries) => map.putAll(entries) },
    close: () => client.shutdown(),
    cachedCount: () => internal.nearCache?.getStatistics().entryCount ?? 0,
  };
}
