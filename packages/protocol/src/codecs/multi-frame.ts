// Variable-size structures: lists, entry lists and maps between BEGIN and END data-structure frames,
// and NULL frames for absent values.
import type { ClientMessage } from '../client-message';
import { HazelcastProtocolError } from '../errors/protocol-error';
import { beginFrame, endFrame, isBeginFrame, isEndFrame, nullFrame } from '../frame';
import type { FrameCursor } from '../frame-cursor';
import type { Decoder, Encoder } from './types';

export function expectBegin(cursor: FrameCursor, what: string): void {
  const frame = cursor.next();
  if (!isBeginFrame(frame))
    throw new HazelcastProtocolError(`${what}: expected a BEGIN data-structure frame`);
}

export function expectEnd(cursor: FrameCursor, what: string): void {
  const frame = cursor.next();
  if (!isEndFrame(frame)) throw new HazelcastProtocolError(`${what}: expected an END data-structure frame`);
}

export function encodeNullable<T>(
  message: ClientMessage,
  value: T | null | undefined,
  encode: Encoder<T>,
): void {
  if (value == null) message.add(nullFrame());
  else encode(message, value);
}

export function decodeNullable<T>(cursor: FrameCursor, decode: Decoder<T>): T | null {
  return cursor.skipIfNull() ? null : decode(cursor);
}

function requireArray(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${what} must be an array`);
  return value;
}

export function encodeList<T>(message: ClientMessage, values: readonly T[], encode: Encoder<T>): void {
  requireArray(values, 'List');
  message.add(beginFrame());
  for (let i = 0; i < values.length; i++) encode(message, values[i]!);
  message.add(endFrame());
}

export function decodeList<T>(cursor: FrameCursor, decode: Decoder<T>): T[] {
  expectBegin(cursor, 'List');
  const result: T[] = [];
  while (!cursor.nextIsEnd()) result.push(decode(cursor));
  cursor.next();
  return result;
}

/** A list whose items may be null: a null item is a NULL frame. */
export function encodeListContainsNullable<T>(
  message: ClientMessage,
  values: ReadonlyArray<T | null>,
  encode: Encoder<T>,
): void {
  requireArray(values, 'List');
  message.add(beginFrame());
  for (let i = 0; i < values.length; i++) encodeNullable(message, values[i], encode);
  message.add(endFrame());
}

export function decodeListContainsNullable<T>(cursor: FrameCursor, decode: Decoder<T>): Array<T | null> {
  expectBegin(cursor, 'List');
  const result: Array<T | null> = [];
  while (!cursor.nextIsEnd()) result.push(decodeNullable(cursor, decode));
  cursor.next();
  return result;
}

/** Entries as key frame(s) followed by value frame(s), all inside one BEGIN/END pair. */
export function encodeEntryList<K, V>(
  message: ClientMessage,
  entries: ReadonlyArray<readonly [K, V]>,
  encodeKey: Encoder<K>,
  encodeValue: Encoder<V>,
): void {
  requireArray(entries, 'Entry list');
  message.add(beginFrame());
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    encodeKey(message, key);
    encodeValue(message, value);
  }
  message.add(endFrame());
}

export function decodeEntryList<K, V>(
  cursor: FrameCursor,
  decodeKey: Decoder<K>,
  decodeValue: Decoder<V>,
): Array<[K, V]> {
  expectBegin(cursor, 'Entry list');
  const result: Array<[K, V]> = [];
  while (!cursor.nextIsEnd()) {
    const key = decodeKey(cursor);
    result.push([key, decodeValue(cursor)]);
  }
  cursor.next();
  return result;
}

export function encodeMap<K, V>(
  message: ClientMessage,
  map: ReadonlyMap<K, V>,
  encodeKey: Encoder<K>,
  encodeValue: Encoder<V>,
): void {
  if (!(map instanceof Map)) throw new TypeError('Map parameter must be a Map');
  message.add(beginFrame());
  for (const [key, value] of map) {
    encodeKey(message, key);
    encodeValue(message, value);
  }
  message.add(endFrame());
}

export function decodeMap<K, V>(
  cursor: FrameCursor,
  decodeKey: Decoder<K>,
  decodeValue: Decoder<V>,
): Map<K, V> {
  expectBegin(cursor, 'Map');
  const result = new Map<K, V>();
  while (!cursor.nextIsEnd()) {
    const key = decodeKey(cursor);
    result.set(key, decodeValue(cursor));
  }
  cursor.next();
  return result;
}
