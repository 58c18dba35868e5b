/** What the writer needs of a message: its encoded size and a way to encode it into a buffer at an offset. */
export interface OutboundMessage {
  readonly byteLength: number;
  /**
   * Encodes the message into `target` at `offset`; returns the offset after it. `byteLength` is the size the
   * writer already read, so the message need not work it out again.
   */
  writeTo(target: Buffer, offset: number, byteLength: number): number;
}

/** The part of net.Socket the writer uses (kept small so tests can pass a stream of their own). */
export interface WritableSocket {
  write(chunk: Buffer, callback: (error?: Error | null) => void): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * Write coalescing: every message enqueued in the same tick goes out in one socket write, encoded straight
 * into one reused buffer (no per-message Buffer, no concat). Only one write is in flight per connection,
 * because the buffer is reused once the socket has taken it; when the socket reports backpressure
 * (write() returns false) nothing more is written until 'drain'. A message larger than the buffer gets a
 * buffer of its own.
 */
export class CoalescingWriter {
  readonly #socket: WritableSocket;
  readonly #threshold: number;
  /** false: one message per socket write (`hazelcast.client.autopipelining.enabled`). */
  readonly #coalesce: boolean;
  #buffer: Buffer | undefined;
  #queue: OutboundMessage[] = [];
  #head = 0;
  #scheduled = false;
  #writing = false;
  #awaitingDrain = false;
  #failed: Error | undefined;

  constructor(socket: WritableSocket, thresholdBytes: number, coalesce = true) {
    this.#socket = socket;
    this.#threshold = thresholdBytes;
    this.#coalesce = coalesce;
  }

  /** Messages waiting to be written. */
  get pending(): number {
    return this.#queue.length - this.#head;
  }

  /** Queues a message; it is written after the current tick's other messages have been queued too. */
  enqueue(message: OutboundMessage): void {
    if (this.#failed) throw this.#failed;
    this.#queue.push(message);
    this.#schedule();
  }

  /** Stops writing; queued messages are dropped (their invocations are failed by the connection). */
  close(reason: Error): void {
    this.#failed = reason;
    this.#queue = [];
    this.#head = 0;
  }

  #schedule(): void {
    if (this.#scheduled || this.#writing) return;
    this.#scheduled = true;
    // nextTick runs after the microtask queue has drained, so every continuation woken by the same
    // socket read gets to enqueue its next request before the batch is cut.
    process.nextTick(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    if (this.#failed || this.#writing || this.#awaitingDrain || this.pending === 0) return;
    const first = this.#queue[this.#head]!;
    let chunk: Buffer;
    const firstLength = first.byteLength;
    if (firstLength >= this.#threshold) {
      chunk = Buffer.allocUnsafe(firstLength);
      first.writeTo(chunk, 0, firstLength);
      this.#head++;
    } else {
      this.#buffer ??= Buffer.allocUnsafe(this.#threshold);
      let offset = 0;
      while (this.#head < this.#queue.length) {
        const message = this.#queue[this.#head]!;
        const length = message.byteLength;
        if (offset + length > this.#threshold) break;
        offset = message.writeTo(this.#buffer, offset, length);
        this.#head++;
        if (!this.#coalesce) break;
      }
      chunk = this.#buffer.subarray(0, offset);
    }
    this.#compactQueue();
    this.#writing = true;
    const accepted = this.#socket.write(chunk, (error) => {
      this.#writing = false;
      if (error) {
        this.close(error);
        return;
      }
      // setImmediate, not nextTick: let reads and timers run between two batches of a busy connection.
      if (this.pending > 0 && !this.#awaitingDrain) setImmediate(() => this.#flush());
    });
    if (!accepted) {
      this.#awaitingDrain = true;
      this.#socket.once('drain', () => {
        this.#awaitingDrain = false;
        // If the write callback has not run yet, it flushes the rest itself.
        if (!this.#writing) this.#flush();
      });
    }
  }

  #compactQueue(): void {
    if (this.#head === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }
}
