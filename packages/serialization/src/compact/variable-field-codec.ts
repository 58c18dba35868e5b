import type { Int64Input, ObjectDataInput, ObjectDataOutput } from '../io/data-io';
import type { BigDecimal } from '../java/big-decimal';
import type { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import { HazelcastSerializationError } from './errors';
import { FieldKind, fieldKindName, itemKindOf, type SchemaFieldKind } from './field-kind';
import { CompactGenericRecord } from './generic-record';
import {
  readDate,
  readDecimal,
  readTime,
  readTimestamp,
  readTimestampWithTimezone,
  writeDate,
  writeDecimal,
  writeTime,
  writeTimestamp,
  writeTimestampWithTimezone,
} from './java-value-codecs';
import { NULL_OFFSET, offsetWidthFor, readOffset, writeOffsets } from './offset-table';

/** Writes a nested compact value (schema id and fields); the stream serializer provides it. */
export interface NestedCompactWriter {
  writeNested(out: ObjectDataOutput, value: object): void;
}

/** Reads a nested compact value; the stream serializer provides it. */
export interface NestedCompactReader {
  readNested(input: ObjectDataInput): unknown;
}

/**
 * Writes the bytes of a non-null variable-size value (already checked against its kind) at the
 * output's position, exactly as Java lays it out.
 */
export function writeVariableField(
  out: ObjectDataOutput,
  kind: SchemaFieldKind,
  value: unknown,
  nested: NestedCompactWriter,
): void {
  switch (kind) {
    case FieldKind.STRING:
      out.writeString(value as string);
      return;
    case FieldKind.DECIMAL:
      writeDecimal(out, value as BigDecimal);
      return;
    case FieldKind.TIME:
      writeTime(out, value as LocalTime);
      return;
    case FieldKind.DATE:
      writeDate(out, value as LocalDate);
      return;
    case FieldKind.TIMESTAMP:
      writeTimestamp(out, value as LocalDateTime);
      return;
    case FieldKind.TIMESTAMP_WITH_TIMEZONE:
      writeTimestampWithTimezone(out, value as OffsetDateTime);
      return;
    case FieldKind.COMPACT:
      nested.writeNested(out, value as object);
      return;
    case FieldKind.NULLABLE_BOOLEAN:
      out.writeBoolean(value as boolean);
      return;
    case FieldKind.NULLABLE_INT8:
      out.writeByte(value as number);
      return;
    case FieldKind.NULLABLE_INT16:
      out.writeShort(value as number);
      return;
    case FieldKind.NULLABLE_INT32:
      out.writeInt(value as number);
      return;
    case FieldKind.NULLABLE_INT64:
      out.writeLong(value as Int64Input);
      return;
    case FieldKind.NULLABLE_FLOAT32:
      out.writeFloat(value as number);
      return;
    case FieldKind.NULLABLE_FLOAT64:
      out.writeDouble(value as number);
      return;
    case FieldKind.ARRAY_OF_BOOLEAN:
      writeBooleanBits(out, value as readonly boolean[]);
      return;
    case FieldKind.ARRAY_OF_INT8:
      out.writeByteArray(asUint8Array(value as Uint8Array | Int8Array));
      return;
    case FieldKind.ARRAY_OF_INT16:
      out.writeShortArray(value as number[]);
      return;
    case FieldKind.ARRAY_OF_INT32:
      out.writeIntArray(value as number[]);
      return;
    case FieldKind.ARRAY_OF_INT64:
      out.writeLongArray(value as Int64Input[]);
      return;
    case FieldKind.ARRAY_OF_FLOAT32:
      out.writeFloatArray(value as number[]);
      return;
    case FieldKind.ARRAY_OF_FLOAT64:
      out.writeDoubleArray(value as number[]);
      return;
    case FieldKind.ARRAY_OF_COMPACT:
      checkSingleCompactType(value as readonly unknown[]);
      writeArrayOfVariableSizes(out, value as readonly unknown[], itemKindOf(kind), nested);
      return;
    default:
      writeArrayOfVariableSizes(out, value as readonly unknown[], itemKindOf(kind), nested);
      return;
  }
}

function asUint8Array(bytes: Uint8Array | Int8Array): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

function writeBooleanBits(out: ObjectDataOutput, values: readonly boolean[]): void {
  out.writeInt(values.length);
  for (let start = 0; start < values.length; start += 8) {
    let byte = 0;
    for (let bit = 0; bit < 8 && start + bit < values.length; bit++)
      if (values[start + bit]) byte |= 1 << bit;
    out.writeByte((byte << 24) >> 24);
  }
}

/** Layout: int dataLength, int itemCount, items, then an offset table sized by dataLength. */
function writeArrayOfVariableSizes(
  out: ObjectDataOutput,
  items: readonly unknown[],
  itemKind: SchemaFieldKind,
  nested: NestedCompactWriter,
): void {
  const lengthPosition = out.position();
  out.writeInt(0);
  out.writeInt(items.length);
  const dataStart = out.position();
  const offsets = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === null || item === undefined) {
      offsets[i] = NULL_OFFSET;
    } else {
      offsets[i] = out.position() - dataStart;
      writeVariableField(out, itemKind, item, nested);
    }
  }
  const dataLength = out.position() - dataStart;
  out.writeIntAt(lengthPosition, dataLength);
  writeOffsets(out, offsets, dataLength);
}

/** Java stores one schema per compact array, so every item must be of the same class (or schema). */
function checkSingleCompactType(items: readonly unknown[]): void {
  let first: unknown;
  for (const item of items) {
    if (item === null || item === undefined) continue;
    const type = compactTypeKey(item as object);
    if (first === undefined) first = type;
    else if (first !== type) {
      throw new HazelcastSerializationError(
        'An ARRAY_OF_COMPACT field must hold items of a single type (one class, or GenericRecords of one schema)',
      );
    }
  }
}

function compactTypeKey(item: object): unknown {
  return item instanceof CompactGenericRecord ? `schema:${item.schema.id.toString()}` : item.constructor;
}

function malformed(what: string): HazelcastSerializationError {
  return new HazelcastSerializationError(`Malformed compact data: ${what}`);
}

/** Reads a non-null variable-size value of `kind` at the input's position. */
export function readVariableField(
  input: ObjectDataInput,
  kind: SchemaFieldKind,
  nested: NestedCompactReader,
): unknown {
  switch (kind) {
    case FieldKind.STRING:
      return input.readString();
    case FieldKind.DECIMAL:
      return readDecimal(input);
    case FieldKind.TIME:
      return readTime(input);
    case FieldKind.DATE:
      return readDate(input);
    case FieldKind.TIMESTAMP:
      return readTimestamp(input);
    case FieldKind.TIMESTAMP_WITH_TIMEZONE:
      return readTimestampWithTimezone(input);
    case FieldKind.COMPACT:
      return nested.readNested(input);
    case FieldKind.NULLABLE_BOOLEAN:
      return input.readBoolean();
    case FieldKind.NULLABLE_INT8:
      return input.readByte();
    case FieldKind.NULLABLE_INT16:
      return input.readShort();
    case FieldKind.NULLABLE_INT32:
      return input.readInt();
    case FieldKind.NULLABLE_INT64:
      return input.readLong();
    case FieldKind.NULLABLE_FLOAT32:
      return input.readFloat();
    case FieldKind.NULLABLE_FLOAT64:
      return input.readDouble();
    case FieldKind.ARRAY_OF_BOOLEAN:
      return readBooleanBits(input);
    case FieldKind.ARRAY_OF_INT8: {
      checkArrayLength(input, 1, kind);
      const bytes = input.readByteArray();
      return bytes === null ? null : Buffer.from(bytes);
    }
    case FieldKind.ARRAY_OF_INT16:
      checkArrayLength(input, 2, kind);
      return input.readShortArray();
    case FieldKind.ARRAY_OF_INT32:
      checkArrayLength(input, 4, kind);
      return input.readIntArray();
    case FieldKind.ARRAY_OF_INT64:
      checkArrayLength(input, 8, kind);
      return input.readLongArray();
    case FieldKind.ARRAY_OF_FLOAT32:
      checkArrayLength(input, 4, kind);
      return input.readFloatArray();
    case FieldKind.ARRAY_OF_FLOAT64:
      checkArrayLength(input, 8, kind);
      return input.readDoubleArray();
    default:
      return readArrayOfVariableSizes(input, itemKindOf(kind), nested);
  }
}

/** Rejects a length prefix the remaining bytes cannot hold, before anything is allocated for it. */
function checkArrayLength(input: ObjectDataInput, itemSize: number, kind: SchemaFieldKind): void {
  if (input.available() < 4) throw malformed(`${fieldKindName(kind)} length runs past the end of the data`);
  const length = input.readIntAt(input.position());
  if (length < -1 || length * itemSize > input.available() - 4) {
    throw malformed(`${fieldKindName(kind)} claims ${length} items, more than the remaining bytes hold`);
  }
}

function readBooleanBits(input: ObjectDataInput): boolean[] {
  const count = input.readInt();
  if (count < 0 || Math.ceil(count / 8) > input.available()) {
    throw malformed(`ARRAY_OF_BOOLEAN claims ${count} items, more than the remaining bytes hold`);
  }
  const values = new Array<boolean>(count);
  let byte = 0;
  for (let i = 0; i < count; i++) {
    if (i % 8 === 0) byte = input.readByte();
    values[i] = ((byte >> (i % 8)) & 1) !== 0;
  }
  return values;
}

function readArrayOfVariableSizes(
  input: ObjectDataInput,
  itemKind: SchemaFieldKind,
  nested: NestedCompactReader,
): unknown[] {
  if (input.available() < 8) throw malformed('array header runs past the end of the data');
  const dataLength = input.readInt();
  const count = input.readInt();
  const dataStart = input.position();
  const width = offsetWidthFor(dataLength);
  if (dataLength < 0 || count < 0 || dataLength + count * width > input.available()) {
    throw malformed(
      `array of ${count} items with ${dataLength} data bytes does not fit in the remaining bytes`,
    );
  }
  const tablePosition = dataStart + dataLength;
  const items = new Array<unknown>(count);
  for (let i = 0; i < count; i++) {
    const offset = readOffset(input, tablePosition, i, width);
    if (offset === NULL_OFFSET) {
      items[i] = null;
      continue;
    }
    if (offset < 0 || offset >= dataLength)
      throw malformed(`array item ${i} has offset ${offset} outside its data`);
    input.setPosition(dataStart + offset);
    items[i] = readVariableField(input, itemKind, nested);
  }
  input.setPosition(tablePosition + count * width);
  return items;
}
