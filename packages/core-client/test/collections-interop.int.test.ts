import { createRequire } from 'node:module';
import { typed } from '@hz/serialization';
import { runPython } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getList, getMap, getQueue, getSet, type HazelcastClient, type ItemEvent } from '../src/index';
import { connect } from './helpers';

// Queue, List and Set between @hz and the official clients: the Node.js hazelcast-client (a test-only
// devDependency) and the Python client (through runPython), both directions, including item events and a
// blocking take on either side.
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the official client is untyped JavaScript here
type Any = any;
const official = require('hazelcast-client') as Any;

const cluster = useCluster({ members: 2 });
let ours: HazelcastClient;
let theirs: Any;

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

/** Values both Node clients write and read the same way. */
const SHARED: unknown[] = ['héllo ✓', 3.25, true, { a: 1, b: ['x', null] }, [1.5, 2.5], ['p', 'q']];

describe('the official Node.js client', () => {
  it('queue: reads what @hz offered in order, and @hz reads what it offered', async () => {
    const mine = getQueue<unknown>(ours, 'node-queue');
    const other = await theirs.getQueue('node-queue');
    await mine.addAll(SHARED);
    expect(await other.toArray()).toEqual(SHARED);
    for (const value of SHARED) expect(await other.poll()).toEqual(value);
    for (const value of SHARED) await other.offer(value);
    expect(await mine.size()).toBe(SHARED.length);
    const drained: unknown[] = [];
    expect(await mine.drainTo(drained)).toBe(SHARED.length);
    expect(drained).toEqual(SHARED);
  });

  it('list: positions written by either client are read by the other', async () => {
    const mine = getList<unknown>(ours, 'node-list');
    const other = await theirs.getList('node-list');
    await mine.addAll(SHARED);
    expect(await other.toArray()).toEqual(SHARED);
    expect(await other.get(3)).toEqual(SHARED[3]);
    await other.set(0, 'replaced by them');
    await other.addAt(1, 'inserted by them');
    expect(await mine.get(0)).toBe('replaced by them');
    expect(await mine.get(1)).toBe('inserted by them');
    expect(await mine.indexOf(3.25)).toBe(2);
    expect(await other.indexOf('inserted by them')).toBe(1);
    expect(await mine.removeAt(1)).toBe('inserted by them');
    expect(await other.size()).toBe(SHARED.length);
  });

  it('set: items are equal across clients (same bytes)', async () => {
    const mine = getSet<unknown>(ours, 'node-set');
    const other = await theirs.getSet('node-set');
    expect(await mine.addAll(SHARED)).toBe(true);
    for (const value of SHARED) expect(await other.add(value)).toBe(false); // already there
    expect(await other.size()).toBe(SHARED.length);
    expect(await other.contains({ a: 1, b: ['x', null] })).toBe(true);
    await other.add('theirs');
    expect(await mine.contains('theirs')).toBe(true);
    expect(await mine.remove('héllo ✓')).toBe(true);
    expect(await other.contains('héllo ✓')).toBe(false);
  });

  it('item events of each client reach the other', async () => {
    const ourEvents: string[] = [];
    const theirEvents: string[] = [];
    const record = (into: string[], kind: string) => (e: ItemEvent<unknown> | Any) =>
      into.push(`${kind} ${e.item}`);
    await getQueue<string>(ours, 'node-events').addItemListener({
      itemAdded: record(ourEvents, 'added'),
      itemRemoved: record(ourEvents, 'removed'),
    });
    const other = await theirs.getQueue('node-events');
    await other.addItemListener(
      { itemAdded: record(theirEvents, 'added'), itemRemoved: record(theirEvents, 'removed') },
      true,
    );
    await other.offer('from-them');
    await getQueue<string>(ours, 'node-events').offer('from-us');
    await other.poll();
    await getQueue<string>(ours, 'node-events').poll();
    const expected = ['added from-them', 'added from-us', 'removed from-them', 'removed from-us'];
    await vi.waitFor(() => expect(ourEvents).toEqual(expected), { timeout: 10_000 });
    await vi.waitFor(() => expect(theirEvents).toEqual(expected), { timeout: 10_000 });
  });

  it('a take blocked in either client gets what the other offers', async () => {
    const theirTake = (await theirs.getQueue('node-take')).take();
    await getQueue<string>(ours, 'node-take').offer('to-them');
    expect(await theirTake).toBe('to-them');
    const ourTake = getQueue<string>(ours, 'node-take-back').take();
    await (await theirs.getQueue('node-take-back')).offer('to-us');
    expect(await ourTake).toBe('to-us');
  });
});

describe('the official Python client', () => {
  it('reads the queue, list and set @hz wrote', async () => {
    await getQueue<unknown>(ours, 'py-queue').addAll([
      's',
      2.5,
      true,
      typed(['a', 1], 'ArrayList'),
      typed(7, 'int'),
    ]);
    await getList<unknown>(ours, 'py-list').addAll(['x', 'y', 'x']);
    await getSet<unknown>(ours, 'py-set').addAll(['m', 'n']);
    const read = await runPython<{ queue: unknown[]; list: unknown[]; set: unknown[]; head: unknown }>(
      cluster.current,
      [
        'q = client.get_queue("py-queue").blocking()',
        'head = q.peek()',
        'items = [q.poll() for _ in range(q.size())]',
        'result = {',
        '  "head": head,',
        '  "queue": items,',
        '  "list": client.get_list("py-list").blocking().get_all(),',
        '  "set": sorted(client.get_set("py-set").blocking().get_all()),',
        '}',
      ].join('\n'),
    );
    expect(read.head).toBe('s');
    expect(read.queue).toEqual(['s', 2.5, true, ['a', 1], 7]);
    expect(read.list).toEqual(['x', 'y', 'x']);
    expect(read.set).toEqual(['m', 'n']);
    expect(await getQueue(ours, 'py-queue').size()).toBe(0);
  });

  it('@hz reads what Python wrote (ints, floats, strings, lists), and hears its item events', async () => {
    const events: string[] = [];
    await getList<unknown>(ours, 'py-written-list').addItemListener({
      itemAdded: (e) => events.push(`added ${JSON.stringify(e.item)}`),
      itemRemoved: (e) => events.push(`removed ${JSON.stringify(e.item)}`),
    });
    await runPython(
      cluster.current,
      [
        'q = client.get_queue("py-written-queue").blocking()',
        'q.add_all([1, 2.5, "three", [4, "four"], True])',
        'l = client.get_list("py-written-list").blocking()',
        'l.add_all(["a", "b", "c"])',
        'l.add_at(1, "inserted")',
        'l.remove("c")',
        's = client.get_set("py-written-set").blocking()',
        's.add_all(["u", "v", "u"])',
      ].join('\n'),
    );
    expect(await getQueue<unknown>(ours, 'py-written-queue').iterator()).toEqual([
      1,
      2.5,
      'three',
      [4, 'four'],
      true,
    ]);
    expect(await getList<unknown>(ours, 'py-written-list').getAll()).toEqual(['a', 'inserted', 'b']);
    expect((await getSet<string>(ours, 'py-written-set').getAll()).sort()).toEqual(['u', 'v']);
    await vi.waitFor(
      () =>
        expect(events).toEqual(['added "a"', 'added "b"', 'added "c"', 'added "inserted"', 'removed "c"']),
      { timeout: 10_000 },
    );
  });

  it('a take blocked in Python gets what @hz offers, and the other way round', async () => {
    // Python says when it is about to block (a marker in a map), then takes.
    const pythonTake = runPython<string>(
      cluster.current,
      [
        'client.get_map("py-markers").blocking().put("taking", True)',
        'result = client.get_queue("py-take").blocking().take()',
      ].join('\n'),
    );
    await vi.waitFor(async () => expect(await getMap(ours, 'py-markers').get('taking')).toBe(true), {
      timeout: 60_000,
      interval: 100,
    });
    await getQueue<string>(ours, 'py-take').offer('to-python');
    expect(await pythonTake).toBe('to-python');

    const ourTake = getQueue<string>(ours, 'py-take-back').take();
    await runPython(cluster.current, 'client.get_queue("py-take-back").blocking().offer("to-us")');
    expect(await ourTake).toBe('to-us');
  });
});
