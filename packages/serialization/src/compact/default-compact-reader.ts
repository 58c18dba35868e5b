import type Long from 'long';
import type { ObjectDataInput } from '../io/data-io';
import type { BigDecimal } from '../java/big-decimal';
import type { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import type { CompactReader } from './compact-reader';
import { HazelcastSerializationError } from './errors';
import { FieldKind, fixedSizeOf } from './field-kind';
import { convertForRead } from './kind-conversion';
import { NULL_OFFSET, offsetWidthFor, readOffset } from './offset-table';
import type { FieldLayout, Schema } from './schema';
import { type NestedCompactReader, readVariableField } from './variable-field-codec';

function malformed(schema: Schema, what: string): HazelcastSerializationError {
  return new HazelcastSerializationError(`Malformed compact data for type '${schema.typeName}': ${what}`);
}

/**
 * Reads fields of one compact object by name, at positions computed from its schema. The constructor
 * checks the object's frame (data length, offset table) against the bytes available and leaves the
 * input positioned after the object.
 */
export class DefaultCompactReader implements CompactReader {
  private readonly dataStart: number;
  private readonly dataLength: number;
  private readonly offsetTable: number;
  private readonly offsetWidth: 1 | 2 | 4;

  constructor(
    private readonly input: ObjectDataInput,
    readonly schema: Schema,
    private readonly nested: NestedCompactReader,
  ) {
    const varCount = schema.variableSizeFieldCount;
    if (varCount === 0) {
      this.dataStart = input.position();
      this.dataLength = schema.fixedSizeFieldsLength;
      this.offsetTable = this.dataStart + this.dataLength;
      this.offsetWidth = 4;
      if (input.available() < this.dataLength) throw malformed(schema, 'fixed-size fields run past the end');
      input.setPosition(this.offsetTable);
      return;
    }
    if (input.available() < 4) throw malformed(schema, 'data length runs past the end');
    this.dataLength = input.readInt();
    this.dataStart = input.position();
    this.offsetWidth = offsetWidthFor(this.dataLength);
    this.offsetTable = this.dataStart + this.dataLength;
    if (
      this.dataLength < schema.fixedSizeFieldsLength ||
      this.dataLength + varCount * this.offsetWidth > input.available()
    ) {
      throw malformed(
        schema,
        `data length ${this.dataLength} does not fit the schema or the remaining bytes`,
      );
    }
    input.setPosition(this.offsetTable + varCount * this.offsetWidth);
  }

  getFieldKind(fieldName: string): FieldKind {
    return this.schema.field(fieldName)?.kind ?? FieldKind.NOT_AVAILABLE;
  }

  /** Reads `fieldName` as `kind`, converting between plain and nullable kinds as Java does. */
  readAs(fieldName: string, kind: FieldKind): unknown {
    const field = this.schema.field(fieldName);
    if (field === undefined) {
      throw new HazelcastSerializationError(
        `Compact type '${this.schema.typeName}' has no field '${fieldName}' in the data's schema ` +
          `(fields: ${this.schema.fields.map((f) => f.name).join(', ') || 'none'}); ` +
          'check getFieldKind() before reading fields that older or newer versions may lack',
      );
    }
    return convertForRead(
      kind,
      field.kind,
      this.readValue(field),
      `Field '${fieldName}' of compact type '${this.schema.typeName}'`,
    );
  }

  /** Reads a field as stored, with no kind conversion. */
  readValue(field: FieldLayout): unknown {
    const size = fixedSizeOf(field.kind);
    if (size === 0)
      return ((this.input.readByteAt(this.dataStart + field.offset) >> field.bitOffset) & 1) !== 0;
    if (size > 0) return this.readFixed(field);
    const offset = readOffset(this.input, this.offsetTable, field.index, this.offsetWidth);
    if (offset === NULL_OFFSET) return null;
    if (offset < 0 || offset >= this.dataLength) {
      throw malformed(this.schema, `field '${field.name}' has offset ${offset} outside the data`);
    }
    const resume = this.input.position();
    this.input.setPosition(this.dataStart + offset);
    try {
      return readVariableField(this.input, field.kind, this.nested);
    } finally {
      this.input.setPosition(resume);
    }
  }

  private readFixed(field: FieldLayout): unknown {
    const position = this.dataStart + field.offset;
    switch (field.kind) {
      case FieldKind.INT8:
        return this.input.readByteAt(position);
      case FieldKind.INT16:
        return this.input.readShortAt(position);
      case FieldKind.INT32:
        return this.input.readIntAt(position);
    }
    const resume = this.input.position();
    this.input.setPosition(position);
    try {
      if (field.kind === FieldKind.INT64) return this.input.readLong();
      if (field.kind === FieldKind.FLOAT32) return this.input.readFloat();
      return this.input.readDouble();
    } finally {
      this.input.setPosition(resume);
    }
  }

  readBoolean(fieldName: string): boolean {
    return this.readAs(fieldName, FieldKind.BOOLEAN) as boolean;
  }

  readInt8(fieldName: string): number {
    return this.readAs(fieldName, FieldKind.INT8) as number;
  }

  readInt16(fieldName: string): number {
    return this.readAs(fieldName, FieldKind.INT16) as number;
  }

  readInt32(fieldName: string): number {
    return this.readAs(fieldName, FieldKind.INT32) as number;
  }

  readInt64(fieldName: string): Long {
    return this.readAs(fieldName, FieldKind.INT64) as Long;
  }

  readFloat32(fieldName: string): number {
    return this.readAs(fieldName, FieldKind.FLOAT32) as number;
  }

  readFloat64(fieldName: string): number {
    return this.readAs(fieldName, FieldKind.FLOAT64) as number;
  }

  readString(fieldName: string): string | null {
    return this.readAs(fieldName, FieldKind.STRING) as string | null;
  }

  readDecimal(fieldName: string): BigDecimal | null {
    return this.readAs(fieldName, FieldKind.DECIMAL) as BigDecimal | null;
  }

  readTime(fieldName: string): LocalTime | null {
    return this.readAs(fieldName, FieldKind.TIME) as LocalTime | null;
  }

  readDate(fieldName: string): LocalDate | null {
    return this.readAs(fieldName, FieldKind.DATE) as LocalDate | null;
  }

  readTimestamp(fieldName: string): LocalDateTime | null {
    return this.readAs(fieldName, FieldKind.TIMESTAMP) as LocalDateTime | null;
  }

  readTimestampWithTimezone(fieldName: string): OffsetDateTime | null {
    return this.readAs(fieldName, FieldKind.TIMESTAMP_WITH_TIMEZONE) as OffsetDateTime | null;
  }

  readCompact<T = unknown>(fieldName: string): T | null {
    return this.readAs(fieldName, FieldKind.COMPACT) as T | null;
  }

  readArrayOfBoolean(fieldName: string): boolean[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_BOOLEAN) as boolean[] | null;
  }

  readArrayOfInt8(fieldName: string): Buffer | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_INT8) as Buffer | null;
  }

  readArrayOfInt16(fieldName: string): number[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_INT16) as number[] | null;
  }

  readArrayOfInt32(fieldName: string): number[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_INT32) as number[] | null;
  }

  readArrayOfInt64(fieldName: string): Long[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_INT64) as Long[] | null;
  }

  readArrayOfFloat32(fieldName: string): number[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_FLOAT32) as number[] | null;
  }

  readArrayOfFloat64(fieldName: string): number[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_FLOAT64) as number[] | null;
  }

  readArrayOfString(fieldName: string): (string | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_STRING) as (string | null)[] | null;
  }

  readArrayOfDecimal(fieldName: string): (BigDecimal | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_DECIMAL) as (BigDecimal | null)[] | null;
  }

  readArrayOfTime(fieldName: string): (LocalTime | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_TIME) as (LocalTime | null)[] | null;
  }

  readArrayOfDate(fieldName: string): (LocalDate | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_DATE) as (LocalDate | null)[] | null;
  }

  readArrayOfTimestamp(fieldName: string): (LocalDateTime | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_TIMESTAMP) as (LocalDateTime | null)[] | null;
  }

  readArrayOfTimestampWithTimezone(fieldName: string): (OffsetDateTime | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE) as
      | (OffsetDateTime | null)[]
      | null;
  }

  readArrayOfCompact<T = unknown>(fieldName: string): (T | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_COMPACT) as (T | null)[] | null;
  }

  readNullableBoolean(fieldName: string): boolean | null {
    return this.readAs(fieldName, FieldKind.NULLABLE_BOOLEAN) as boolean | null;
  }

  readNullableInt8(fieldName: string): number | null {
    return this.readAs(fieldName, FieldKind.NULLABLE_INT8) as number | null;
  }

  readNullableInt16(fieldName: string): number | null {
    return this.readAs(fieldName, FieldKind.NULLABLE_INT16) as number | null;
  }

  readNullableInt32(fieldName: string): number | null {
    return this.readAs(fieldName, FieldKind.NULLABLE_INT32) as number | null;
  }

  readNullableInt64(fieldName: string): Long | null {
    return this.readAs(fieldName, FieldKind.NULLABLE_INT64) as Long | null;
  }

  readNullableFloat32(fieldName: string): number | null {
    return this.readAs(fieldName, FieldKind.NULLABLE_FLOAT32) as number | null;
  }

  readNullableFloat64(fieldName: string): number | null {
    return this.readAs(fieldName, FieldKind.NULLABLE_FLOAT64) as number | null;
  }

  readArrayOfNullableBoolean(fieldName: string): (boolean | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_BOOLEAN) as (boolean | null)[] | null;
  }

  readArrayOfNullableInt8(fieldName: string): (number | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT8) as (number | null)[] | null;
  }

  readArrayOfNullableInt16(fieldName: string): (number | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT16) as (number | null)[] | null;
  }

  readArrayOfNullableInt32(fieldName: string): (number | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT32) as (number | null)[] | null;
  }

  readArrayOfNullableInt64(fieldName: string): (Long | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT64) as (Long | null)[] | null;
  }

  readArrayOfNullableFloat32(fieldName: string): (number | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT32) as (number | null)[] | null;
  }

  readArrayOfNullableFloat64(fieldName: string): (number | null)[] | null {
    return this.readAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT64) as (number | null)[] | null;
  }
}
