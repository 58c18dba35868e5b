import type Long from 'long';
import type { ItemListener, ItemListenerOptions } from '../collection/item-listener';
import type { DistributedObject } from '../proxy/proxy-manager';

/** Options of a call that may block: an AbortSignal to give up waiting. */
export interface BlockingOptions {
  /**
   * Gives up waiting: the call rejects with AbortError and nothing was taken or added. An abort that comes
   * while the member is answering a wait in flight takes effect once that answer is in; if the answer
   * brought an item (or added one), the call resolves with it instead, so no item is ever lost.
   */
  signal?: AbortSignal;
}

export interface QueueOfferOptions extends BlockingOptions {
  /** How long to wait for space in a full bounded queue, in milliseconds; default 0 (answer at once). */
  timeout?: number | bigint | Long;
}

export interface QueuePollOptions extends BlockingOptions {
  /** How long to wait for an item in an empty queue, in milliseconds; default 0 (answer at once). */
  timeout?: number | bigint | Long;
}

export interface QueueDrainOptions {
  /** At most this many items; default all of them. */
  maxSize?: number;
}

/**
 * A distributed FIFO queue. The whole queue lives in one partition (one member plus its backups), so it
 * does not scale by adding members. Blocking calls (take, put, offer and poll with a timeout) are never cut
 * off by the invocation timeout and accept an AbortSignal; see the package README for how an abort never
 * loses an item.
 */
export interface IQueue<E> extends DistributedObject {
  /** Adds the item; rejects with IllegalStateError when a bounded queue is full. Resolves true. */
  add(item: E): Promise<boolean>;
  /** Adds every item (all or nothing); true if the queue changed. */
  addAll(items: Iterable<E>): Promise<boolean>;
  /** Adds the item if there is space, waiting up to `timeout` for it; false if there was none. */
  offer(item: E, options?: QueueOfferOptions): Promise<boolean>;
  /** Adds the item, waiting as long as a bounded queue stays full. */
  put(item: E, options?: BlockingOptions): Promise<void>;
  /** Removes and returns the head, waiting up to `timeout` for one; null if there was none. */
  poll(options?: QueuePollOptions): Promise<E | null>;
  /** Removes and returns the head, waiting as long as the queue stays empty. */
  take(options?: BlockingOptions): Promise<E>;
  /** The head without removing it; null when empty. */
  peek(): Promise<E | null>;
  /** Removes one occurrence of the item; true if it was there. */
  remove(item: E): Promise<boolean>;
  /** Removes every item equal to one of `items`; true if the queue changed. */
  removeAll(items: Iterable<E>): Promise<boolean>;
  /** Removes every item not equal to one of `items`; true if the queue changed. */
  retainAll(items: Iterable<E>): Promise<boolean>;
  contains(item: E): Promise<boolean>;
  containsAll(items: Iterable<E>): Promise<boolean>;
  /** Moves items (at most `maxSize`) from the head into `target` (appended); resolves with how many. */
  drainTo(target: E[], options?: QueueDrainOptions): Promise<number>;
  clear(): Promise<void>;
  size(): Promise<number>;
  isEmpty(): Promise<boolean>;
  /** Space left: max-size minus the items held (an unbounded queue counts from 2147483647). */
  remainingCapacity(): Promise<number>;
  /** Every item, head first (a copy: later changes are not reflected). */
  iterator(): Promise<E[]>;
  /** Same as iterator(). */
  toArray(): Promise<E[]>;
  /**
   * Takes items one after another as they arrive: `for await (const item of queue.consume({ signal }))`.
   * An abort ends the loop without an error after yielding any item already taken; leaving the loop
   * (`break`) takes nothing more.
   */
  consume(options?: BlockingOptions): AsyncIterableIterator<E>;
  /** Listens for items added and removed; returns the id for removeItemListener. */
  addItemListener(listener: ItemListener<E>, options?: ItemListenerOptions): Promise<string>;
  removeItemListener(registrationId: string): Promise<boolean>;
}

export const QUEUE_SERVICE_NAME = 'hz:impl:queueService';
