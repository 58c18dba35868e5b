import type { ClientMessage } from './client-message';
import { FRAME_HEADER_SIZE } from './constants';
import { FrameFlags } from './flags';

/** Bytes the message takes on the wire. */
export function encodedLength(message: ClientMessage): number {
  const frames = message.frames;
  let length = 0;
  for (let i = 0; i < frames.length; i++) length += FRAME_HEADER_SIZE + frames[i]!.content.length;
  return length;
}

/**
 * Writes the message into `target` at `offset` and returns the offset after it, so many messages can be
 * coalesced into one reused buffer. The last frame gets IS_FINAL. The caller sizes the buffer with
 * encodedLength(); a caller that already has it passes it as `length`, so the frames are walked once.
 */
export function writeMessage(
  message: ClientMessage,
  target: Buffer,
  offset: number,
  length: number = encodedLength(message),
): number {
  const frames = message.frames;
  const last = frames.length - 1;
  const needed = length;
  if (offset < 0 || offset + needed > target.length) {
    throw new RangeError(
      `Target buffer too small: needs ${needed} bytes at offset ${offset}, has ${target.length}`,
    );
  }
  for (let i = 0; i <= last; i++) {
    const frame = frames[i]!;
    const content = frame.content;
    target.writeInt32LE(FRAME_HEADER_SIZE + content.length, offset);
    const flags = i === last ? frame.flags | FrameFlags.IS_FINAL : frame.flags & ~FrameFlags.IS_FINAL;
    target.writeUInt16LE(flags & 0xffff, offset + 4);
    offset += FRAME_HEADER_SIZE;
    content.copy(target, offset);
    offset += content.length;
  }
  return offset;
}

/** The message in a fresh buffer of exactly its size. */
export function encodeMessage(message: ClientMessage): Buffer {
  const buffer = Buffer.allocUnsafe(encodedLength(message));
  writeMessage(message, buffer, 0);
  return buffer;
}
