import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

// The client-level surface on the hot path: 64-bit results (an aggregation that answers with a Java long,
// an entry view of ten longs) and operations without a partition, which the load balancer routes (map size).
// The cluster has a lite member, so the balancer's data-member bookkeeping is exercised too. Both clients
// read the same pre-filled map.

const ENTRIES = 1_000;
const MAP = 'bench-surface';

type Operation = 'count' | 'entryView' | 'size';

interface SurfaceMap {
  count(): Promise<unknown>;
  entryView(key: number): Promise<unknown>;
  size(): Promise<unknown>;
  fill(): Promise<void>;
}

const scenario = (operation: Operation, concurrency: number): FeatureScenario => ({
  name: `${operation} c=${concurrency}`,
  concurrency,
  params: { operation },
});

export const surfaceBenchmark: FeatureBenchmark = {
  name: 'surface',
  cluster: { members: 2, liteMembers: 1 },
  quick: [scenario('entryView', 32), scenario('size', 32)],
  full: [scenario('count', 8), scenario('entryView', 32), scenario('size', 32), scenario('size', 1)],
  async prepare(kind: ClientKind, target: FeatureTarget, s: FeatureScenario): Promise<PreparedDriver> {
    const { map, close } = kind === 'ours' ? await ours(target) : await official(target);
    await map.fill();
    const operation = s.params?.operation as Operation;
    return {
      operation(random) {
        if (operation === 'count') return map.count();
        if (operation === 'entryView') return map.entryView(random % ENTRIES);
        return map.size();
      },
      close,
    };
  },
};

async function ours(target: FeatureTarget): Promise<{ map: SurfaceMap; close(): Promise<void> }> {
  const { HazelcastClient, getMap, Aggregators, typed } = await import('@hz/core-client');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const map = getMap<number, unknown>(client, MAP);
  return {
    map: {
      count: () => map.aggregate(Aggregators.count()),
      entryView: (key) => map.getEntryView(key),
      size: () => map.size(),
      async fill() {
        if ((await map.size()) === ENTRIES) return;
        await map.putAll(Array.from({ length: ENTRIES }, (_, i) => [i, typed(i, 'int')] as const));
      },
    },
    close: () => client.shutdown(),
  };
}

async function official(target: FeatureTarget): Promise<{ map: SurfaceMap; close(): Promise<void> }> {
  const { Client, Aggregators } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const map = await client.getMap<number, unknown>(MAP);
  return {
    map: {
      count: () => map.aggregate(Aggregators.count()),
      entryView: (key) => map.getEntryView(key),
      size: () => map.size(),
      // Our client fills the map first (the warm-up round runs it first); this only covers a lone run.
      async fill() {
        if ((await map.size()) === ENTRIES) return;
        await map.putAll(Array.from({ length: ENTRIES }, (_, i) => [i, i] as [number, unknown]));
      },
    },
    close: () => client.shutdown(),
  };
}
