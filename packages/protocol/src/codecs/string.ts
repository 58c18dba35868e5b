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

export function encodeString(message: ClientMessage, value: string): void {
  if (typeof value !== 'string') throw new TypeError(`Expected a string, got ${typeof value}`);
  message.add(createFrame(utf8Bytes(value)));
}

export function decodeString(cursor: FrameCursor): string {
  return utf8String(cursor.next().content);
}
