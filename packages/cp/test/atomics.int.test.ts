import {
  AbortError,
  DistributedObjectDestroyedError,
  type HazelcastClient,
  IllegalArgumentError,
} from '@hz/core-client';
import { type PluginHost, pluginHost } from '@hz/core-client/plugin';
import type { ClientMessage } from '@hz/protocol';
import { CountDownLatchCountDownCodec } from '@hz/protocol/codecs/count-down-latch';
import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAtomicLong, getAtomicReference, getCountDownLatch } from '../src/index';
import {
  append,
  connect,
  connectOfficial,
  cpXml,
  describeValue,
  multiplyBy,
  type OfficialClient,
} from './helpers';

// AtomicLong, AtomicReference and CountDownLatch on a 3-member Hazelcast 5.4.0 cluster whose members are all
// CP members (Raft groups of 3). Values are read back through a second client.

const cluster = useCluster({ members: 3, version: '5.4.0', cpMemberCount: 3, xml: cpXml() });

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

describe('AtomicLong', () => {
  it('offers every operation with 64-bit results as bigint, visible to another client', async () => {
    const counter = getAtomicLong(client, 'al-methods');
    const seen = getAtomicLong(other, 'al-methods');
    expect(await counter.get()).toBe(0n);
    await counter.set(5);
    expect(await seen.get()).toBe(5n);
    expect(await counter.getAndSet(7n)).toBe(5n);
    expect(await counter.addAndGet(3)).toBe(10n);
    expect(await counter.getAndAdd(Long.fromNumber(-4))).toBe(10n);
    expect(await counter.incrementAndGet()).toBe(7n);
    expect(await counter.getAndIncrement()).toBe(7n);
    expect(await counter.decrementAndGet()).toBe(7n);
    expect(await counter.getAndDecrement()).toBe(7n);
    expect(await seen.get()).toBe(6n);
    expect(await counter.compareAndSet(5, 1)).toBe(false);
    expect(await seen.get()).toBe(6n);
    expect(await counter.compareAndSet(6, 2n ** 62n)).toBe(true);
    expect(await seen.get()).toBe(2n ** 62n);
    // Java long arithmetic: the maximum plus one wraps to the minimum.
    await counter.set(2n ** 63n - 1n);
    expect(await counter.incrementAndGet()).toBe(-(2n ** 63n));
  });

  it('runs alter and apply functions on the members (Java classes of ours, factory 70)', async () => {
    const counter = getAtomicLong(client, 'al-functions');
    const seen = getAtomicLong(other, 'al-functions');
    await counter.set(2);
    await counter.alter(multiplyBy(3n));
    expect(await seen.get()).toBe(6n);
    expect(await counter.alterAndGet(multiplyBy(2n))).toBe(12n);
    expect(await counter.getAndAlter(multiplyBy(5n))).toBe(12n);
    expect(await seen.get()).toBe(60n);
    expect(await counter.apply<string>(describeValue())).toBe('value=60');
    expect(await seen.get()).toBe(60n);
  });

  it('returns Long when the client asks for it', async () => {
    const longClient = await connect(cluster.current, { int64Type: 'Long' });
    try {
      const counter = getAtomicLong(longClient, 'al-long');
      const result = (await counter.addAndGet(41)) as unknown as Long;
      expect(Long.isLong(result)).toBe(true);
      expect(result.toString()).toBe('41');
      expect(await getAtomicLong(client, 'al-long').get()).toBe(41n);
    } finally {
      await longClient.shutdown();
    }
  });

  it('refuses bad arguments with errors that name them, and sends nothing', async () => {
    const counter = getAtomicLong(client, 'al-bad');
    await counter.set(1);
    await expect(counter.addAndGet(1.5)).rejects.toThrow(IllegalArgumentError);
    await expect(counter.addAndGet(1.5)).rejects.toThrow(/AtomicLong al-bad: delta must be a safe integer/);
    await expect(counter.set(2n ** 63n)).rejects.toThrow(
      /AtomicLong al-bad: newValue must fit a signed 64-bit integer/,
    );
    await expect(counter.compareAndSet(1, '2' as never)).rejects.toThrow(/AtomicLong al-bad: update/);
    await expect(counter.alter(null as never)).rejects.toThrow(
      /AtomicLong al-bad: the function must be an object/,
    );
    expect(await counter.get()).toBe(1n);
  });

  it('gives exactly 20,000 for 4 clients × 5,000 incrementAndGet, each value handed out once', async () => {
    const name = 'al-contended';
    const clients = [client, other, await connect(cluster.current), await connect(cluster.current)];
    try {
      const results = await Promise.all(
        clients.map(async (c) => {
          const counter = getAtomicLong(c, name);
          const values: bigint[] = [];
          // 16 in flight per client, 5,000 per client.
          let next = 0;
          await Promise.all(
            Array.from({ length: 16 }, async () => {
              while (next < 5000) {
                next++;
                values.push(await counter.incrementAndGet());
              }
            }),
          );
          return values;
        }),
      );
      const all = results.flat().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(results.map((values) => values.length)).toEqual([5000, 5000, 5000, 5000]);
      expect(all.length).toBe(20_000);
      expect(all[0]).toBe(1n);
      expect(all.every((value, i) => value === BigInt(i + 1))).toBe(true);
      expect(await getAtomicLong(other, name).get()).toBe(20_000n);
    } finally {
      await Promise.all(clients.slice(2).map((c) => c.shutdown()));
    }
  });
});

describe('AtomicReference', () => {
  it('offers every operation; absent values are null; values compare by their serialized form', async () => {
    const ref = getAtomicReference<string>(client, 'ar-methods');
    const seen = getAtomicReference<string>(other, 'ar-methods');
    expect(await ref.get()).toBeNull();
    expect(await ref.isNull()).toBe(true);
    await ref.set('a');
    expect(await seen.get()).toBe('a');
    expect(await ref.isNull()).toBe(false);
    expect(await ref.getAndSet('b')).toBe('a');
    expect(await ref.compareAndSet('x', 'c')).toBe(false);
    expect(await seen.get()).toBe('b');
    expect(await ref.compareAndSet('b', 'c')).toBe(true);
    expect(await ref.contains('c')).toBe(true);
    expect(await ref.contains('b')).toBe(false);
    expect(await ref.contains(null)).toBe(false);
    await ref.clear();
    expect(await seen.get()).toBeNull();
    expect(await ref.contains(null)).toBe(true);
    expect(await ref.compareAndSet(null, 'd')).toBe(true);
    expect(await ref.getAndSet(null)).toBe('d');
    expect(await seen.isNull()).toBe(true);

    const numbers = getAtomicReference<number | string>(client, 'ar-numbers');
    await numbers.set(42);
    // Compared by bytes: the stored 42 equals a new 42, whatever object it came from.
    expect(await numbers.compareAndSet(42, 'forty-two')).toBe(true);
    expect(await getAtomicReference(other, 'ar-numbers').get()).toBe('forty-two');
  });

  it('runs alter and apply functions on the members', async () => {
    const ref = getAtomicReference<string>(client, 'ar-functions');
    const seen = getAtomicReference<string>(other, 'ar-functions');
    await ref.set('c');
    await ref.alter(append('!'));
    expect(await seen.get()).toBe('c!');
    expect(await ref.alterAndGet(append('?'))).toBe('c!?');
    expect(await ref.getAndAlter(append('.'))).toBe('c!?');
    expect(await seen.get()).toBe('c!?.');
    expect(await ref.apply<string>(describeValue())).toBe('value=c!?.');
    expect(await seen.get()).toBe('c!?.');
  });

  it('refuses undefined (null is the absent value) and sends nothing', async () => {
    const ref = getAtomicReference<string>(client, 'ar-undefined');
    await ref.set('kept');
    await expect(ref.set(undefined as never)).rejects.toThrow(
      /AtomicReference ar-undefined: newValue must not be undefined/,
    );
    await expect(ref.compareAndSet('kept', undefined as never)).rejects.toThrow(IllegalArgumentError);
    expect(await ref.get()).toBe('kept');
  });
});

describe('CountDownLatch', () => {
  it('counts down to zero and releases a waiter of another client; resets only at zero', async () => {
    const latch = getCountDownLatch(client, 'cdl-basic');
    const theirs = getCountDownLatch(other, 'cdl-basic');
    expect(await latch.getCount()).toBe(0);
    expect(await latch.await(0)).toBe(true);
    await expect(latch.trySetCount(0)).rejects.toThrow(
      /CountDownLatch cdl-basic: count must be a whole number from 1/,
    );
    expect(await latch.trySetCount(2)).toBe(true);
    expect(await latch.trySetCount(5)).toBe(false);
    expect(await theirs.getCount()).toBe(2);
    let released = false;
    const waiting = theirs.await(120_000).then((result) => {
      released = true;
      return result;
    });
    await latch.countDown();
    expect(await theirs.getCount()).toBe(1);
    expect(released).toBe(false);
    await latch.countDown();
    expect(await waiting).toBe(true);
    await latch.countDown();
    expect(await latch.getCount()).toBe(0);
    expect(await latch.trySetCount(1)).toBe(true);
    expect(await latch.await(50)).toBe(false);
  });

  it('waits longer than the invocation timeout, and an abort leaves the latch as it was', async () => {
    const shortTimeout = await connect(cluster.current, {
      properties: { 'hazelcast.client.invocation.timeout.millis': 1000 },
    });
    try {
      const latch = getCountDownLatch(shortTimeout, 'cdl-wait');
      expect(await latch.trySetCount(1)).toBe(true);
      // The member answers after its 3 s wait; the 1 s invocation timeout must not cut it off.
      expect(await latch.await(3000)).toBe(false);
      const controller = new AbortController();
      const waiting = latch.await(600_000, { signal: controller.signal });
      controller.abort();
      await expect(waiting).rejects.toThrow(AbortError);
      expect(await getCountDownLatch(other, 'cdl-wait').getCount()).toBe(1);
      // 0 or less checks without waiting (Java and Python); a fraction or a missing timeout is an error.
      expect(await latch.await(-1)).toBe(false);
      await expect(latch.await(1.5)).rejects.toThrow(
        /CountDownLatch cdl-wait: timeout must be a whole number of milliseconds >= 0, got 1.5/,
      );
      await expect((latch.await as (t?: number) => Promise<boolean>)()).rejects.toThrow(
        /CountDownLatch cdl-wait: timeout must be a whole number of milliseconds >= 0, got undefined/,
      );
      await expect(latch.await(10, 5 as never)).rejects.toThrow(
        /CountDownLatch cdl-wait.await: the options must be an object \{ signal \}, got number 5/,
      );
    } finally {
      await shortTimeout.shutdown();
    }
  });

  it('counts a countDown once even when its request reaches the cluster twice (one invocation uid per call)', async () => {
    const resender = await connect(cluster.current);
    try {
      // Every CountDown request this client sends goes out a second time after its answer, as a retry after
      // a lost response would.
      const host: Pick<PluginHost, 'invokeOnRandomTarget'> = pluginHost(resender);
      const send = host.invokeOnRandomTarget.bind(host);
      let resent = 0;
      host.invokeOnRandomTarget = async (request: ClientMessage, options) => {
        const response = await send(request, options);
        if (request.messageType === CountDownLatchCountDownCodec.REQUEST_MESSAGE_TYPE) {
          await send(request, options);
          resent++;
        }
        return response;
      };
      const latch = getCountDownLatch(resender, 'cdl-idempotent');
      expect(await latch.trySetCount(3)).toBe(true);
      await latch.countDown();
      await latch.countDown();
      expect(resent).toBe(2);
      expect(await getCountDownLatch(other, 'cdl-idempotent').getCount()).toBe(1);
    } finally {
      await resender.shutdown();
    }
  });
});

describe('names, CP groups and destroy', () => {
  it('puts "name@group" objects in their own CP group, treats "@default" as no group, and refuses bad names', async () => {
    const plain = getAtomicLong(client, 'grouped');
    const inOrders = getAtomicLong(client, 'grouped@orders');
    expect(inOrders.getName()).toBe('grouped@orders');
    expect(getAtomicLong(client, 'grouped@default')).toBe(plain);
    expect(getAtomicLong(client, ' grouped@DEFAULT ')).toBe(plain);
    await plain.set(1);
    await inOrders.set(2);
    expect(await getAtomicLong(other, 'grouped').get()).toBe(1n);
    expect(await getAtomicLong(other, 'grouped@orders').get()).toBe(2n);
    for (const [name, message] of [
      ['a@b@c', /at most once/],
      ['@orders', /object name before "@" must not be empty/],
      ['a@', /CP group name after "@" must not be empty/],
      ['a@metadata', /METADATA CP group is internal/],
      ['  ', /must not be empty/],
    ] as const) {
      expect(() => getAtomicLong(client, name)).toThrow(IllegalArgumentError);
      expect(() => getAtomicLong(client, name)).toThrow(message);
    }
  });

  it('destroys an object in its CP group: the name cannot be used again', async () => {
    const counter = getAtomicLong(client, 'al-destroyed');
    await counter.set(3);
    await counter.destroy();
    const again = getAtomicLong(client, 'al-destroyed');
    expect(again).not.toBe(counter);
    await expect(again.get()).rejects.toThrow(DistributedObjectDestroyedError);
    await expect(getAtomicLong(other, 'al-destroyed').incrementAndGet()).rejects.toThrow(
      DistributedObjectDestroyedError,
    );
  });
});

describe('interoperability with the official Node.js client', () => {
  let official: OfficialClient;
  beforeAll(async () => {
    official = await connectOfficial(cluster.current);
  });
  afterAll(async () => {
    await official?.shutdown();
  });

  it('shares AtomicLong, AtomicReference and CountDownLatch state both ways', async () => {
    const cp = official.getCPSubsystem();
    const theirCounter = await cp.getAtomicLong('interop-counter@interop');
    const ourCounter = getAtomicLong(client, 'interop-counter@interop');
    expect((await theirCounter.addAndGet(5)).toString()).toBe('5');
    expect(await ourCounter.addAndGet(10)).toBe(15n);
    expect((await theirCounter.get()).toString()).toBe('15');

    const theirRef = await cp.getAtomicReference('interop-ref');
    const ourRef = getAtomicReference<string>(client, 'interop-ref');
    await theirRef.set('from-official');
    expect(await ourRef.get()).toBe('from-official');
    await ourRef.set('from-hz');
    expect(await theirRef.get()).toBe('from-hz');

    const theirLatch = await cp.getCountDownLatch('interop-latch');
    const ourLatch = getCountDownLatch(client, 'interop-latch');
    expect(await theirLatch.trySetCount(2)).toBe(true);
    const theyWait = theirLatch.await(120_000);
    await ourLatch.countDown();
    expect(await theirLatch.getCount()).toBe(1);
    await theirLatch.countDown();
    expect(await theyWait).toBe(true);
    expect(await ourLatch.getCount()).toBe(0);
  });
});
