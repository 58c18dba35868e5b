import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ClientNotActiveError,
  type EntryEvent,
  getMultiMap,
  type HazelcastClient,
  IllegalArgumentError,
  IllegalMonitorStateError,
  LockContext,
  type MapEvent,
} from '../src/index';
import { connect, expectRefusedBeforeSending, keyOwnedBy } from './helpers';

// MultiMaps named list-* keep every value in insertion order (LIST); the others drop duplicates (SET, the
// member's default).
const cluster = useCluster({
  members: 3,
  xml: '<multimap name="list-*"><value-collection-type>LIST</value-collection-type></multimap>',
});
let observer: HazelcastClient;
/** How long an event or a lock release may take to arrive on a loaded machine. */
const DELIVERY = { timeout: 10_000, interval: 20 };

beforeAll(async () => {
  observer = await connect(cluster.current);
});

afterAll(async () => {
  await observer?.shutdown();
});

const sorted = <T>(items: T[]): T[] => [...items].sort();
const sortedPairs = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${k}=${v}`).sort();

for (const smartRouting of [true, false]) {
  describe(`MultiMap, ${smartRouting ? 'smart' : 'unisocket'} routing, 3 members`, () => {
    let client: HazelcastClient;

    beforeAll(async () => {
      client = await connect(cluster.current, { network: { smartRouting } });
    });

    afterAll(async () => {
      await client?.shutdown();
    });

    it('put, get, valueCount, contains*, size and the listings, read back by a second client', async () => {
      const name = `set-basic-${smartRouting}`;
      const mm = getMultiMap<string, string>(client, name);
      const seen = getMultiMap<string, string>(observer, name);
      expect(await mm.put('fruit', 'apple')).toBe(true);
      expect(await mm.put('fruit', 'pear')).toBe(true);
      // A SET multimap keeps a pair once: the second put of the same pair changes nothing.
      expect(await mm.put('fruit', 'apple')).toBe(false);
      expect(await mm.put('veg', 'leek')).toBe(true);
      expect(await mm.put('veg', 'apple')).toBe(true);

      expect(sorted(await seen.get('fruit'))).toEqual(['apple', 'pear']);
      expect(await seen.get('absent')).toEqual([]);
      expect(await seen.valueCount('fruit')).toBe(2);
      expect(await seen.valueCount('absent')).toBe(0);
      expect(await seen.size()).toBe(4);
      expect(await seen.containsKey('veg')).toBe(true);
      expect(await seen.containsKey('absent')).toBe(false);
      expect(await seen.containsValue('leek')).toBe(true);
      expect(await seen.containsValue('kiwi')).toBe(false);
      expect(await seen.containsEntry('veg', 'apple')).toBe(true);
      expect(await seen.containsEntry('veg', 'pear')).toBe(false);
      expect(sorted(await mm.keySet())).toEqual(['fruit', 'veg']);
      // values() has one element per pair: 'apple' is stored under two keys.
      expect(sorted(await mm.values())).toEqual(['apple', 'apple', 'leek', 'pear']);
      expect(sortedPairs(await mm.entrySet())).toEqual([
        'fruit=apple',
        'fruit=pear',
        'veg=apple',
        'veg=leek',
      ]);
    });

    it('remove(key, value), remove(key), removeAll, delete and clear, read back by a second client', async () => {
      const name = `set-removal-${smartRouting}`;
      const mm = getMultiMap<string, number>(client, name);
      const seen = getMultiMap<string, number>(observer, name);
      for (const [key, value] of [
        ['a', 1],
        ['a', 2],
        ['a', 3],
        ['b', 1],
        ['c', 1],
        ['c', 2],
        ['d', 1],
      ] as const) {
        await mm.put(key, value);
      }
      expect(await mm.remove('a', 2)).toBe(true);
      expect(await mm.remove('a', 2)).toBe(false);
      expect(await mm.remove('absent', 2)).toBe(false);
      expect(sorted(await seen.get('a'))).toEqual([1, 3]);
      // remove(key) hands back every value it removed.
      expect(sorted(await mm.remove('a'))).toEqual([1, 3]);
      expect(await mm.remove('a')).toEqual([]);
      expect(await seen.containsKey('a')).toBe(false);
      expect(sorted(await mm.removeAll('c'))).toEqual([1, 2]);
      expect(await mm.removeAll('c')).toEqual([]);
      await mm.delete('b');
      await mm.delete('absent');
      expect(await seen.keySet()).toEqual(['d']);
      expect(await seen.size()).toBe(1);
      await mm.clear();
      expect(await seen.size()).toBe(0);
      expect(await seen.keySet()).toEqual([]);
    });

    it('putAll stores keys of every member in one call per partition', async () => {
      const name = `set-put-all-${smartRouting}`;
      const mm = getMultiMap<string, string>(client, name);
      const seen = getMultiMap<string, string>(observer, name);
      // One key owned by each member, so the call spans the whole cluster.
      const keys = await Promise.all(
        cluster.current.liveMembers.map((member, i) => keyOwnedBy(client, member.uuid!, `pa${i}`)),
      );
      await mm.putAll([
        [keys[0]!, ['x', 'y']],
        [keys[1]!, new Set(['z'])],
        [keys[2]!, ['x', 'x']],
        ['nothing', []],
      ]);
      expect(sorted(await seen.get(keys[0]!))).toEqual(['x', 'y']);
      expect(await seen.get(keys[1]!)).toEqual(['z']);
      // SET semantics hold for putAll too.
      expect(await seen.get(keys[2]!)).toEqual(['x']);
      expect(await seen.containsKey('nothing')).toBe(false);
      expect(await seen.size()).toBe(4);
      await mm.putAll([]);
      expect(await seen.size()).toBe(4);
    });

    it('destroy removes the multimap for every client; getDistributedObjects lists it as a MultiMap', async () => {
      const name = `set-destroyed-${smartRouting}`;
      const mm = getMultiMap<string, string>(client, name);
      await mm.put('k', 'v');
      expect(mm.getName()).toBe(name);
      expect(mm.getServiceName()).toBe('hz:impl:multiMapService');
      // The cluster lists the object once this client's Client.CreateProxy (sent in the background) is done.
      await vi.waitFor(async () => {
        const listed = (await client.getDistributedObjects()).find((o) => o.getName() === name);
        expect(listed?.getServiceName()).toBe('hz:impl:multiMapService');
        expect(typeof (listed as { valueCount?: unknown }).valueCount).toBe('function');
      }, DELIVERY);
      await mm.destroy();
      await vi.waitFor(
        async () =>
          expect((await observer.getDistributedObjects()).map((o) => o.getName())).not.toContain(name),
        DELIVERY,
      );
      expect(await getMultiMap(observer, name).size()).toBe(0);
    });

    it('a LIST multimap keeps duplicates in insertion order; remove(key, value) removes one of them', async () => {
      const name = `list-values-${smartRouting}`;
      const mm = getMultiMap<string, string>(client, name);
      const seen = getMultiMap<string, string>(observer, name);
      expect(await mm.put('k', 'b')).toBe(true);
      expect(await mm.put('k', 'a')).toBe(true);
      expect(await mm.put('k', 'b')).toBe(true);
      await mm.putAll([['k', ['a', 'c']]]);
      expect(await seen.get('k')).toEqual(['b', 'a', 'b', 'a', 'c']);
      expect(await seen.valueCount('k')).toBe(5);
      expect(await seen.size()).toBe(5);
      expect(await mm.remove('k', 'b')).toBe(true);
      expect(await seen.get('k')).toEqual(['a', 'b', 'a', 'c']);
      expect(await mm.removeAll('k')).toEqual(['a', 'b', 'a', 'c']);
      expect(await seen.size()).toBe(0);
    });
  });
}

describe('MultiMap locks', () => {
  let client: HazelcastClient;
  let other: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
    other = await connect(cluster.current);
  });

  afterAll(async () => {
    await client?.shutdown();
    await other?.shutdown();
  });

  it('two async flows of one client are two owners', async () => {
    const mm = getMultiMap<string, number>(client, 'locks-flows');
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstLocked!: () => void;
    const lockedByFirst = new Promise<void>((resolve) => {
      firstLocked = resolve;
    });
    const first = LockContext.run(async () => {
      await mm.lock('k');
      // Re-entrant: the owner locks again and must unlock twice.
      await mm.lock('k');
      order.push('first locked');
      firstLocked();
      await firstHolds;
      await mm.unlock('k');
      order.push('first unlocks');
      await mm.unlock('k');
    });
    await lockedByFirst;
    const second = LockContext.run(async () => {
      expect(await mm.tryLock('k')).toBe(false);
      expect(await mm.isLocked('k')).toBe(true);
      // A locked key refuses other owners' writes until released: this put waits for the lock.
      const putting = mm.put('k', 1).then((added) => order.push(`second put ${added}`));
      const locking = mm.lock('k').then(() => order.push('second locked'));
      releaseFirst();
      await Promise.all([putting, locking]);
      await mm.unlock('k');
    });
    await Promise.all([first, second]);
    expect(order.slice(0, 2)).toEqual(['first locked', 'first unlocks']);
    expect(sorted(order.slice(2))).toEqual(['second locked', 'second put true']);
    expect(await mm.isLocked('k')).toBe(false);
    expect(await getMultiMap(other, 'locks-flows').get('k')).toEqual([1]);
  });

  it('a lock of one client blocks another until unlocked; leases expire; forceUnlock releases any owner', async () => {
    const mine = getMultiMap<string, number>(client, 'locks-clients');
    const theirs = getMultiMap<string, number>(other, 'locks-clients');
    await mine.lock('k');
    expect(await theirs.isLocked('k')).toBe(true);
    expect(await theirs.tryLock('k', { timeout: 100 })).toBe(false);
    await mine.unlock('k');
    expect(await theirs.tryLock('k', { timeout: 10_000 })).toBe(true);
    expect(await mine.tryLock('k')).toBe(false);
    await mine.forceUnlock('k');
    expect(await theirs.isLocked('k')).toBe(false);
    // A lease releases the lock by itself: the other client gets it while waiting.
    await mine.lock('leased', { leaseTime: 500 });
    expect(await theirs.tryLock('leased', { timeout: 30_000 })).toBe(true);
    await theirs.unlock('leased');
    // tryLock with a lease too.
    expect(await mine.tryLock('leased-2', { leaseTime: 500n })).toBe(true);
    expect(await theirs.tryLock('leased-2', { timeout: 30_000 })).toBe(true);
    await theirs.unlock('leased-2');
  });

  it('unlocking a key one does not own is refused by the member', async () => {
    await getMultiMap<string, number>(other, 'locks-owner').lock('k');
    const mine = getMultiMap<string, number>(client, 'locks-owner');
    await expect(mine.unlock('k')).rejects.toThrow(IllegalMonitorStateError);
    expect(await mine.isLocked('k')).toBe(true);
    await getMultiMap<string, number>(other, 'locks-owner').unlock('k');
    expect(await mine.isLocked('k')).toBe(false);
  });

  it('an aborted lock rejects with AbortError and never leaves the key locked', async () => {
    const mine = getMultiMap<string, number>(client, 'locks-abort');
    const theirs = getMultiMap<string, number>(other, 'locks-abort');
    await theirs.lock('k');
    const controller = new AbortController();
    const locking = LockContext.run(() => mine.lock('k', { signal: controller.signal }));
    const tryLocking = LockContext.run(() =>
      mine.tryLock('k', { timeout: 60_000, signal: controller.signal }),
    );
    controller.abort();
    await expect(locking).rejects.toThrow(AbortError);
    await expect(tryLocking).rejects.toThrow(AbortError);
    // The member still has both requests queued; when the holder unlocks it grants them, and the client
    // gives each grant back at once. Another owner then gets the lock.
    await theirs.unlock('k');
    expect(await theirs.tryLock('k', { timeout: 30_000 })).toBe(true);
    await theirs.unlock('k');
    await vi.waitFor(async () => expect(await theirs.isLocked('k')).toBe(false), DELIVERY);
    // An already aborted signal sends nothing.
    await expect(mine.lock('k', { signal: controller.signal })).rejects.toThrow(AbortError);
    expect(await theirs.isLocked('k')).toBe(false);
  });

  it('a lock with a signal that is not aborted works as usual', async () => {
    const mine = getMultiMap<string, number>(client, 'locks-signal');
    const controller = new AbortController();
    await mine.lock('k', { signal: controller.signal });
    expect(await mine.tryLock('k', { signal: controller.signal })).toBe(true);
    controller.abort();
    expect(await getMultiMap(other, 'locks-signal').isLocked('k')).toBe(true);
    await mine.unlock('k');
    await mine.unlock('k');
    expect(await getMultiMap(other, 'locks-signal').isLocked('k')).toBe(false);
  });
});

describe('MultiMap entry listeners', () => {
  let client: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  it('report added, removed (once per value) and cleared, with values, once each on 3 members', async () => {
    const name = 'events';
    const events: string[] = [];
    const record = (kind: string) => (e: EntryEvent<string, string>) =>
      events.push(`${kind} ${e.key} ${e.value} ${e.oldValue} ${e.name}`);
    const id = await getMultiMap<string, string>(client, name).addEntryListener({
      added: record('added'),
      removed: record('removed'),
      mapCleared: (e: MapEvent) => events.push(`cleared ${e.numberOfAffectedEntries} ${e.name}`),
    });
    const writer = getMultiMap<string, string>(observer, name);
    await writer.put('a', '1');
    await writer.put('a', '1'); // already there: no event
    await writer.put('a', '2');
    await writer.remove('a', '1');
    await writer.remove('a', 'absent'); // nothing removed: no event
    await writer.removeAll('a');
    await vi.waitFor(() => expect(events).toHaveLength(4), DELIVERY);
    expect(events).toEqual([
      `added a 1 null ${name}`,
      `added a 2 null ${name}`,
      `removed a null 1 ${name}`,
      `removed a null 2 ${name}`,
    ]);
    await writer.putAll([
      ['b', ['1', '2']],
      ['c', ['3']],
    ]);
    await vi.waitFor(() => expect(events).toHaveLength(7), DELIVERY);
    expect(sorted(events.slice(4))).toEqual([
      `added b 1 null ${name}`,
      `added b 2 null ${name}`,
      `added c 3 null ${name}`,
    ]);
    // clear reports once, with the number of keys it removed.
    await writer.clear();
    await vi.waitFor(() => expect(events).toHaveLength(8), DELIVERY);
    expect(events[7]).toBe(`cleared 2 ${name}`);
    expect(await getMultiMap(client, name).removeEntryListener(id)).toBe(true);
    expect(await getMultiMap(client, name).removeEntryListener(id)).toBe(false);
  });

  it('delete reports nothing (the member sends no event for it)', async () => {
    const events: string[] = [];
    await getMultiMap<string, string>(client, 'events-delete').addEntryListener({
      added: (e) => events.push(`added ${e.value}`),
      removed: (e) => events.push(`removed ${e.oldValue}`),
    });
    const writer = getMultiMap<string, string>(observer, 'events-delete');
    await writer.put('k', 'x');
    await writer.delete('k');
    // Events of one key come in order from its partition owner: once this one arrived, any event of the
    // delete would have arrived before it.
    await writer.put('k', 'y');
    await vi.waitFor(() => expect(events).toEqual(['added x', 'added y']), DELIVERY);
  });

  it('filter by key and leave values out when asked', async () => {
    const name = 'events-key';
    const withoutValues: Array<[string | null, string | null, string | null]> = [];
    const keyOnly: string[] = [];
    const mm = getMultiMap<string, string>(client, name);
    await mm.addEntryListener(
      {
        added: (e) => withoutValues.push([e.key, e.value, e.oldValue]),
        removed: (e) => withoutValues.push([e.key, e.value, e.oldValue]),
      },
      { includeValue: false },
    );
    await mm.addEntryListener(
      {
        added: (e) => keyOnly.push(`added ${e.key} ${e.value}`),
        removed: (e) => keyOnly.push(`removed ${e.key} ${e.oldValue}`),
      },
      { key: 'wanted' },
    );
    const writer = getMultiMap<string, string>(observer, name);
    await writer.put('other', 'x');
    await writer.put('wanted', 'y');
    await writer.remove('wanted', 'y');
    await vi.waitFor(() => expect(keyOnly).toEqual(['added wanted y', 'removed wanted y']), DELIVERY);
    await vi.waitFor(() => expect(withoutValues).toHaveLength(3), DELIVERY);
    expect(withoutValues).toContainEqual(['other', null, null]);
    expect(withoutValues.filter(([key]) => key === 'wanted')).toEqual([
      ['wanted', null, null],
      ['wanted', null, null],
    ]);
  });

  it('a listener without callbacks, or not an object, is refused before anything is sent', async () => {
    const mm = getMultiMap<string, string>(client, 'events-bad');
    await expect(mm.addEntryListener({})).rejects.toThrow(
      /MultiMap events-bad: an entry listener needs at least one of added, removed, mapCleared/,
    );
    await expect(mm.addEntryListener(null as never)).rejects.toThrow(IllegalArgumentError);
    // 'updated' is no multimap event: on its own it does not make a listener.
    await expect(mm.addEntryListener({ updated: () => {} } as never)).rejects.toThrow(/at least one of/);
    await expect(mm.addEntryListener({ added: () => {} }, { key: null as never })).rejects.toThrow(
      /a key must not be null/,
    );
  });
});

describe('MultiMap bad input', () => {
  let client: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  it('null or undefined keys and values are refused with a clear error and nothing is written', async () => {
    const mm = getMultiMap<string | null, string | null>(client, 'bad');
    const attempts: Array<[() => Promise<unknown>, RegExp]> = [
      [() => mm.put(null, 'v'), /MultiMap bad: a key must not be null/],
      [() => mm.put('k', null), /MultiMap bad: a value must not be null/],
      [() => mm.put('k', undefined as never), /a value must not be undefined/],
      [() => mm.get(null), /a key must not be null/],
      [() => mm.remove(null), /a key must not be null/],
      [() => mm.remove('k', null), /a value must not be null/],
      [() => mm.remove('k', undefined as never), /a value must not be undefined/],
      [() => mm.removeAll(null), /a key must not be null/],
      [() => mm.delete(null), /a key must not be null/],
      [() => mm.containsKey(null), /a key must not be null/],
      [() => mm.containsValue(null), /a value must not be null/],
      [() => mm.containsEntry('k', null), /a value must not be null/],
      [() => mm.valueCount(null), /a key must not be null/],
      [() => mm.putAll([['k', ['v', null]]]), /a value must not be null/],
      [() => mm.putAll([[null, ['v']]]), /a key must not be null/],
      [() => mm.putAll([['k', 'v' as never]]), /an array of values per key/],
      [() => mm.putAll([['k'] as never]), /\[key, values\] pairs/],
      [() => mm.putAll(null as never), /iterable of \[key, values\] pairs/],
      [() => mm.lock(null), /a key must not be null/],
      [() => mm.lock('k', { leaseTime: 0 }), /leaseTime must be > 0/],
      [() => mm.lock('k', { leaseTime: -1 }), /leaseTime must be >= 0/],
      [() => mm.lock('k', { leaseTime: 1.5 }), /leaseTime must be a safe integer/],
      [() => mm.tryLock('k', { timeout: -5 }), /timeout must be >= 0/],
      [() => mm.tryLock(null), /a key must not be null/],
      [() => mm.unlock(null), /a key must not be null/],
      [() => mm.forceUnlock(null), /a key must not be null/],
      [() => mm.isLocked(null), /a key must not be null/],
    ];
    for (const [attempt, message] of attempts) {
      const result = attempt();
      await expect(result).rejects.toThrow(IllegalArgumentError);
      await expect(result).rejects.toThrow(message);
    }
    const seen = getMultiMap(observer, 'bad');
    expect(await seen.size()).toBe(0);
    expect(await seen.isLocked('k')).toBe(false);
  });

  it('a number or an unknown key where the options go is refused, naming the method and the key; nothing is sent', async () => {
    const mm = getMultiMap<string, string>(client, 'bad-options');
    await expectRefusedBeforeSending(client, ['toData', 'invokeOnKey', 'registerListener'], () => [
      [
        mm.lock('k', 1000 as never),
        /^MultiMap bad-options\.lock: the options must be an object \{ leaseTime, signal \}, got number 1000$/,
      ],
      [
        mm.lock('k', { lease: 1000 } as never),
        /^MultiMap bad-options\.lock: unknown option "lease" \(did you mean "leaseTime"\?\); known options: leaseTime, signal$/,
      ],
      [mm.tryLock('k', 100 as never), /^MultiMap bad-options\.tryLock: the options must be an object/],
      [
        mm.tryLock('k', { timeoutMillis: 100 } as never),
        /^MultiMap bad-options\.tryLock: unknown option "timeoutMillis" \(did you mean "timeout"\?\)/,
      ],
      [
        mm.addEntryListener({ added: () => {} }, { predicate: {} } as never),
        /^MultiMap bad-options\.addEntryListener: unknown option "predicate"; known options: key, includeValue$/,
      ],
      [
        mm.addEntryListener({ added: () => {} }, false as never),
        /^MultiMap bad-options\.addEntryListener: the options must be an object \{ key, includeValue \}, got boolean false$/,
      ],
    ]);
    expect(await getMultiMap(observer, 'bad-options').isLocked('k')).toBe(false);
    // null and undefined are no options: the defaults.
    expect(await mm.tryLock('k', null as never)).toBe(true);
    await mm.unlock('k');
    await mm.lock('k', undefined);
    await mm.unlock('k');
  });

  it('a shut-down client refuses every call with ClientNotActiveError and writes nothing', async () => {
    const closed = await connect(cluster.current);
    const mm = getMultiMap<string, string>(closed, 'closed');
    await closed.shutdown();
    await expect(mm.put('k', 'v')).rejects.toThrow(ClientNotActiveError);
    await expect(mm.putAll([['k', ['v']]])).rejects.toThrow(ClientNotActiveError);
    await expect(mm.get('k')).rejects.toThrow(ClientNotActiveError);
    await expect(mm.lock('k')).rejects.toThrow(ClientNotActiveError);
    await expect(mm.addEntryListener({ added: () => {} })).rejects.toThrow(ClientNotActiveError);
    await expect(getMultiMap(closed, 'closed-new').size()).rejects.toThrow(ClientNotActiveError);
    expect(await getMultiMap(observer, 'closed').size()).toBe(0);
  });
});
