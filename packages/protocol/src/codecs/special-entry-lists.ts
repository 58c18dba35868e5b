// Entry lists the protocol sends as two parallel lists: the values first, then the keys in one
// fixed-size frame.
import type Long from 'long';
import type { ClientMessage } from '../client-message';
import { HazelcastProtocolError } from '../errors/protocol-error';
import type { FrameCursor } from '../frame-cursor';
import type { LongLike } from '../long';
import type { Uuid } from '../uuid';
import { decodeByteArray, encodeByteArray } from './bytes';
import {
  decodeListInteger,
  decodeListLong,
  decodeListUuid,
  encodeListInteger,
  encodeListLong,
  encodeListUuid,
} from './fixed-lists';
import { decodeList, encodeList } from './multi-frame';

function zip<K, V>(keys: K[], values: V[], what: string): Array<[K, V]> {
  if (keys.length !== values.length) {
    throw new HazelcastProtocolError(`${what}: ${keys.length} keys but ${values.length} values`);
  }
  return keys.map((key, i) => [key, values[i]!]);
}

export function encodeEntryListLongByteArray(
  message: ClientMessage,
  entries: ReadonlyArray<readonly [LongLike, Buffer]>,
): void {
  encodeList(
    message,
    entries.map((entry) => entry[1]),
    encodeByteArray,
  );
  encodeListLong(
    message,
    entries.map((entry) => entry[0]),
  );
}

export function decodeEntryListLongByteArray(cursor: FrameCursor): Array<[Long, Buffer]> {
  const values = decodeList(cursor, decodeByteArray);
  return zip(decodeListLong(cursor), values, 'EntryList<long,byte[]>');
}

export function encodeEntryListUuidListInteger(
  message: ClientMessage,
  entries: ReadonlyArray<readonly [Uuid, readonly number[]]>,
): void {
  encodeList(
    message,
    entries.map((entry) => entry[1]),
    encodeListInteger,
  );
  encodeListUuid(
    message,
    entries.map((entry) => entry[0]),
  );
}

export function decodeEntryListUuidListInteger(cursor: FrameCursor): Array<[Uuid, number[]]> {
  const values = decodeList(cursor, decodeListInteger);
  return zip(decodeListUuid(cursor), values, 'EntryList<UUID,List<int>>');
}
