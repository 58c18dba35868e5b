import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

// What observability costs on the hot path: Map.get with nobody on the diagnostics channels (the default:
// one hasSubscribers check per invocation), with a subscriber on invocation start and end (what an APM
// does), and with client statistics sent every second. The official client has no tracing channels; its
// rounds are plain gets (with its metrics on or off as the scenario says), the baseline to compare with.

const KEYS = 1_000;

interface Params {
  readonly tracing: boolean;
  readonly statistics: boolean;
}

async function prepare(
  kind: ClientKind,
  target: FeatureTarget,
  scenario: FeatureScenario,
): Promise<PreparedDriver> {
  const { tracing, statistics } = scenario.params as unknown as Params;
  const keys = Array.from({ length: KEYS }, (_, i) => `key-${i}`);
  if (kind === 'official') {
    const { Client } = await import('hazelcast-client');
    const client = await Client.newHazelcastClient({
      clusterName: target.clusterName,
      network: { clusterMembers: [...target.addresses] },
      metrics: { enabled: statistics, collectionFrequencySeconds: 1 },
      properties: { 'hazelcast.logging.level': 'ERROR' },
    });
    const map = await client.getMap<string, string>('observability');
    await Promise.all(keys.map((k) => map.set(k, 'v')));
    return { operation: (random) => map.get(keys[random % KEYS]!), close: () => client.shutdown() };
  }
  const { HazelcastClient, getMap, DiagnosticChannels } = await import('@hz/core-client');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses] },
    statistics: { enabled: statistics, periodSeconds: 1 },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const map = getMap<string, string>(client, 'observability');
  await Promise.all(keys.map((k) => map.set(k, 'v')));
  let unsubscribe = () => {};
  if (tracing) {
    const { subscribe, unsubscribe: off } = await import('node:diagnostics_channel');
    const spans = new WeakMap<object, number>();
    // What an APM does per invocation: remember the start, measure at the end.
    const observed = { count: 0, millis: 0 };
    const onStart = (event: unknown) => spans.set(event as object, performance.now());
    const onEnd = (event: unknown) => {
      observed.count++;
      observed.millis += performance.now() - (spans.get(event as object) ?? 0);
    };
    subscribe(DiagnosticChannels.invocationStart, onStart);
    subscribe(DiagnosticChannels.invocationEnd, onEnd);
    unsubscribe = () => {
      off(DiagnosticChannels.invocationStart, onStart);
      off(DiagnosticChannels.invocationEnd, onEnd);
      // A tracing round whose subscriber saw nothing measured nothing.
      if (observed.count === 0) throw new Error('bench: the tracing subscriber saw no invocation');
    };
  }
  return {
    operation: (random) => map.get(keys[random % KEYS]!),
    close: async () => {
      unsubscribe();
      await client.shutdown();
    },
  };
}

const scenarios = [
  { name: 'get c=32 plain', concurrency: 32, params: { tracing: false, statistics: false } },
  { name: 'get c=32 tracing', concurrency: 32, params: { tracing: true, statistics: false } },
  { name: 'get c=32 statistics', concurrency: 32, params: { tracing: false, statistics: true } },
] as const;

export const observabilityBenchmark: FeatureBenchmark = {
  name: 'observability',
  cluster: { members: 1 },
  quick: scenarios,
  full: scenarios,
  prepare,
};
