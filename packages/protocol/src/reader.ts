import { ClientMessage } from './client-message';
import { FRAME_HEADER_SIZE, LONG_SIZE } from './constants';
import { HazelcastProtocolError } from './errors/protocol-error';
import { FrameFlags, hasFlag } from './flags';
import { emptyFrameContent, type Frame } from './frame';

export interface MessageReaderOptions {
  /** Largest accepted message (all its frames, and all fragments of a fragmented one). Default 64 MiB. */
  maxMessageLength?: number;
}

export const DEFAULT_MAX_MESSAGE_LENGTH = 64 * 1024 * 1024;

interface PendingFragments {
  frames: Frame[];
  length: number;
}

/**
 * Turns socket chunks of any size into complete client messages. Frames that lie inside one chunk are
 * views into it (no copy); only frames split across chunks are copied once. Fragmented messages are
 * reassembled by fragmentation id. Lengths are checked against the limit before anything is buffered
 * or allocated, so corrupt input fails fast with HazelcastProtocolError instead of waiting or allocating.
 * After an error the reader stays failed: the stream position is lost.
 */
export class ClientMessageReader {
  private readonly maxMessageLength: number;
  private chunks: Buffer[] = [];
  private headOffset = 0;
  private buffered = 0;
  private frames: Frame[] = [];
  private messageLength = 0;
  private readonly fragments = new Map<bigint, PendingFragments>();
  private failure: HazelcastProtocolError | undefined;

  constructor(options: MessageReaderOptions = {}) {
    const max = options.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
    if (!Number.isInteger(max) || max < FRAME_HEADER_SIZE) {
      throw new RangeError(`maxMessageLength must be an integer >= ${FRAME_HEADER_SIZE}, got ${max}`);
    }
    this.maxMessageLength = max;
  }

  /** Bytes received but not yet part of a complete frame. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** Feeds one chunk; returns the messages it completed, in order. */
  read(chunk: Buffer): ClientMessage[] {
    if (this.failure) throw this.failure;
    const messages: ClientMessage[] = [];
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    try {
      for (;;) {
        const frame = this.nextFrame();
        if (frame === undefined) break;
        const message = this.onFrame(frame);
        if (message !== undefined) messages.push(message);
      }
    } catch (error) {
      this.failure =
        error instanceof HazelcastProtocolError ? error : new HazelcastProtocolError(String(error));
      this.chunks = [];
      this.buffered = 0;
      throw this.failure;
    }
    return messages;
  }

  private nextFrame(): Frame | undefined {
    if (this.buffered < FRAME_HEADER_SIZE) return undefined;
    const length = this.peekInt32(0);
    if (length < FRAME_HEADER_SIZE) {
      throw new HazelcastProtocolError(
        `Frame length ${length} is smaller than the ${FRAME_HEADER_SIZE}-byte header`,
      );
    }
    if (this.messageLength + length > this.maxMessageLength) {
      throw new HazelcastProtocolError(
        `Message exceeds the ${this.maxMessageLength}-byte limit (frame of ${length} bytes after ${this.messageLength})`,
      );
    }
    if (this.buffered < length) return undefined;
    const flags = this.peekByte(4) | (this.peekByte(5) << 8);
    this.skip(FRAME_HEADER_SIZE);
    const content = this.take(length - FRAME_HEADER_SIZE);
    this.messageLength += length;
    return { content, flags };
  }

  private onFrame(frame: Frame): ClientMessage | undefined {
    this.frames.push(frame);
    if (!hasFlag(frame.flags, FrameFlags.IS_FINAL)) return undefined;
    const frames = this.frames;
    const length = this.messageLength;
    this.frames = [];
    this.messageLength = 0;
    const initial = frames[0]!;
    if (hasFlag(initial.flags, FrameFlags.UNFRAGMENTED)) return new ClientMessage(frames);
    return this.onFragment(frames, length);
  }

  private onFragment(frames: Frame[], length: number): ClientMessage | undefined {
    const fragmentFrame = frames[0]!;
    if (fragmentFrame.content.length < LONG_SIZE) {
      throw new HazelcastProtocolError('Fragment frame is missing its fragmentation id');
    }
    const id = fragmentFrame.content.readBigInt64LE(0);
    const body = frames.slice(1);
    if (hasFlag(fragmentFrame.flags, FrameFlags.BEGIN_FRAGMENT)) {
      if (this.fragments.has(id)) throw new HazelcastProtocolError(`Fragmentation id ${id} started twice`);
      this.fragments.set(id, { frames: body, length });
      return undefined;
    }
    const pending = this.fragments.get(id);
    if (pending === undefined)
      throw new HazelcastProtocolError(`Fragment for unknown fragmentation id ${id}`);
    pending.length += length;
    if (pending.length > this.maxMessageLength) {
      throw new HazelcastProtocolError(`Fragmented message exceeds the ${this.maxMessageLength}-byte limit`);
    }
    for (const frame of body) pending.frames.push(frame);
    if (!hasFlag(fragmentFrame.flags, FrameFlags.END_FRAGMENT)) return undefined;
    this.fragments.delete(id);
    if (pending.frames.length === 0)
      throw new HazelcastProtocolError(`Fragmented message ${id} has no frames`);
    return new ClientMessage(pending.frames);
  }

  private peekByte(index: number): number {
    let position = this.headOffset + index;
    for (const chunk of this.chunks) {
      if (position < chunk.length) return chunk[position]!;
      position -= chunk.length;
    }
    throw new HazelcastProtocolError('Reader buffer underflow');
  }

  private peekInt32(index: number): number {
    const head = this.chunks[0]!;
    const position = this.headOffset + index;
    if (position + 4 <= head.length) return head.readInt32LE(position);
    return (
      this.peekByte(index) |
      (this.peekByte(index + 1) << 8) |
      (this.peekByte(index + 2) << 16) |
      (this.peekByte(index + 3) << 24)
    );
  }

  private skip(count: number): void {
    this.buffered -= count;
    while (count > 0) {
      const head = this.chunks[0]!;
      const available = head.length - this.headOffset;
      if (count < available) {
        this.headOffset += count;
        return;
      }
      count -= available;
      this.chunks.shift();
      this.headOffset = 0;
    }
  }

  private take(count: number): Buffer {
    const head = this.chunks[0];
    if (head === undefined || count === 0) return emptyFrameContent();
    if (this.headOffset + count <= head.length) {
      const view = head.subarray(this.headOffset, this.headOffset + count);
      this.skip(count);
      return view;
    }
    const copy = Buffer.allocUnsafe(count);
    let written = 0;
    while (written < count) {
      const chunk = this.chunks[0]!;
      const available = Math.min(chunk.length - this.headOffset, count - written);
      chunk.copy(copy, written, this.headOffset, this.headOffset + available);
      written += available;
      this.skip(available);
    }
    return copy;
  }
}
