import type Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import { reliableTopicConfigFor } from '../config/resolve-config';
import { AbortError, ClientNotActiveError, TopicOverloadError } from '../errors/hazelcast-error';
import { ProxyBase } from '../proxy/proxy-base';
import { createRingbuffer } from '../ringbuffer/create';
import { OverflowPolicy, RINGBUFFER_MAX_BATCH_SIZE, RINGBUFFER_SERVICE_NAME } from '../ringbuffer/ringbuffer';
import { RingbufferProxy } from '../ringbuffer/ringbuffer-proxy';
import { type Int64Input, int64Arg } from '../util/int64';
import { checkOptions } from '../util/options';
import { ListenerRunner, resolveListener } from './listener-runner';
import { MessageIterator } from './message-iterator';
import {
  RELIABLE_TOPIC_RINGBUFFER_PREFIX,
  RELIABLE_TOPIC_SERVICE_NAME,
  type ReliableMessage,
  type ReliableMessageIterator,
  type ReliableMessageListener,
  type ReliableMessagesOptions,
  type ReliablePublishOptions,
  type ReliableTopic,
  type TopicOverloadPolicy,
} from './reliable-topic';
import { encodeReliableTopicMessage } from './reliable-topic-message';
import type { TopicSource } from './topic-reader';

/** BLOCK retries a full ringbuffer after this pause, doubling it up to the maximum. */
const INITIAL_BACKOFF_MILLIS = 100;
const MAX_BACKOFF_MILLIS = 2_000;

// The keys each options type declares, for checkOptions; `satisfies` keeps every list equal to its type.
const PUBLISH_OPTIONS = Object.keys({ signal: true } satisfies Record<keyof ReliablePublishOptions, true>);
const MESSAGES_OPTIONS = Object.keys({
  signal: true,
  initialSequence: true,
  lossTolerant: true,
} satisfies Record<keyof ReliableMessagesOptions, true>);

export class ReliableTopicProxy<E> extends ProxyBase implements ReliableTopic<E> {
  readonly #ringbuffer: RingbufferProxy<unknown>;
  readonly #policy: TopicOverloadPolicy;
  readonly #source: TopicSource;
  readonly #runners = new Map<string, ListenerRunner<E>>();
  readonly #iterators = new Set<MessageIterator<E>>();

  constructor(host: PluginHost, name: string) {
    super(host, RELIABLE_TOPIC_SERVICE_NAME, name);
    const config = reliableTopicConfigFor(host.config, name);
    this.#policy = config.overloadPolicy;
    const ringbufferName = RELIABLE_TOPIC_RINGBUFFER_PREFIX + name;
    const registered = host.proxies.getOrCreate(RINGBUFFER_SERVICE_NAME, ringbufferName, createRingbuffer);
    // A plug-in may have wrapped ringbuffer proxies; the topic needs the raw one underneath.
    this.#ringbuffer =
      registered instanceof RingbufferProxy ? registered : new RingbufferProxy(host, ringbufferName);
    this.#source = {
      host,
      topicName: name,
      ringbuffer: this.#ringbuffer,
      batchSize: config.readBatchSize,
      bigEndian: host.config.serialization.isBigEndian ?? true,
    };
  }

  protected get kind(): string {
    return 'ReliableTopic';
  }

  async publish(message: E, options?: ReliablePublishOptions): Promise<void> {
    if (options !== undefined) checkOptions(options, PUBLISH_OPTIONS, `ReliableTopic ${this.name}.publish`);
    const signal = this.#signal(options?.signal);
    const item = this.#item(this.toData(message, 'message'));
    await this.#store([item], signal);
  }

  async publishAll(messages: Iterable<E>, options?: ReliablePublishOptions): Promise<void> {
    if (options !== undefined) {
      checkOptions(options, PUBLISH_OPTIONS, `ReliableTopic ${this.name}.publishAll`);
    }
    const signal = this.#signal(options?.signal);
    const payloads = this.toDataList(messages, 'message');
    if (payloads.length > RINGBUFFER_MAX_BATCH_SIZE) {
      throw this.illegalArgument(
        `publishAll takes at most ${RINGBUFFER_MAX_BATCH_SIZE} messages (one ringbuffer batch), got ${payloads.length}`,
      );
    }
    if (payloads.length === 0) return;
    await this.#store(
      payloads.map((payload) => this.#item(payload)),
      signal,
    );
  }

  async addMessageListener(
    listener: ReliableMessageListener<E> | ((message: ReliableMessage<E>) => void | Promise<void>),
  ): Promise<string> {
    if (
      typeof listener !== 'function' &&
      (typeof listener !== 'object' || listener === null || typeof listener.onMessage !== 'function')
    ) {
      throw this.illegalArgument(
        `a message listener must be a function or a ReliableMessageListener with onMessage(message), got ${String(listener)}`,
      );
    }
    const initial = typeof listener === 'function' ? -1 : (listener.retrieveInitialSequence?.() ?? -1);
    const resolved = resolveListener(listener);
    const start = await this.#startSequence(initial, 'retrieveInitialSequence()');
    const id = globalThis.crypto.randomUUID();
    const runner = new ListenerRunner(this.#source, resolved, start, () => this.#runners.delete(id));
    this.#runners.set(id, runner);
    runner.start();
    return id;
  }

  async removeMessageListener(registrationId: string): Promise<boolean> {
    if (typeof registrationId !== 'string') {
      throw this.illegalArgument(`a registration id must be a string, got ${String(registrationId)}`);
    }
    return this.#runners.get(registrationId)?.cancel() ?? false;
  }

  /** Not async (it returns the iterator): bad options throw here, as the other checks do. */
  messages(options?: ReliableMessagesOptions): ReliableMessageIterator<E> {
    if (options !== undefined) checkOptions(options, MESSAGES_OPTIONS, `ReliableTopic ${this.name}.messages`);
    const signal = this.#signal(options?.signal);
    const lossTolerant = options?.lossTolerant ?? false;
    if (typeof lossTolerant !== 'boolean') {
      throw this.illegalArgument(`lossTolerant must be true or false, got ${String(lossTolerant)}`);
    }
    const start = this.#startSequence(options?.initialSequence ?? -1, 'initialSequence');
    const iterator: MessageIterator<E> = new MessageIterator<E>(
      this.#source,
      start,
      lossTolerant,
      signal,
      () => this.#iterators.delete(iterator),
    );
    this.#iterators.add(iterator);
    return iterator;
  }

  override async destroy(): Promise<void> {
    for (const runner of [...this.#runners.values()]) runner.cancel();
    for (const iterator of [...this.#iterators]) iterator.close();
    await super.destroy();
    await this.#ringbuffer.destroy();
  }

  /** The first sequence to read: the given one, or the tail + 1 for -1. Validates synchronously. */
  #startSequence(initial: Int64Input, what: string): Promise<Long> {
    let sequence: Long;
    try {
      sequence = int64Arg(initial, what);
    } catch (error) {
      throw this.illegalArgument((error as Error).message);
    }
    if (sequence.lessThan(-1)) {
      throw this.illegalArgument(`${what} must be -1 (the next message) or a sequence >= 0, got ${sequence}`);
    }
    if (!sequence.equals(-1)) return Promise.resolve(sequence);
    return this.#ringbuffer.tailSequenceLong().then((tail) => tail.add(1));
  }

  #item(payload: DataBytes): DataBytes {
    return encodeReliableTopicMessage(payload, Date.now(), this.#source.bigEndian);
  }

  async #store(items: DataBytes[], signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) throw new AbortError('The publish was aborted', { cause: signal.reason });
    const add = (policy: OverflowPolicy) =>
      items.length === 1
        ? this.#ringbuffer.addData(items[0]!, policy)
        : this.#ringbuffer.addAllData(items, policy);
    switch (this.#policy) {
      case 'DISCARD_OLDEST':
        await add(OverflowPolicy.OVERWRITE);
        return;
      case 'DISCARD_NEWEST':
        await add(OverflowPolicy.FAIL);
        return;
      case 'ERROR':
        if ((await add(OverflowPolicy.FAIL)).equals(-1)) {
          throw new TopicOverloadError(
            `ReliableTopic ${this.name}: its ringbuffer is full of messages within their time to live and the overload policy is ERROR; ${items.length === 1 ? 'the message was' : `the ${items.length} messages were`} not published`,
          );
        }
        return;
      case 'BLOCK':
        await this.#storeBlocking(add, items.length, signal);
        return;
    }
  }

  async #storeBlocking(
    add: (policy: OverflowPolicy) => Promise<Long>,
    count: number,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    let backoff = INITIAL_BACKOFF_MILLIS;
    let capacityChecked = count === 1;
    for (;;) {
      // A write in flight is always waited for: if it stored the message, the publish succeeded.
      if (!(await add(OverflowPolicy.FAIL)).equals(-1)) return;
      if (!capacityChecked) {
        capacityChecked = true;
        const capacity = Number((await this.#ringbuffer.capacity()).toString());
        if (count > capacity) {
          throw this.illegalArgument(
            `publishAll of ${count} messages can never fit the ringbuffer's capacity of ${capacity} with the overload policy BLOCK`,
          );
        }
      }
      if (!this.host.lifecycle.isRunning()) throw new ClientNotActiveError('The client is shutting down');
      await pause(backoff, signal);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }
  }

  #signal(signal: AbortSignal | undefined): AbortSignal | undefined {
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw this.illegalArgument(`signal must be an AbortSignal, got ${String(signal)}`);
    }
    return signal;
  }
}

/** Waits `millis`, or rejects with AbortError as soon as `signal` aborts. */
function pause(millis: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) {
    return Promise.reject(new AbortError('The publish was aborted', { cause: signal.reason }));
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError('The publish was aborted', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, millis);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
