import { randomBytes } from 'node:crypto';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EntryEvent, getList, getMap, getQueue, type HazelcastClient, Predicates } from '../src/index';
import { clientContext } from '../src/plugin';
import { connect } from './helpers';

// Every byte between the client and each member goes through a fault proxy of ours: 200 ms of latency
// plus up to 100 ms of jitter in each direction (order kept), and every write cut into 1-byte writes, one
// per event-loop turn. The client reads every message in fragments from a real socket: authentication,
// the member list and the partition table, responses, events and backup acks.
const cluster = useCluster({ members: 3, proxied: true });
const LATENCY = 200;
const JITTER = 100;
const WAIT = { timeout: 60_000, interval: 50 };

let client: HazelcastClient;

beforeAll(async () => {
  for (const proxy of cluster.current.proxies) proxy.setLatency(LATENCY, { jitterMs: JITTER }).setSlicing(1);
  client = await connect(cluster.current);
  await vi.waitFor(() => expect(clientContext(client).connections.activeConnections).toHaveLength(3), WAIT);
});

afterAll(async () => {
  await client?.shutdown();
});

describe('200 ms latency with jitter and 1-byte writes', () => {
  it('completes every map operation correctly, one by one and many at once', async () => {
    const map = getMap<string, unknown>(client, 'slow-map');
    expect(await map.put('a', 'first')).toBeNull();
    expect(await map.put('a', 'second')).toBe('first');
    expect(await map.get('a')).toBe('second');
    expect(await map.putIfAbsent('a', 'third')).toBe('second');
    expect(await map.replace('a', 'fourth')).toBe('second');
    expect(await map.containsKey('a')).toBe(true);
    expect(await map.remove('a')).toBe('fourth');
    expect(await map.get('a')).toBeNull();

    // A value larger than the client's 64 KiB write buffer, and one that spans many frames' worth of bytes.
    const blobs = getMap<string, Buffer>(client, 'slow-blobs');
    const big = randomBytes(70_000);
    await blobs.set('big', big);
    expect(Buffer.from((await blobs.get('big'))!).equals(big)).toBe(true);

    // Many requests coalesced into one write, answered by three members at once, every byte on its own.
    const keys = Array.from({ length: 300 }, (_, i) => `k${i}`);
    await Promise.all(keys.map((key, i) => map.set(key, { i, text: `value ${i}` })));
    const values = await Promise.all(keys.map((key) => map.get(key)));
    expect(values).toEqual(keys.map((_, i) => ({ i, text: `value ${i}` })));

    const entries = new Map(await map.getAll(keys));
    expect(entries.size).toBe(keys.length);
    expect(entries.get('k299')).toEqual({ i: 299, text: 'value 299' });
    expect(await map.size()).toBe(keys.length);
    const selected = await map.keySet(Predicates.sql('i >= 290'));
    expect(selected.sort()).toEqual(keys.slice(290).sort());
  });

  it('delivers entry events through fragmented streams', async () => {
    const map = getMap<string, number>(client, 'slow-events');
    const events: EntryEvent<string, number>[] = [];
    await map.addEntryListener({ added: (event) => events.push(event) }, { includeValue: true });
    const keys = Array.from({ length: 60 }, (_, i) => `e${i}`);
    await Promise.all(keys.map((key, i) => map.set(key, i)));
    await vi.waitFor(() => expect(events).toHaveLength(keys.length), WAIT);
    expect(new Map(events.map((e) => [e.key, e.value]))).toEqual(new Map(keys.map((key, i) => [key, i])));
  });

  it('completes queue and list operations in order', async () => {
    const queue = getQueue<string>(client, 'slow-queue');
    const items = Array.from({ length: 50 }, (_, i) => `item-${i}`);
    expect(await queue.addAll(items)).toBe(true);
    expect(await queue.poll()).toBe('item-0');
    expect(await queue.peek()).toBe('item-1');
    const drained: string[] = [];
    expect(await queue.drainTo(drained)).toBe(49);
    expect(drained).toEqual(items.slice(1));
    // A blocking take whose item arrives over the slow path while it waits.
    const taken = queue.take();
    await queue.offer('late');
    expect(await taken).toBe('late');

    const list = getList<number>(client, 'slow-list');
    await list.addAll([1, 2, 3, 4, 5]);
    await list.addAt(0, 0);
    expect(await list.subList(0, 3)).toEqual([0, 1, 2]);
    expect(await list.getAll()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('really went through the proxies one byte at a time, and another client reads the same data', async () => {
    for (const proxy of cluster.current.proxies) {
      for (const direction of ['clientToServer', 'serverToClient'] as const) {
        const stats = proxy.stats[direction];
        expect(stats.bytesForwarded).toBeGreaterThan(0);
        expect(stats.writes).toBe(stats.bytesForwarded);
      }
      proxy.heal();
    }
    const reader = await connect(cluster.current);
    try {
      const map = getMap<string, unknown>(reader, 'slow-map');
      expect(await map.get('k150')).toEqual({ i: 150, text: 'value 150' });
      expect(await map.size()).toBe(300);
      expect(await getList<number>(reader, 'slow-list').size()).toBe(6);
      expect(await getQueue<string>(reader, 'slow-queue').size()).toBe(0);
    } finally {
      await reader.shutdown();
    }
  });
});
