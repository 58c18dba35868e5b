import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

// Queue throughput: one operation moves one item through the queue (offer, then poll), with `concurrency`
// operations in flight, so the queue stays short and every poll finds an item most of the time. Items are
// `valueSize`-byte Buffers (byte[] on the member) in both clients.

interface QueueLike {
  offer(item: Buffer): Promise<unknown>;
  poll(): Promise<unknown>;
}

const scenario = (concurrency: number, valueSize = 100): FeatureScenario => ({
  name: `offer/poll ${valueSize}B c=${concurrency}`,
  concurrency,
  params: { valueSize },
});

export const queueBenchmark: FeatureBenchmark = {
  name: 'queue',
  cluster: { members: 1 },
  quick: [scenario(32)],
  full: [scenario(1), scenario(32), scenario(32, 10 * 1024), scenario(256)],
  async prepare(kind: ClientKind, target: FeatureTarget, s: FeatureScenario): Promise<PreparedDriver> {
    const item = Buffer.alloc(Number(s.params?.valueSize ?? 100), 7);
    const name = `bench-queue-${s.concurrency}`;
    const { queue, close } = kind === 'ours' ? await ours(target, name) : await official(target, name);
    return {
      async operation() {
        await queue.offer(item);
        await queue.poll();
      },
      close,
    };
  },
};

async function ours(
  target: FeatureTarget,
  name: string,
): Promise<{ queue: QueueLike; close(): Promise<void> }> {
  const { HazelcastClient, getQueue } = await import('@hz/core-client');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  return { queue: getQueue<Buffer>(client, name), close: () => client.shutdown() };
}

async function official(
  target: FeatureTarget,
  name: string,
): Promise<{ queue: QueueLike; close(): Promise<void> }> {
  const { Client } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  return { queue: await client.getQueue<Buffer>(name), close: () => client.shutdown() };
}
