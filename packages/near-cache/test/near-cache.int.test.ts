import { createRequire } from 'node:module';
import {
  getMap,
  type HazelcastClient,
  type IMap,
  InvalidConfigurationError,
  Predicates,
} from '@hz/core-client';
import { clientContext } from '@hz/core-client/plugin';
import { type ClientMessage, MapGetAllCodec, MapGetCodec } from '@hz/protocol';
import type { IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput } from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getNearCacheStats, nearCache } from '../src/index';
import { connect, shutdownAll, statsOf, untilCaching } from './helpers';

// The near cache on a real 3-member cluster: a reader client with the plug-in, and a writer (and a plain
// reader) without it. Maps named loaded-* read through dev.hz.testing.SampleMapLoader (keys loaded-0 … 9);
// factory 66 holds the member's entry processors (tools/cluster/java/dev/hz/testing).
const cluster = useCluster({
  members: 3,
  xml: `<map name="loaded-*"><map-store enabled="true" initial-mode="LAZY">
          <class-name>dev.hz.testing.SampleMapLoader</class-name></map-store></map>
        <serialization><data-serializable-factories><data-serializable-factory factory-id="66">dev.hz.testing.IdentifiedFactory</data-serializable-factory></data-serializable-factories></serialization>`,
});

/** dev.hz.testing.AppendingEntryProcessor (66/4): appends `suffix` to the value, returns the new value. */
class Append implements IdentifiedDataSerializable {
  readonly factoryId = 66;
  readonly classId = 4;
  constructor(public suffix = '') {}
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.suffix);
  }
  readData(input: ObjectDataInput): void {
    this.suffix = input.readString() ?? '';
  }
}

const plugin = () =>
  nearCache({
    'nc-*': {},
    'local-*': { invalidateOnChange: false },
    'obj-*': { inMemoryFormat: 'OBJECT' },
    'lru-*': { evictionPolicy: 'LRU', evictionMaxSize: 3 },
    'lfu-*': { evictionPolicy: 'LFU', evictionMaxSize: 3 },
    'random-*': { evictionPolicy: 'RANDOM', evictionMaxSize: 3 },
    'none-*': { evictionPolicy: 'NONE', evictionMaxSize: 3 },
    'sampled-*': { evictionMaxSize: 5, evictionSamplingCount: 1, evictionSamplingPoolSize: 1 },
    'ttl-*': { timeToLiveSeconds: 1 },
    'idle-*': { maxIdleSeconds: 1 },
    'loaded-*': {},
    'race-*': {},
    'race-obj-*': { inMemoryFormat: 'OBJECT' },
    'interop-*': {},
  });

let reader: HazelcastClient;
let writer: HazelcastClient;

beforeAll(async () => {
  reader = await connect(cluster.current, { plugins: [plugin()] });
  writer = await connect(cluster.current);
});

afterAll(async () => {
  await shutdownAll(reader, writer);
});

/** The reader's near-cached map and the writer's plain one, caching already. */
async function maps<V = string>(name: string): Promise<[IMap<string, V>, IMap<string, V>]> {
  const cached = getMap<string, V>(reader, name);
  if (!name.startsWith('local-')) await untilCaching(cached);
  return [cached, getMap<string, V>(writer, name)];
}

/**
 * Runs a write of another client and waits until the reader received the `events` invalidations it causes,
 * so counts asserted afterwards do not depend on when those events arrive.
 */
async function written<K, V>(
  cached: IMap<K, V>,
  events: number,
  write: () => Promise<unknown>,
): Promise<void> {
  const before = statsOf(cached).invalidationRequests;
  await write();
  await vi.waitFor(() =>
    expect(statsOf(cached).invalidationRequests).toBeGreaterThanOrEqual(before + events),
  );
}

describe('reads', () => {
  it('are served locally after the first one; other maps have no near cache', async () => {
    const [cached, plain] = await maps('nc-reads');
    await written(cached, 1, () => plain.set('k', 'v1'));
    expect(await cached.get('k')).toBe('v1');
    expect(statsOf(cached)).toMatchObject({ hits: 0, misses: 1 });
    // Later reads are served locally, once the map's invalidation listener is registered on the member that
    // owns the key: until then a read is not cached (it could not be invalidated). That registration can
    // take a while on a loaded machine, so a burst of reads is repeated until it is served locally whole; a
    // near cache that never keeps the entry still fails.
    await vi.waitFor(async () => {
      const before = statsOf(cached);
      for (let i = 0; i < 9; i++) expect(await cached.get('k')).toBe('v1');
      const after = statsOf(cached);
      expect([after.hits - before.hits, after.misses - before.misses]).toEqual([9, 0]);
    });
    expect(statsOf(cached).ownedEntryCount).toBe(1);
    expect(statsOf(cached).ownedEntryMemoryCost).toBeGreaterThan(0);
    // An absent key is cached as absent too.
    const { hits, misses } = statsOf(cached);
    expect(await cached.get('none')).toBeNull();
    expect(await cached.get('none')).toBeNull();
    expect(statsOf(cached)).toMatchObject({ hits: hits + 1, misses: misses + 1, ownedEntryCount: 2 });
    expect(await cached.containsKey('k')).toBe(true);
    expect(await cached.containsKey('none')).toBe(false);
    expect(statsOf(cached).hits).toBe(hits + 3);

    expect(getNearCacheStats(getMap(reader, 'plain-map'))).toBeNull();
    expect(getNearCacheStats(plain)).toBeNull();
    expect(getMap(reader, 'nc-reads')).toBe(cached);
  });

  it('getAll serves cached keys locally and caches the others, absent ones included', async () => {
    const [cached, plain] = await maps('nc-get-all');
    await written(cached, 3, () =>
      plain.putAll([
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
      ]),
    );
    expect(await cached.get('a')).toBe('1');
    const all = await cached.getAll(['a', 'b', 'c', 'x']);
    expect(new Map(all)).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
      ]),
    );
    expect(statsOf(cached)).toMatchObject({ hits: 1, misses: 4, ownedEntryCount: 4 });
    expect(new Map(await cached.getAll(new Set(['a', 'b', 'c', 'x'])))).toEqual(new Map(all));
    expect(statsOf(cached)).toMatchObject({ hits: 5, misses: 4 });
    // A key given twice comes back once.
    expect(await cached.getAll(['a', 'a', 'b', 'b'])).toHaveLength(2);
    expect(statsOf(cached)).toMatchObject({ hits: 7, misses: 4 });
    await plain.set('b', '22');
    await vi.waitFor(async () => expect(new Map(await cached.getAll(['b']))).toEqual(new Map([['b', '22']])));
  });

  it('a map without invalidateOnChange keeps serving what it cached while others change it', async () => {
    const [cached, plain] = await maps('local-reads');
    await plain.set('k', 'v1');
    expect(await cached.get('k')).toBe('v1');
    await plain.set('k', 'v2');
    // Another client's write reaches this one only through the cluster: without a listener it is not seen.
    expect(await cached.get('k')).toBe('v1');
    expect(await getMap<string, string>(writer, 'local-reads').get('k')).toBe('v2');
    // This client's own writes are.
    await cached.set('k', 'v3');
    expect(await cached.get('k')).toBe('v3');
  });
});

describe('invalidation', () => {
  it('drops entries other clients change, remove or clear', async () => {
    const [cached, plain] = await maps('nc-invalidation');
    await written(cached, 2, () =>
      plain.putAll([
        ['a', 'a1'],
        ['b', 'b1'],
      ]),
    );
    expect(await cached.get('a')).toBe('a1');
    expect(await cached.get('b')).toBe('b1');
    await plain.set('a', 'a2');
    await vi.waitFor(() => expect(statsOf(cached).invalidations).toBe(1));
    expect(await cached.get('a')).toBe('a2');
    expect(await cached.get('b')).toBe('b1');
    await plain.remove('b');
    await vi.waitFor(() => expect(statsOf(cached).invalidations).toBe(2));
    expect(await cached.get('b')).toBeNull();
    expect(await cached.get('a')).toBe('a2');
    await plain.clear();
    await vi.waitFor(() => expect(statsOf(cached).ownedEntryCount).toBe(0));
    expect(await cached.get('a')).toBeNull();
    expect(statsOf(cached).invalidationRequests).toBeGreaterThanOrEqual(3);
  });

  // Each write is made through the near-cached map after the key was cached; the next read must see it.
  // On local-* maps nothing but the local invalidation can make that true (they have no listener).
  for (const prefix of ['nc', 'local']) {
    it(`every write through the map keeps its near cache correct (${prefix}-*)`, async () => {
      const name = `${prefix}-writes`;
      const [cached, plain] = await maps(name);
      const writes: Array<[string, (key: string) => Promise<unknown>]> = [
        ['put', (k) => cached.put(k, 'put')],
        ['set', (k) => cached.set(k, 'set')],
        ['putTransient', (k) => cached.putTransient(k, 'transient')],
        ['replace', (k) => cached.replace(k, 'replaced')],
        ['replaceIfSame', (k) => cached.replaceIfSame(k, 'old', 'replaced-if-same')],
        ['tryPut', (k) => cached.tryPut(k, 'try-put', 1_000)],
        ['remove', (k) => cached.remove(k)],
        ['removeIfSame', (k) => cached.removeIfSame(k, 'old')],
        ['tryRemove', (k) => cached.tryRemove(k, 1_000)],
        ['delete', (k) => cached.delete(k)],
        ['evict', (k) => cached.evict(k)],
        ['executeOnKey', (k) => cached.executeOnKey(k, new Append('+ep'))],
        ['submitToKey', (k) => cached.submitToKey(k, new Append('+submit'))],
        ['executeOnKeys', (k) => cached.executeOnKeys([k], new Append('+eps'))],
        ['executeOnEntries', () => cached.executeOnEntries(new Append('+all'))],
        ['putAll', (k) => cached.putAll([[k, 'put-all']])],
        ['setAll', (k) => cached.setAll(new Map([[k, 'set-all']]))],
        ['removeAll', () => cached.removeAll(Predicates.equal('this', 'old'))],
        ['clear', () => cached.clear()],
        ['evictAll', () => cached.evictAll()],
      ];
      for (const [method, write] of writes) {
        const key = `key-${method}`;
        await plain.set(key, 'old');
        expect(await cached.get(key), method).toBe('old');
        expect(await cached.get(key), method).toBe('old');
        await write(key);
        expect(await cached.get(key), method).toBe(await plain.get(key));
        expect(await plain.get(key), `${method} changed nothing`).not.toBe('old');
      }
      // putIfAbsent on a key cached as absent.
      expect(await cached.get('absent')).toBeNull();
      expect(await cached.putIfAbsent('absent', 'now')).toBeNull();
      expect(await cached.get('absent')).toBe('now');
      // setTtl: the member drops the entry soon after; the cached value must not outlive it.
      await plain.set('ttl', 'old');
      expect(await cached.get('ttl')).toBe('old');
      expect(await cached.setTtl('ttl', 1)).toBe(true);
      await vi.waitFor(async () => expect(await cached.get('ttl')).toBeNull(), { timeout: 10_000 });
    });
  }

  it('loadAll of some keys or of all keys replaces what was cached', async () => {
    const [cached, plain] = await maps('loaded-nc');
    await plain.set('loaded-1', 'changed');
    await plain.set('loaded-2', 'changed');
    expect(await cached.get('loaded-1')).toBe('changed');
    expect(await cached.get('loaded-2')).toBe('changed');
    await cached.loadAll(['loaded-1'], true);
    expect(await cached.get('loaded-1')).toBe('value-of-loaded-1');
    expect(await cached.get('loaded-2')).toBe('changed');
    await cached.loadAll(undefined, true);
    expect(await cached.get('loaded-2')).toBe('value-of-loaded-2');
  });

  it('destroy empties the near cache and stops listening', async () => {
    const [cached, plain] = await maps('nc-destroyed');
    await plain.set('k', 'v');
    expect(await cached.get('k')).toBe('v');
    await cached.destroy();
    expect(statsOf(cached).ownedEntryCount).toBe(0);
    const again = getMap<string, string>(reader, 'nc-destroyed');
    expect(again).not.toBe(cached);
    await untilCaching(again);
    expect(await again.get('k')).toBeNull();
    await plain.set('k', 'v2');
    await vi.waitFor(async () => expect(await again.get('k')).toBe('v2'));
  });
});

describe('a unisocket client', () => {
  it('caches, and hears every member’s invalidations through its one connection', async () => {
    const unisocket = await connect(cluster.current, {
      network: { smartRouting: false },
      plugins: [nearCache({ 'uni-*': {} })],
    });
    try {
      const cached = getMap<string, string>(unisocket, 'uni-map');
      const plain = getMap<string, string>(writer, 'uni-map');
      await untilCaching(cached);
      const keys = Array.from({ length: 50 }, (_, i) => `k${i}`); // spread over every member's partitions
      await written(cached, keys.length, () => plain.putAll(keys.map((k) => [k, 'v1'] as [string, string])));
      for (const key of keys) expect(await cached.get(key)).toBe('v1');
      for (const key of keys) expect(await cached.get(key)).toBe('v1');
      expect(statsOf(cached)).toMatchObject({ hits: keys.length, ownedEntryCount: keys.length });
      await Promise.all(keys.map((key) => plain.set(key, 'v2')));
      await vi.waitFor(() => expect(statsOf(cached).ownedEntryCount).toBe(0));
      for (const key of keys) expect(await cached.get(key)).toBe('v2');
    } finally {
      await unisocket.shutdown();
    }
  });
});

describe('options', () => {
  it('inMemoryFormat OBJECT returns the cached object; BINARY a fresh copy each time', async () => {
    const value = { price: 10, tags: ['a'] };
    const [objects, objectWriter] = await maps<typeof value>('obj-format');
    const [binary, binaryWriter] = await maps<typeof value>('nc-format');
    await objectWriter.set('k', value);
    await binaryWriter.set('k', value);
    const o1 = await objects.get('k');
    const o2 = await objects.get('k');
    expect(o2).toEqual(value);
    expect(o2).toBe(o1);
    const b1 = await binary.get('k');
    const b2 = await binary.get('k');
    expect(b2).toEqual(value);
    expect(b2).not.toBe(b1);
    expect(statsOf(objects).hits).toBe(1);
    expect(statsOf(binary).hits).toBe(1);
  });

  it('LRU evicts the least recently read entry', async () => {
    const [cached, plain] = await maps('lru-eviction');
    await written(cached, 4, () => plain.putAll(['a', 'b', 'c', 'd'].map((k) => [k, k] as [string, string])));
    for (const key of ['a', 'b', 'c', 'a', 'c']) await cached.get(key);
    expect(statsOf(cached)).toMatchObject({ misses: 3, hits: 2, ownedEntryCount: 3, evictions: 0 });
    await cached.get('d');
    expect(statsOf(cached)).toMatchObject({ misses: 4, ownedEntryCount: 3, evictions: 1 });
    for (const key of ['a', 'c', 'd']) await cached.get(key);
    expect(statsOf(cached)).toMatchObject({ misses: 4, hits: 5 });
    await cached.get('b');
    expect(statsOf(cached)).toMatchObject({ misses: 5, evictions: 2 });
  });

  it('LFU evicts the least often read entry', async () => {
    const [cached, plain] = await maps('lfu-eviction');
    await written(cached, 4, () => plain.putAll(['a', 'b', 'c', 'd'].map((k) => [k, k] as [string, string])));
    // a: 3 hits, b: 0, c: 1 (b was read most recently, so LRU would keep it).
    for (const key of ['a', 'c', 'a', 'a', 'c', 'b']) await cached.get(key);
    expect(statsOf(cached)).toMatchObject({ misses: 3, hits: 3, ownedEntryCount: 3 });
    await cached.get('d');
    expect(statsOf(cached)).toMatchObject({ ownedEntryCount: 3, evictions: 1 });
    for (const key of ['a', 'c', 'd']) await cached.get(key);
    expect(statsOf(cached)).toMatchObject({ misses: 4, hits: 6 });
    await cached.get('b');
    expect(statsOf(cached).misses).toBe(5);
  });

  it('RANDOM evicts one of the older entries; NONE stops caching new keys', async () => {
    const [random, randomWriter] = await maps('random-eviction');
    await written(random, 4, () =>
      randomWriter.putAll(['a', 'b', 'c', 'd'].map((k) => [k, k] as [string, string])),
    );
    for (const key of ['a', 'b', 'c', 'd']) await random.get(key);
    expect(statsOf(random)).toMatchObject({ ownedEntryCount: 3, evictions: 1 });
    expect(await random.get('d')).toBe('d');
    expect(statsOf(random).hits).toBe(1);

    const [none, noneWriter] = await maps('none-eviction');
    await written(none, 4, () =>
      noneWriter.putAll(['a', 'b', 'c', 'd'].map((k) => [k, k] as [string, string])),
    );
    for (const key of ['a', 'b', 'c', 'd', 'd', 'a', 'b', 'c']) expect(await none.get(key)).toBe(key);
    expect(statsOf(none)).toMatchObject({ misses: 5, hits: 3, ownedEntryCount: 3, evictions: 0 });
  });

  it('evictionMaxSize bounds the cache whatever the sampling settings', async () => {
    const [cached, plain] = await maps('sampled-eviction');
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    await written(cached, 20, () => plain.putAll(keys.map((k) => [k, k] as [string, string])));
    for (const key of keys) {
      expect(await cached.get(key)).toBe(key);
      expect(statsOf(cached).ownedEntryCount).toBeLessThanOrEqual(5);
    }
    expect(statsOf(cached)).toMatchObject({ ownedEntryCount: 5, evictions: 15 });
  });

  it('timeToLiveSeconds expires an entry however often it is read', async () => {
    const [cached, plain] = await maps('ttl-expiry');
    await written(cached, 1, () => plain.set('k', 'v1'));
    expect(await cached.get('k')).toBe('v1');
    // Read all the time: a TTL counts from when the value was cached, not from the last read.
    await vi.waitFor(
      async () => {
        expect(await cached.get('k')).toBe('v1');
        expect(statsOf(cached).expirations).toBeGreaterThanOrEqual(1);
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(statsOf(cached).hits).toBeGreaterThan(0);
  });

  it('maxIdleSeconds expires an entry nobody reads', async () => {
    const [cached, plain] = await maps('idle-expiry');
    await written(cached, 1, () => plain.set('k', 'v1'));
    expect(await cached.get('k')).toBe('v1');
    expect(await cached.get('k')).toBe('v1');
    expect(statsOf(cached)).toMatchObject({ hits: 1, ownedEntryCount: 1 });
    // Not read: the periodic sweep drops it once it has been idle for a second.
    await vi.waitFor(() => expect(statsOf(cached)).toMatchObject({ expirations: 1, ownedEntryCount: 0 }), {
      timeout: 20_000,
      interval: 50,
    });
    expect(await cached.get('k')).toBe('v1');
    expect(statsOf(cached).misses).toBe(2);
  });
});

describe('repair settings', () => {
  it('come from the client properties, and the plug-in’s own settings override them', async () => {
    const properties = {
      'hazelcast.invalidation.reconciliation.interval.seconds': 1,
      'hazelcast.invalidation.min.reconciliation.interval.seconds': 1,
      'hazelcast.invalidation.max.tolerated.miss.count': 0,
    };
    const byProperties = await connect(cluster.current, {
      properties,
      plugins: [nearCache({ 'nc-*': {} })],
    });
    const overridden = await connect(cluster.current, {
      properties,
      plugins: [nearCache({ 'nc-*': {} }, { reconciliationIntervalSeconds: 0 })],
    });
    try {
      const periodic = getMap<string, string>(byProperties, 'nc-repair-settings');
      const never = getMap<string, string>(overridden, 'nc-repair-settings');
      await untilCaching(periodic);
      await untilCaching(never);
      // A reconciliation every second from the properties; none after the first with the override.
      await vi.waitFor(() => expect(statsOf(periodic).reconciliations).toBeGreaterThanOrEqual(4), {
        timeout: 30_000,
        interval: 100,
      });
      expect(statsOf(never).reconciliations).toBe(1);
    } finally {
      await shutdownAll(byProperties, overridden);
    }
  });

  it('are validated against each other at start', async () => {
    await expect(
      connect(cluster.current, {
        properties: { 'hazelcast.invalidation.reconciliation.interval.seconds': 10 },
        plugins: [nearCache({ 'nc-*': {} })],
      }),
    ).rejects.toThrow(InvalidConfigurationError);
    await expect(
      connect(cluster.current, {
        plugins: [nearCache({ 'nc-*': {} }, { reconciliationIntervalSeconds: 5 })],
      }),
    ).rejects.toThrow(/plugins\[near-cache\]\.reconciliationIntervalSeconds must be 0 .* at least/);
    // The core accepts the properties now (they used to be refused as not supported).
    const plain = await connect(cluster.current, {
      properties: {
        'hazelcast.invalidation.reconciliation.interval.seconds': '0',
        'hazelcast.invalidation.max.tolerated.miss.count': 3,
      },
    });
    await plain.shutdown();
  });
});

/**
 * Holds back the reader's first response of `responseType` until `release()`: the member answered, the
 * answer waits inside the client. A real cluster produces the same order when the answer and an
 * invalidation travel on different connections (a migration moved the partition) or land in one socket
 * read, where the event is handled before the read's continuation runs.
 */
function holdResponse(responseType: number): { held: Promise<void>; release(): void; restore(): void } {
  const invocations = clientContext(reader).invocations;
  const original = invocations.handleMessage;
  let message: ClientMessage | undefined;
  let signal!: () => void;
  const held = new Promise<void>((resolve) => {
    signal = resolve;
  });
  invocations.handleMessage = (incoming: ClientMessage) => {
    if (message === undefined && incoming.messageType === responseType) {
      message = incoming;
      signal();
      return;
    }
    original.call(invocations, incoming);
  };
  const restore = () => {
    invocations.handleMessage = original;
  };
  return {
    held,
    restore,
    release: () => {
      restore();
      if (message) original.call(invocations, message);
    },
  };
}

describe('a read racing with a change of its key (the reservation)', () => {
  for (const name of ['race-held', 'race-obj-held']) {
    it(`does not cache an answer that arrives after another client's invalidation (${name})`, async () => {
      const [cached, plain] = await maps(name);
      await written(cached, 1, () => plain.set('k', 'old'));
      const hold = holdResponse(MapGetCodec.RESPONSE_MESSAGE_TYPE);
      try {
        const read = cached.get('k'); // reserved; the member answers 'old', the answer waits
        await hold.held;
        await written(cached, 1, () => plain.set('k', 'new')); // its invalidation is handled first
        hold.release();
        expect(await read).toBe('old'); // the read returns what it read...
        expect(await cached.get('k')).toBe('new'); // ...but did not cache it
        expect(await cached.get('k')).toBe('new');
        expect(statsOf(cached)).toMatchObject({ misses: 2, hits: 1 });
      } finally {
        hold.restore();
      }
    });
  }

  it('does not cache an answer that arrives after this client’s own write', async () => {
    const [cached, plain] = await maps('race-own');
    await written(cached, 1, () => plain.set('k', 'old'));
    const hold = holdResponse(MapGetCodec.RESPONSE_MESSAGE_TYPE);
    try {
      const read = cached.get('k');
      await hold.held;
      await cached.set('k', 'new');
      hold.release();
      expect(await read).toBe('old');
      expect(await cached.get('k')).toBe('new');
    } finally {
      hold.restore();
    }
  });

  it('getAll does not cache the keys that changed while it was in flight', async () => {
    const [cached, plain] = await maps('race-get-all');
    await written(cached, 1, () => plain.set('k', 'old'));
    const hold = holdResponse(MapGetAllCodec.RESPONSE_MESSAGE_TYPE);
    try {
      const read = cached.getAll(['k']);
      await hold.held;
      await written(cached, 1, () => plain.set('k', 'new'));
      hold.release();
      expect(await read).toEqual([['k', 'old']]);
      expect(await cached.get('k')).toBe('new');
    } finally {
      hold.restore();
    }
  });
});

describe('races between a read and a change of the same key', () => {
  // A read reserves its key before it asks the cluster and publishes only if the reservation survived:
  // a change (this client's write, or another client's event) that lands while the read is in flight
  // drops the reservation, so the read's possibly old answer is never cached. Many rounds, with reads
  // and writes of one key from concurrent flows, OBJECT format included (its answer is deserialized
  // before it is published, which widens the window).
  for (const name of ['race-binary', 'race-obj-object']) {
    it(`never leave an old value cached (${name})`, async () => {
      const [cached, plain] = await maps<number>(name);
      await plain.set('k', 0);
      const readsInFlight = (count: number) => Array.from({ length: count }, () => cached.get('k'));
      for (let round = 1; round <= 300; round++) {
        if (round % 2 === 0) {
          // This client's own write, racing with its own reads.
          const reads = readsInFlight(4);
          await cached.set('k', round);
          await Promise.all([...reads, ...readsInFlight(2)]);
          expect(await cached.get('k'), `round ${round}`).toBe(round);
        } else {
          // Another client's write, racing with this client's reads; its event arrives when it arrives.
          const reads = readsInFlight(4);
          await plain.set('k', round);
          await Promise.all([...reads, ...readsInFlight(2)]);
          await vi.waitFor(async () => expect(await cached.get('k'), `round ${round}`).toBe(round), {
            timeout: 10_000,
            interval: 1,
          });
        }
      }
      // Whatever raced last, the cache ends up agreeing with the cluster, and keeps agreeing.
      const final = await plain.get('k');
      for (let i = 0; i < 10; i++) expect(await cached.get('k')).toBe(final);
      expect(statsOf(cached).hits).toBeGreaterThan(0);
    });
  }
});

describe('interop', () => {
  // The official hazelcast-client (a test-only devDependency) as the writer: its writes reach the members
  // like any other client's, and their invalidations must reach this near cache.
  const require = createRequire(import.meta.url);
  const official = require('hazelcast-client') as {
    Client: { newHazelcastClient(config: object): Promise<OfficialClient> };
  };
  interface OfficialMap {
    put(key: string, value: unknown): Promise<unknown>;
    set(key: string, value: unknown): Promise<void>;
    remove(key: string): Promise<unknown>;
    putAll(entries: Array<[string, unknown]>): Promise<void>;
    clear(): Promise<void>;
  }
  interface OfficialClient {
    getMap(name: string): Promise<OfficialMap>;
    shutdown(): Promise<void>;
  }

  it('invalidations caused by the official Node.js client’s writes', async () => {
    const theirs = await official.Client.newHazelcastClient({
      clusterName: cluster.current.name,
      network: { clusterMembers: cluster.current.addresses },
      properties: { 'hazelcast.logging.level': 'OFF' },
    });
    try {
      const [cached] = await maps('interop-official');
      const map = await theirs.getMap('interop-official');
      await map.put('a', 'a1');
      await map.put('b', 'b1');
      await vi.waitFor(async () => expect(await cached.get('a')).toBe('a1'));
      await vi.waitFor(async () => expect(await cached.get('b')).toBe('b1'));
      const hits = statsOf(cached).hits;
      expect(await cached.get('a')).toBe('a1');
      expect(statsOf(cached).hits).toBe(hits + 1);

      await map.set('a', 'a2');
      await vi.waitFor(async () => expect(await cached.get('a')).toBe('a2'));
      await map.remove('b');
      await vi.waitFor(async () => expect(await cached.get('b')).toBeNull());
      await map.putAll([
        ['a', 'a3'],
        ['b', 'b3'],
      ]);
      await vi.waitFor(async () =>
        expect(new Map(await cached.getAll(['a', 'b']))).toEqual(
          new Map([
            ['a', 'a3'],
            ['b', 'b3'],
          ]),
        ),
      );
      await map.clear();
      await vi.waitFor(async () => expect(await cached.get('a')).toBeNull());
      expect(await cached.get('b')).toBeNull();
      expect(statsOf(cached).invalidations).toBeGreaterThanOrEqual(4);
    } finally {
      await theirs.shutdown();
    }
  });
});
