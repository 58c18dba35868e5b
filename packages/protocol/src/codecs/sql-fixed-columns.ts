// Fixed-size SQL columns in the compact "contains nullable" layout: byte kind, int32 count, then nothing
// (all null), the items (none null), or per 8 items a presence bitmask followed by the present items.
import type { ClientMessage } from '../client-message';
import { HazelcastProtocolError } from '../errors/protocol-error';
import { createFrame } from '../frame';
import type { FrameCursor } from '../frame-cursor';
import {
  readBoolean,
  readByte,
  readDouble,
  readFloat,
  readInt,
  readLong,
  readShort,
  requireLength,
  writeBoolean,
  writeByte,
  writeInt,
  writeLong,
} from './fixed';
import {
  readLocalDate,
  readLocalDateTime,
  readLocalTime,
  readOffsetDateTime,
  writeLocalDate,
  writeLocalDateTime,
  writeLocalTime,
  writeOffsetDateTime,
} from './sql-temporal';
import { SqlColumnTypes } from './sql-types';

const KIND_NULL_ONLY = 1;
const KIND_NOT_NULL_ONLY = 2;
const KIND_MIXED = 3;
const HEADER = 5;

type Read = (buf: Buffer, offset: number) => unknown;
type Write = (buf: Buffer, offset: number, value: never) => void;

export interface FixedColumn {
  size: number;
  read: Read;
  write: Write;
}

function writeShort(buf: Buffer, offset: number, value: number): void {
  buf.writeInt16LE(value, offset);
}
function writeReal(buf: Buffer, offset: number, value: number): void {
  buf.writeFloatLE(value, offset);
}
function writeDouble(buf: Buffer, offset: number, value: number): void {
  buf.writeDoubleLE(value, offset);
}

/** Layout of the fixed-size column types; undefined for the variable-size ones. */
export function fixedColumn(type: number): FixedColumn | undefined {
  switch (type) {
    case SqlColumnTypes.BOOLEAN:
      return { size: 1, read: readBoolean, write: writeBoolean };
    case SqlColumnTypes.TINYINT:
      return { size: 1, read: readByte, write: writeByte };
    case SqlColumnTypes.SMALLINT:
      return { size: 2, read: readShort, write: writeShort };
    case SqlColumnTypes.INTEGER:
      return { size: 4, read: readInt, write: writeInt };
    case SqlColumnTypes.BIGINT:
      return { size: 8, read: readLong, write: writeLong };
    case SqlColumnTypes.REAL:
      return { size: 4, read: readFloat, write: writeReal };
    case SqlColumnTypes.DOUBLE:
      return { size: 8, read: readDouble, write: writeDouble };
    case SqlColumnTypes.DATE:
      return { size: 6, read: readLocalDate, write: writeLocalDate };
    case SqlColumnTypes.TIME:
      return { size: 7, read: readLocalTime, write: writeLocalTime };
    case SqlColumnTypes.TIMESTAMP:
      return { size: 13, read: readLocalDateTime, write: writeLocalDateTime };
    case SqlColumnTypes.TIMESTAMP_WITH_TIME_ZONE:
      return { size: 17, read: readOffsetDateTime, write: writeOffsetDateTime };
    default:
      return undefined;
  }
}

/** All-null columns carry only their size; the cap keeps a corrupt count from allocating gigabytes. */
const MAX_NULL_COLUMN = 1 << 24;

export function nullColumn(count: number): null[] {
  if (count < 0 || count > MAX_NULL_COLUMN)
    throw new HazelcastProtocolError(`SqlPage: bad null-column size ${count}`);
  return new Array<null>(count).fill(null);
}

export function decodeFixedColumn(cursor: FrameCursor, size: number, read: Read): unknown[] {
  const content = cursor.next().content;
  requireLength(content, HEADER, 'SqlPage column');
  const kind = content[0];
  const count = readInt(content, 1);
  if (count < 0) throw new HazelcastProtocolError(`SqlPage column: negative count ${count}`);
  if (kind === KIND_NULL_ONLY) return nullColumn(count);
  if (kind === KIND_NOT_NULL_ONLY) {
    requireLength(content, HEADER + count * size, 'SqlPage column');
    const result = new Array<unknown>(count);
    for (let i = 0; i < count; i++) result[i] = read(content, HEADER + i * size);
    return result;
  }
  if (kind !== KIND_MIXED) throw new HazelcastProtocolError(`SqlPage column: unknown layout ${kind}`);
  // Each bitmask byte covers 8 items, so the frame bounds the count; check before allocating.
  requireLength(content, HEADER + Math.ceil(count / 8), 'SqlPage column');
  const result = new Array<unknown>(count);
  let position = HEADER;
  for (let index = 0; index < count; ) {
    const mask = content[position++]!;
    for (let bit = 0; bit < 8 && index < count; bit++, index++) {
      if ((mask & (1 << bit)) !== 0) {
        requireLength(content, position + size, 'SqlPage column');
        result[index] = read(content, position);
        position += size;
      } else {
        result[index] = null;
      }
    }
  }
  return result;
}

export function encodeFixedColumn(
  message: ClientMessage,
  values: readonly unknown[],
  size: number,
  write: Write,
): void {
  let present = 0;
  for (const value of values) if (value != null) present++;
  const count = values.length;
  let content: Buffer;
  if (present === 0) {
    content = Buffer.alloc(HEADER);
    content[0] = KIND_NULL_ONLY;
  } else if (present === count) {
    content = Buffer.alloc(HEADER + count * size);
    content[0] = KIND_NOT_NULL_ONLY;
    for (let i = 0; i < count; i++) write(content, HEADER + i * size, values[i] as never);
  } else {
    content = Buffer.alloc(HEADER + Math.ceil(count / 8) + present * size);
    content[0] = KIND_MIXED;
    let position = HEADER;
    for (let start = 0; start < count; start += 8) {
      const maskAt = position++;
      let mask = 0;
      for (let bit = 0; bit < 8 && start + bit < count; bit++) {
        const value = values[start + bit];
        if (value != null) {
          mask |= 1 << bit;
          write(content, position, value as never);
          position += size;
        }
      }
      content[maskAt] = mask;
    }
  }
  writeInt(content, 1, count);
  message.add(createFrame(content));
}
