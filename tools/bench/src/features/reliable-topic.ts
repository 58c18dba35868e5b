import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget, PreparedDriver } from './feature';

// ReliableTopic publish → receive: one operation publishes a message and completes when a listener of the
// same client has received it, so ops/s is delivered messages/s through the ringbuffer, with the latency
// of the whole trip. Both clients use the default read batch size (10) and overload policy (BLOCK, which
// never waits on a ringbuffer without TTL).

/** What both clients' topics look like to the driver. */
interface BenchTopic {
  publish(message: string): Promise<unknown>;
  listen(onMessage: (message: string) => void): Promise<void>;
  shutdown(): Promise<void>;
}

async function connectOurs(target: FeatureTarget, name: string): Promise<BenchTopic> {
  const { HazelcastClient, getReliableTopic } = await import('@hz/core-client');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses] },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const topic = getReliableTopic<string>(client, name);
  return {
    publish: (message) => topic.publish(message),
    listen: async (onMessage) => {
      await topic.addMessageListener((m) => onMessage(m.message));
    },
    shutdown: () => client.shutdown(),
  };
}

async function connectOfficial(target: FeatureTarget, name: string): Promise<BenchTopic> {
  const { Client } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses] },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const topic = await client.getReliableTopic<string>(name);
  return {
    publish: (message) => topic.publish(message),
    // Its listener starts from the tail it fetches in the background; listen() waits below until it hears.
    listen: async (onMessage) => {
      topic.addMessageListener((m) => onMessage(m.messageObject));
    },
    shutdown: () => client.shutdown(),
  };
}

async function prepare(
  kind: ClientKind,
  target: FeatureTarget,
  scenario: FeatureScenario,
): Promise<PreparedDriver> {
  const name = `bench-rt-${kind}-${process.pid}`;
  const topic = kind === 'ours' ? await connectOurs(target, name) : await connectOfficial(target, name);
  const padding = 'x'.repeat(Number(scenario.params?.payloadBytes ?? 100));
  const waiting = new Map<number, () => void>();
  await topic.listen((message) => {
    const id = Number.parseInt(message, 10);
    const resolve = waiting.get(id);
    if (resolve) {
      waiting.delete(id);
      resolve();
    }
  });
  let next = 0;
  const roundTrip = (): Promise<void> => {
    const id = next++;
    return new Promise<void>((resolve, reject) => {
      waiting.set(id, resolve);
      topic.publish(`${id}:${padding}`).catch((error: unknown) => {
        waiting.delete(id);
        reject(error);
      });
    });
  };
  // Until the listener is running a message may be missed: probe until one comes back.
  for (;;) {
    const probe = roundTrip();
    const heard = await Promise.race([
      probe.then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500)),
    ]);
    if (heard) break;
  }
  return {
    operation: roundTrip,
    close: () => topic.shutdown(),
  };
}

export const reliableTopicBenchmark: FeatureBenchmark = {
  name: 'reliable-topic',
  cluster: { members: 1 },
  quick: [{ name: 'publish→receive 100B c=32', concurrency: 32, params: { payloadBytes: 100 } }],
  full: [
    { name: 'publish→receive 100B c=1', concurrency: 1, params: { payloadBytes: 100 } },
    { name: 'publish→receive 100B c=32', concurrency: 32, params: { payloadBytes: 100 } },
    { name: 'publish→receive 100B c=256', concurrency: 256, params: { payloadBytes: 100 } },
  ],
  units: { unit: 'messages', perOperation: 1 },
  prepare,
};
