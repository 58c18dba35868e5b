import {
  BACKUP_ACKS_OFFSET,
  CORRELATION_ID_OFFSET,
  MESSAGE_TYPE_OFFSET,
  PARTITION_ID_OFFSET,
  RESPONSE_HEADER_SIZE,
} from './constants';
import { HazelcastProtocolError } from './errors/protocol-error';
import { FrameFlags, hasFlag } from './flags';
import type { Frame } from './frame';
import { FrameCursor } from './frame-cursor';
import { encodedLength, writeMessage } from './writer';

const TWO_POW_32 = 0x1_0000_0000;

/**
 * A client message: an initial frame holding the header fields and the fixed-size parameters, followed by
 * the frames of the variable-size parameters. Header fields live in the initial frame's bytes; the accessors
 * read and write them in place.
 */
export class ClientMessage {
  readonly frames: Frame[];
  /**
   * Requests only: the member may safely receive this request twice, so an invocation may resend it after
   * a connection loss. Generated encoders set it from the protocol definition's `retryable`.
   */
  retryable = false;

  constructor(frames: Frame[]) {
    if (frames.length === 0) throw new HazelcastProtocolError('A client message needs at least one frame');
    this.frames = frames;
  }

  get initialFrame(): Frame {
    return this.frames[0]!;
  }

  add(frame: Frame): void {
    this.frames.push(frame);
  }

  get messageType(): number {
    return this.header(MESSAGE_TYPE_OFFSET + 4).readInt32LE(MESSAGE_TYPE_OFFSET);
  }

  set messageType(value: number) {
    this.header(MESSAGE_TYPE_OFFSET + 4).writeInt32LE(value, MESSAGE_TYPE_OFFSET);
  }

  /** int64 on the wire; this client only ever uses safe integers. */
  get correlationId(): number {
    const content = this.header(CORRELATION_ID_OFFSET + 8);
    const low = content.readUInt32LE(CORRELATION_ID_OFFSET);
    const high = content.readInt32LE(CORRELATION_ID_OFFSET + 4);
    return high * TWO_POW_32 + low;
  }

  set correlationId(value: number) {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`correlationId must be a safe integer, got ${value}`);
    }
    const content = this.header(CORRELATION_ID_OFFSET + 8);
    const high = Math.floor(value / TWO_POW_32);
    content.writeUInt32LE(value - high * TWO_POW_32, CORRELATION_ID_OFFSET);
    content.writeInt32LE(high, CORRELATION_ID_OFFSET + 4);
  }

  /** Requests and events only; responses carry the backup-ack count at this position instead. */
  get partitionId(): number {
    return this.header(PARTITION_ID_OFFSET + 4).readInt32LE(PARTITION_ID_OFFSET);
  }

  set partitionId(value: number) {
    this.header(PARTITION_ID_OFFSET + 4).writeInt32LE(value, PARTITION_ID_OFFSET);
  }

  /** Responses only: how many backup acknowledgements the client should wait for. */
  get backupAcksCount(): number {
    return this.header(RESPONSE_HEADER_SIZE).readUInt8(BACKUP_ACKS_OFFSET);
  }

  set backupAcksCount(value: number) {
    this.header(RESPONSE_HEADER_SIZE).writeUInt8(value, BACKUP_ACKS_OFFSET);
  }

  get isEvent(): boolean {
    return hasFlag(this.initialFrame.flags, FrameFlags.IS_EVENT);
  }

  get isBackupEvent(): boolean {
    return hasFlag(this.initialFrame.flags, FrameFlags.BACKUP_EVENT);
  }

  /** Sets or clears a flag bit on the initial frame (e.g. BACKUP_AWARE on requests). */
  setInitialFlag(flag: number, on = true): void {
    const frame = this.initialFrame;
    frame.flags = on ? frame.flags | flag : frame.flags & ~flag;
  }

  /** Bytes the message takes on the wire (all frames with their headers). */
  get byteLength(): number {
    return encodedLength(this);
  }

  /**
   * Writes the message into `target` at `offset` (the last frame marked final); returns the offset after
   * it. A caller that already read the `byteLength` getter passes it, so the frames are walked once. The
   * getter and this method make a message something a coalescing writer can take as it is.
   */
  writeTo(target: Buffer, offset: number, byteLength: number = encodedLength(this)): number {
    return writeMessage(this, target, offset, byteLength);
  }

  /** A cursor over the frames, positioned on the initial frame. */
  cursor(): FrameCursor {
    return new FrameCursor(this.frames);
  }

  [Symbol.iterator](): Iterator<Frame> {
    return this.frames[Symbol.iterator]();
  }

  private header(minLength: number): Buffer {
    const content = this.initialFrame.content;
    if (content.length < minLength) {
      throw new HazelcastProtocolError(
        `Initial frame too short: ${content.length} bytes, the header needs ${minLength}`,
      );
    }
    return content;
  }
}
