import {
  type ClientMessage,
  TransactionalQueueOfferCodec,
  TransactionalQueuePeekCodec,
  TransactionalQueuePollCodec,
  TransactionalQueueSizeCodec,
} from '@hz/protocol';
import Long from 'long';
import type { PluginHost } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { abortError } from '../invocation/invocation-service';
import { durationMillis } from '../proxy/proxy-base';
import type { BlockingOptions } from '../queue/queue';
import { checkOptions } from '../util/options';
import type { TransactionalQueue, TransactionalQueueWaitOptions } from './transaction';
import type { TransactionPort } from './transaction-impl';
import { SERVICE_NAMES, TransactionalProxy } from './transactional-proxy';

/** The longest single member-side wait of take, and of poll and offer with a timeout (as IQueue's). */
const SLICE_MILLIS = 1_000;

// The keys each options type declares, for checkOptions; `satisfies` keeps every list equal to its type.
const BLOCKING_OPTIONS = Object.keys({ signal: true } satisfies Record<keyof BlockingOptions, true>);
const WAIT_OPTIONS = Object.keys({
  timeout: true,
  signal: true,
} satisfies Record<keyof TransactionalQueueWaitOptions, true>);

/**
 * Waits never abandon an answer, as in IQueue (see its README section): an item a poll brings back is in the
 * transaction's log, so dropping the answer on abort would commit the removal of an item nobody received.
 * take, and poll/offer with a timeout, are loops of member-side waits of at most a second, and the signal is
 * checked between them. peek takes nothing, so its wait is simply abandoned on abort.
 */
export class TransactionalQueueProxy<E> extends TransactionalProxy implements TransactionalQueue<E> {
  constructor(host: PluginHost, name: string, transaction: TransactionPort) {
    super(host, SERVICE_NAMES.queue, name, transaction);
  }

  protected get kind(): string {
    return 'TransactionalQueue';
  }

  async offer(item: E, options?: TransactionalQueueWaitOptions): Promise<boolean> {
    const { timeout, signal } = this.#waitOptions(options, 'offer');
    const data = this.toData(item, 'item');
    const added = await this.#sliced(timeout, signal, async (wait) => {
      const response = await this.send((id, thread) =>
        TransactionalQueueOfferCodec.encodeRequest(this.name, id, thread, data, wait),
      );
      return TransactionalQueueOfferCodec.decodeResponse(response).response || null;
    });
    return added ?? false;
  }

  async take(options?: BlockingOptions): Promise<E> {
    const { signal } = this.#waitOptions(options, 'take');
    return (await this.#poll(Number.POSITIVE_INFINITY, signal)) as E;
  }

  async poll(options?: TransactionalQueueWaitOptions): Promise<E | null> {
    const { timeout, signal } = this.#waitOptions(options, 'poll');
    return this.#poll(timeout, signal);
  }

  async peek(options?: TransactionalQueueWaitOptions): Promise<E | null> {
    const { timeout, signal } = this.#waitOptions(options, 'peek');
    if (signal?.aborted) throw abortError(signal);
    const response = await this.send(
      (id, thread) =>
        TransactionalQueuePeekCodec.encodeRequest(this.name, id, thread, Long.fromNumber(timeout)),
      { timeoutMillis: this.blockingTimeout(timeout), ...(signal ? { signal } : {}) },
    );
    return this.toObject<E>(TransactionalQueuePeekCodec.decodeResponse(response).response);
  }

  async size(): Promise<number> {
    const response = await this.send((id, thread) =>
      TransactionalQueueSizeCodec.encodeRequest(this.name, id, thread),
    );
    return TransactionalQueueSizeCodec.decodeResponse(response).response;
  }

  async #poll(timeout: number, signal: AbortSignal | undefined): Promise<E | null> {
    const data = await this.#sliced(timeout, signal, async (wait) => {
      const response: ClientMessage = await this.send((id, thread) =>
        TransactionalQueuePollCodec.encodeRequest(this.name, id, thread, wait),
      );
      return TransactionalQueuePollCodec.decodeResponse(response).response;
    });
    return this.toObject<E>(data);
  }

  /**
   * Repeats `attempt` with member-side waits of at most SLICE_MILLIS until it brings something, `timeout`
   * passes (null), or the signal has fired when a wait came back empty (AbortError).
   */
  async #sliced<R>(
    timeout: number,
    signal: AbortSignal | undefined,
    attempt: (waitMillis: number) => Promise<R | null>,
  ): Promise<R | null> {
    if (signal?.aborted) throw abortError(signal);
    const deadline = Date.now() + timeout;
    for (;;) {
      const wait = Math.min(SLICE_MILLIS, Math.max(0, deadline - Date.now()));
      const result = await attempt(wait);
      // Something came back: the caller's, even if the signal fired while the member answered.
      if (result !== null) return result;
      if (signal?.aborted) throw abortError(signal);
      if (Date.now() >= deadline) return null;
    }
  }

  /** The options of a call that may wait; offer, poll and peek take a timeout, take does not. */
  #waitOptions(
    options: TransactionalQueueWaitOptions | undefined,
    method: 'offer' | 'take' | 'poll' | 'peek',
  ): { timeout: number; signal: AbortSignal | undefined } {
    if (options === undefined) return { timeout: 0, signal: undefined };
    const where = `TransactionalQueue ${this.name}.${method}`;
    // null is refused here (not taken as "no options"), as it always was.
    if (options === null) throw new IllegalArgumentError(`${where}: options must be an object, got null`);
    checkOptions(options, method === 'take' ? BLOCKING_OPTIONS : WAIT_OPTIONS, where);
    const timed = method !== 'take';
    const { signal } = options;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw this.illegalArgument(
        `signal must be an AbortSignal, got ${signal === null ? 'null' : typeof signal}`,
      );
    }
    if (!timed || options.timeout === undefined) return { timeout: 0, signal };
    return {
      timeout: durationMillis(options.timeout, `${this.kind} ${this.name}: timeout`).toNumber(),
      signal,
    };
  }
}
