import { FrameFlags, hasFlag } from './flags';

/**
 * One frame of a client message. `content` is the payload without the 6-byte header; on the read path it is
 * a view (subarray) into the received socket chunk, never a copy.
 */
export interface Frame {
  content: Buffer;
  flags: number;
}

let emptyContent: Buffer | undefined;

/** The content of every empty frame (BEGIN, END, NULL): nothing can be written into zero bytes, so one serves. */
export function emptyFrameContent(): Buffer {
  emptyContent ??= Buffer.alloc(0);
  return emptyContent;
}

export function createFrame(content: Buffer, flags: number = FrameFlags.DEFAULT): Frame {
  return { content, flags };
}

export function nullFrame(): Frame {
  return { content: emptyFrameContent(), flags: FrameFlags.IS_NULL };
}

export function beginFrame(): Frame {
  return { content: emptyFrameContent(), flags: FrameFlags.BEGIN_DATA_STRUCTURE };
}

export function endFrame(): Frame {
  return { content: emptyFrameContent(), flags: FrameFlags.END_DATA_STRUCTURE };
}

export function isNullFrame(frame: Frame): boolean {
  return hasFlag(frame.flags, FrameFlags.IS_NULL);
}

export function isBeginFrame(frame: Frame): boolean {
  return hasFlag(frame.flags, FrameFlags.BEGIN_DATA_STRUCTURE);
}

export function isEndFrame(frame: Frame): boolean {
  return hasFlag(frame.flags, FrameFlags.END_DATA_STRUCTURE);
}
