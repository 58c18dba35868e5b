// Lists and entry lists of fixed-size items: all items in one frame, back to back.
import type Long from 'long';
import type { ClientMessage } from '../client-message';
import { INT_SIZE, LONG_SIZE, UUID_SIZE } from '../constants';
import { createFrame } from '../frame';
import type { FrameCursor } from '../frame-cursor';
import type { LongLike } from '../long';
import type { Uuid } from '../uuid';
import { countFixedItems } from './bytes';
import { readInt, readLong, readRequiredUuid, writeInt, writeLong, writeUuid } from './fixed';

type Write<T> = (buf: Buffer, offset: number, value: T) => void;
type Read<T> = (buf: Buffer, offset: number) => T;

function encodeFixedList<T>(
  message: ClientMessage,
  values: readonly T[],
  size: number,
  write: Write<T>,
): void {
  const content = Buffer.allocUnsafe(values.length * size);
  for (let i = 0; i < values.length; i++) write(content, i * size, values[i]!);
  message.add(createFrame(content));
}

function decodeFixedList<T>(cursor: FrameCursor, size: number, read: Read<T>, what: string): T[] {
  const content = cursor.next().content;
  const count = countFixedItems(content.length, size, what);
  const result = new Array<T>(count);
  for (let i = 0; i < count; i++) result[i] = read(content, i * size);
  return result;
}

function encodeFixedEntries<K, V>(
  message: ClientMessage,
  entries: ReadonlyArray<readonly [K, V]>,
  keySize: number,
  writeKey: Write<K>,
  valueSize: number,
  writeValue: Write<V>,
): void {
  const entrySize = keySize + valueSize;
  const content = Buffer.allocUnsafe(entries.length * entrySize);
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    writeKey(content, i * entrySize, key);
    writeValue(content, i * entrySize + keySize, value);
  }
  message.add(createFrame(content));
}

function decodeFixedEntries<K, V>(
  cursor: FrameCursor,
  keySize: number,
  readKey: Read<K>,
  valueSize: number,
  readValue: Read<V>,
  what: string,
): Array<[K, V]> {
  const content = cursor.next().content;
  const entrySize = keySize + valueSize;
  const count = countFixedItems(content.length, entrySize, what);
  const result = new Array<[K, V]>(count);
  for (let i = 0; i < count; i++) {
    result[i] = [readKey(content, i * entrySize), readValue(content, i * entrySize + keySize)];
  }
  return result;
}

export function encodeListInteger(message: ClientMessage, values: readonly number[]): void {
  encodeFixedList(message, values, INT_SIZE, writeInt);
}

export function decodeListInteger(cursor: FrameCursor): number[] {
  return decodeFixedList(cursor, INT_SIZE, readInt, 'List<int>');
}

export function encodeListLong(message: ClientMessage, values: readonly LongLike[]): void {
  encodeFixedList(message, values, LONG_SIZE, writeLong);
}

export function decodeListLong(cursor: FrameCursor): Long[] {
  return decodeFixedList(cursor, LONG_SIZE, readLong, 'List<long>');
}

export function encodeListUuid(message: ClientMessage, values: readonly Uuid[]): void {
  encodeFixedList(message, values, UUID_SIZE, writeUuid);
}

export function decodeListUuid(cursor: FrameCursor): Uuid[] {
  return decodeFixedList(cursor, UUID_SIZE, readRequiredUuid, 'List<UUID>');
}

export function encodeEntryListIntegerUuid(
  message: ClientMessage,
  entries: ReadonlyArray<readonly [number, Uuid]>,
): void {
  encodeFixedEntries(message, entries, INT_SIZE, writeInt, UUID_SIZE, writeUuid);
}

export function decodeEntryListIntegerUuid(cursor: FrameCursor): Array<[number, Uuid]> {
  return decodeFixedEntries(cursor, INT_SIZE, readInt, UUID_SIZE, readRequiredUuid, 'EntryList<int,UUID>');
}

export function encodeEntryListIntegerLong(
  message: ClientMessage,
  entries: ReadonlyArray<readonly [number, LongLike]>,
): void {
  encodeFixedEntries(message, entries, INT_SIZE, writeInt, LONG_SIZE, writeLong);
}

export function decodeEntryListIntegerLong(cursor: FrameCursor): Array<[number, Long]> {
  return decodeFixedEntries(cursor, INT_SIZE, readInt, LONG_SIZE, readLong, 'EntryList<int,long>');
}

export function encodeEntryListIntegerInteger(
  message: ClientMessage,
  entries: ReadonlyArray<readonly [number, number]>,
): void {
  encodeFixedEntries(message, entries, INT_SIZE, writeInt, INT_SIZE, writeInt);
}

export function decodeEntryListIntegerInteger(cursor: FrameCursor): Array<[number, number]> {
  return decodeFixedEntries(cursor, INT_SIZE, readInt, INT_SIZE, readInt, 'EntryList<int,int>');
}

export function encodeEntryListUuidLong(
  message: ClientMessage,
  entries: ReadonlyArray<readonly [Uuid, LongLike]>,
): void {
  encodeFixedEntries(message, entries, UUID_SIZE, writeUuid, LONG_SIZE, writeLong);
}

export function decodeEntryListUuidLong(cursor: FrameCursor): Array<[Uuid, Long]> {
  return decodeFixedEntries(cursor, UUID_SIZE, readRequiredUuid, LONG_SIZE, readLong, 'EntryList<UUID,long>');
}

export function encodeEntryListUuidUuid(
  message: ClientMessage,
  entries: ReadonlyArray<readonly [Uuid, Uuid]>,
): void {
  encodeFixedEntries(message, entries, UUID_SIZE, writeUuid, UUID_SIZE, writeUuid);
}

export function decodeEntryListUuidUuid(cursor: FrameCursor): Array<[Uuid, Uuid]> {
  return decodeFixedEntries(
    cursor,
    UUID_SIZE,
    readRequiredUuid,
    UUID_SIZE,
    readRequiredUuid,
    'EntryList<UUID,UUID>',
  );
}
