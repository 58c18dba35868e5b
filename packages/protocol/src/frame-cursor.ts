import { HazelcastProtocolError } from './errors/protocol-error';
import { type Frame, isBeginFrame, isEndFrame, isNullFrame } from './frame';

/** Forward-only position in a message's frames, used by every decoder. */
export class FrameCursor {
  private index = 0;

  constructor(private readonly frames: readonly Frame[]) {}

  hasNext(): boolean {
    return this.index < this.frames.length;
  }

  next(): Frame {
    const frame = this.frames[this.index];
    if (frame === undefined)
      throw new HazelcastProtocolError('Unexpected end of message: a frame is missing');
    this.index++;
    return frame;
  }

  peek(): Frame | undefined {
    return this.frames[this.index];
  }

  /** True when the next frame closes the current data structure (or the message ended). */
  nextIsEnd(): boolean {
    const frame = this.frames[this.index];
    return frame === undefined || isEndFrame(frame);
  }

  /** Consumes the next frame and returns true when it is a NULL frame. */
  skipIfNull(): boolean {
    const frame = this.frames[this.index];
    if (frame !== undefined && isNullFrame(frame)) {
      this.index++;
      return true;
    }
    return false;
  }

  /**
   * Skips to just past the END frame of the current data structure, stepping over nested structures, so a
   * decoder ignores fields that newer members append.
   */
  skipToEndFrame(): void {
    let depth = 1;
    while (depth !== 0) {
      const frame = this.next();
      if (isEndFrame(frame)) depth--;
      else if (isBeginFrame(frame)) depth++;
    }
  }
}
