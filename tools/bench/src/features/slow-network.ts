import type { Cluster } from '@hz-tools/cluster';
import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

// Map get/set over a slow network: every member sits behind a fault proxy of ours (the members advertise
// the proxies, so both clients route through them) that holds every chunk `latencyMs` (plus up to
// `jitterMs`) in each direction. With one operation in flight a client can do no better than one per round
// trip; with many, what counts is how well it keeps requests flowing while earlier ones are on the wire.
// The proxies run in the orchestrator process, not in the measured one.

const KEYS = 1_000;

const scenario = (concurrency: number, latencyMs: number, jitterMs = 0): FeatureScenario => ({
  name: `get/set 100B c=${concurrency} +${latencyMs}ms${jitterMs ? `±${jitterMs}` : ''}`,
  concurrency,
  params: { latencyMs, jitterMs },
});

interface MapLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: Buffer): Promise<unknown>;
}

export const slowNetworkBenchmark: FeatureBenchmark = {
  name: 'slow-network',
  cluster: { members: 3, proxied: true },
  quick: [scenario(32, 1)],
  full: [scenario(1, 1), scenario(32, 1), scenario(256, 1), scenario(32, 5, 5)],
  configureCluster(cluster: Cluster, s: FeatureScenario) {
    const latencyMs = Number(s.params?.latencyMs ?? 0);
    const jitterMs = Number(s.params?.jitterMs ?? 0);
    for (const proxy of cluster.proxies) proxy.heal().setLatency(latencyMs, { jitterMs });
  },
  async prepare(kind: ClientKind, target: FeatureTarget): Promise<PreparedDriver> {
    const value = Buffer.alloc(100, 7);
    const { map, close } = kind === 'ours' ? await ours(target) : await official(target);
    return {
      operation(random: number) {
        const key = `k${(random >>> 1) % KEYS}`;
        return random & 1 ? map.set(key, value) : map.get(key);
      },
      close,
    };
  },
};

async function ours(target: FeatureTarget): Promise<{ map: MapLike; close(): Promise<void> }> {
  const { HazelcastClient, getMap } = await import('@hz/core-client');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  return { map: getMap<string, Buffer>(client, 'bench-slow-network'), close: () => client.shutdown() };
}

async function official(target: FeatureTarget): Promise<{ map: MapLike; close(): Promise<void> }> {
  const { Client } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const map = await client.getMap<string, Buffer>('bench-slow-network');
  return { map, close: () => client.shutdown() };
}
