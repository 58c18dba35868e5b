import type { ClientMessage } from '../client-message';
import { createFrame } from '../frame';
import type { FrameCursor } from '../frame-cursor';

const SHORT_STRING = 32;

/** UTF-8 bytes of a string; short pure-ASCII strings skip the UTF-8 encoder. */
export function utf8Bytes(value: string): Buffer {
  const length = value.length;
  if (length <= SHORT_STRING) {
    const bytes = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i++) {
      const code = value.charCodeAt(i);
      if (code >= 0x80) return Buffer.from(value, 'utf8');
      bytes[i] = code;
    }
    return bytes;
  }
  return Buffer.from(value, 'utf8');
}

export function utf8String(bytes: Buffer): string {
  const length = bytes.length;
  if (length <= SHORT_STRING) {
    let ascii = '';
    for (let i = 0; i < length; i++) {
      const byte = bytes[i]!;
      if (byte >= 0x80) return bytes.toString('utf8');
      ascii += String.fromCharCode(byte);
    }
    return ascii;
  }
  return bytes.toString('utf8');
}

/** Strings up to this length are kept encoded: structure names repeat in every request. */
const CACHED_STRING_LENGTH = 64;
const CACHED_STRINGS = 256;
let encoded: Map<string, Buffer> | undefined;

/**
 * Adds a frame with the string's UTF-8 bytes. The bytes of short strings (structure names, above all) are
 * reused across messages: frames are only ever copied out, never written to, so sharing them is safe, and
 * a request then allocates nothing for its name. The cache starts over when full, so it stays small.
 */
export function encodeString(message: ClientMessage, value: string): void {
  if (typeof value !== 'string') throw new TypeError(`Expected a string, got ${typeof value}`);
  if (value.length > CACHED_STRING_LENGTH) {
    message.add(createFrame(utf8Bytes(value)));
    return;
  }
  encoded ??= new Map();
  let bytes = encoded.get(value);
  if (bytes === undefined) {
    bytes = utf8Bytes(value);
    if (encoded.size >= CACHED_STRINGS) encoded.clear();
    encoded.set(value, bytes);
  }
  message.add(createFrame(bytes));
}

export function decodeString(cursor: FrameCursor): string {
  return utf8String(cursor.next().content);
}
