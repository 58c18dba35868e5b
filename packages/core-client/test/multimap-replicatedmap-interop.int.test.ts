import { createRequire } from 'node:module';
import { typed } from '@hz/serialization';
import { runPython } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getMap, getMultiMap, getReplicatedMap, type HazelcastClient } from '../src/index';
import { connect } from './helpers';

// Cross-client interoperability of MultiMap and ReplicatedMap: what @hz writes, the official Node.js client
// (hazelcast-client) and the official Python client read back identically, and the other way round; locks
// and entry events work across them. Both official clients are test-only oracles.
const require = createRequire(import.meta.url);
const official = require('hazelcast-client') as {
  Client: { newHazelcastClient(config: object): Promise<OfficialClient> };
};
interface OfficialList {
  toArray(): unknown[];
}
interface OfficialMultiMap {
  put(key: string, value: unknown): Promise<boolean>;
  get(key: string): Promise<OfficialList>;
  tryLock(key: string, timeoutMillis?: number): Promise<boolean>;
  isLocked(key: string): Promise<boolean>;
  lock(key: string): Promise<void>;
  unlock(key: string): Promise<void>;
}
interface OfficialReplicatedMap {
  put(key: string, value: unknown, ttl?: number): Promise<unknown>;
  get(key: string): Promise<unknown>;
  size(): Promise<number>;
}
interface OfficialClient {
  getMultiMap(name: string): Promise<OfficialMultiMap>;
  getReplicatedMap(name: string): Promise<OfficialReplicatedMap>;
  shutdown(): Promise<void>;
}

/** A comparable form of values of either client (their Long classes differ). */
function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return `bytes:${value.toString('hex')}`;
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.high === 'number' && typeof record.low === 'number') return `long:${String(value)}`;
    return JSON.parse(JSON.stringify(value));
  }
  return value;
}

const cluster = useCluster({ members: 2 });
const BOUND = { timeout: 15_000, interval: 50 };
let ours: HazelcastClient;
let theirs: OfficialClient;

beforeAll(async () => {
  ours = await connect(cluster.current);
  theirs = await official.Client.newHazelcastClient({
    clusterName: cluster.current.name,
    network: { clusterMembers: cluster.current.addresses },
    properties: { 'hazelcast.logging.level': 'OFF' },
  });
});

afterAll(async () => {
  await ours?.shutdown();
  await theirs?.shutdown();
});

// [name, what @hz writes, how the official Node.js client reads it]
const values: Array<[string, unknown, unknown]> = [
  ['string', 'héllo wörld ✓', 'héllo wörld ✓'],
  ['double', 3.25, 3.25],
  ['boolean', true, true],
  ['long', Long.fromString('-50992225'), 'long:-50992225'],
  ['int', typed(42, 'int'), 42],
  ['byte[]', Buffer.from([1, 2, 255]), 'bytes:0102ff'],
  ['JSON object', { a: 1, b: ['x', null] }, { a: 1, b: ['x', null] }],
];

describe('MultiMap with the official Node.js client', () => {
  it('reads every value @hz put under one key', async () => {
    const mm = getMultiMap<string, unknown>(ours, 'node-ours');
    for (const [, value] of values) expect(await mm.put('k', value)).toBe(true);
    const read = (await (await theirs.getMultiMap('node-ours')).get('k')).toArray();
    expect(read.map(normalize).sort()).toEqual(values.map(([, , expected]) => normalize(expected)).sort());
  });

  it('writes values @hz reads, and @hz reports them to its listener', async () => {
    const added: unknown[] = [];
    const mm = getMultiMap<string, unknown>(ours, 'node-theirs');
    await mm.addEntryListener({ added: (e) => added.push(normalize(e.value)) });
    const theirMultiMap = await theirs.getMultiMap('node-theirs');
    const written = ['s', 2.5, false, { nested: { ok: true } }];
    for (const value of written) expect(await theirMultiMap.put('k', value)).toBe(true);
    expect((await mm.get('k')).map(normalize).sort()).toEqual(written.map(normalize).sort());
    await vi.waitFor(() => expect(added).toEqual(written.map(normalize)), BOUND);
  });

  it('locks exclude each other across the two clients', async () => {
    const mm = getMultiMap<string, string>(ours, 'node-locks');
    const theirMultiMap = await theirs.getMultiMap('node-locks');
    await mm.lock('k');
    expect(await theirMultiMap.isLocked('k')).toBe(true);
    expect(await theirMultiMap.tryLock('k', 0)).toBe(false);
    await mm.unlock('k');
    await theirMultiMap.lock('k');
    expect(await mm.tryLock('k')).toBe(false);
    await theirMultiMap.unlock('k');
    expect(await mm.tryLock('k')).toBe(true);
    await mm.unlock('k');
  });
});

describe('ReplicatedMap with the official Node.js client', () => {
  it('reads every value @hz put', async () => {
    const rm = getReplicatedMap<string, unknown>(ours, 'node-ours');
    await rm.putAll(values.map(([name, value]) => [name, value] as const));
    const theirMap = await theirs.getReplicatedMap('node-ours');
    await vi.waitFor(async () => expect(await theirMap.size()).toBe(values.length), BOUND);
    for (const [name, , expected] of values)
      expect(normalize(await theirMap.get(name))).toEqual(normalize(expected));
  });

  it('writes values (and TTLs) @hz reads, and @hz reports them to its listener', async () => {
    const events: string[] = [];
    const rm = getReplicatedMap<string, unknown>(ours, 'node-theirs');
    await rm.addEntryListener({
      added: (e) => events.push(`added ${e.key} ${JSON.stringify(normalize(e.value))}`),
      updated: (e) => events.push(`updated ${e.key} ${JSON.stringify(normalize(e.value))}`),
      evicted: (e) => events.push(`evicted ${e.key}`),
    });
    const theirMap = await theirs.getReplicatedMap('node-theirs');
    expect(await theirMap.put('a', 1.5)).toBeNull();
    expect(await theirMap.put('a', { x: 'y' })).toBe(1.5);
    expect(await theirMap.put('short', 'lived', 500)).toBeNull();
    await vi.waitFor(async () => {
      expect(normalize(await rm.get('a'))).toEqual({ x: 'y' });
      expect(await rm.get('short')).toBeNull();
    }, BOUND);
    await vi.waitFor(() => expect(events).toContain('evicted short'), BOUND);
    // In order per key; events of different keys may come from different members, in any order.
    expect(events.filter((e) => e.split(' ')[1] === 'a')).toEqual(['added a 1.5', 'updated a {"x":"y"}']);
    expect(events).toContain('added short "lived"');
  });
});

describe('MultiMap with the official Python client', () => {
  it('reads what @hz put, and writes what @hz reads', async () => {
    const mm = getMultiMap<string, unknown>(ours, 'py');
    await mm.putAll([['ours', ['héllo ✓', 2.5, true, typed(7, 'int'), Long.fromNumber(2 ** 40)]]]);
    const read = await runPython<{ ours: unknown[]; count: number }>(
      cluster.current,
      [
        'mm = client.get_multi_map("py").blocking()',
        'mm.put("theirs", "from python")',
        'mm.put("theirs", 11)',
        'mm.put("theirs", 0.5)',
        'mm.put("theirs", False)',
        'result = {"ours": sorted(mm.get("ours"), key=repr), "count": mm.value_count("ours")}',
      ].join('\n'),
    );
    expect(read.count).toBe(5);
    expect(read.ours).toEqual(expect.arrayContaining(['héllo ✓', 2.5, true, 7, 2 ** 40]));
    expect(read.ours).toHaveLength(5);
    expect((await mm.get('theirs')).map(normalize)).toEqual(
      expect.arrayContaining(['from python', 11, 0.5, false]),
    );
    expect(await mm.valueCount('theirs')).toBe(4);
    expect(await mm.containsEntry('theirs', typed(11, 'int'))).toBe(true);
  });

  it('a lock @hz holds keeps the Python client out; a lock Python held dies with its client', async () => {
    const mm = getMultiMap<string, string>(ours, 'py-locks');
    await mm.lock('k');
    const whileLocked = await runPython<{ locked: boolean; got: boolean }>(
      cluster.current,
      'mm = client.get_multi_map("py-locks").blocking()\nresult = {"locked": mm.is_locked("k"), "got": mm.try_lock("k", timeout=0.1)}',
    );
    expect(whileLocked).toEqual({ locked: true, got: false });
    await mm.unlock('k');
    const afterUnlock = await runPython<boolean>(
      cluster.current,
      'mm = client.get_multi_map("py-locks").blocking()\nresult = mm.try_lock("k")',
    );
    expect(afterUnlock).toBe(true);
    // The Python client exited holding the lock: the members release the locks of a client that left.
    await vi.waitFor(async () => expect(await mm.tryLock('k')).toBe(true), {
      timeout: 30_000,
      interval: 200,
    });
    await mm.unlock('k');
  });

  it('the Python client receives the events of what @hz writes', async () => {
    const name = 'py-events';
    // The Python client registers multimap listeners without localOnly, so with smart routing each member
    // forwards every event and copies arrive once per member; the script keeps the first copy of each.
    const listening = runPython<Array<[string, unknown, unknown]>>(
      cluster.current,
      [
        'import threading',
        'events = []',
        'done = threading.Event()',
        'def on_event(kind):',
        '    def record(e):',
        '        event = [kind, e.key, e.value if kind == "added" else e.old_value]',
        '        if event not in events:',
        '            events.append(event)',
        '        if kind == "removed":',
        '            done.set()',
        '    return record',
        `client.get_multi_map("${name}").blocking().add_entry_listener(include_value=True, added_func=on_event("added"), removed_func=on_event("removed"))`,
        `client.get_map("ready").blocking().put("${name}", True)`,
        'done.wait(60)',
        'result = events',
      ].join('\n'),
    );
    // Write once the Python listener is registered (it says so through a map).
    await vi.waitFor(async () => expect(await getMap(ours, 'ready').get(name)).toBe(true), {
      timeout: 60_000,
      interval: 200,
    });
    const mm = getMultiMap<string, unknown>(ours, name);
    await mm.put('k', 'one');
    await mm.put('k', 2.5);
    await mm.remove('k', 'one');
    const events = await listening;
    expect(events).toEqual([
      ['added', 'k', 'one'],
      ['added', 'k', 2.5],
      ['removed', 'k', 'one'],
    ]);
  });
});

describe('ReplicatedMap with the official Python client', () => {
  it('reads what @hz put, and writes what @hz reads', async () => {
    const rm = getReplicatedMap<string, unknown>(ours, 'py');
    expect(await rm.put('s', 'héllo ✓')).toBeNull();
    await rm.putAll([
      ['d', 2.5],
      ['b', true],
      ['i', typed(7, 'int')],
    ]);
    const read = await runPython<Record<string, unknown>>(
      cluster.current,
      [
        'import time',
        'rm = client.get_replicated_map("py").blocking()',
        'deadline = time.time() + 30',
        'while rm.size() < 4 and time.time() < deadline:',
        '    time.sleep(0.05)',
        'result = dict(rm.entry_set())',
        'rm.put("theirs", "from python")',
        'rm.put_all({"n": 11, "f": 0.5})',
      ].join('\n'),
    );
    expect(read).toEqual({ s: 'héllo ✓', d: 2.5, b: true, i: 7 });
    await vi.waitFor(async () => {
      expect(await rm.get('theirs')).toBe('from python');
      expect(await rm.get('n')).toBe(11);
      expect(await rm.get('f')).toBe(0.5);
      expect(await rm.size()).toBe(7);
    }, BOUND);
  });
});
