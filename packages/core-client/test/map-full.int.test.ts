import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  type EntryEvent,
  EntryEventType,
  getMap,
  type HazelcastClient,
  IllegalArgumentError,
  LockContext,
  type MapEvent,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect } from './helpers';

/**
 * TTL and max idle of the expiry test. Members keep entry times in whole seconds, so an entry lives between
 * EXPIRY_MS - 1 s and EXPIRY_MS: 3 s leaves the checks made before it expires at least 2 s.
 */
const EXPIRY_MS = 3_000;
/** The members' background expiration task runs this often and then scans every entry (default 5 s, 10 %). */
const EXPIRATION_TASK_PERIOD_S = 1;

// Per-entry statistics (creation time, hits, …) are off by default since 4.2; the stats-* maps turn them on.
const cluster = useCluster({
  members: 3,
  xml: '<map name="stats-*"><per-entry-stats-enabled>true</per-entry-stats-enabled></map>',
  properties: {
    'hazelcast.internal.map.expiration.task.period.seconds': String(EXPIRATION_TASK_PERIOD_S),
    'hazelcast.internal.map.expiration.cleanup.percentage': '100',
  },
});
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

describe('IMap writes', () => {
  it('putIfAbsent, replace, replaceIfSame, removeIfSame, tryPut, tryRemove, putTransient', async () => {
    const map = getMap<string, string>(client, 'writes');
    const seen = getMap<string, string>(other, 'writes');
    expect(await map.putIfAbsent('k', 'a')).toBeNull();
    expect(await map.putIfAbsent('k', 'b')).toBe('a');
    expect(await map.replace('k', 'c')).toBe('a');
    expect(await map.replace('absent', 'x')).toBeNull();
    expect(await seen.containsKey('absent')).toBe(false);
    expect(await map.replaceIfSame('k', 'wrong', 'd')).toBe(false);
    expect(await map.replaceIfSame('k', 'c', 'd')).toBe(true);
    expect(await seen.get('k')).toBe('d');
    expect(await map.removeIfSame('k', 'wrong')).toBe(false);
    expect(await map.removeIfSame('k', 'd')).toBe(true);
    expect(await map.tryPut('t', 'v', 1000)).toBe(true);
    expect(await map.tryRemove('t', 1000)).toBe(true);
    await map.putTransient('tr', 'v');
    expect(await seen.get('tr')).toBe('v');
    expect(await map.containsValue('v')).toBe(true);
    expect(await map.isEmpty()).toBe(false);
    await map.setAll([
      ['s1', '1'],
      ['s2', '2'],
    ]);
    expect(await seen.size()).toBe(3);
  });

  it('expires entries by TTL and by max idle; setTtl changes it; the entry view shows it', async () => {
    const map = getMap<string, string>(client, 'stats-expiry');
    const expired: string[] = [];
    await map.addEntryListener({ expired: (e) => expired.push(String(e.key)) });
    await map.set('ttl', 'v', { ttl: EXPIRY_MS });
    await map.set('idle', 'v', { maxIdle: EXPIRY_MS });
    await map.set('later', 'v');
    expect(await map.setTtl('later', EXPIRY_MS)).toBe(true);
    expect(await map.setTtl('missing', EXPIRY_MS)).toBe(false);
    const view = (await map.getEntryView('ttl'))!;
    expect(view.key).toBe('ttl');
    expect(view.value).toBe('v');
    expect(view.ttl).toBe(BigInt(EXPIRY_MS));
    expect(view.creationTime).toBeGreaterThan(0n);
    expect(view.lastUpdateTime).toBeGreaterThanOrEqual(view.creationTime);
    expect(view.expirationTime).toBe(view.lastUpdateTime + BigInt(EXPIRY_MS));
    expect(view.version).toBe(0n);
    expect(view.cost).toBeGreaterThan(0n);
    await map.get('ttl');
    expect((await map.getEntryView('ttl'))!.hits).toBeGreaterThanOrEqual(1n);
    // An entry view is no access: it leaves the max-idle clock of 'idle' running.
    const idleView = (await map.getEntryView('idle'))!;
    expect(idleView.maxIdle).toBe(BigInt(EXPIRY_MS));
    expect(await map.getEntryView('missing')).toBeNull();

    // Expiry is a point in time, not an event: wait on the clock (members and this test share the host's)
    // until the latest expiration time the members reported has passed. Then an access of each key finds
    // it expired, removes it and makes its owner emit EXPIRED, without waiting for the background task.
    const laterView = (await map.getEntryView('later'))!;
    const expiresAt = [view, idleView, laterView].reduce(
      (latest, v) => Math.max(latest, Number(v.expirationTime)),
      0,
    );
    // (A timer may fire a millisecond early, hence the loop.)
    while (Date.now() <= expiresAt)
      await new Promise((resolve) => setTimeout(resolve, expiresAt + 1 - Date.now()));
    for (const key of ['ttl', 'idle', 'later']) expect(await map.containsKey(key)).toBe(false);
    // Every key is gone now (expired by that access, or already by the background task, which runs every
    // EXPIRATION_TASK_PERIOD_S and scans every entry) and its event is in flight; a few task periods bound
    // its delivery even on a loaded machine.
    await vi.waitFor(() => expect(expired.sort()).toEqual(['idle', 'later', 'ttl']), {
      timeout: 5 * EXPIRATION_TASK_PERIOD_S * 1000,
      interval: 20,
    });
    expect(await getMap(other, 'stats-expiry').size()).toBe(0);
  });

  it('evicts, evictAll and flush; loadAll without a MapStore is refused by the member', async () => {
    const map = getMap<string, number>(client, 'evict');
    await map.set('a', 1);
    await map.set('b', 2);
    expect(await map.evict('a')).toBe(true);
    expect(await map.evict('a')).toBe(false);
    await map.flush();
    await map.evictAll();
    expect(await getMap(other, 'evict').size()).toBe(0);
    await expect(map.loadAll()).rejects.toThrow(/configure a map store/);
  });

  it('lists keys, values and entries', async () => {
    const map = getMap<string, number>(client, 'listing');
    await map.putAll([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect((await map.keySet()).sort()).toEqual(['a', 'b', 'c']);
    expect((await map.values()).sort()).toEqual([1, 2, 3]);
    expect(new Map(await map.entrySet())).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );
  });
});

describe('IMap locks', () => {
  it('two async flows of one client are two owners', async () => {
    const map = getMap<string, number>(client, 'locks');
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
      await map.lock('k');
      order.push('first locked');
      firstLocked();
      await firstHolds;
      order.push('first unlocks');
      await map.unlock('k');
    });
    await lockedByFirst;
    const second = LockContext.run(async () => {
      expect(await map.tryLock('k', { timeout: 0 })).toBe(false);
      expect(await map.isLocked('k')).toBe(true);
      const locking = map.lock('k').then(() => order.push('second locked'));
      releaseFirst();
      await locking;
      await map.unlock('k');
    });
    await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first unlocks', 'second locked']);
    expect(await map.isLocked('k')).toBe(false);
  });

  it('a lock of one client blocks another client until unlocked; forceUnlock releases any owner', async () => {
    const mine = getMap<string, number>(client, 'locks-2');
    const theirs = getMap<string, number>(other, 'locks-2');
    await mine.lock('k');
    expect(await theirs.tryLock('k', { timeout: 100 })).toBe(false);
    expect(await theirs.tryPut('k', 1, 100)).toBe(false);
    await mine.unlock('k');
    expect(await theirs.tryLock('k', { timeout: 1000 })).toBe(true);
    await mine.forceUnlock('k');
    expect(await mine.isLocked('k')).toBe(false);
    // A lease releases the lock by itself.
    await mine.lock('leased', { leaseTime: 500 });
    expect(await theirs.tryLock('leased', { timeout: 10_000 })).toBe(true);
    await theirs.unlock('leased');
  });

  it('an aborted lock rejects with AbortError and never leaves the key locked for the aborted owner', async () => {
    const mine = getMap<string, number>(client, 'locks-abort');
    const theirs = getMap<string, number>(other, 'locks-abort');
    await theirs.lock('k');
    const controller = new AbortController();
    // Parked on the member behind the other client's lock.
    const waiting = LockContext.run(() => mine.lock('k', { signal: controller.signal }));
    controller.abort();
    await expect(waiting).rejects.toThrow(AbortError);
    await expect(mine.tryLock('k', { signal: AbortSignal.abort() })).rejects.toThrow(AbortError);
    // The member grants the parked request once the other client unlocks: the client gives it back.
    await theirs.unlock('k');
    await vi.waitFor(async () => expect(await mine.isLocked('k')).toBe(false), {
      timeout: 10_000,
      interval: 100,
    });
    expect(await theirs.tryLock('k', { timeout: 5_000 })).toBe(true);
    await theirs.unlock('k');
    await expect(mine.lock('k', { leaseTime: 0 })).rejects.toThrow(/leaseTime must be > 0/);
  });

  it('unlocking a key one does not own is refused by the member', async () => {
    const mine = getMap<string, number>(client, 'locks-3');
    await getMap<string, number>(other, 'locks-3').lock('k');
    await expect(mine.unlock('k')).rejects.toThrow(/IllegalMonitorState/);
    await getMap<string, number>(other, 'locks-3').unlock('k');
  });
});

describe('IMap entry listeners', () => {
  it('report added, updated, removed, evicted, clear-all and evict-all with old and new values', async () => {
    const map = getMap<string, string>(client, 'events');
    const events: string[] = [];
    // Each event also says which kind it is (Python's event_type), whichever callback it reaches.
    const eventTypes = new Set<string>();
    const record = (kind: string) => (e: EntryEvent<string, string>) => {
      events.push(`${kind} ${e.key} ${e.value} ${e.oldValue}`);
      eventTypes.add(`${kind}=${e.eventType}`);
    };
    const mapWide = (kind: string) => (e: MapEvent) => {
      events.push(`${kind} ${e.numberOfAffectedEntries}`);
      eventTypes.add(`${kind}=${e.eventType}`);
    };
    const id = await map.addEntryListener({
      added: record('added'),
      updated: record('updated'),
      removed: record('removed'),
      evicted: record('evicted'),
      mapCleared: mapWide('cleared'),
      mapEvicted: mapWide('evictedAll'),
    });
    const writer = getMap<string, string>(other, 'events');
    await writer.set('a', '1');
    await writer.set('a', '2');
    await writer.remove('a');
    await writer.set('b', '1');
    await writer.evict('b');
    await writer.set('c', '1');
    await writer.evictAll();
    await writer.set('d', '1');
    await writer.clear();
    await vi.waitFor(() => expect(events).toHaveLength(9));
    // Hazelcast orders the events of one key (one partition); events of different keys and the map-wide
    // ones come from different members, in any order. The affected counts show evictAll ran after c was
    // added and before d, and clear after d.
    expect([...events].sort()).toEqual(
      [
        'added a 1 null',
        'updated a 2 1',
        'removed a null 2',
        'added b 1 null',
        'evicted b null 1',
        'added c 1 null',
        'evictedAll 1',
        'added d 1 null',
        'cleared 1',
      ].sort(),
    );
    expect(events.filter((e) => e.split(' ')[1] === 'a')).toEqual([
      'added a 1 null',
      'updated a 2 1',
      'removed a null 2',
    ]);
    expect(events.filter((e) => e.split(' ')[1] === 'b')).toEqual(['added b 1 null', 'evicted b null 1']);
    expect([...eventTypes].sort()).toEqual(
      [
        `added=${EntryEventType.ADDED}`,
        `updated=${EntryEventType.UPDATED}`,
        `removed=${EntryEventType.REMOVED}`,
        `evicted=${EntryEventType.EVICTED}`,
        `evictedAll=${EntryEventType.EVICT_ALL}`,
        `cleared=${EntryEventType.CLEAR_ALL}`,
      ].sort(),
    );
    expect(await map.removeEntryListener(id)).toBe(true);
  });

  it('filters by key and leaves values out when asked', async () => {
    const map = getMap<string, string>(client, 'events-key');
    const events: Array<[string | null, string | null]> = [];
    await map.addEntryListener(
      { added: (e) => events.push([e.key, e.value]) },
      { key: 'wanted', includeValue: false },
    );
    const writer = getMap<string, string>(other, 'events-key');
    await writer.set('other', 'x');
    await writer.set('wanted', 'y');
    await vi.waitFor(() => expect(events).toEqual([['wanted', null]]));
  });

  it('rejects a listener without callbacks', async () => {
    await expect(getMap(client, 'events-bad').addEntryListener({})).rejects.toThrow(
      /needs at least one of added/,
    );
  });
});

describe('IMap options', () => {
  it('a number or an unknown key where the options go is refused, naming the method and the key; nothing is sent', async () => {
    const map = getMap<string, string>(client, 'bad-options');
    const context = clientContext(client);
    const serialized = vi.spyOn(context, 'toData');
    const sent = vi.spyOn(context, 'invokeOnKey');
    const registered = vi.spyOn(context, 'registerListener');
    try {
      // Each call is made here, not in a callback: a synchronous throw would fail the test.
      const cases: Array<[Promise<unknown>, RegExp]> = [
        [
          map.put('k', 'v', 5000 as never),
          /^Map bad-options\.put: the options must be an object \{ ttl, maxIdle \}, got number 5000$/,
        ],
        [
          map.set('k', 'v', { ttlMillis: 5000 } as never),
          /^Map bad-options\.set: unknown option "ttlMillis" \(did you mean "ttl"\?\); known options: ttl, maxIdle$/,
        ],
        [
          map.putIfAbsent('k', 'v', { max_idle: 5000 } as never),
          /^Map bad-options\.putIfAbsent: unknown option "max_idle"/,
        ],
        [
          map.putTransient('k', 'v', '5000' as never),
          /^Map bad-options\.putTransient: the options must be an object/,
        ],
        [
          map.lock('k', 1000 as never),
          /^Map bad-options\.lock: the options must be an object \{ leaseTime, signal \}/,
        ],
        [
          map.tryLock('k', { timeoutMillis: 100 } as never),
          /^Map bad-options\.tryLock: unknown option "timeoutMillis" \(did you mean "timeout"\?\)/,
        ],
        [
          map.addEntryListener({ added: () => {} }, { localOnly: true } as never),
          /^Map bad-options\.addEntryListener: unknown option "localOnly"; known options: key, predicate, includeValue$/,
        ],
      ];
      for (const [call, message] of cases) {
        const error = await call.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, String(message)).toBeInstanceOf(IllegalArgumentError);
        expect((error as Error).message).toMatch(message);
      }
      expect(serialized).not.toHaveBeenCalled();
      expect(sent).not.toHaveBeenCalled();
      expect(registered).not.toHaveBeenCalled();
    } finally {
      serialized.mockRestore();
      sent.mockRestore();
      registered.mockRestore();
    }
    expect(await map.containsKey('k')).toBe(false);
    expect(await map.isLocked('k')).toBe(false);
    // null and undefined are no options: the defaults.
    expect(await map.tryLock('k', null as never)).toBe(true);
    await map.unlock('k');
    await map.set('k', 'v', undefined);
    expect(await getMap(other, 'bad-options').get('k')).toBe('v');
  });
});

describe('IMap bad arguments', () => {
  it('are refused with IllegalArgumentError naming the map and the argument, before anything is sent', async () => {
    const map = getMap<string, string>(client, 'bad-arguments');
    const bad = map as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(map.lock('k', { signal: {} as AbortSignal })).rejects.toThrow(
      /map bad-arguments: signal must be an AbortSignal, got object/,
    );
    await expect(bad.removeInterceptor!(null)).rejects.toThrow(
      /Map bad-arguments: removeInterceptor: the id must be the string addInterceptor returned, got null/,
    );
    await expect(bad.loadAll!(undefined, 'yes')).rejects.toThrow(
      /Map bad-arguments: loadAll: replaceExistingValues must be true or false, got string/,
    );
    await expect(map.addEntryListener({ added: () => {} }, { includeValue: 'yes' as never })).rejects.toThrow(
      /Map bad-arguments: includeValue must be true or false, got string/,
    );
    await expect(bad.putAll!({ a: '1' })).rejects.toThrow(
      /putAll\/setAll take an iterable of \[key, value\] pairs .* got object \(a plain object is not iterable: use Object.entries\(it\)\)/,
    );
    // A bigint TTL beyond the int64 range is refused, not wrapped modulo 2^64 into a short one.
    await expect(map.set('k', 'v', { ttl: 2n ** 64n + 1000n })).rejects.toThrow(
      /ttl must fit a signed 64-bit integer, got 18446744073709552616/,
    );
    await expect(map.setTtl('k', 2n ** 63n)).rejects.toThrow(/ttl must fit a signed 64-bit integer/);
    await expect(map.set('k', 'v', { ttl: '1000' as never })).rejects.toThrow(
      /ttl must be a whole number of milliseconds >= 0, got the string "1000"/,
    );
    expect(await map.containsKey('k')).toBe(false);
    expect(await map.isLocked('k')).toBe(false);
    // tryPut and tryRemove take their timeout as any 64-bit input.
    expect(await map.tryPut('k', 'v', 10n)).toBe(true);
    expect(await map.tryRemove('k', Long.fromInt(10))).toBe(true);
  });
});
