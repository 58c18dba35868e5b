import type { ClientMessage } from '../client-message';
import type { FrameCursor } from '../frame-cursor';

/** Appends the frames of one value to a message being built. */
export type Encoder<T> = (message: ClientMessage, value: T) => void;

/** Reads one value from the frames at the cursor. */
export type Decoder<T> = (cursor: FrameCursor) => T;
