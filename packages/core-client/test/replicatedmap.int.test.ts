import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ClientNotActiveError,
  type EntryEvent,
  getReplicatedMap,
  type HazelcastClient,
  IllegalArgumentError,
  type MapEvent,
  Predicates,
} from '../src/index';
import { connect, expectRefusedBeforeSending, keyOwnedBy } from './helpers';

// A replicated map is eventually consistent: the owner of a key's partition applies a write and replicates
// it to the other members in the background. Results of writes are exact; reads of the whole map (served by
// one member) and reads by another client are awaited with vi.waitFor, bounded.
const cluster = useCluster({ members: 3 });
let observer: HazelcastClient;

beforeAll(async () => {
  observer = await connect(cluster.current);
});

afterAll(async () => {
  await observer?.shutdown();
});

const READ_BACK = { timeout: 15_000, interval: 50 };
const sorted = <T>(items: T[]): T[] => [...items].sort();
const sortedPairs = (pairs: Array<[string, unknown]>) => pairs.map(([k, v]) => `${k}=${v}`).sort();

for (const smartRouting of [true, false]) {
  describe(`ReplicatedMap, ${smartRouting ? 'smart' : 'unisocket'} routing, 3 members`, () => {
    let client: HazelcastClient;

    beforeAll(async () => {
      client = await connect(cluster.current, { network: { smartRouting } });
    });

    afterAll(async () => {
      await client?.shutdown();
    });

    it('put, get, remove, contains*, size, isEmpty and the listings, read back by a second client', async () => {
      const name = `basic-${smartRouting}`;
      const rm = getReplicatedMap<string, number>(client, name);
      const seen = getReplicatedMap<string, number>(observer, name);
      expect(await rm.isEmpty()).toBe(true);
      expect(await rm.put('a', 1)).toBeNull();
      expect(await rm.put('a', 2)).toBe(1);
      expect(await rm.put('b', 3)).toBeNull();
      expect(await rm.put('c', 4)).toBeNull();
      expect(await rm.get('a')).toBe(2);
      expect(await rm.get('absent')).toBeNull();
      expect(await rm.remove('c')).toBe(4);
      expect(await rm.remove('c')).toBeNull();
      await vi.waitFor(async () => {
        expect(await seen.get('a')).toBe(2);
        expect(await seen.get('c')).toBeNull();
        expect(await seen.containsKey('b')).toBe(true);
        expect(await seen.containsKey('c')).toBe(false);
        expect(await seen.containsValue(3)).toBe(true);
        expect(await seen.containsValue(4)).toBe(false);
        expect(await seen.size()).toBe(2);
        expect(await seen.isEmpty()).toBe(false);
        expect(sorted(await seen.keySet())).toEqual(['a', 'b']);
        expect(sorted(await seen.values())).toEqual([2, 3]);
        expect(sortedPairs(await seen.entrySet())).toEqual(['a=2', 'b=3']);
      }, READ_BACK);
      // The writer's own whole-map reads converge the same way.
      await vi.waitFor(async () => expect(await rm.size()).toBe(2), READ_BACK);
    });

    it('putAll stores keys of every member in one call; clear empties every member', async () => {
      const name = `put-all-${smartRouting}`;
      const rm = getReplicatedMap<string, string>(client, name);
      const seen = getReplicatedMap<string, string>(observer, name);
      // One key owned by each member: the one request stores each key on its owner.
      const keys = await Promise.all(
        cluster.current.liveMembers.map((member, i) => keyOwnedBy(client, member.uuid!, `rpa${i}`)),
      );
      await rm.putAll(keys.map((key) => [key, `value of ${key}`] as const));
      await rm.putAll([]);
      for (const key of keys) expect(await rm.get(key)).toBe(`value of ${key}`);
      await vi.waitFor(async () => {
        expect(sorted(await seen.keySet())).toEqual(sorted(keys));
        for (const key of keys) expect(await seen.get(key)).toBe(`value of ${key}`);
      }, READ_BACK);
      await rm.clear();
      for (const key of keys) expect(await rm.get(key)).toBeNull();
      await vi.waitFor(async () => {
        expect(await seen.size()).toBe(0);
        expect(await seen.isEmpty()).toBe(true);
        expect(await seen.keySet()).toEqual([]);
      }, READ_BACK);
    });

    it('destroy removes the map from every member; getDistributedObjects lists it as a ReplicatedMap', async () => {
      const name = `destroyed-${smartRouting}`;
      const rm = getReplicatedMap<string, string>(client, name);
      await rm.put('k', 'v');
      expect(rm.getServiceName()).toBe('hz:impl:replicatedMapService');
      // The cluster lists the object once this client's Client.CreateProxy (sent in the background) is done.
      await vi.waitFor(async () => {
        const listed = (await client.getDistributedObjects()).find((o) => o.getName() === name);
        expect(listed?.getServiceName()).toBe('hz:impl:replicatedMapService');
        expect(typeof (listed as { entrySet?: unknown }).entrySet).toBe('function');
      }, READ_BACK);
      await rm.destroy();
      await vi.waitFor(
        async () =>
          expect((await observer.getDistributedObjects()).map((o) => o.getName())).not.toContain(name),
        READ_BACK,
      );
      await vi.waitFor(async () => expect(await getReplicatedMap(observer, name).size()).toBe(0), READ_BACK);
    });

    it('an entry put with a TTL disappears from every member; without one it stays', async () => {
      const name = `ttl-${smartRouting}`;
      const rm = getReplicatedMap<string, string>(client, name);
      const seen = getReplicatedMap<string, string>(observer, name);
      expect(await rm.put('short', 'v', { ttl: 1_000 })).toBeNull();
      expect(await rm.put('long', 'v', { ttl: 0n })).toBeNull();
      expect(await rm.put('forever', 'v')).toBeNull();
      // Expiry is the member's: wait until it has removed the entry everywhere.
      await vi.waitFor(async () => {
        expect(await seen.get('short')).toBeNull();
        expect(sorted(await seen.keySet())).toEqual(['forever', 'long']);
      }, READ_BACK);
      expect(await rm.get('long')).toBe('v');
      expect(await rm.get('forever')).toBe('v');
    });
  });
}

describe('ReplicatedMap entry listeners', () => {
  let client: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  const recorder = (events: string[]) => {
    const entry = (kind: string) => (e: EntryEvent<string, number>) =>
      events.push(`${kind} ${e.key} ${e.value} ${e.oldValue}`);
    return {
      added: entry('added'),
      updated: entry('updated'),
      removed: entry('removed'),
      evicted: entry('evicted'),
      mapCleared: (e: MapEvent) => events.push(`cleared ${e.numberOfAffectedEntries}`),
    };
  };

  it('report added, updated, removed and cleared with old and new values, once each on 3 members', async () => {
    const name = 'events';
    const events: string[] = [];
    const rm = getReplicatedMap<string, number>(client, name);
    const id = await rm.addEntryListener(recorder(events));
    const writer = getReplicatedMap<string, number>(observer, name);
    await writer.put('a', 1);
    await writer.put('a', 2);
    await writer.remove('a');
    // Absent: nothing changes (the members report a removal without an old value, which the client drops).
    await writer.remove('a');
    await vi.waitFor(() => expect(events).toHaveLength(3), READ_BACK);
    expect(events).toEqual(['added a 1 null', 'updated a 2 1', 'removed a null 2']);
    await writer.putAll([
      ['b', 1],
      ['c', 2],
    ]);
    await vi.waitFor(() => expect(events).toHaveLength(5), READ_BACK);
    expect(sorted(events.slice(3))).toEqual(['added b 1 null', 'added c 2 null']);
    await writer.clear();
    await vi.waitFor(() => expect(events).toHaveLength(6), READ_BACK);
    expect(events[5]).toBe('cleared 2');
    expect(await rm.removeEntryListener(id)).toBe(true);
    expect(await rm.removeEntryListener(id)).toBe(false);
    // Removed: later changes reach another listener but not this one.
    const later: string[] = [];
    await rm.addEntryListener({ added: (e) => later.push(String(e.key)) });
    await writer.put('after', 1);
    await vi.waitFor(() => expect(later).toEqual(['after']), READ_BACK);
    expect(events).toHaveLength(6);
  });

  it('report the expiry of an entry with a TTL as evicted, from every member holding a copy', async () => {
    const events: string[] = [];
    const members: string[] = [];
    await getReplicatedMap<string, number>(client, 'events-ttl').addEntryListener({
      evicted: (e) => {
        events.push(`evicted ${e.key} ${e.value} ${e.oldValue}`);
        members.push(e.member!);
      },
    });
    await getReplicatedMap<string, number>(observer, 'events-ttl').put('t', 7, { ttl: 1_000 });
    // Each member evicts its own copy and reports it.
    await vi.waitFor(
      () => expect(sorted(members)).toEqual(sorted(cluster.current.liveMembers.map((m) => m.uuid!))),
      READ_BACK,
    );
    expect(events).toEqual(['evicted t null 7', 'evicted t null 7', 'evicted t null 7']);
  });

  it('filter by key, by predicate, and by both', async () => {
    const name = 'events-filters';
    const rm = getReplicatedMap<string, number>(client, name);
    const byKey: string[] = [];
    const byPredicate: string[] = [];
    const byBoth: string[] = [];
    await rm.addEntryListener(recorder(byKey), { key: 'wanted' });
    await rm.addEntryListener(recorder(byPredicate), { predicate: Predicates.greaterThan('this', 10) });
    await rm.addEntryListener(recorder(byBoth), {
      key: 'wanted',
      predicate: Predicates.greaterThan('this', 10),
    });
    const writer = getReplicatedMap<string, number>(observer, name);
    await writer.put('other', 5);
    await writer.put('other', 50);
    await writer.put('wanted', 1);
    await writer.put('wanted', 100);
    await writer.remove('wanted');
    await vi.waitFor(() => {
      expect(byKey).toEqual(['added wanted 1 null', 'updated wanted 100 1', 'removed wanted null 100']);
      // The member tests an update's new value and a removal's old value against the predicate.
      expect(sorted(byPredicate)).toEqual(
        sorted(['updated other 50 5', 'updated wanted 100 1', 'removed wanted null 100']),
      );
      expect(byBoth).toEqual(['updated wanted 100 1', 'removed wanted null 100']);
    }, READ_BACK);
  });

  it('a listener without callbacks, a paging predicate or a non-object predicate is refused', async () => {
    const rm = getReplicatedMap<string, number>(client, 'events-bad');
    await expect(rm.addEntryListener({})).rejects.toThrow(
      /ReplicatedMap events-bad: an entry listener needs at least one of added, removed, updated, evicted, mapCleared/,
    );
    await expect(rm.addEntryListener(42 as never)).rejects.toThrow(IllegalArgumentError);
    await expect(
      rm.addEntryListener({ added: () => {} }, { predicate: Predicates.paging(Predicates.alwaysTrue(), 10) }),
    ).rejects.toThrow(/a paging predicate cannot filter entry events/);
    await expect(rm.addEntryListener({ added: () => {} }, { predicate: 'age > 3' as never })).rejects.toThrow(
      /the predicate must be an object the member knows/,
    );
    await expect(rm.addEntryListener({ added: () => {} }, { key: null as never })).rejects.toThrow(
      /a key must not be null/,
    );
  });
});

describe('ReplicatedMap bad input', () => {
  let client: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  it('null or undefined keys and values and bad TTLs are refused with a clear error and nothing is written', async () => {
    const rm = getReplicatedMap<string | null, string | null>(client, 'bad');
    const attempts: Array<[() => Promise<unknown>, RegExp]> = [
      [() => rm.put(null, 'v'), /ReplicatedMap bad: a key must not be null/],
      [() => rm.put('k', null), /ReplicatedMap bad: a value must not be null/],
      [() => rm.put('k', undefined as never), /a value must not be undefined/],
      [() => rm.put('k', 'v', { ttl: -1 }), /ReplicatedMap bad: ttl must be >= 0 milliseconds/],
      [() => rm.put('k', 'v', { ttl: 0.5 }), /ttl must be a safe integer/],
      [() => rm.put('k', 'v', { ttl: 2n ** 64n }), /ttl must fit a signed 64-bit integer/],
      [() => rm.get(null), /a key must not be null/],
      [() => rm.remove(null), /a key must not be null/],
      [() => rm.containsKey(null), /a key must not be null/],
      [() => rm.containsValue(null), /a value must not be null/],
      [() => rm.putAll([['k', null]]), /a value must not be null/],
      [
        () =>
          rm.putAll([
            ['ok', 'v'],
            [null, 'v'],
          ]),
        /a key must not be null/,
      ],
      [() => rm.putAll([['k'] as never]), /\[key, value\] pairs/],
      [() => rm.putAll(undefined as never), /iterable of \[key, value\] pairs/],
    ];
    for (const [attempt, message] of attempts) {
      const result = attempt();
      await expect(result).rejects.toThrow(IllegalArgumentError);
      await expect(result).rejects.toThrow(message);
    }
    // Nothing reached any member: the putAll whose second pair was bad did not store its first one.
    const seen = getReplicatedMap(observer, 'bad');
    expect(await seen.get('ok')).toBeNull();
    expect(await seen.get('k')).toBeNull();
    expect(await seen.size()).toBe(0);
  });

  it('a number or an unknown key where the options go is refused, naming the method and the key; nothing is sent', async () => {
    const rm = getReplicatedMap<string, string>(client, 'bad-options');
    await expectRefusedBeforeSending(client, ['toData', 'invokeOnKey', 'registerListener'], () => [
      [
        rm.put('k', 'v', 5000 as never),
        /^ReplicatedMap bad-options\.put: the options must be an object \{ ttl \}, got number 5000$/,
      ],
      [
        rm.put('k', 'v', { ttlMillis: 5000 } as never),
        /^ReplicatedMap bad-options\.put: unknown option "ttlMillis" \(did you mean "ttl"\?\); known options: ttl$/,
      ],
      [
        rm.addEntryListener({ added: () => {} }, { includeValue: false } as never),
        /^ReplicatedMap bad-options\.addEntryListener: unknown option "includeValue"; known options: key, predicate$/,
      ],
      [
        rm.addEntryListener({ added: () => {} }, 'k' as never),
        /^ReplicatedMap bad-options\.addEntryListener: the options must be an object \{ key, predicate \}, got the string "k"$/,
      ],
    ]);
    expect(await getReplicatedMap(observer, 'bad-options').get('k')).toBeNull();
  });

  it('a shut-down client refuses every call with ClientNotActiveError and writes nothing', async () => {
    const closed = await connect(cluster.current);
    const rm = getReplicatedMap<string, string>(closed, 'closed');
    await closed.shutdown();
    await expect(rm.put('k', 'v')).rejects.toThrow(ClientNotActiveError);
    await expect(rm.putAll([['k', 'v']])).rejects.toThrow(ClientNotActiveError);
    await expect(rm.get('k')).rejects.toThrow(ClientNotActiveError);
    await expect(rm.size()).rejects.toThrow(ClientNotActiveError);
    await expect(rm.addEntryListener({ added: () => {} })).rejects.toThrow(ClientNotActiveError);
    expect(await getReplicatedMap(observer, 'closed').get('k')).toBeNull();
  });
});
