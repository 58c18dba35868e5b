import {
  type ClientMessage,
  QueueAddAllCodec,
  QueueAddListenerCodec,
  QueueClearCodec,
  QueueCompareAndRemoveAllCodec,
  QueueCompareAndRetainAllCodec,
  QueueContainsAllCodec,
  QueueContainsCodec,
  QueueDrainToCodec,
  QueueDrainToMaxSizeCodec,
  QueueIsEmptyCodec,
  QueueIteratorCodec,
  QueueOfferCodec,
  QueuePeekCodec,
  QueuePollCodec,
  QueueRemainingCapacityCodec,
  QueueRemoveCodec,
  QueueRemoveListenerCodec,
  QueueSizeCodec,
} from '@hz/protocol';
import type { DataBytes, PluginHost } from '../client/client-context';
import { CollectionProxy } from '../collection/collection-proxy';
import type { ItemListener, ItemListenerCodec, ItemListenerOptions } from '../collection/item-listener';
import {
  AbortError,
  ClientNotActiveError,
  IllegalArgumentError,
  IllegalStateError,
} from '../errors/hazelcast-error';
import { abortError } from '../invocation/invocation-service';
import { durationMillis } from '../proxy/proxy-base';
import { checkOptions } from '../util/options';
import {
  type BlockingOptions,
  type IQueue,
  QUEUE_SERVICE_NAME,
  type QueueDrainOptions,
  type QueueOfferOptions,
  type QueuePollOptions,
} from './queue';

/**
 * The longest single wait a blocking call asks the member for. Blocking calls never abandon a wait (see
 * below), so this bounds how long an abort, or a client shutdown, waits for the member's answer; an idle
 * blocked call sends one request per slice.
 */
export const BLOCKING_SLICE_MILLIS = 1_000;

// The keys each options type declares, for checkOptions; `satisfies` keeps every list equal to its type.
const BLOCKING_OPTIONS = Object.keys({ signal: true } satisfies Record<keyof BlockingOptions, true>);
const OFFER_OPTIONS = Object.keys({ timeout: true, signal: true } satisfies Record<
  keyof QueueOfferOptions,
  true
>);
const POLL_OPTIONS = Object.keys({ timeout: true, signal: true } satisfies Record<
  keyof QueuePollOptions,
  true
>);
const DRAIN_OPTIONS = Object.keys({ maxSize: true } satisfies Record<keyof QueueDrainOptions, true>);

const ITEM_LISTENER: ItemListenerCodec = {
  encodeAddRequest: (name, includeValue, localOnly) =>
    QueueAddListenerCodec.encodeRequest(name, includeValue, localOnly),
  decodeAddResponse: (response) => QueueAddListenerCodec.decodeResponse(response).response,
  encodeRemoveRequest: (name, id) => QueueRemoveListenerCodec.encodeRequest(name, id),
  handleEvent: (message, onItem) => QueueAddListenerCodec.handleEvent(message, { onItem }),
};

/**
 * Blocking calls and aborts: why a take is a loop of bounded polls.
 *
 * A wait on the member cannot be cancelled. Once a Queue.poll is parked there, the member hands it the next
 * item that arrives, whether or not the client is still listening; had the client dropped that invocation
 * when its AbortSignal fired, the item would leave the queue and reach nobody. So blocking calls never
 * abandon a wait. take, put, and poll/offer with a timeout are loops of member-side waits of at most
 * BLOCKING_SLICE_MILLIS each, and the signal is looked at only when a wait has answered:
 *
 * - the wait brought an item (poll, take) or added the item (offer, put): the call resolves with it, even
 *   if the signal fired meanwhile — the abort came too late, and the item is not dropped;
 * - the wait brought nothing and the signal fired: the call rejects with AbortError; nothing was taken or
 *   added;
 * - otherwise the next wait starts (until the call's own timeout, if any, has passed).
 *
 * An abort therefore takes effect within one slice. Client shutdown works the same way: a shutdown step
 * waits for the waits in flight (at most a slice) so their items reach their callers, and no new wait
 * starts once the client is shutting down (ClientNotActiveError). What no client can guard against is a
 * connection that breaks while a wait is in flight: the member may have handed out an item whose answer
 * is lost, and the call fails with TargetDisconnectedError ("may or may not have run").
 *
 * Each wait is an ordinary invocation whose timeout is its own wait plus the invocation timeout, so the
 * invocation timeout never cuts a blocking call short, however long it blocks in total.
 */
export class QueueProxy<E> extends CollectionProxy<E> implements IQueue<E> {
  constructor(host: PluginHost, name: string) {
    super(host, QUEUE_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'Queue';
  }

  async add(item: E): Promise<boolean> {
    const data = this.item(item);
    const request = QueueOfferCodec.encodeRequest(this.name, data, 0);
    if (!QueueOfferCodec.decodeResponse(await this.invoke(request)).response) {
      throw new IllegalStateError(`Queue ${this.name}: the queue is full`);
    }
    return true;
  }

  async addAll(items: Iterable<E>): Promise<boolean> {
    const request = QueueAddAllCodec.encodeRequest(this.name, this.items(items));
    return QueueAddAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async offer(item: E, options?: QueueOfferOptions): Promise<boolean> {
    const { timeout, signal } = this.#blockingOptions(options, 'offer');
    const data = this.item(item);
    if (signal?.aborted) throw abortError(signal);
    if (timeout === 0) {
      const request = QueueOfferCodec.encodeRequest(this.name, data, 0);
      return QueueOfferCodec.decodeResponse(await this.invoke(request)).response;
    }
    return this.#blockingOffer(data, timeout, signal);
  }

  async put(item: E, options?: BlockingOptions): Promise<void> {
    const { signal } = this.#blockingOptions(options, 'put');
    const data = this.item(item);
    if (signal?.aborted) throw abortError(signal);
    await this.#blockingOffer(data, Number.POSITIVE_INFINITY, signal);
  }

  async poll(options?: QueuePollOptions): Promise<E | null> {
    const { timeout, signal } = this.#blockingOptions(options, 'poll');
    if (signal?.aborted) throw abortError(signal);
    if (timeout === 0) {
      const response = await this.invoke(QueuePollCodec.encodeRequest(this.name, 0));
      return this.toObject<E>(QueuePollCodec.decodeResponse(response).response);
    }
    return this.#blockingPoll(timeout, signal);
  }

  async take(options?: BlockingOptions): Promise<E> {
    const { signal } = this.#blockingOptions(options, 'take');
    if (signal?.aborted) throw abortError(signal);
    return (await this.#blockingPoll(Number.POSITIVE_INFINITY, signal)) as E;
  }

  async *consume(options?: BlockingOptions): AsyncIterableIterator<E> {
    const { signal } = this.#blockingOptions(options, 'consume');
    while (!signal?.aborted) {
      let item: E;
      try {
        item = await this.take({ signal });
      } catch (error) {
        if (error instanceof AbortError && signal?.aborted) return;
        throw error;
      }
      yield item;
    }
  }

  async peek(): Promise<E | null> {
    const response = await this.invoke(QueuePeekCodec.encodeRequest(this.name));
    return this.toObject<E>(QueuePeekCodec.decodeResponse(response).response);
  }

  async remove(item: E): Promise<boolean> {
    const request = QueueRemoveCodec.encodeRequest(this.name, this.item(item));
    return QueueRemoveCodec.decodeResponse(await this.invoke(request)).response;
  }

  async removeAll(items: Iterable<E>): Promise<boolean> {
    const request = QueueCompareAndRemoveAllCodec.encodeRequest(this.name, this.items(items));
    return QueueCompareAndRemoveAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async retainAll(items: Iterable<E>): Promise<boolean> {
    const request = QueueCompareAndRetainAllCodec.encodeRequest(this.name, this.items(items));
    return QueueCompareAndRetainAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async contains(item: E): Promise<boolean> {
    const request = QueueContainsCodec.encodeRequest(this.name, this.item(item));
    return QueueContainsCodec.decodeResponse(await this.invoke(request)).response;
  }

  async containsAll(items: Iterable<E>): Promise<boolean> {
    const request = QueueContainsAllCodec.encodeRequest(this.name, this.items(items));
    return QueueContainsAllCodec.decodeResponse(await this.invoke(request)).response;
  }

  async drainTo(target: E[], options?: QueueDrainOptions): Promise<number> {
    if (!Array.isArray(target)) {
      throw this.illegalArgument(
        `drainTo needs an array to append to, got ${target === null ? 'null' : typeof target}`,
      );
    }
    if (options !== undefined) checkOptions(options, DRAIN_OPTIONS, `Queue ${this.name}.drainTo`);
    const maxSize = options?.maxSize;
    let drained: DataBytes[];
    if (maxSize === undefined) {
      drained = QueueDrainToCodec.decodeResponse(
        await this.invoke(QueueDrainToCodec.encodeRequest(this.name)),
      ).response;
    } else {
      const request = QueueDrainToMaxSizeCodec.encodeRequest(this.name, this.index(maxSize, 'maxSize'));
      drained = QueueDrainToMaxSizeCodec.decodeResponse(await this.invoke(request)).response;
    }
    // The items already left the queue: append them one by one (a spread of 100k arguments would throw).
    for (const item of await this.itemsOf(drained)) target.push(item);
    return drained.length;
  }

  async clear(): Promise<void> {
    await this.invoke(QueueClearCodec.encodeRequest(this.name));
  }

  async size(): Promise<number> {
    return QueueSizeCodec.decodeResponse(await this.invoke(QueueSizeCodec.encodeRequest(this.name))).response;
  }

  async isEmpty(): Promise<boolean> {
    return QueueIsEmptyCodec.decodeResponse(await this.invoke(QueueIsEmptyCodec.encodeRequest(this.name)))
      .response;
  }

  async remainingCapacity(): Promise<number> {
    const response = await this.invoke(QueueRemainingCapacityCodec.encodeRequest(this.name));
    return QueueRemainingCapacityCodec.decodeResponse(response).response;
  }

  async iterator(): Promise<E[]> {
    const response = await this.invoke(QueueIteratorCodec.encodeRequest(this.name));
    return this.itemsOf(QueueIteratorCodec.decodeResponse(response).response);
  }

  toArray(): Promise<E[]> {
    return this.iterator();
  }

  addItemListener(listener: ItemListener<E>, options?: ItemListenerOptions): Promise<string> {
    return this.registerItemListener(listener, options, ITEM_LISTENER);
  }

  /** Polls in slices until an item arrives, the timeout passes, or the signal fires between slices. */
  async #blockingPoll(timeoutMillis: number, signal: AbortSignal | undefined): Promise<E | null> {
    const deadline = Date.now() + timeoutMillis;
    for (;;) {
      const wait = Math.min(BLOCKING_SLICE_MILLIS, Math.max(0, deadline - Date.now()));
      const response = await this.#wait(QueuePollCodec.encodeRequest(this.name, wait), wait);
      const data = QueuePollCodec.decodeResponse(response).response;
      // An item that arrived is the caller's, even if the signal fired while the member was answering.
      if (data !== null) return this.toObject<E>(data);
      if (signal?.aborted) throw abortError(signal);
      if (Date.now() >= deadline) return null;
    }
  }

  /** Offers in slices until the item is added, the timeout passes, or the signal fires between slices. */
  async #blockingOffer(
    data: DataBytes,
    timeoutMillis: number,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    const deadline = Date.now() + timeoutMillis;
    for (;;) {
      const wait = Math.min(BLOCKING_SLICE_MILLIS, Math.max(0, deadline - Date.now()));
      const response = await this.#wait(QueueOfferCodec.encodeRequest(this.name, data, wait), wait);
      // Added is added, even if the signal fired while the member was answering.
      if (QueueOfferCodec.decodeResponse(response).response) return true;
      if (signal?.aborted) throw abortError(signal);
      if (Date.now() >= deadline) return false;
    }
  }

  /** One member-side wait of `waitMillis`, which the client's shutdown waits for (see the class comment). */
  #wait(request: ClientMessage, waitMillis: number): Promise<ClientMessage> {
    const state = this.host.lifecycle.state;
    if (state === 'SHUTTING_DOWN' || state === 'SHUTDOWN') {
      return Promise.reject(new ClientNotActiveError(`Queue ${this.name}: the client is shutting down`));
    }
    const response = this.invoke(request, { timeoutMillis: this.blockingTimeout(waitMillis) });
    waitsInFlight(this.host).add(response);
    return response;
  }

  /** The options of a call that may block; offer and poll take a timeout, put, take and consume do not. */
  #blockingOptions(
    options: QueuePollOptions | BlockingOptions | undefined,
    method: 'offer' | 'poll' | 'put' | 'take' | 'consume',
  ): { timeout: number; signal: AbortSignal | undefined } {
    if (options === undefined) return { timeout: 0, signal: undefined };
    const where = `Queue ${this.name}.${method}`;
    // null is refused here (not taken as "no options"), as it always was.
    if (options === null) throw new IllegalArgumentError(`${where}: options must be an object, got null`);
    const timed = method === 'offer' || method === 'poll';
    checkOptions(
      options,
      method === 'offer' ? OFFER_OPTIONS : method === 'poll' ? POLL_OPTIONS : BLOCKING_OPTIONS,
      where,
    );
    const { signal } = options;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw this.illegalArgument(
        `signal must be an AbortSignal, got ${signal === null ? 'null' : typeof signal}`,
      );
    }
    const timeoutOption = (options as QueuePollOptions).timeout;
    if (!timed || timeoutOption === undefined) return { timeout: 0, signal };
    const timeout = durationMillis(timeoutOption, `Queue ${this.name}: timeout`);
    return { timeout: timeout.toNumber(), signal };
  }
}

/**
 * The member-side waits in flight per client. The first wait a client makes registers one shutdown step
 * that lets them answer (at most a slice) before the connections close, so an item a member hands out
 * while the client shuts down still reaches the caller.
 */
const inFlight = new WeakMap<PluginHost, Set<Promise<ClientMessage>>>();

function waitsInFlight(host: PluginHost): { add(wait: Promise<ClientMessage>): void } {
  let waits = inFlight.get(host);
  if (!waits) {
    const created = new Set<Promise<ClientMessage>>();
    waits = created;
    inFlight.set(host, created);
    host.onShutdown(async (signal) => {
      const bound = new Promise<void>((resolve) =>
        signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      await Promise.race([Promise.allSettled([...created]), bound]);
    });
  }
  const set = waits;
  return {
    add(wait) {
      set.add(wait);
      const forget = () => set.delete(wait);
      wait.then(forget, forget);
    },
  };
}
