import { HazelcastSerializationError } from '../errors';
import type { ByteArrayObjectDataOutput } from '../io/byte-output';
import type { Int64Input } from '../io/data-io';
import type { BigDecimal } from '../java/big-decimal';
import type { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import type { ClassDefinition, FieldDefinition } from './class-definition';
import { FieldType, type FieldTypeId } from './field-type';
import type { Portable, PortableWriter } from './portable';
import * as temporal from './temporal-io';

/** Writes a nested Portable's version and body (the caller wrote its factory and class ids). */
export type NestedPortableWriter = (output: ByteArrayObjectDataOutput, portable: Portable) => void;

/**
 * Writes Portable fields in Java's layout: int32 end position, int32 field count, a table of int32 field
 * offsets (plus one slot for raw data), then each field as short name length, name bytes, type byte, value.
 */
export class DefaultPortableWriter implements PortableWriter {
  readonly #out: ByteArrayObjectDataOutput;
  readonly #definition: ClassDefinition;
  readonly #writeNested: NestedPortableWriter;
  readonly #begin: number;
  readonly #tableStart: number;
  readonly #written = new Set<string>();
  #raw = false;

  constructor(
    out: ByteArrayObjectDataOutput,
    definition: ClassDefinition,
    writeNested: NestedPortableWriter,
  ) {
    this.#out = out;
    this.#definition = definition;
    this.#writeNested = writeNested;
    this.#begin = out.position();
    out.writeZeroBytes(4);
    out.writeInt(definition.getFieldCount());
    this.#tableStart = out.position();
    out.writeZeroBytes((definition.getFieldCount() + 1) * 4);
  }

  #start(name: string, type: FieldTypeId): FieldDefinition {
    if (this.#raw) {
      throw new HazelcastSerializationError(`Cannot write Portable field "${name}" after getRawDataOutput()`);
    }
    const field = this.#definition.getField(name);
    if (field === undefined) {
      throw new HazelcastSerializationError(
        `Invalid field name "${name}" for ${this.#definition.describe()}`,
      );
    }
    if (field.type !== type) {
      throw new HazelcastSerializationError(
        `Field "${name}" is declared with type ${field.type} but written as ${type} in ${this.#definition.describe()}`,
      );
    }
    if (this.#written.has(name))
      throw new HazelcastSerializationError(`Field "${name}" has already been written`);
    this.#written.add(name);
    const out = this.#out;
    out.writeIntAt(this.#tableStart + field.index * 4, out.position());
    out.writeShort(name.length);
    out.writeBytes(name);
    out.writeByte(type);
    return field;
  }

  writeInt(name: string, value: number): void {
    this.#start(name, FieldType.INT);
    this.#out.writeInt(value);
  }
  writeLong(name: string, value: Int64Input): void {
    this.#start(name, FieldType.LONG);
    this.#out.writeLong(value);
  }
  writeString(name: string, value: string | null): void {
    this.#start(name, FieldType.STRING);
    this.#out.writeString(value);
  }
  writeUTF(name: string, value: string | null): void {
    this.writeString(name, value);
  }
  writeBoolean(name: string, value: boolean): void {
    this.#start(name, FieldType.BOOLEAN);
    this.#out.writeBoolean(value);
  }
  writeByte(name: string, value: number): void {
    this.#start(name, FieldType.BYTE);
    this.#out.writeByte(value);
  }
  writeChar(name: string, value: number | string): void {
    this.#start(name, FieldType.CHAR);
    this.#out.writeChar(value);
  }
  writeDouble(name: string, value: number): void {
    this.#start(name, FieldType.DOUBLE);
    this.#out.writeDouble(value);
  }
  writeFloat(name: string, value: number): void {
    this.#start(name, FieldType.FLOAT);
    this.#out.writeFloat(value);
  }
  writeShort(name: string, value: number): void {
    this.#start(name, FieldType.SHORT);
    this.#out.writeShort(value);
  }

  writePortable(name: string, value: Portable | null): void {
    const field = this.#start(name, FieldType.PORTABLE);
    const isNull = value === null || value === undefined;
    this.#out.writeBoolean(isNull);
    this.#out.writeInt(field.factoryId);
    this.#out.writeInt(field.classId);
    if (!isNull) {
      checkNested(name, field, value);
      this.#writeNested(this.#out, value);
    }
  }

  writeNullPortable(name: string, factoryId: number, classId: number): void {
    this.#start(name, FieldType.PORTABLE);
    this.#out.writeBoolean(true);
    this.#out.writeInt(factoryId);
    this.#out.writeInt(classId);
  }

  #nullable<T>(name: string, type: FieldTypeId, value: T | null, write: (v: T) => void): void {
    this.#start(name, type);
    const isNull = value === null || value === undefined;
    this.#out.writeBoolean(isNull);
    if (!isNull) write(value);
  }

  writeDecimal(name: string, value: BigDecimal | null): void {
    this.#nullable(name, FieldType.DECIMAL, value, (v) => temporal.writeDecimal(this.#out, v));
  }
  writeTime(name: string, value: LocalTime | null): void {
    this.#nullable(name, FieldType.TIME, value, (v) => temporal.writeTime(this.#out, v));
  }
  writeDate(name: string, value: LocalDate | null): void {
    this.#nullable(name, FieldType.DATE, value, (v) => temporal.writePortableDate(this.#out, v));
  }
  writeTimestamp(name: string, value: LocalDateTime | null): void {
    this.#nullable(name, FieldType.TIMESTAMP, value, (v) => temporal.writePortableTimestamp(this.#out, v));
  }
  writeTimestampWithTimezone(name: string, value: OffsetDateTime | null): void {
    this.#nullable(name, FieldType.TIMESTAMP_WITH_TIMEZONE, value, (v) =>
      temporal.writePortableTimestampWithTimezone(this.#out, v),
    );
  }

  writeByteArray(name: string, value: Uint8Array | null): void {
    this.#start(name, FieldType.BYTE_ARRAY);
    this.#out.writeByteArray(value);
  }
  writeBooleanArray(name: string, value: readonly boolean[] | null): void {
    this.#start(name, FieldType.BOOLEAN_ARRAY);
    this.#out.writeBooleanArray(value);
  }
  writeCharArray(name: string, value: readonly (number | string)[] | null): void {
    this.#start(name, FieldType.CHAR_ARRAY);
    this.#out.writeCharArray(value);
  }
  writeIntArray(name: string, value: readonly number[] | null): void {
    this.#start(name, FieldType.INT_ARRAY);
    this.#out.writeIntArray(value);
  }
  writeLongArray(name: string, value: readonly Int64Input[] | null): void {
    this.#start(name, FieldType.LONG_ARRAY);
    this.#out.writeLongArray(value);
  }
  writeDoubleArray(name: string, value: readonly number[] | null): void {
    this.#start(name, FieldType.DOUBLE_ARRAY);
    this.#out.writeDoubleArray(value);
  }
  writeFloatArray(name: string, value: readonly number[] | null): void {
    this.#start(name, FieldType.FLOAT_ARRAY);
    this.#out.writeFloatArray(value);
  }
  writeShortArray(name: string, value: readonly number[] | null): void {
    this.#start(name, FieldType.SHORT_ARRAY);
    this.#out.writeShortArray(value);
  }
  writeStringArray(name: string, value: readonly (string | null)[] | null): void {
    this.#start(name, FieldType.STRING_ARRAY);
    this.#out.writeStringArray(value);
  }
  writeUTFArray(name: string, value: readonly (string | null)[] | null): void {
    this.writeStringArray(name, value);
  }

  writePortableArray(name: string, values: readonly Portable[] | null): void {
    const field = this.#start(name, FieldType.PORTABLE_ARRAY);
    const out = this.#out;
    const length = values === null || values === undefined ? -1 : values.length;
    out.writeInt(length);
    out.writeInt(field.factoryId);
    out.writeInt(field.classId);
    if (length <= 0) return;
    const offsets = out.position();
    out.writeZeroBytes(length * 4);
    (values as readonly Portable[]).forEach((value, i) => {
      checkNested(name, field, value);
      out.writeIntAt(offsets + i * 4, out.position());
      this.#writeNested(out, value);
    });
  }

  #objectArray<T>(name: string, type: FieldTypeId, values: readonly T[] | null, write: (v: T) => void): void {
    this.#start(name, type);
    const out = this.#out;
    const length = values === null || values === undefined ? -1 : values.length;
    out.writeInt(length);
    if (length <= 0) return;
    const offsets = out.position();
    out.writeZeroBytes(length * 4);
    (values as readonly T[]).forEach((value, i) => {
      if (value === null || value === undefined) {
        throw new HazelcastSerializationError(`Array field "${name}" cannot hold null items`);
      }
      out.writeIntAt(offsets + i * 4, out.position());
      write(value);
    });
  }

  writeDecimalArray(name: string, values: readonly BigDecimal[] | null): void {
    this.#objectArray(name, FieldType.DECIMAL_ARRAY, values, (v) => temporal.writeDecimal(this.#out, v));
  }
  writeTimeArray(name: string, values: readonly LocalTime[] | null): void {
    this.#objectArray(name, FieldType.TIME_ARRAY, values, (v) => temporal.writeTime(this.#out, v));
  }
  writeDateArray(name: string, values: readonly LocalDate[] | null): void {
    this.#objectArray(name, FieldType.DATE_ARRAY, values, (v) => temporal.writePortableDate(this.#out, v));
  }
  writeTimestampArray(name: string, values: readonly LocalDateTime[] | null): void {
    this.#objectArray(name, FieldType.TIMESTAMP_ARRAY, values, (v) =>
      temporal.writePortableTimestamp(this.#out, v),
    );
  }
  writeTimestampWithTimezoneArray(name: string, values: readonly OffsetDateTime[] | null): void {
    this.#objectArray(name, FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY, values, (v) =>
      temporal.writePortableTimestampWithTimezone(this.#out, v),
    );
  }

  getRawDataOutput(): ByteArrayObjectDataOutput {
    if (!this.#raw) {
      this.#out.writeIntAt(this.#tableStart + this.#definition.getFieldCount() * 4, this.#out.position());
      this.#raw = true;
    }
    return this.#out;
  }

  /** Patches the end position once every field is written. */
  end(): void {
    this.#out.writeIntAt(this.#begin, this.#out.position());
  }
}

function checkNested(name: string, field: FieldDefinition, value: Portable): void {
  if (value.factoryId !== field.factoryId || value.classId !== field.classId) {
    throw new HazelcastSerializationError(
      `Portable field "${name}" expects factoryId ${field.factoryId}/classId ${field.classId}, got ${value.factoryId}/${value.classId}`,
    );
  }
}
