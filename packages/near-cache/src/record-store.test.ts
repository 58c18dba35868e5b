import { describe, expect, it } from 'vitest';
import { resolveMapsConfig } from './config';
import { InvalidationMetadata } from './metadata';
import { NOT_RESERVED, RecordStore, type StoreClock } from './record-store';

function storeWith(options: Record<string, unknown>, clock?: StoreClock): RecordStore {
  const config = resolveMapsConfig({ m: options }).get('m')!;
  return new RecordStore(config, clock);
}

/** Caches `key` -> `value` the way a read does: reserve, then publish. */
function cache(store: RecordStore, key: string, value: unknown = `v-${key}`): void {
  const reservation = store.reserve(`id-${key}`, key, 0);
  expect(reservation).not.toBe(NOT_RESERVED);
  expect(store.publish(`id-${key}`, reservation, value, 10)).toBe(true);
}

function hit(store: RecordStore, key: string): unknown {
  const record = store.byFastKey(key);
  return record === undefined ? undefined : store.lookup(record)?.value;
}

function cachedKeys(store: RecordStore, keys: readonly string[]): string[] {
  return keys.filter((key) => store.byFastKey(key) !== undefined);
}

class FakeClock implements StoreClock {
  time = 1_000_000;
  randoms: number[] = [];
  now(): number {
    return this.time;
  }
  random(): number {
    return this.randoms.shift() ?? 0;
  }
}

describe('the reservation protocol', () => {
  it('publishes a read only while its reservation holds', () => {
    const store = storeWith({});
    const reservation = store.reserve('id-k', 'k', 0);
    expect(hit(store, 'k')).toBeUndefined(); // reserved, not cached yet
    expect(store.reserve('id-k', 'k', 0)).toBe(NOT_RESERVED); // a second read does not take it over
    store.invalidate('id-k'); // a change arrives while the read is in flight
    expect(store.publish('id-k', reservation, 'old', 3)).toBe(false);
    expect(hit(store, 'k')).toBeUndefined();

    // A newer read reserves again; the first read's answer cannot publish over it.
    const newer = store.reserve('id-k', 'k', 0);
    expect(store.publish('id-k', reservation, 'old', 3)).toBe(false);
    expect(store.publish('id-k', newer, 'new', 3)).toBe(true);
    expect(hit(store, 'k')).toBe('new');
    expect(store.invalidations).toBe(0 + 0);
    store.invalidate('id-k');
    expect(store.invalidations).toBe(1);
    expect(store.invalidationRequests).toBe(2);
  });

  it('clear drops reservations too', () => {
    const store = storeWith({});
    const reservation = store.reserve('id-k', 'k', 0);
    store.clear();
    expect(store.publish('id-k', reservation, 'old', 3)).toBe(false);
    expect(store.size).toBe(0);
  });

  it('release gives back only its own reservation', () => {
    const store = storeWith({});
    const first = store.reserve('id-k', 'k', 0);
    store.invalidate('id-k');
    const second = store.reserve('id-k', 'k', 0);
    store.release('id-k', first);
    expect(store.publish('id-k', second, 'v', 1)).toBe(true);
  });

  it('drops entries the repair marked stale, when they are read', () => {
    const store = storeWith({});
    const metadata = new InvalidationMetadata(4);
    store.metadata = metadata;
    cache(store, 'a');
    expect(hit(store, 'a')).toBe('v-a');
    metadata.checkSequence(0, 5, false); // events 1-4 were missed
    expect(hit(store, 'a')).toBe('v-a'); // tolerated until repaired
    metadata.repairMisses();
    expect(hit(store, 'a')).toBeUndefined();
    expect(store.staleReads).toBe(1);
    // Reserved after the repair: at the current sequence, so fresh.
    cache(store, 'a');
    expect(hit(store, 'a')).toBe('v-a');
    metadata.distrust(0);
    expect(hit(store, 'a')).toBeUndefined();
    expect(store.staleReads).toBe(2);
  });
});

describe('eviction', () => {
  const keys = ['a', 'b', 'c', 'd'];

  it('LRU evicts the least recently read entry', () => {
    const store = storeWith({ evictionPolicy: 'LRU', evictionMaxSize: 3 });
    cache(store, 'a');
    cache(store, 'b');
    cache(store, 'c');
    hit(store, 'a');
    hit(store, 'c');
    cache(store, 'd');
    expect(cachedKeys(store, keys)).toEqual(['a', 'c', 'd']);
    expect(store.evictions).toBe(1);
  });

  it('LFU evicts the least often read entry', () => {
    const store = storeWith({ evictionPolicy: 'LFU', evictionMaxSize: 3 });
    cache(store, 'a');
    cache(store, 'b');
    cache(store, 'c');
    for (let i = 0; i < 3; i++) hit(store, 'a');
    hit(store, 'b');
    hit(store, 'c');
    hit(store, 'c');
    cache(store, 'd');
    expect(cachedKeys(store, keys)).toEqual(['a', 'c', 'd']);
  });

  it('RANDOM evicts one sampled entry; NONE stops caching new keys', () => {
    const random = storeWith({ evictionPolicy: 'RANDOM', evictionMaxSize: 3 });
    for (const key of keys) cache(random, key);
    expect(cachedKeys(random, keys)).toHaveLength(3);
    expect(cachedKeys(random, keys)).toContain('d');
    expect(random.evictions).toBe(1);

    const none = storeWith({ evictionPolicy: 'NONE', evictionMaxSize: 3 });
    for (const key of ['a', 'b', 'c']) cache(none, key);
    expect(none.reserve('id-d', 'd', 0)).toBe(NOT_RESERVED);
    expect(cachedKeys(none, keys)).toEqual(['a', 'b', 'c']);
    expect(none.evictions).toBe(0);
  });

  it('samples evictionSamplingCount records and keeps evictionSamplingPoolSize candidates', () => {
    const clock = new FakeClock();
    const store = storeWith(
      { evictionPolicy: 'LRU', evictionMaxSize: 4, evictionSamplingCount: 1, evictionSamplingPoolSize: 1 },
      clock,
    );
    for (const key of keys) cache(store, key); // slots a=0, b=1, c=2, d=3; a is the least recently used
    // The sample is the one record at slot floor(0.99 * 4) = 3 (d), so d goes although a is older.
    clock.randoms = [0.99];
    cache(store, 'e');
    expect(cachedKeys(store, [...keys, 'e'])).toEqual(['a', 'b', 'c', 'e']);
    // With a sample as large as the cache, LRU is exact.
    const exact = storeWith({ evictionPolicy: 'LRU', evictionMaxSize: 4, evictionSamplingCount: 4 }, clock);
    for (const key of keys) cache(exact, key);
    cache(exact, 'e');
    expect(cachedKeys(exact, [...keys, 'e'])).toEqual(['b', 'c', 'd', 'e']);
  });

  it('removes expired entries it samples instead of evicting a live one', () => {
    const clock = new FakeClock();
    const store = storeWith({ evictionMaxSize: 3, evictionSamplingCount: 8, timeToLiveSeconds: 10 }, clock);
    cache(store, 'a');
    clock.time += 20_000;
    cache(store, 'b');
    cache(store, 'c');
    cache(store, 'd');
    expect(cachedKeys(store, keys)).toEqual(['b', 'c', 'd']);
    expect(store.expirations).toBe(1);
    expect(store.evictions).toBe(0);
  });
});

describe('expiry', () => {
  it('time to live counts from when the value was cached, reads or not', () => {
    const clock = new FakeClock();
    const store = storeWith({ timeToLiveSeconds: 10 }, clock);
    cache(store, 'a');
    clock.time += 6_000;
    expect(hit(store, 'a')).toBe('v-a');
    clock.time += 5_000;
    expect(hit(store, 'a')).toBeUndefined();
    expect(store.expirations).toBe(1);
  });

  it('max idle counts from the last read', () => {
    const clock = new FakeClock();
    const store = storeWith({ maxIdleSeconds: 10 }, clock);
    cache(store, 'a');
    for (let i = 0; i < 5; i++) {
      clock.time += 8_000;
      expect(hit(store, 'a')).toBe('v-a');
    }
    clock.time += 10_001;
    expect(hit(store, 'a')).toBeUndefined();
    expect(store.expirations).toBe(1);
  });

  it('the sweep drops expired entries nobody reads', () => {
    const clock = new FakeClock();
    const store = storeWith({ timeToLiveSeconds: 1 }, clock);
    for (const key of ['a', 'b', 'c']) cache(store, key);
    clock.time += 500;
    cache(store, 'd');
    clock.time += 600;
    expect(store.sweepExpired(100)).toBe(3);
    expect(store.published).toBe(1);
    expect(store.byFastKey('d')).toBeDefined();
  });
});

describe('statistics', () => {
  it('counts entries, their memory, hits and invalidations', () => {
    const store = storeWith({});
    cache(store, 'a');
    cache(store, 'b');
    expect(store.published).toBe(2);
    expect(store.memoryCost).toBeGreaterThan(20);
    hit(store, 'a');
    hit(store, 'a');
    expect(store.hits).toBe(2);
    store.invalidate('id-a');
    store.invalidate('id-zzz');
    expect(store.invalidations).toBe(1);
    expect(store.invalidationRequests).toBe(2);
    store.clear();
    expect(store.invalidations).toBe(2);
    expect(store.published).toBe(0);
    expect(store.memoryCost).toBe(0);
  });
});
