import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  getList,
  getQueue,
  getSet,
  type HazelcastClient,
  type ItemEvent,
  ItemEventType,
  type ItemListener,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect, lifecycleReaches } from './helpers';

const cluster = useCluster({ members: 2 });

/** A listener that records every event as "added x" / "removed x" (x is null without values). */
function recorder<E>(): { events: string[]; raw: ItemEvent<E>[]; listener: ItemListener<E> } {
  const events: string[] = [];
  const raw: ItemEvent<E>[] = [];
  const record = (kind: string) => (event: ItemEvent<E>) => {
    raw.push(event);
    events.push(`${kind} ${event.item === null ? 'null' : String(event.item)}`);
  };
  return { events, raw, listener: { itemAdded: record('added'), itemRemoved: record('removed') } };
}

const waitFor = (assertion: () => void) => vi.waitFor(assertion, { timeout: 20_000, interval: 20 });

describe('item listeners report every event kind, with and without values', () => {
  let client: HazelcastClient;
  let writer: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
    writer = await connect(cluster.current, { network: { smartRouting: false } });
  });

  afterAll(async () => {
    await client?.shutdown();
    await writer?.shutdown();
  });

  it('queue: added by add/offer/put/addAll, removed by poll/take/remove/drainTo/removeAll/retainAll/clear', async () => {
    const name = 'queue-events';
    const withValues = recorder<string>();
    const without = recorder<string>();
    const onlyAdded: string[] = [];
    const queue = getQueue<string>(client, name);
    const ids = [
      await queue.addItemListener(withValues.listener),
      await queue.addItemListener(without.listener, { includeValue: false }),
      await queue.addItemListener({ itemAdded: (e) => onlyAdded.push(e.item!) }, { includeValue: true }),
    ];
    const q = getQueue<string>(writer, name);
    await q.add('a');
    await q.offer('b');
    await q.put('c');
    await q.addAll(['d', 'e', 'f', 'g', 'h', 'i']);
    await q.poll(); // a
    await q.take(); // b
    await q.remove('e');
    await q.drainTo([], { maxSize: 2 }); // c, d
    await q.removeAll(['f']);
    await q.retainAll(['h', 'i']); // removes g
    await q.clear(); // h, i
    const expected = [
      'added a',
      'added b',
      'added c',
      ...['d', 'e', 'f', 'g', 'h', 'i'].map((x) => `added ${x}`),
      'removed a',
      'removed b',
      'removed e',
      'removed c',
      'removed d',
      'removed f',
      'removed g',
      'removed h',
      'removed i',
    ];
    await waitFor(() => expect(withValues.events).toEqual(expected));
    await waitFor(() => expect(without.events).toEqual(expected.map((e) => e.replace(/ .$/, ' null'))));
    await waitFor(() => expect(onlyAdded).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']));
    const event = withValues.raw[0]!;
    expect(event.name).toBe(name);
    expect(event.eventType).toBe(ItemEventType.ADDED);
    expect(withValues.raw.at(-1)!.eventType).toBe(ItemEventType.REMOVED);
    const members = cluster.current.liveMembers.map((m) => m.uuid);
    expect(members).toContain(event.member);

    // Removed listeners hear nothing more; removing twice (or an unknown id) is false.
    for (const id of ids) expect(await queue.removeItemListener(id)).toBe(true);
    expect(await queue.removeItemListener(ids[0]!)).toBe(false);
    expect(await queue.removeItemListener('listener-that-never-was')).toBe(false);
    const after = recorder<string>();
    const probe = await queue.addItemListener(after.listener);
    await q.offer('after-removal');
    await waitFor(() => expect(after.events).toEqual(['added after-removal']));
    expect(withValues.events).toHaveLength(expected.length);
    await queue.removeItemListener(probe);
  });

  it('list: added by add/addAt/addAll/addAllAt/setAt, removed by remove/removeAt/setAt/removeAll/retainAll/clear', async () => {
    const name = 'list-events';
    const withValues = recorder<string>();
    const without = recorder<string>();
    const list = getList<string>(client, name);
    await list.addItemListener(withValues.listener);
    await list.addItemListener(without.listener, { includeValue: false });
    const l = getList<string>(writer, name);
    await l.add('a');
    await l.addAt(0, 'b');
    await l.addAll(['c', 'd']);
    await l.addAllAt(1, ['e', 'f', 'g']);
    await l.setAt(0, 'B'); // the member reports: removed b, added B
    await l.remove('a');
    await l.removeAt(0); // B; the member reports a removal by index without the item
    await l.removeAll(['c']);
    await l.retainAll(['e', 'f', 'g']); // removes d
    await l.clear(); // e, f, g
    // The member reports the items of one addAll in no fixed order: compare as multisets.
    const expected = [
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'B'].map((x) => `added ${x}`),
      ...['b', 'a', 'null', 'c', 'd', 'e', 'f', 'g'].map((x) => `removed ${x}`),
    ];
    await waitFor(() => expect([...withValues.events].sort()).toEqual([...expected].sort()));
    expect(withValues.events.slice(0, 2)).toEqual(['added a', 'added b']);
    expect(withValues.events.slice(7, 11)).toEqual(['removed b', 'added B', 'removed a', 'removed null']);
    await waitFor(() =>
      expect(without.events).toEqual(withValues.events.map((e) => e.replace(/ \w+$/, ' null'))),
    );
  });

  it('set: added by add/addAll, removed by remove/removeAll/retainAll/clear (duplicates add nothing)', async () => {
    const name = 'set-events';
    const withValues = recorder<string>();
    const without = recorder<string>();
    const set = getSet<string>(client, name);
    await set.addItemListener(withValues.listener);
    await set.addItemListener(without.listener, { includeValue: false });
    const s = getSet<string>(writer, name);
    await s.add('a');
    await s.add('a'); // a duplicate: no event
    await s.addAll(['b', 'c', 'd', 'e']);
    await s.remove('a');
    await s.removeAll(['b']);
    await s.retainAll(['d', 'e']); // removes c
    await s.clear(); // d, e (in the set's order)
    await waitFor(() => expect(withValues.events).toHaveLength(10));
    expect(withValues.events.slice(0, 5)).toEqual(['added a', 'added b', 'added c', 'added d', 'added e']);
    expect(withValues.events.slice(5, 8)).toEqual(['removed a', 'removed b', 'removed c']);
    expect([...withValues.events.slice(8)].sort()).toEqual(['removed d', 'removed e']);
    await waitFor(() =>
      expect(without.events).toEqual(withValues.events.map((e) => e.replace(/ .$/, ' null'))),
    );
  });
});

describe('item listeners under failure', () => {
  it('keep reporting after the member owning the structures is killed (smart and unisocket)', async () => {
    for (const smartRouting of [true, false]) {
      const client = await connect(cluster.current, { network: { smartRouting } });
      const writer = await connect(cluster.current);
      try {
        const suffix = smartRouting ? 'smart' : 'unisocket';
        const names = { queue: `q-kill-${suffix}`, list: `l-kill-${suffix}`, set: `s-kill-${suffix}` };
        const queueEvents = recorder<string>();
        const listEvents = recorder<string>();
        const setEvents = recorder<string>();
        await getQueue<string>(client, names.queue).addItemListener(queueEvents.listener);
        await getList<string>(client, names.list).addItemListener(listEvents.listener);
        await getSet<string>(client, names.set).addItemListener(setEvents.listener);
        // Kill the member owning the queue (the other member takes its partitions over).
        await getQueue<string>(writer, names.queue).offer('before');
        await waitFor(() => expect(queueEvents.events).toEqual(['added before']));
        const context = clientContext(writer);
        const partitionId = context.partitionIdOf(context.toData(names.queue));
        await waitFor(() => expect(context.partitions.owner(partitionId)).toBeDefined());
        const owner = context.partitions.owner(partitionId);
        const victim = cluster.current.liveMembers.find((m) => m.uuid === owner)!;
        await cluster.current.terminateMember(victim);
        await cluster.current.waitForClusterSize(1);
        const items = Array.from({ length: 20 }, (_, i) => `after-${i}`);
        for (const item of items) {
          await getQueue<string>(writer, names.queue).offer(item);
          await getList<string>(writer, names.list).add(item);
          await getSet<string>(writer, names.set).add(item);
        }
        // Whether 'before' survived depends on its backup (a member that joined a moment ago may not have
        // had it yet); what is polled, the new owner reports.
        const polled = await getQueue<string>(writer, names.queue).poll();
        expect(polled).not.toBeNull();
        const added = items.map((i) => `added ${i}`);
        await waitFor(() =>
          expect(queueEvents.events).toEqual(['added before', ...added, `removed ${polled}`]),
        );
        await waitFor(() => expect(listEvents.events).toEqual(added));
        await waitFor(() => expect(setEvents.events).toEqual(added));
      } finally {
        await client.shutdown();
        await writer.shutdown();
      }
      await cluster.current.startMember();
    }
  });

  it('are registered again on a restarted cluster', async () => {
    const client = await connect(cluster.current, {
      connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 } },
    });
    try {
      const queueEvents = recorder<string>();
      const listEvents = recorder<string>();
      const setEvents = recorder<string>();
      await getQueue<string>(client, 'q-restart').addItemListener(queueEvents.listener, {
        includeValue: false,
      });
      await getList<string>(client, 'l-restart').addItemListener(listEvents.listener);
      await getSet<string>(client, 's-restart').addItemListener(setEvents.listener);
      const reconnected = lifecycleReaches(client, 'DISCONNECTED').then(() =>
        lifecycleReaches(client, 'CONNECTED'),
      );
      await cluster.current.restart();
      await reconnected;
      const writer = await connect(cluster.current);
      try {
        // Registration runs again in the background after CONNECTED: write until events arrive.
        let attempt = 0;
        let last = '';
        await vi.waitFor(
          async () => {
            const item = `k${attempt++}`;
            last = item;
            await getQueue<string>(writer, 'q-restart').offer(item);
            await getList<string>(writer, 'l-restart').add(item);
            await getSet<string>(writer, 's-restart').add(item);
            expect(queueEvents.events.length).toBeGreaterThan(0);
            expect(listEvents.events.length).toBeGreaterThan(0);
            expect(setEvents.events.length).toBeGreaterThan(0);
          },
          { timeout: 20_000, interval: 200 },
        );
        expect(queueEvents.events[0]).toBe('added null');
        expect(listEvents.events[0]).toMatch(/^added k\d+$/);
        // Once registered, nothing is missed: every later write is reported exactly once. The event of the
        // last item of the loop may still be on its way (the loop stops at the first event of each
        // structure): it comes before the writes below (one partition, events in order).
        await waitFor(() => expect(setEvents.events).toContain(`added ${last}`));
        const before = setEvents.events.length;
        for (let i = 0; i < 10; i++) await getSet<string>(writer, 's-restart').add(`late-${i}`);
        await waitFor(() =>
          expect(setEvents.events.slice(before)).toEqual(
            Array.from({ length: 10 }, (_, i) => `added late-${i}`),
          ),
        );
      } finally {
        await writer.shutdown();
      }
    } finally {
      await client.shutdown();
    }
  });
});
