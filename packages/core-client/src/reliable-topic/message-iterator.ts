import type Long from 'long';
import { AbortError } from '../errors/hazelcast-error';
import type { Int64 } from '../util/int64';
import type { ReliableMessage, ReliableMessageIterator } from './reliable-topic';
import { type Batch, readBatch, type TopicSource, toMessage } from './topic-reader';

/**
 * `topic.messages()`: a pull-based reader. Each `next()` yields the next message of the last batch read,
 * and reads the next batch only when that one is used up, so a slow consumer never buffers more than one
 * batch. Its position (`nextSequence`) moves only when a message is yielded: whatever ends the iteration
 * (an abort, `break`, an error), nothing after the last yielded message was consumed.
 */
export class MessageIterator<E> implements ReliableMessageIterator<E> {
  readonly #source: TopicSource;
  readonly #userSignal: AbortSignal | undefined;
  readonly #stopReading = new AbortController();
  readonly #signal: AbortSignal;
  readonly #onEnd: () => void;
  readonly #started: Promise<void>;
  readonly #cursor: { sequence: Long; readonly lossTolerant: boolean };
  #batch: Batch | undefined;
  #index = 0;
  #next: Long | undefined;
  #done = false;
  /** next() calls run one after the other, as for an async generator. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    source: TopicSource,
    start: Long | Promise<Long>,
    lossTolerant: boolean,
    signal: AbortSignal | undefined,
    onEnd: () => void,
  ) {
    this.#source = source;
    this.#userSignal = signal;
    this.#signal = signal ? AbortSignal.any([signal, this.#stopReading.signal]) : this.#stopReading.signal;
    this.#onEnd = onEnd;
    this.#cursor = { sequence: undefined as unknown as Long, lossTolerant };
    this.#started = Promise.resolve(start).then((sequence) => {
      this.#cursor.sequence = sequence;
      this.#next ??= sequence;
    });
    // Surfaced by the first next(); an iterator nobody reads must not raise an unhandled rejection.
    this.#started.catch(() => {});
  }

  get nextSequence(): Int64 | null {
    return this.#next === undefined ? null : this.#source.host.int64(this.#next);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<ReliableMessage<E>>> {
    const result = this.#queue.then(() => this.#read());
    this.#queue = result.catch(() => {});
    return result;
  }

  async return(): Promise<IteratorResult<ReliableMessage<E>>> {
    this.#end();
    return { done: true, value: undefined };
  }

  /** @internal Ends the iteration from outside (the topic was destroyed). */
  close(): void {
    this.#end();
  }

  async #read(): Promise<IteratorResult<ReliableMessage<E>>> {
    if (this.#done) return { done: true, value: undefined };
    try {
      this.#throwIfAborted();
      await abortable(this.#started, this.#signal);
      for (;;) {
        this.#throwIfAborted();
        if (this.#done) return { done: true, value: undefined };
        const batch = this.#batch;
        if (batch && this.#index < batch.items.length) {
          const at = this.#index++;
          const message = await toMessage<E>(this.#source, batch.items[at]!, batch.sequences[at]!);
          this.#next = batch.sequences[at]!.add(1);
          return { done: false, value: message };
        }
        if (batch) this.#cursor.sequence = batch.nextSequence;
        this.#batch = undefined;
        this.#batch = await readBatch(this.#source, this.#cursor, this.#signal);
        this.#index = 0;
      }
    } catch (error) {
      if (this.#done && !this.#userSignal?.aborted) return { done: true, value: undefined };
      this.#end();
      if (this.#userSignal?.aborted) {
        throw error instanceof AbortError
          ? error
          : new AbortError('The iteration was aborted', { cause: this.#userSignal.reason });
      }
      throw error;
    }
  }

  #throwIfAborted(): void {
    if (this.#userSignal?.aborted) {
      throw new AbortError('The iteration was aborted', { cause: this.#userSignal.reason });
    }
  }

  #end(): void {
    if (this.#done) return;
    this.#done = true;
    this.#batch = undefined;
    this.#stopReading.abort();
    this.#onEnd();
  }
}

/** `promise`, or an AbortError as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new AbortError('The operation was aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError('The operation was aborted', { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
