import type { ServerSideObject } from '../map/map';
import type { DistributedObject } from '../proxy/proxy-manager';
import type { Int64, Int64Input } from '../util/int64';

/** What `add`/`addAll` do when the ringbuffer is full of items still within their time to live. */
export const OverflowPolicy = {
  /** Overwrite the oldest item, even if it has not expired (the default). */
  OVERWRITE: 'OVERWRITE',
  /** Store nothing and return -1, so the caller can back off and try again. */
  FAIL: 'FAIL',
} as const;
export type OverflowPolicy = (typeof OverflowPolicy)[keyof typeof OverflowPolicy];

/** The most items one `addAll` or `readMany` may carry. */
export const RINGBUFFER_MAX_BATCH_SIZE = 1000;

export interface RingbufferAddOptions {
  /** Default OVERWRITE. */
  overflowPolicy?: OverflowPolicy;
}

export interface RingbufferReadOneOptions {
  /** Gives up waiting for the item (the call rejects with AbortError; nothing is consumed by reading). */
  signal?: AbortSignal;
}

export interface RingbufferReadManyOptions {
  /**
   * Only items this member-side object accepts are returned (a Java `IFunction<E, Boolean>` the members
   * know, e.g. an IdentifiedDataSerializable); `readCount` still counts every item read.
   */
  filter?: ServerSideObject | null;
  /** Gives up waiting for `minCount` items (AbortError; reading consumes nothing). */
  signal?: AbortSignal;
}

/** What one `readMany` returned. */
export interface ReadResult<E> {
  /**
   * Items read, before filtering: the next read starts at `nextSequenceToReadFrom`, which is not always
   * the start plus `items.length`.
   */
  readonly readCount: number;
  /** The items (those the filter accepted), oldest first. */
  readonly items: E[];
  /** The sequence of each item in `items`. */
  readonly sequences: Int64[];
  /**
   * Where the next read should start: the sequence after the last item read. It can jump past the start
   * plus `readCount` when the start was older than the head (those items were overwritten).
   */
  readonly nextSequenceToReadFrom: Int64;
}

/**
 * A bounded, append-only log of items, living in one partition. Every item gets a sequence, which only
 * grows; items from `headSequence()` to `tailSequence()` can be read, and reading removes nothing. When it
 * is full the oldest items are overwritten (or, with OverflowPolicy.FAIL, `add` fails with -1).
 * Sequences, capacity and sizes are 64-bit and come back as Int64.
 */
export interface Ringbuffer<E> extends DistributedObject {
  /** The configured capacity (member config `<ringbuffer><capacity>`, default 10,000). */
  capacity(): Promise<Int64>;
  /** Items stored now (at most the capacity). */
  size(): Promise<Int64>;
  /** The sequence of the newest item; -1 when nothing was ever added. */
  tailSequence(): Promise<Int64>;
  /** The sequence of the oldest item still stored; tail + 1 when empty (0 for a new ringbuffer). */
  headSequence(): Promise<Int64>;
  /**
   * Slots free for OverflowPolicy.FAIL writes: only items within their time to live take a slot, so a
   * ringbuffer without a TTL (`<time-to-live-seconds>0`) always reports its whole capacity.
   */
  remainingCapacity(): Promise<Int64>;
  /** Appends the item; resolves with its sequence, or -1 when it is full and the policy is FAIL. */
  add(item: E, options?: RingbufferAddOptions): Promise<Int64>;
  /**
   * Appends up to RINGBUFFER_MAX_BATCH_SIZE items in order; resolves with the sequence of the last one, or -1 when
   * there was no room for all of them and the policy is FAIL (then none was stored).
   */
  addAll(items: Iterable<E>, options?: RingbufferAddOptions): Promise<Int64>;
  /**
   * The item at `sequence`. For `tailSequence() + 1` it waits until that item is added (a blocking call:
   * no invocation timeout, `signal` gives up). A sequence below the head fails with StaleSequenceError, one
   * beyond tail + 1 with IllegalArgumentError.
   */
  readOne(sequence: Int64Input, options?: RingbufferReadOneOptions): Promise<E>;
  /**
   * Reads from `startSequence` at most `maxCount` (≤ RINGBUFFER_MAX_BATCH_SIZE) items, waiting until at least
   * `minCount` are available (a blocking call: no invocation timeout, `signal` gives up). A start below the
   * head reads from the head.
   */
  readMany(
    startSequence: Int64Input,
    minCount: number,
    maxCount: number,
    options?: RingbufferReadManyOptions,
  ): Promise<ReadResult<E>>;
}

export const RINGBUFFER_SERVICE_NAME = 'hz:impl:ringbufferService';
