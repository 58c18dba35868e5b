import { RingbufferReadManyCodec } from '@hz/protocol';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  type ClientConfig,
  ClientNotActiveError,
  getReliableTopic,
  getRingbuffer,
  type HazelcastClient,
  IllegalArgumentError,
  InvalidConfigurationError,
  type ReliableMessage,
  type ReliableMessageListener,
  type ReliableTopic,
  StaleSequenceError,
  TopicOverloadError,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect, expectRefusedBeforeSending, lifecycleReaches } from './helpers';

// The ringbuffer behind reliable topic `t` is `_hz_rb_t`; members find its config under the topic's name.
// rt-small-*: 10 slots, no time to live (the oldest message is overwritten whatever the policy);
// rt-full-*: 10 slots whose messages live 5 minutes (full stays full); rt-block-*: 5 slots, 2 s to live.
const cluster = useCluster({
  members: 2,
  xml: `
    <ringbuffer name="rt-small-*"><capacity>10</capacity><time-to-live-seconds>0</time-to-live-seconds></ringbuffer>
    <ringbuffer name="rt-full-*"><capacity>10</capacity><time-to-live-seconds>300</time-to-live-seconds></ringbuffer>
    <ringbuffer name="rt-block-*"><capacity>5</capacity><time-to-live-seconds>2</time-to-live-seconds></ringbuffer>`,
});

const topicConfig: ClientConfig = {
  reliableTopics: {
    'rt-full-error*': { overloadPolicy: 'ERROR' },
    'rt-full-oldest*': { overloadPolicy: 'DISCARD_OLDEST' },
    'rt-full-newest*': { overloadPolicy: 'DISCARD_NEWEST' },
    'rt-batch-*': { readBatchSize: 3 },
  },
};

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const waitOptions = { timeout: 30_000, interval: 20 };

/** Every message stored in the topic's ringbuffer, oldest first, read through a fresh iterator. */
async function stored<E>(topic: ReliableTopic<E>, count: number): Promise<ReliableMessage<E>[]> {
  const messages: ReliableMessage<E>[] = [];
  if (count === 0) return messages;
  for await (const message of topic.messages({ initialSequence: 0, lossTolerant: true })) {
    messages.push(message);
    if (messages.length === count) break;
  }
  return messages;
}

describe('ReliableTopic', () => {
  let publisher: HazelcastClient;
  let subscriber: HazelcastClient;
  let observer: HazelcastClient;

  beforeAll(async () => {
    publisher = await connect(cluster.current, topicConfig);
    subscriber = await connect(cluster.current, topicConfig);
    observer = await connect(cluster.current, { ...topicConfig, network: { smartRouting: false } });
  });

  afterAll(async () => {
    await publisher?.shutdown();
    await subscriber?.shutdown();
    await observer?.shutdown();
  });

  it('delivers every message in order to listeners and iterators of other clients', async () => {
    const name = 'ordered';
    const viaListener: ReliableMessage<number>[] = [];
    await getReliableTopic<number>(subscriber, name).addMessageListener((m) => {
      viaListener.push(m);
    });
    const iterator = getReliableTopic<number>(observer, name).messages({ initialSequence: 0 });
    const before = BigInt(Date.now());
    const topic = getReliableTopic<number>(publisher, name);
    for (let i = 0; i < 100; i++) await topic.publish(i);
    await topic.publishAll(Array.from({ length: 100 }, (_, i) => 100 + i));
    const viaIterator: ReliableMessage<number>[] = [];
    for await (const message of iterator) {
      viaIterator.push(message);
      if (viaIterator.length === 200) break;
    }
    await vi.waitFor(() => expect(viaListener).toHaveLength(200), waitOptions);
    const expected = Array.from({ length: 200 }, (_, i) => i);
    for (const received of [viaListener, viaIterator]) {
      expect(received.map((m) => m.message)).toEqual(expected);
      expect(received.map((m) => m.sequence)).toEqual(expected.map(BigInt));
      for (const message of received) {
        expect(message.name).toBe(name);
        expect(message.member).toBeNull(); // published by a client
        expect(message.publishTime).toBeGreaterThanOrEqual(before);
        expect(message.publishTime).toBeLessThanOrEqual(BigInt(Date.now()));
      }
    }
    // The messages live in the ringbuffer _hz_rb_<name>, where any client sees them.
    expect(await getRingbuffer(observer, `_hz_rb_${name}`).size()).toBe(200n);
    expect(iterator.nextSequence).toBe(200n);
  });

  it('starts at the next message by default, or at a stored sequence; stores each sequence first', async () => {
    const name = 'durable';
    const topic = getReliableTopic<string>(publisher, name);
    await topic.publishAll(['m0', 'm1', 'm2', 'm3', 'm4']);
    const fromNext: string[] = [];
    const durableLog: string[] = [];
    const durable: ReliableMessageListener<string> = {
      retrieveInitialSequence: () => 2n,
      storeSequence: (sequence) => durableLog.push(`store ${sequence}`),
      onMessage: (m) => {
        durableLog.push(`message ${m.message}`);
      },
    };
    await getReliableTopic<string>(subscriber, name).addMessageListener({
      onMessage: (m) => {
        fromNext.push(m.message);
      },
    });
    await getReliableTopic<string>(subscriber, name).addMessageListener(durable);
    const fromOne: string[] = [];
    const iterator = getReliableTopic<string>(observer, name).messages({ initialSequence: 1 });
    for (let i = 0; i < 4; i++) fromOne.push((await iterator.next()).value!.message);
    const waiting = iterator.next();
    await topic.publish('m5');
    fromOne.push((await waiting).value!.message);
    await iterator.return();
    await vi.waitFor(() => expect(durableLog).toHaveLength(8), waitOptions);
    await vi.waitFor(() => expect(fromNext).toEqual(['m5']), waitOptions);
    expect(durableLog).toEqual([
      'store 2',
      'message m2',
      'store 3',
      'message m3',
      'store 4',
      'message m4',
      'store 5',
      'message m5',
    ]);
    expect(fromOne).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('reads at most readBatchSize messages per request', async () => {
    const name = 'rt-batch-reads';
    const topic = getReliableTopic<number>(publisher, name);
    await topic.publishAll(Array.from({ length: 10 }, (_, i) => i));
    const context = clientContext(subscriber);
    const reads: number[] = [];
    const passthrough = context.invokeOnPartition;
    const counting = vi
      .spyOn(context, 'invokeOnPartition')
      .mockImplementation((request, partitionId, options) => {
        if (request.messageType === RingbufferReadManyCodec.REQUEST_MESSAGE_TYPE) {
          reads.push(RingbufferReadManyCodec.decodeRequest(request).maxCount);
        }
        return passthrough(request, partitionId, options);
      });
    try {
      const received: number[] = [];
      for await (const m of getReliableTopic<number>(subscriber, name).messages({ initialSequence: 0 })) {
        received.push(m.message);
        if (received.length === 10) break;
      }
      expect(received).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(reads.length).toBeGreaterThanOrEqual(4);
      expect(new Set(reads)).toEqual(new Set([3]));
    } finally {
      counting.mockRestore();
    }
  });

  for (const lossTolerant of [false, true]) {
    it(`a listener that falls behind a 10-slot ringbuffer by 1,000 messages ${lossTolerant ? 'goes on from the oldest stored message' : 'stops with StaleSequenceError'}`, async () => {
      const name = `rt-small-behind-${lossTolerant}`;
      const topic = getReliableTopic<number>(publisher, name);
      const gate = deferred();
      const inGate = deferred();
      const received: bigint[] = [];
      const cancelled = deferred<Error | null>();
      const id = await getReliableTopic<number>(subscriber, name).addMessageListener({
        isLossTolerant: () => lossTolerant,
        onCancel: (reason) => cancelled.resolve(reason),
        onMessage: async (m) => {
          received.push(m.sequence as bigint);
          if (m.sequence === 0n) {
            inGate.resolve();
            await gate.promise;
          }
        },
      });
      await topic.publish(0);
      await inGate.promise;
      for (let start = 1; start < 1001; start += 10) {
        await topic.publishAll(Array.from({ length: 10 }, (_, i) => start + i));
      }
      gate.resolve();
      if (lossTolerant) {
        await vi.waitFor(() => expect(received.at(-1)).toBe(1000n), waitOptions);
        expect(received[0]).toBe(0n);
        // After message 0 it continued at the head: the 10 messages still stored.
        expect(received.slice(1)).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(991 + i)));
        await topic.publish(1001);
        await vi.waitFor(() => expect(received.at(-1)).toBe(1001n), waitOptions);
        expect(await getReliableTopic(subscriber, name).removeMessageListener(id)).toBe(true);
        expect(await cancelled.promise).toBeNull();
      } else {
        const reason = await cancelled.promise;
        expect(reason).toBeInstanceOf(StaleSequenceError);
        expect(reason!.message).toMatch(
          /Reliable topic rt-small-behind-false: 990 message\(s\) from sequence 1 were overwritten before they were read; the listener is not loss tolerant/,
        );
        expect(received).toEqual([0n]);
        expect(await getReliableTopic(subscriber, name).removeMessageListener(id)).toBe(false);
      }
    });

    it(`an iterator that falls behind ${lossTolerant ? 'yields the oldest stored messages next' : 'throws StaleSequenceError'}`, async () => {
      const name = `rt-small-iterator-behind-${lossTolerant}`;
      const topic = getReliableTopic<number>(publisher, name);
      const iterator = getReliableTopic<number>(subscriber, name).messages({
        initialSequence: 0,
        lossTolerant,
      });
      await topic.publish(0);
      expect((await iterator.next()).value?.message).toBe(0);
      for (let start = 1; start < 1001; start += 10) {
        await topic.publishAll(Array.from({ length: 10 }, (_, i) => start + i));
      }
      if (lossTolerant) {
        const rest: number[] = [];
        for await (const m of iterator) {
          rest.push(m.message);
          if (rest.length === 10) break;
        }
        expect(rest).toEqual(Array.from({ length: 10 }, (_, i) => 991 + i));
      } else {
        await expect(iterator.next()).rejects.toBeInstanceOf(StaleSequenceError);
        // The iteration is over, and stays where it was.
        expect(await iterator.next()).toEqual({ done: true, value: undefined });
        expect(iterator.nextSequence).toBe(1n);
      }
    });
  }

  for (const lossTolerant of [false, true]) {
    it(`a start sequence beyond the tail (data the ringbuffer lost) ${lossTolerant ? 'lets a loss-tolerant listener go on with new messages' : 'stops a listener with StaleSequenceError'}`, async () => {
      const name = `beyond-tail-${lossTolerant}`;
      const topic = getReliableTopic<string>(publisher, name);
      await topic.publishAll(['m0', 'm1']);
      const received: string[] = [];
      const cancelled = deferred<Error | null>();
      await getReliableTopic<string>(subscriber, name).addMessageListener({
        retrieveInitialSequence: () => 500,
        isLossTolerant: () => lossTolerant,
        onCancel: (reason) => cancelled.resolve(reason),
        onMessage: (m) => {
          received.push(m.message);
        },
      });
      // The member keeps the read waiting at its tail + 1 (whatever the tail is when the read arrives): the
      // listener learns of the gap with the next message, so publish until it reacts.
      let attempt = 0;
      let stopped = false;
      void cancelled.promise.then(() => {
        stopped = true;
      });
      await vi.waitFor(async () => {
        await topic.publish(`n${attempt++}`);
        expect(received.length > 0 || stopped).toBe(true);
      }, waitOptions);
      if (lossTolerant) {
        await topic.publish('last');
        await vi.waitFor(() => expect(received.at(-1)).toBe('last'), waitOptions);
        // It went on from the new end: never the messages stored before, nothing twice, in order.
        const expected = [...Array.from({ length: attempt }, (_, i) => `n${i}`), 'last'];
        expect(expected.slice(expected.indexOf(received[0]!))).toEqual(received);
      } else {
        const reason = await cancelled.promise;
        expect(reason).toBeInstanceOf(StaleSequenceError);
        expect(reason!.message).toMatch(
          /Reliable topic beyond-tail-false: sequence 500 is beyond the end of ringbuffer _hz_rb_beyond-tail-false, which now continues at \d+: its messages were lost/,
        );
        expect(received).toEqual([]);
      }
    });
  }

  it('a listener error stops only listeners that call it terminal; plain functions go on', async () => {
    const name = 'errors';
    const topic = getReliableTopic<string>(subscriber, name);
    const tolerant: string[] = [];
    const plain: string[] = [];
    const strict: string[] = [];
    const stopped = deferred<Error | null>();
    const boom = (m: ReliableMessage<string>) => {
      if (m.message === 'boom') throw new Error(`failed on ${m.message}`);
    };
    await topic.addMessageListener({
      isTerminal: () => false,
      onMessage: (m) => {
        tolerant.push(m.message);
        boom(m);
      },
    });
    await topic.addMessageListener((m) => {
      plain.push(m.message);
      return Promise.reject(new Error('async failure'));
    });
    await topic.addMessageListener({
      isTerminal: (error) => error instanceof Error && error.message === 'failed on boom',
      onCancel: (reason) => stopped.resolve(reason),
      onMessage: (m) => {
        strict.push(m.message);
        boom(m);
      },
    });
    await getReliableTopic<string>(publisher, name).publishAll(['a', 'boom', 'b']);
    expect((await stopped.promise)?.message).toBe('failed on boom');
    await vi.waitFor(() => expect(tolerant).toEqual(['a', 'boom', 'b']), waitOptions);
    await vi.waitFor(() => expect(plain).toEqual(['a', 'boom', 'b']), waitOptions);
    expect(strict).toEqual(['a', 'boom']);
  });

  it('never runs one listener concurrently: an async onMessage is awaited', async () => {
    const name = 'sequential';
    let active = 0;
    let maxActive = 0;
    const done: number[] = [];
    await getReliableTopic<number>(subscriber, name).addMessageListener(async (m) => {
      active++;
      maxActive = Math.max(maxActive, active);
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      done.push(m.message);
      active--;
    });
    await getReliableTopic<number>(publisher, name).publishAll(Array.from({ length: 30 }, (_, i) => i));
    await vi.waitFor(() => expect(done).toHaveLength(30), waitOptions);
    expect(done).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(maxActive).toBe(1);
  });

  it('removeMessageListener stops the listener once; later messages reach only the others', async () => {
    const name = 'removal';
    const topic = getReliableTopic<string>(subscriber, name);
    const removed: string[] = [];
    const kept: string[] = [];
    const cancelled = vi.fn();
    const id = await topic.addMessageListener({
      onMessage: (m) => void removed.push(m.message),
      onCancel: cancelled,
    });
    await topic.addMessageListener((m) => {
      kept.push(m.message);
    });
    const publishing = getReliableTopic<string>(publisher, name);
    await publishing.publish('before');
    await vi.waitFor(() => expect(removed).toEqual(['before']), waitOptions);
    expect(await topic.removeMessageListener(id)).toBe(true);
    expect(await topic.removeMessageListener(id)).toBe(false);
    expect(await topic.removeMessageListener('unknown')).toBe(false);
    expect(cancelled).toHaveBeenCalledExactlyOnceWith(null);
    await publishing.publish('after');
    // The other listener reads the same ringbuffer; by the time it has 'after', a live runner would have
    // read it too (and a stopped one issues no further reads).
    await vi.waitFor(() => expect(kept).toEqual(['before', 'after']), waitOptions);
    expect(removed).toEqual(['before']);
  });

  it('messages({ signal }): an abort ends the iteration and loses no message', async () => {
    const name = 'abortable';
    const topic = getReliableTopic<number>(publisher, name);
    const controller = new AbortController();
    const first = getReliableTopic<number>(subscriber, name).messages({
      initialSequence: 0,
      signal: controller.signal,
    });
    await topic.publishAll([0, 1, 2, 3, 4]);
    const seen: number[] = [];
    // One read brought 0..4; abort after two of them were yielded, with three still buffered.
    seen.push((await first.next()).value!.message, (await first.next()).value!.message);
    controller.abort();
    await expect(first.next()).rejects.toBeInstanceOf(AbortError);
    expect(await first.next()).toEqual({ done: true, value: undefined });
    expect(first.nextSequence).toBe(2n);
    // An abort while waiting for messages that do not exist yet.
    const waiting = new AbortController();
    const resumed = getReliableTopic<number>(subscriber, name).messages({
      initialSequence: first.nextSequence!,
      signal: waiting.signal,
    });
    for (let i = 0; i < 3; i++) seen.push((await resumed.next()).value!.message);
    const pending = resumed.next();
    waiting.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    await topic.publishAll([5, 6]);
    for await (const m of getReliableTopic<number>(subscriber, name).messages({
      initialSequence: resumed.nextSequence!,
    })) {
      seen.push(m.message);
      if (m.message === 6) break;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // An already aborted signal ends the iteration at once.
    const aborted = getReliableTopic<number>(subscriber, name).messages({ signal: AbortSignal.abort() });
    await expect(aborted.next()).rejects.toBeInstanceOf(AbortError);
  });

  describe('overload policies with a full ringbuffer', () => {
    it('ERROR fails the publish with TopicOverloadError and stores nothing', async () => {
      const topic = getReliableTopic<string>(publisher, 'rt-full-error-1');
      await topic.publishAll(Array.from({ length: 10 }, (_, i) => `m${i}`));
      await expect(topic.publish('refused')).rejects.toBeInstanceOf(TopicOverloadError);
      await expect(topic.publish('refused')).rejects.toThrow(
        /ReliableTopic rt-full-error-1: its ringbuffer is full of messages within their time to live and the overload policy is ERROR; the message was not published/,
      );
      await expect(topic.publishAll(['x', 'y'])).rejects.toBeInstanceOf(TopicOverloadError);
      const ringbuffer = getRingbuffer(observer, '_hz_rb_rt-full-error-1');
      expect(await ringbuffer.tailSequence()).toBe(9n);
      expect(await ringbuffer.headSequence()).toBe(0n);
    });

    it('DISCARD_OLDEST overwrites the oldest message', async () => {
      const topic = getReliableTopic<string>(publisher, 'rt-full-oldest-1');
      await topic.publishAll(Array.from({ length: 10 }, (_, i) => `m${i}`));
      await topic.publish('newest');
      const ringbuffer = getRingbuffer(observer, '_hz_rb_rt-full-oldest-1');
      expect(await ringbuffer.headSequence()).toBe(1n);
      expect(await ringbuffer.tailSequence()).toBe(10n);
      const messages = await stored(getReliableTopic<string>(observer, 'rt-full-oldest-1'), 10);
      expect(messages.map((m) => m.message)).toEqual([
        ...Array.from({ length: 9 }, (_, i) => `m${i + 1}`),
        'newest',
      ]);
    });

    it('DISCARD_NEWEST drops the new message and resolves', async () => {
      const topic = getReliableTopic<string>(publisher, 'rt-full-newest-1');
      await topic.publishAll(Array.from({ length: 10 }, (_, i) => `m${i}`));
      await topic.publish('dropped');
      await topic.publishAll(['dropped too']);
      const ringbuffer = getRingbuffer(observer, '_hz_rb_rt-full-newest-1');
      expect(await ringbuffer.tailSequence()).toBe(9n);
      const messages = await stored(getReliableTopic<string>(observer, 'rt-full-newest-1'), 10);
      expect(messages.map((m) => m.message)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    });

    it('BLOCK (the default) waits until messages expire and then publishes', async () => {
      const name = 'rt-block-1';
      const topic = getReliableTopic<string>(publisher, name);
      await topic.publishAll(['m0', 'm1', 'm2', 'm3', 'm4']);
      let published = false;
      const blocked = topic.publish('late').then(() => {
        published = true;
      });
      const ringbuffer = getRingbuffer(observer, `_hz_rb_${name}`);
      // Full: the first attempt came back with -1 and nothing was stored.
      expect(await ringbuffer.tailSequence()).toBe(4n);
      expect(await ringbuffer.remainingCapacity()).toBe(0n);
      expect(published).toBe(false);
      await blocked;
      expect(await ringbuffer.tailSequence()).toBe(5n);
      const [late] = await Promise.all([
        getReliableTopic<string>(observer, name).messages({ initialSequence: 5 }).next(),
      ]);
      expect(late.value?.message).toBe('late');
      // A batch larger than the capacity can never fit.
      await expect(topic.publishAll(['a', 'b', 'c', 'd', 'e', 'f'])).rejects.toThrow(
        /publishAll of 6 messages can never fit the ringbuffer's capacity of 5 with the overload policy BLOCK/,
      );
    });

    it('BLOCK with a signal: an abort gives up and the message is never published', async () => {
      const name = 'rt-block-abort';
      const topic = getReliableTopic<string>(publisher, name);
      await topic.publishAll(['m0', 'm1', 'm2', 'm3', 'm4']);
      const controller = new AbortController();
      const blocked = topic.publish('aborted', { signal: controller.signal });
      const ringbuffer = getRingbuffer(observer, `_hz_rb_${name}`);
      expect(await ringbuffer.tailSequence()).toBe(4n);
      controller.abort();
      await expect(blocked).rejects.toBeInstanceOf(AbortError);
      await expect(topic.publish('x', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
      await topic.publish('after');
      const tail = (await ringbuffer.tailSequence()) as bigint;
      expect(tail).toBe(5n);
      const head = (await ringbuffer.headSequence()) as bigint;
      const messages = await stored(getReliableTopic<string>(observer, name), Number(tail - head + 1n));
      expect(messages.map((m) => m.message)).not.toContain('aborted');
      expect(messages.map((m) => m.message)).toContain('after');
    });
  });

  it('refuses bad arguments with IllegalArgumentError and sends nothing', async () => {
    const topic = getReliableTopic<unknown>(subscriber, 'bad-input');
    await clientContext(subscriber).proxies.whenCreated('hz:impl:reliableTopicService', 'bad-input');
    const context = clientContext(subscriber);
    const sent = vi.spyOn(context, 'invokeOnPartition');
    try {
      const calls: Array<[() => unknown, RegExp]> = [
        [() => topic.publish(null), /ReliableTopic bad-input: a message must not be null/],
        [() => topic.publishAll([1, undefined]), /a message must not be undefined/],
        [
          () => topic.publishAll(Array.from({ length: 1001 }, () => 1)),
          /publishAll takes at most 1000 messages \(one ringbuffer batch\), got 1001/,
        ],
        [() => topic.publish(1, { signal: {} as AbortSignal }), /signal must be an AbortSignal/],
        [
          () => topic.addMessageListener({} as ReliableMessageListener<unknown>),
          /a message listener must be/,
        ],
        [
          () => topic.addMessageListener({ onMessage() {}, retrieveInitialSequence: () => -5 }),
          /retrieveInitialSequence\(\) must be -1 \(the next message\) or a sequence >= 0, got -5/,
        ],
        [
          () => topic.addMessageListener({ onMessage() {}, retrieveInitialSequence: () => 0.5 }),
          /retrieveInitialSequence\(\) must be a safe integer number/,
        ],
        [() => topic.messages({ initialSequence: 'x' as unknown as number }), /initialSequence must be/],
        [
          () => topic.messages({ lossTolerant: 'yes' as unknown as boolean }),
          /lossTolerant must be true or false/,
        ],
        [() => topic.removeMessageListener(5 as unknown as string), /a registration id must be a string/],
      ];
      for (const [call, message] of calls) {
        const error = await (async () => call())().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, String(message)).toBeInstanceOf(IllegalArgumentError);
        expect((error as Error).message).toMatch(message);
      }
      expect(sent).not.toHaveBeenCalled();
    } finally {
      sent.mockRestore();
    }
  });

  it('a number or an unknown key where the options go is refused, naming the method and the key; nothing is sent', async () => {
    const topic = getReliableTopic<string>(subscriber, 'rt-small-bad-options');
    await clientContext(subscriber).proxies.whenCreated(
      'hz:impl:reliableTopicService',
      'rt-small-bad-options',
    );
    await expectRefusedBeforeSending(
      subscriber,
      ['toData', 'invokeOnPartition'],
      () => [
        [
          topic.publish('m', 5000 as never),
          /^ReliableTopic rt-small-bad-options\.publish: the options must be an object \{ signal \}, got number 5000$/,
        ],
        [
          topic.publishAll(['m'], { signal: undefined, timeout: 5000 } as never),
          /^ReliableTopic rt-small-bad-options\.publishAll: unknown option "timeout"; known options: signal$/,
        ],
      ],
      () => {
        // messages() returns the iterator (it is not async): its bad options throw at once.
        expect(() => topic.messages({ startSequence: 0 } as never)).toThrow(
          /^ReliableTopic rt-small-bad-options\.messages: unknown option "startSequence"; known options: signal, initialSequence, lossTolerant$/,
        );
        expect(() => topic.messages(-1 as never)).toThrow(IllegalArgumentError);
      },
    );
    expect(Number(await getRingbuffer(observer, '_hz_rb_rt-small-bad-options').size())).toBe(0);
  });

  it('a config with an unknown overload policy or an ambiguous pattern is refused, naming it', async () => {
    await expect(
      connect(cluster.current, {
        reliableTopics: { news: { overloadPolicy: 'DROP' as 'ERROR' } },
      }),
    ).rejects.toThrow(
      /Invalid configuration: reliableTopics\['news'\]\.overloadPolicy must be one of "BLOCK", "ERROR", "DISCARD_OLDEST", "DISCARD_NEWEST", got "DROP"/,
    );
    const client = await connect(cluster.current, { reliableTopics: { 'a-*': {}, '*-b': {} } });
    try {
      expect(() => getReliableTopic(client, 'a-b')).toThrow(InvalidConfigurationError);
      expect(() => getReliableTopic(client, 'a-b')).toThrow(
        /reliable topic "a-b" matches both "a-\*" and "\*-b"/,
      );
      expect(getReliableTopic(client, 'a-c').getName()).toBe('a-c');
    } finally {
      await client.shutdown();
    }
  });

  it('a client shutdown stops its listeners with ClientNotActiveError and ends its iterators', async () => {
    const client = await connect(cluster.current);
    const stopped = deferred<Error | null>();
    const topic = getReliableTopic<string>(client, 'shutdown');
    await topic.addMessageListener({ onMessage() {}, onCancel: (reason) => stopped.resolve(reason) });
    const iterator = topic.messages();
    const pending = iterator.next();
    await client.shutdown();
    expect(await stopped.promise).toBeInstanceOf(ClientNotActiveError);
    await expect(pending).rejects.toBeInstanceOf(ClientNotActiveError);
  });

  it('destroy stops the listeners and removes the messages', async () => {
    const name = 'destroyed';
    const topic = getReliableTopic<string>(subscriber, name);
    const cancelled = deferred<Error | null>();
    await topic.addMessageListener({ onMessage() {}, onCancel: (reason) => cancelled.resolve(reason) });
    await getReliableTopic<string>(publisher, name).publishAll(['a', 'b']);
    await topic.destroy();
    expect(await cancelled.promise).toBeNull();
    expect(await getRingbuffer(observer, `_hz_rb_${name}`).size()).toBe(0n);
  });

  it('a member killed while publishing: a listener that stores sequences gets no message twice and misses none confirmed', async () => {
    const name = 'member-kill';
    const storedSequences: bigint[] = [];
    const received: string[] = [];
    const cancelled = vi.fn();
    await getReliableTopic<string>(subscriber, name).addMessageListener({
      storeSequence: (sequence) => storedSequences.push(sequence as bigint),
      onMessage: (m) => {
        received.push(m.message);
      },
      onCancel: cancelled,
    });
    const context = clientContext(publisher);
    const ringbufferData = context.toData(`_hz_rb_${name}`);
    const topic = getReliableTopic<string>(publisher, name);
    await topic.publish('warm-up');
    const owner = context.partitions.owner(context.partitionIdOf(ringbufferData));
    const victim = cluster.current.liveMembers.find((m) => m.uuid === owner)!;
    expect(victim).toBeDefined();

    const confirmed: string[] = ['warm-up'];
    const uncertain: string[] = [];
    let killed: Promise<void> | undefined;
    const total = 600;
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const value = `m${next++}`;
        if (next === total / 3) killed = cluster.current.terminateMember(victim);
        try {
          await topic.publish(value);
          confirmed.push(value);
        } catch {
          // The member died with this write in flight: it may or may not be stored.
          uncertain.push(value);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await killed;
    await vi.waitFor(() => expect(confirmed.every((value) => received.includes(value))).toBe(true), {
      timeout: 60_000,
      interval: 50,
    });
    expect(cancelled).not.toHaveBeenCalled();
    // No sequence was delivered twice, and they only went up.
    for (let i = 1; i < storedSequences.length; i++) {
      expect(storedSequences[i]!).toBeGreaterThan(storedSequences[i - 1]!);
    }
    // A message shows up twice only if its publish failed and could have been stored anyway.
    const counts = new Map<string, number>();
    for (const value of received) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [value, count] of counts) {
      if (count > 1) expect(uncertain).toContain(value);
    }
    expect(received.filter((v) => !confirmed.includes(v) && !uncertain.includes(v))).toEqual([]);
    await cluster.current.startMember();
  });

  it('after a whole-cluster restart a loss-tolerant listener goes on and a strict one stops', async () => {
    const name = 'restart';
    const tolerant: string[] = [];
    const strictStopped = deferred<Error | null>();
    const topic = getReliableTopic<string>(subscriber, name);
    await topic.addMessageListener({
      isLossTolerant: () => true,
      onMessage: (m) => {
        tolerant.push(m.message);
      },
    });
    await topic.addMessageListener({ onMessage() {}, onCancel: (reason) => strictStopped.resolve(reason) });
    await getReliableTopic<string>(publisher, name).publishAll(['b0', 'b1', 'b2']);
    await vi.waitFor(() => expect(tolerant).toEqual(['b0', 'b1', 'b2']), waitOptions);
    const reconnected = Promise.all(
      [subscriber, publisher].map((c) =>
        lifecycleReaches(c, 'DISCONNECTED').then(() => lifecycleReaches(c, 'CONNECTED')),
      ),
    );
    await cluster.current.restart();
    await reconnected;
    // The restarted cluster has an empty ringbuffer: the listeners' reads (retried after the reconnect)
    // wait at its start and learn of the loss with the first new message.
    let attempt = 0;
    await vi.waitFor(async () => {
      await getReliableTopic<string>(publisher, name).publish(`a${attempt++}`);
      expect(tolerant.length).toBeGreaterThan(3);
    }, waitOptions);
    expect(tolerant.slice(3).every((m) => m.startsWith('a'))).toBe(true);
    expect(await strictStopped.promise).toBeInstanceOf(StaleSequenceError);
  });
});
