import type Long from 'long';
import type { ClientMessage } from '../client-message';
import { FLOAT_SIZE, LONG_SIZE } from '../constants';
import { HazelcastProtocolError } from '../errors/protocol-error';
import { createFrame } from '../frame';
import type { FrameCursor } from '../frame-cursor';
import type { LongLike } from '../long';
import { readFloat, readLong, writeFloat, writeLong } from './fixed';

function requireBuffer(value: unknown, what: string): Buffer {
  if (!Buffer.isBuffer(value)) throw new TypeError(`${what} must be a Buffer`);
  return value;
}

/** byte[]: the frame payload is the array itself. */
export function encodeByteArray(message: ClientMessage, value: Buffer): void {
  message.add(createFrame(requireBuffer(value, 'byte[]')));
}

export function decodeByteArray(cursor: FrameCursor): Buffer {
  return cursor.next().content;
}

/** Serialized Data: opaque bytes here, interpreted by @hz/serialization. */
export function encodeData(message: ClientMessage, value: Buffer): void {
  message.add(createFrame(requireBuffer(value, 'Data')));
}

export function decodeData(cursor: FrameCursor): Buffer {
  return cursor.next().content;
}

/** The number of `size`-byte items in a frame of `length` bytes; a remainder means corrupt input. */
export function countFixedItems(length: number, size: number, what: string): number {
  if (length % size !== 0) {
    throw new HazelcastProtocolError(`${what}: frame length ${length} is not a multiple of ${size}`);
  }
  return length / size;
}

export function encodeLongArray(message: ClientMessage, value: readonly LongLike[]): void {
  const content = Buffer.allocUnsafe(value.length * LONG_SIZE);
  for (let i = 0; i < value.length; i++) writeLong(content, i * LONG_SIZE, value[i]!);
  message.add(createFrame(content));
}

export function decodeLongArray(cursor: FrameCursor): Long[] {
  const content = cursor.next().content;
  const count = countFixedItems(content.length, LONG_SIZE, 'long[]');
  const result = new Array<Long>(count);
  for (let i = 0; i < count; i++) result[i] = readLong(content, i * LONG_SIZE);
  return result;
}

export function encodeFloatArray(message: ClientMessage, value: readonly number[]): void {
  const content = Buffer.allocUnsafe(value.length * FLOAT_SIZE);
  for (let i = 0; i < value.length; i++) writeFloat(content, i * FLOAT_SIZE, value[i]!);
  message.add(createFrame(content));
}

export function decodeFloatArray(cursor: FrameCursor): number[] {
  const content = cursor.next().content;
  const count = countFixedItems(content.length, FLOAT_SIZE, 'float[]');
  const result = new Array<number>(count);
  for (let i = 0; i < count; i++) result[i] = readFloat(content, i * FLOAT_SIZE);
  return result;
}
