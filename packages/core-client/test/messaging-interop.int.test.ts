import { createRequire } from 'node:module';
import { runPython } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  getFlakeIdGenerator,
  getPNCounter,
  getReliableTopic,
  getRingbuffer,
  getTopic,
  type HazelcastClient,
  type Message,
  type ReliableMessage,
} from '../src/index';
import { connect } from './helpers';

// Messages, counters, ids and ringbuffer items crossing clients: @hz against the official Node.js client
// (hazelcast-client, a test-only devDependency) and the official Python client (through runPython), on one
// cluster. The Node.js client has no classic Topic, so Topic is checked against Python only.
const require = createRequire(import.meta.url);
const official = require('hazelcast-client') as {
  Client: { newHazelcastClient(config: object): Promise<OfficialClient> };
};
interface OfficialMessage {
  messageObject: unknown;
  publishingTime: { toNumber(): number };
}
interface OfficialClient {
  getReliableTopic(name: string): Promise<{
    publish(message: unknown): Promise<void>;
    addMessageListener(listener: (message: OfficialMessage) => void): string;
    removeMessageListener(id: string): boolean;
  }>;
  getPNCounter(name: string): Promise<{
    addAndGet(delta: number): Promise<{ toNumber(): number }>;
    get(): Promise<{ toNumber(): number }>;
  }>;
  getFlakeIdGenerator(name: string): Promise<{ newId(): Promise<{ toString(): string }> }>;
  getRingbuffer(name: string): Promise<{
    add(item: unknown): Promise<{ toNumber(): number }>;
    readOne(sequence: number): Promise<unknown>;
  }>;
  shutdown(): Promise<void>;
}

const cluster = useCluster({ members: 2 });
const waitOptions = { timeout: 60_000, interval: 100 };

/** Python that listens on `topic`, announces itself on `topic`-ready, and returns what it received. */
function pythonListener(getter: 'get_topic' | 'get_reliable_topic'): string {
  return [
    'import threading',
    'got = []',
    'done = threading.Event()',
    'def on_message(m):',
    // JSON values arrive as HazelcastJsonValue: compare their parsed form.
    '    value = m.message',
    '    got.append(value.loads() if hasattr(value, "loads") else value)',
    '    if len(got) == args["count"]:',
    '        done.set()',
    `topic = client.${getter}(args["name"]).blocking()`,
    'topic.add_listener(on_message)',
    'client.get_topic(args["name"] + "-ready").blocking().publish("ready")',
    'done.wait(60)',
    'result = got',
  ].join('\n');
}

describe('messaging interop with the official clients', () => {
  let client: HazelcastClient;
  let node: OfficialClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
    node = await official.Client.newHazelcastClient({
      clusterName: cluster.current.name,
      network: { clusterMembers: cluster.current.addresses },
      properties: { 'hazelcast.logging.level': 'OFF' },
    });
  });

  afterAll(async () => {
    await node?.shutdown();
    await client?.shutdown();
  });

  /** Runs a Python listener, publishes once it is ready, and returns what it received. */
  async function toPython(
    getter: 'get_topic' | 'get_reliable_topic',
    name: string,
    publish: () => Promise<void>,
    count: number,
  ): Promise<unknown[]> {
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => {
      ready = resolve;
    });
    await getTopic<string>(client, `${name}-ready`).addMessageListener(() => ready());
    const received = runPython<unknown[]>(cluster.current, pythonListener(getter), { name, count });
    await Promise.race([isReady, received]);
    await publish();
    return received;
  }

  it('Topic: Python publishes to @hz listeners, @hz publishes to Python listeners', async () => {
    const fromPython: Message<unknown>[] = [];
    await getTopic(client, 'py-to-hz').addMessageListener((m) => fromPython.push(m));
    await runPython(
      cluster.current,
      'topic = client.get_topic("py-to-hz").blocking()\nfor i in range(20):\n    topic.publish("py-%d" % i)\ntopic.publish(42)',
    );
    await vi.waitFor(() => expect(fromPython).toHaveLength(21), waitOptions);
    expect(fromPython.map((m) => m.message)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `py-${i}`),
      42,
    ]);
    expect(cluster.current.liveMembers.map((m) => m.uuid)).toContain(fromPython[0]!.member?.uuid);

    const topic = getTopic<unknown>(client, 'hz-to-py');
    const received = await toPython(
      'get_topic',
      'hz-to-py',
      async () => {
        for (let i = 0; i < 20; i++) await topic.publish(`hz-${i}`);
        await topic.publishAll([7, { nested: ['json'] }]);
      },
      22,
    );
    expect(received).toEqual([...Array.from({ length: 20 }, (_, i) => `hz-${i}`), 7, { nested: ['json'] }]);
  });

  it('ReliableTopic: messages cross @hz, the Node.js client and Python in both directions', async () => {
    const name = 'rt-interop';
    const ours: ReliableMessage<unknown>[] = [];
    await getReliableTopic(client, name).addMessageListener((m) => {
      ours.push(m);
    });
    const nodeReceived: unknown[] = [];
    const nodeTopic = await node.getReliableTopic(name);
    nodeTopic.addMessageListener((m) => nodeReceived.push(m.messageObject));
    // The Node.js client fetches its start sequence in the background: publish from it until it hears itself.
    let probe = 0;
    await vi.waitFor(async () => {
      await nodeTopic.publish(`probe-${probe++}`);
      expect(nodeReceived.length).toBeGreaterThan(0);
    }, waitOptions);

    await getReliableTopic<string>(client, name).publish('from-hz');
    await nodeTopic.publish('from-node');
    await runPython(
      cluster.current,
      `client.get_reliable_topic("${name}").blocking().publish("from-python")`,
    );
    await vi.waitFor(
      () =>
        expect(ours.map((m) => m.message).filter((m) => !String(m).startsWith('probe-'))).toEqual([
          'from-hz',
          'from-node',
          'from-python',
        ]),
      waitOptions,
    );
    await vi.waitFor(
      () =>
        expect(nodeReceived.filter((m) => !String(m).startsWith('probe-'))).toEqual([
          'from-hz',
          'from-node',
          'from-python',
        ]),
      waitOptions,
    );
    // The Node.js client records its own address as publisher: not a member, so no member here.
    for (const message of ours.slice(-3)) expect(message.member).toBeNull();

    const received = await toPython(
      'get_reliable_topic',
      'rt-to-py',
      async () => {
        await getReliableTopic<unknown>(client, 'rt-to-py').publishAll(['a', 'b', 3]);
        await getReliableTopic<unknown>(client, 'rt-to-py').publish({ k: 'v' });
      },
      4,
    );
    expect(received).toEqual(['a', 'b', 3, { k: 'v' }]);
  });

  it('PNCounter: increments from all three clients add up everywhere', async () => {
    const counter = getPNCounter(client, 'pn-interop');
    expect(await counter.addAndGet(10)).toBe(10n);
    await (await node.getPNCounter('pn-interop')).addAndGet(7);
    await runPython(cluster.current, 'client.get_pn_counter("pn-interop").blocking().add_and_get(5)');
    await vi.waitFor(async () => expect(await counter.get()).toBe(22n), waitOptions);
    const nodeCounter = await node.getPNCounter('pn-interop');
    await vi.waitFor(async () => expect((await nodeCounter.get()).toNumber()).toBe(22), waitOptions);
    await vi.waitFor(
      async () =>
        expect(
          await runPython(cluster.current, 'result = client.get_pn_counter("pn-interop").blocking().get()'),
        ).toBe(22),
      waitOptions,
    );
  });

  it('FlakeIdGenerator: ids of the three clients never collide', async () => {
    const generator = getFlakeIdGenerator(client, 'ids-interop');
    const ours = await Promise.all(Array.from({ length: 2000 }, () => generator.newId()));
    const nodeGenerator = await node.getFlakeIdGenerator('ids-interop');
    const fromNode: string[] = [];
    for (let i = 0; i < 500; i++) fromNode.push((await nodeGenerator.newId()).toString());
    const fromPython = await runPython<string[]>(
      cluster.current,
      'g = client.get_flake_id_generator("ids-interop").blocking()\nresult = [str(g.new_id()) for _ in range(500)]',
    );
    const all = [...ours.map(String), ...fromNode, ...fromPython];
    expect(all).toHaveLength(3000);
    expect(new Set(all).size).toBe(3000);
  });

  it('Ringbuffer: items written by one client are read by the others with the same sequences', async () => {
    const rb = getRingbuffer<unknown>(client, 'rb-interop');
    expect(await rb.add('hz-0')).toBe(0n);
    const nodeRb = await node.getRingbuffer('rb-interop');
    expect((await nodeRb.add('node-1')).toNumber()).toBe(1);
    const python = await runPython<{ seq: number; first: string }>(
      cluster.current,
      'rb = client.get_ringbuffer("rb-interop").blocking()\nresult = {"seq": rb.add("py-2"), "first": rb.read_one(0)}',
    );
    expect(python).toEqual({ seq: 2, first: 'hz-0' });
    const read = await rb.readMany(0, 3, 10);
    expect(read.items).toEqual(['hz-0', 'node-1', 'py-2']);
    expect(await nodeRb.readOne(2)).toBe('py-2');
  });
});
