import { describe, expect, it } from 'vitest';
import { CoalescingWriter, type OutboundMessage, type WritableSocket } from './coalescing-writer';

function message(text: string): OutboundMessage {
  const bytes = Buffer.from(text);
  return {
    byteLength: bytes.length,
    writeTo(target, offset) {
      bytes.copy(target, offset);
      return offset + bytes.length;
    },
  };
}

/** Records each write as a copy (the writer reuses its buffer) and lets the test decide on backpressure. */
class RecordingSocket implements WritableSocket {
  writes: string[] = [];
  callbacks: Array<(error?: Error | null) => void> = [];
  accept = true;
  drainListeners: Array<() => void> = [];

  write(chunk: Buffer, callback: (error?: Error | null) => void): boolean {
    this.writes.push(chunk.toString());
    this.callbacks.push(callback);
    return this.accept;
  }

  once(_event: 'drain', listener: () => void): this {
    this.drainListeners.push(listener);
    return this;
  }

  completeWrites(): void {
    const callbacks = this.callbacks;
    this.callbacks = [];
    for (const callback of callbacks) callback();
  }

  drain(): void {
    const listeners = this.drainListeners;
    this.drainListeners = [];
    for (const listener of listeners) listener();
  }
}

const tick = () => new Promise<void>((resolve) => process.nextTick(resolve));
const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CoalescingWriter', () => {
  it('writes every message enqueued in one tick with a single socket write', async () => {
    const socket = new RecordingSocket();
    const writer = new CoalescingWriter(socket, 1024);
    for (const text of ['a', 'bb', 'ccc']) writer.enqueue(message(text));
    expect(socket.writes).toEqual([]);
    await tick();
    expect(socket.writes).toEqual(['abbccc']);
  });

  it('writes one message per socket write when coalescing is off (autopipelining.enabled false)', async () => {
    const socket = new RecordingSocket();
    const writer = new CoalescingWriter(socket, 1024, false);
    for (const text of ['a', 'bb', 'ccc']) writer.enqueue(message(text));
    await tick();
    expect(socket.writes).toEqual(['a']);
    socket.completeWrites();
    await immediate();
    socket.completeWrites();
    await immediate();
    expect(socket.writes).toEqual(['a', 'bb', 'ccc']);
  });

  it('includes messages enqueued by promise continuations of the same tick', async () => {
    const socket = new RecordingSocket();
    const writer = new CoalescingWriter(socket, 1024);
    writer.enqueue(message('1'));
    await Promise.resolve();
    writer.enqueue(message('2'));
    await Promise.resolve().then(() => Promise.resolve());
    writer.enqueue(message('3'));
    await immediate();
    expect(socket.writes).toEqual(['123']);
  });

  it('keeps one write in flight and sends what queued meanwhile once the socket took the buffer', async () => {
    const socket = new RecordingSocket();
    const writer = new CoalescingWriter(socket, 1024);
    writer.enqueue(message('first'));
    await tick();
    writer.enqueue(message('second'));
    writer.enqueue(message('third'));
    await immediate();
    expect(socket.writes).toEqual(['first']);
    socket.completeWrites();
    await immediate();
    expect(socket.writes).toEqual(['first', 'secondthird']);
  });

  it('splits batches at the buffer size and gives oversized messages their own buffer', async () => {
    const socket = new RecordingSocket();
    const writer = new CoalescingWriter(socket, 8);
    for (const text of ['aaaa', 'bbbb', 'cc', 'x'.repeat(20), 'dd']) writer.enqueue(message(text));
    await tick();
    expect(socket.writes).toEqual(['aaaabbbb']);
    for (const expected of ['cc', 'x'.repeat(20), 'dd']) {
      socket.completeWrites();
      await immediate();
      expect(socket.writes.at(-1)).toBe(expected);
    }
    expect(writer.pending).toBe(0);
  });

  it('stops on backpressure until drain', async () => {
    const socket = new RecordingSocket();
    socket.accept = false;
    const writer = new CoalescingWriter(socket, 1024);
    writer.enqueue(message('a'));
    await tick();
    writer.enqueue(message('b'));
    socket.completeWrites();
    await immediate();
    expect(socket.writes).toEqual(['a']);
    socket.accept = true;
    socket.drain();
    expect(socket.writes).toEqual(['a', 'b']);
  });

  it('refuses new messages after a write error', async () => {
    const socket = new RecordingSocket();
    const writer = new CoalescingWriter(socket, 1024);
    writer.enqueue(message('a'));
    writer.enqueue(message('b'));
    await tick();
    socket.callbacks[0]!(new Error('EPIPE'));
    expect(() => writer.enqueue(message('c'))).toThrow('EPIPE');
  });
});
