import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  getMap,
  getTopic,
  type HazelcastClient,
  IllegalArgumentError,
  type Message,
  type MessageListener,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect, keyOwnedBy, lifecycleReaches } from './helpers';

const cluster = useCluster({ members: 3 });

const fastReconnect = {
  connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 } },
};

/** Collects what a listener receives; `waitFor(n)` resolves once n messages arrived. */
function collector<E>() {
  const messages: Message<E>[] = [];
  const listener: MessageListener<E> = { onMessage: (m) => messages.push(m) };
  return {
    messages,
    listener,
    values: () => messages.map((m) => m.message),
    waitFor: (count: number) =>
      vi.waitFor(() => expect(messages.length).toBeGreaterThanOrEqual(count), {
        timeout: 30_000,
        interval: 20,
      }),
  };
}

/** The member owning the partition a topic publishes through. */
async function ownerOfTopic(client: HazelcastClient, name: string): Promise<string> {
  const context = clientContext(client);
  await getMap(client, '__assign_partitions').get('any');
  const partitionId = context.partitionIdOf(context.toData(name));
  await vi.waitFor(() => expect(context.partitions.owner(partitionId)).toBeDefined(), { timeout: 10_000 });
  return context.partitions.owner(partitionId)!;
}

describe('Topic', () => {
  let publisher: HazelcastClient;
  let smart: HazelcastClient;
  let unisocket: HazelcastClient;

  beforeAll(async () => {
    publisher = await connect(cluster.current);
    smart = await connect(cluster.current, fastReconnect);
    unisocket = await connect(cluster.current, { ...fastReconnect, network: { smartRouting: false } });
  });

  afterAll(async () => {
    await publisher?.shutdown();
    await smart?.shutdown();
    await unisocket?.shutdown();
  });

  it('delivers every message to every listener in publish order, with time and publishing member', async () => {
    const name = 'ordered';
    const viaSmart = collector<number>();
    const viaUnisocket = collector<number>();
    await getTopic<number>(smart, name).addMessageListener(viaSmart.listener);
    await getTopic<number>(unisocket, name).addMessageListener((m) => viaUnisocket.messages.push(m));
    // Once the publisher knows the partition table, it publishes through the topic's partition owner.
    const owner = await ownerOfTopic(publisher, name);
    const before = BigInt(Date.now());
    const topic = getTopic<number>(publisher, name);
    for (let i = 0; i < 50; i++) await topic.publish(i);
    await topic.publishAll(Array.from({ length: 50 }, (_, i) => 50 + i));
    await viaSmart.waitFor(100);
    await viaUnisocket.waitFor(100);
    const expected = Array.from({ length: 100 }, (_, i) => i);
    expect(viaSmart.values()).toEqual(expected);
    expect(viaUnisocket.values()).toEqual(expected);
    const memberUuids = cluster.current.liveMembers.map((m) => m.uuid);
    for (const message of [...viaSmart.messages, ...viaUnisocket.messages]) {
      expect(message.name).toBe(name);
      expect(typeof message.publishTime).toBe('bigint');
      // Member clocks and ours agree to well within a minute on one machine.
      expect(message.publishTime).toBeGreaterThan(before - 60_000n);
      expect(message.publishTime).toBeLessThan(BigInt(Date.now()) + 60_000n);
      expect(memberUuids).toContain(message.member?.uuid);
    }
    // The member that took the messages from the publisher is who they name.
    expect(viaSmart.messages[0]!.member!.uuid).toBe(owner);
  });

  it('removes a listener once; later messages reach only the listeners still registered', async () => {
    const name = 'removal';
    const removed = collector<string>();
    const kept = collector<string>();
    const topic = getTopic<string>(smart, name);
    const id = await topic.addMessageListener(removed.listener);
    await topic.addMessageListener(kept.listener);
    const publishing = getTopic<string>(publisher, name);
    await publishing.publish('before');
    await removed.waitFor(1);
    await kept.waitFor(1);
    expect(await topic.removeMessageListener(id)).toBe(true);
    expect(await topic.removeMessageListener(id)).toBe(false);
    expect(await topic.removeMessageListener('no-such-id')).toBe(false);
    await publishing.publish('after');
    // Both messages come through one connection in order: once `after` reached the kept listener, it
    // would have reached the removed one too.
    await kept.waitFor(2);
    expect(kept.values()).toEqual(['before', 'after']);
    expect(removed.values()).toEqual(['before']);
  });

  it('keeps delivering when a listener throws', async () => {
    const name = 'throwing';
    const seen: string[] = [];
    await getTopic<string>(smart, name).addMessageListener((m) => {
      seen.push(m.message);
      throw new Error('listener failure');
    });
    const topic = getTopic<string>(publisher, name);
    await topic.publish('one');
    await topic.publish('two');
    await vi.waitFor(() => expect(seen).toEqual(['one', 'two']), { timeout: 10_000 });
  });

  it('refuses bad arguments with IllegalArgumentError and sends nothing', async () => {
    const topic = getTopic<unknown>(smart, 'bad-input');
    const context = clientContext(smart);
    const sent = vi.spyOn(context, 'invokeOnPartition');
    const registered = vi.spyOn(context, 'registerListener');
    try {
      await expect(topic.publish(null)).rejects.toThrow(/Topic bad-input: a message must not be null/);
      await expect(topic.publishAll(['a', undefined])).rejects.toThrow(/a message must not be undefined/);
      await expect(topic.publishAll(7 as unknown as [])).rejects.toBeInstanceOf(IllegalArgumentError);
      // Rejected like every other call, not thrown: a caller with only .catch() sees the error.
      await expect(topic.addMessageListener({} as MessageListener<unknown>)).rejects.toThrow(
        /a message listener must be a function or an object with onMessage\(message\)/,
      );
      await expect(topic.addMessageListener(null as unknown as MessageListener<unknown>)).rejects.toThrow(
        IllegalArgumentError,
      );
      await expect(topic.removeMessageListener(3 as unknown as string)).rejects.toBeInstanceOf(
        IllegalArgumentError,
      );
      expect(sent).not.toHaveBeenCalled();
      expect(registered).not.toHaveBeenCalled();
      // An empty batch is no error and needs no request.
      await topic.publishAll([]);
      expect(sent).not.toHaveBeenCalled();
    } finally {
      sent.mockRestore();
      registered.mockRestore();
    }
  });

  it('listeners survive the loss of the member that publishes and of the unisocket connection', async () => {
    // A topic published through the very member the unisocket client is connected to: one crash takes
    // the smart clients' publishing member and the unisocket client's only connection.
    const unisocketMember = clientContext(unisocket).connections.activeConnections[0]!.memberUuid!;
    const name = await keyOwnedBy(publisher, unisocketMember, 'member-loss');
    const viaSmart = collector<string>();
    const viaUnisocket = collector<string>();
    await getTopic<string>(smart, name).addMessageListener(viaSmart.listener);
    await getTopic<string>(unisocket, name).addMessageListener(viaUnisocket.listener);
    const topic = getTopic<string>(publisher, name);
    await topic.publish('before');
    await viaSmart.waitFor(1);
    await viaUnisocket.waitFor(1);
    expect(viaSmart.messages[0]!.member!.uuid).toBe(unisocketMember);

    const reconnected = lifecycleReaches(unisocket, 'DISCONNECTED').then(() =>
      lifecycleReaches(unisocket, 'CONNECTED'),
    );
    await cluster.current.terminateMember(
      cluster.current.liveMembers.find((m) => m.uuid === unisocketMember)!,
    );
    await reconnected;

    // The unisocket listener is registered again in the background once the new connection is up:
    // publish until it hears one. A publish that failed on a dying connection may or may not have
    // happened, so only the confirmed ones are counted on.
    const confirmed = ['before'];
    let attempt = 0;
    await vi.waitFor(
      async () => {
        const value = `after-${attempt++}`;
        await topic.publish(value);
        confirmed.push(value);
        expect(viaUnisocket.values().some((v) => v.startsWith('after-'))).toBe(true);
        expect(viaSmart.values().some((v) => v.startsWith('after-'))).toBe(true);
      },
      { timeout: 60_000, interval: 200 },
    );
    await topic.publish('last');
    confirmed.push('last');
    await vi.waitFor(() => expect(viaSmart.values().at(-1)).toBe('last'), { timeout: 30_000 });
    await vi.waitFor(() => expect(viaUnisocket.values().at(-1)).toBe('last'), { timeout: 30_000 });
    // The smart client kept its registrations on the surviving members: it missed no confirmed message,
    // and nothing came twice or out of order.
    const smartValues = viaSmart.values();
    expect(smartValues.filter((v) => confirmed.includes(v))).toEqual(confirmed);
    expect(new Set(smartValues).size).toBe(smartValues.length);
    const unisocketValues = viaUnisocket.values();
    expect(new Set(unisocketValues).size).toBe(unisocketValues.length);
    expect(unisocketValues.filter((v) => confirmed.includes(v))).toEqual(
      confirmed.filter((v) => unisocketValues.includes(v)),
    );
  });

  it('listeners are registered again after a restart of the whole cluster', async () => {
    const name = 'restart';
    const received = collector<string>();
    const receivedUnisocket = collector<string>();
    await getTopic<string>(smart, name).addMessageListener(received.listener);
    await getTopic<string>(unisocket, name).addMessageListener(receivedUnisocket.listener);
    const reconnected = Promise.all(
      [smart, unisocket].map((c) =>
        lifecycleReaches(c, 'DISCONNECTED').then(() => lifecycleReaches(c, 'CONNECTED')),
      ),
    );
    await cluster.current.restart();
    await reconnected;
    const fresh = await connect(cluster.current);
    try {
      const topic = getTopic<string>(fresh, name);
      let attempt = 0;
      await vi.waitFor(
        async () => {
          await topic.publish(`after-restart-${attempt++}`);
          expect(received.messages.length).toBeGreaterThan(0);
          expect(receivedUnisocket.messages.length).toBeGreaterThan(0);
        },
        { timeout: 60_000, interval: 200 },
      );
      expect(received.values().every((v) => v.startsWith('after-restart-'))).toBe(true);
      const memberUuids = cluster.current.liveMembers.map((m) => m.uuid);
      expect(memberUuids).toContain(received.messages[0]!.member?.uuid);
    } finally {
      await fresh.shutdown();
    }
  });
});
