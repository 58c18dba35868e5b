import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ClientNotActiveError,
  getQueue,
  type HazelcastClient,
  IllegalStateError,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect, messagesPerMember, ownerOf } from './helpers';

// Queues named bounded-* hold at most 3 items.
const cluster = useCluster({
  members: 3,
  xml: '<queue name="bounded-*"><max-size>3</max-size></queue>',
});

let client: HazelcastClient;
let observer: HazelcastClient;

beforeAll(async () => {
  client = await connect(cluster.current);
  // The second client reads cluster state back through one member only (unisocket).
  observer = await connect(cluster.current, {
    network: { clusterMembers: [cluster.current.addresses[1]!], smartRouting: false },
  });
});

afterAll(async () => {
  await client?.shutdown();
  await observer?.shutdown();
});

/** Settles to { value } or { error } without throwing, to inspect a promise later. */
function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Resolves once `client` has a member-side wait (a slice of a blocking call) in flight. */
async function waitingOnMember(c: HazelcastClient, before: number): Promise<void> {
  await vi.waitFor(() => expect(clientContext(c).invocations.pendingCount).toBeGreaterThan(before), {
    timeout: 10_000,
    interval: 5,
  });
}

describe('queue operations, read back through a second client', () => {
  it('adds, offers, peeks and polls in FIFO order', async () => {
    const queue = getQueue<string>(client, 'fifo');
    const other = getQueue<string>(observer, 'fifo');
    expect(await queue.isEmpty()).toBe(true);
    expect(await queue.add('a')).toBe(true);
    expect(await queue.offer('b')).toBe(true);
    expect(await queue.addAll(['c', 'd'])).toBe(true);
    expect(await other.size()).toBe(4);
    expect(await other.iterator()).toEqual(['a', 'b', 'c', 'd']);
    expect(await queue.peek()).toBe('a');
    expect(await other.size()).toBe(4);
    expect(await queue.poll()).toBe('a');
    expect(await queue.poll({ timeout: 1000 })).toBe('b');
    expect(await queue.take()).toBe('c');
    expect(await other.toArray()).toEqual(['d']);
    expect(await queue.isEmpty()).toBe(false);
    // Unbounded: Integer.MAX_VALUE less the one item held.
    expect(await queue.remainingCapacity()).toBe(2 ** 31 - 2);
    await queue.clear();
    expect(await other.isEmpty()).toBe(true);
    expect(await queue.poll()).toBeNull();
    expect(await queue.peek()).toBeNull();
  });

  it('contains, removes, retains and drains', async () => {
    const queue = getQueue<number>(client, 'membership');
    const other = getQueue<number>(observer, 'membership');
    await queue.addAll([1, 2, 3, 4, 5, 6, 2]);
    expect(await queue.contains(2)).toBe(true);
    expect(await queue.contains(9)).toBe(false);
    expect(await queue.containsAll([1, 6])).toBe(true);
    expect(await queue.containsAll([1, 9])).toBe(false);
    expect(await queue.remove(2)).toBe(true);
    expect(await other.iterator()).toEqual([1, 3, 4, 5, 6, 2]);
    expect(await queue.remove(9)).toBe(false);
    expect(await queue.removeAll([2, 3])).toBe(true);
    expect(await queue.removeAll([42])).toBe(false);
    expect(await other.iterator()).toEqual([1, 4, 5, 6]);
    expect(await queue.retainAll([1, 5, 6, 7])).toBe(true);
    expect(await queue.retainAll([1, 5, 6])).toBe(false);
    expect(await other.iterator()).toEqual([1, 5, 6]);
    const target = [0];
    expect(await queue.drainTo(target, { maxSize: 2 })).toBe(2);
    expect(target).toEqual([0, 1, 5]);
    expect(await other.iterator()).toEqual([6]);
    await queue.addAll([7, 8]);
    expect(await queue.drainTo(target)).toBe(3);
    expect(target).toEqual([0, 1, 5, 6, 7, 8]);
    expect(await other.size()).toBe(0);
    expect(await queue.drainTo(target, { maxSize: 0 })).toBe(0);
  });

  it('keeps values of every kind intact', async () => {
    const queue = getQueue<unknown>(client, 'kinds');
    const values = [
      'text',
      42.5,
      true,
      { nested: { list: [1, 'a'] } },
      [1, 2, 3],
      Buffer.from([1, 2, 3]),
      new Map([['k', 1]]),
      new Set(['s']),
    ];
    await queue.addAll(values);
    expect(await getQueue(observer, 'kinds').iterator()).toEqual(values);
  });

  it('destroys the queue for every client', async () => {
    const queue = getQueue<string>(client, 'destroyed');
    await queue.add('x');
    await queue.destroy();
    expect(await getQueue(observer, 'destroyed').size()).toBe(0);
  });

  it('routes every operation to the owner of the partition the queue name hashes to', async () => {
    for (const name of ['routed-a', 'routed-b', 'routed-c']) {
      const queue = getQueue<string>(client, name);
      await queue.offer('warm-up');
      const owner = await ownerOf(client, name);
      const sent = await messagesPerMember(client, async () => {
        for (let n = 0; n < 10; n++) await queue.peek();
      });
      expect(sent.get(owner)).toBeGreaterThanOrEqual(10);
      for (const [uuid, count] of sent) if (uuid !== owner) expect(count).toBeLessThan(10);
    }
  });
});

describe('a bounded queue (max-size 3)', () => {
  it('refuses offers and adds when full, and waits for space on offer with a timeout and put', async () => {
    const queue = getQueue<string>(client, 'bounded-1');
    const other = getQueue<string>(observer, 'bounded-1');
    expect(await queue.addAll(['a', 'b', 'c'])).toBe(true);
    expect(await queue.remainingCapacity()).toBe(0);
    expect(await queue.offer('d')).toBe(false);
    expect(await queue.offer('d', { timeout: 300 })).toBe(false);
    await expect(queue.add('d')).rejects.toThrow(IllegalStateError);
    await expect(queue.add('d')).rejects.toThrow(/Queue bounded-1: the queue is full/);
    expect(await other.iterator()).toEqual(['a', 'b', 'c']);

    // offer with a timeout: waits until another client makes space.
    const offered = queue.offer('d', { timeout: 60_000 });
    expect(await other.poll()).toBe('a');
    expect(await offered).toBe(true);
    expect(await other.iterator()).toEqual(['b', 'c', 'd']);

    // put: waits as long as the queue stays full.
    const put = queue.put('e');
    expect(await other.take()).toBe('b');
    await put;
    expect(await other.iterator()).toEqual(['c', 'd', 'e']);
  });

  it('an aborted put rejects with AbortError and adds nothing', async () => {
    const queue = getQueue<string>(client, 'bounded-abort');
    await queue.addAll(['a', 'b', 'c']);
    const controller = new AbortController();
    const pending = clientContext(client).invocations.pendingCount;
    const put = settle(queue.put('never', { signal: controller.signal }));
    await waitingOnMember(client, pending);
    controller.abort();
    const outcome = await put;
    expect(outcome.error).toBeInstanceOf(AbortError);
    expect(await getQueue(observer, 'bounded-abort').iterator()).toEqual(['a', 'b', 'c']);
    // An offer with a timeout aborts the same way.
    const offerController = new AbortController();
    const offer = settle(queue.offer('never', { timeout: 60_000, signal: offerController.signal }));
    offerController.abort();
    expect((await offer).error).toBeInstanceOf(AbortError);
    expect(await getQueue(observer, 'bounded-abort').size()).toBe(3);
    // Already aborted: nothing is sent.
    await expect(queue.put('never', { signal: AbortSignal.abort() })).rejects.toThrow(AbortError);
  });
});

describe('blocking calls', () => {
  it('take waits until another client offers', async () => {
    const queue = getQueue<string>(client, 'take-waits');
    const pending = clientContext(client).invocations.pendingCount;
    const taken = queue.take();
    await waitingOnMember(client, pending);
    expect(await getQueue(observer, 'take-waits').size()).toBe(0);
    await getQueue<string>(observer, 'take-waits').offer('delivered');
    expect(await taken).toBe('delivered');
    expect(await getQueue(observer, 'take-waits').size()).toBe(0);
  });

  it('poll with a timeout returns null once the timeout passes, or the item that arrives', async () => {
    const queue = getQueue<string>(client, 'poll-timeout');
    expect(await queue.poll({ timeout: 250 })).toBeNull();
    expect(await queue.poll({ timeout: 0n })).toBeNull();
    const polled = queue.poll({ timeout: 60_000 });
    await getQueue<string>(observer, 'poll-timeout').offer('arrived');
    expect(await polled).toBe('arrived');
  });

  it('is never cut off by the invocation timeout', async () => {
    const impatient = await connect(cluster.current, {
      properties: { 'hazelcast.client.invocation.timeout.millis': 1000 },
    });
    try {
      const queue = getQueue<string>(impatient, 'longer-than-invocation-timeout');
      // Waits 3.5 s in total on the member: more than three invocation timeouts.
      expect(await queue.poll({ timeout: 3500 })).toBeNull();
    } finally {
      await impatient.shutdown();
    }
  });

  it('an aborted take rejects with AbortError and consumes nothing: the next consumer gets the item', async () => {
    const queue = getQueue<string>(client, 'aborted-take');
    const controller = new AbortController();
    const pending = clientContext(client).invocations.pendingCount;
    const taken = settle(queue.take({ signal: controller.signal }));
    await waitingOnMember(client, pending);
    controller.abort();
    const outcome = await taken;
    expect(outcome.error).toBeInstanceOf(AbortError);
    expect((outcome.error as Error).name).toBe('AbortError');
    await getQueue<string>(observer, 'aborted-take').offer('for-the-next-one');
    expect(await queue.take()).toBe('for-the-next-one');
    // The signal's reason, when an AbortError, is what the call rejects with.
    const reason = new AbortError('stopping the worker');
    await expect(queue.take({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it('an item that arrives while an aborted take is still waiting on the member is delivered, not dropped', async () => {
    const queue = getQueue<string>(client, 'abort-race');
    const other = getQueue<string>(observer, 'abort-race');
    for (let round = 0; round < 5; round++) {
      const controller = new AbortController();
      const pending = clientContext(client).invocations.pendingCount;
      const taken = settle(queue.take({ signal: controller.signal }));
      await waitingOnMember(client, pending);
      controller.abort();
      await other.offer(`item-${round}`);
      const outcome = await taken;
      if (outcome.error !== undefined) {
        // The wait had answered before the item came: it is still in the queue.
        expect(outcome.error).toBeInstanceOf(AbortError);
        expect(await other.poll()).toBe(`item-${round}`);
      } else {
        expect(outcome.value).toBe(`item-${round}`);
      }
      expect(await other.size()).toBe(0);
    }
  });

  it('never loses or duplicates an item when takes are aborted while items keep arriving', async () => {
    const name = 'abort-storm';
    const producer = getQueue<number>(observer, name);
    const consumer = getQueue<number>(client, name);
    const total = 400;
    const received: number[] = [];
    let producing = true;
    const produce = (async () => {
      for (let i = 0; i < total; i++) await producer.offer(i);
      producing = false;
    })();
    const consumers = Array.from({ length: 4 }, async (_, worker) => {
      let n = 0;
      while (producing) {
        const controller = new AbortController();
        // Aborts at varying points: before the first wait, during it, or after the item came.
        const delay = (worker * 7 + n++ * 3) % 12;
        const timer = setTimeout(() => controller.abort(), delay);
        try {
          received.push(await consumer.take({ signal: controller.signal }));
        } catch (error) {
          expect(error).toBeInstanceOf(AbortError);
        } finally {
          clearTimeout(timer);
        }
      }
    });
    await produce;
    await Promise.all(consumers);
    for (let item = await consumer.poll(); item !== null; item = await consumer.poll()) received.push(item);
    expect(received.length).toBe(total);
    expect(new Set(received).size).toBe(total);
    expect([...received].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    // How many storm takes are aborted depends on the producer's pace, so one abort is made certain: a take
    // waiting on the emptied queue is aborted, and the next item is still there for someone else.
    const pending = clientContext(client).invocations.pendingCount;
    const controller = new AbortController();
    const last = consumer.take({ signal: controller.signal }).then(
      () => 'took',
      (error: unknown) => error,
    );
    await waitingOnMember(client, pending);
    controller.abort();
    expect(await last).toBeInstanceOf(AbortError);
    await producer.offer(total);
    expect(await producer.poll({ timeout: 5000 })).toBe(total);
  });

  it('consume yields items as they arrive and ends without an error on abort', async () => {
    const queue = getQueue<number>(client, 'consumed');
    const other = getQueue<number>(observer, 'consumed');
    const controller = new AbortController();
    const seen: number[] = [];
    const loop = (async () => {
      for await (const item of queue.consume({ signal: controller.signal })) {
        seen.push(item);
        if (seen.length === 5) controller.abort();
      }
    })();
    for (let i = 0; i < 5; i++) await other.offer(i);
    await loop;
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    // The loop has ended: what comes next stays in the queue.
    await other.offer(99);
    expect(await other.iterator()).toEqual([99]);
    // Leaving the loop with break takes nothing more either.
    await other.offer(100);
    for await (const item of queue.consume()) {
      expect(item).toBe(99);
      break;
    }
    expect(await other.iterator()).toEqual([100]);
  });

  it('a client shutting down during a take hands out nothing it cannot deliver', async () => {
    const leaving = await connect(cluster.current);
    const name = 'shutdown-during-take';
    const pending = clientContext(leaving).invocations.pendingCount;
    const taken = settle(getQueue<string>(leaving, name).take());
    await waitingOnMember(leaving, pending);
    await leaving.shutdown();
    expect((await taken).error).toBeInstanceOf(ClientNotActiveError);
    // No wait of the gone client is left on the member to swallow the next item.
    const other = getQueue<string>(observer, name);
    await other.offer('after-shutdown');
    expect(await other.poll({ timeout: 5000 })).toBe('after-shutdown');
  });
});
