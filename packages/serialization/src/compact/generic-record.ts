import type Long from 'long';
import type { BigDecimal } from '../java/big-decimal';
import type { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import { describeValue } from './describe-value';
import { HazelcastSerializationError } from './errors';
import { FieldKind, type SchemaFieldKind } from './field-kind';
import { checkFieldValue, type FieldInput } from './field-values';
import { toLong } from './int64';
import { convertForRead } from './kind-conversion';
import { Schema } from './schema';

/**
 * A compact object without a class: a schema and a value per field. Reads of compact data whose type
 * has no registered serializer produce these; `compactGenericRecord` builds them for writing. Values
 * are immutable; `withValues` makes a changed copy.
 */
export class CompactGenericRecord {
  /** Use `compactGenericRecord()`; values must already be checked and normalised for `schema`. */
  constructor(
    readonly schema: Schema,
    private readonly values: ReadonlyMap<string, unknown>,
  ) {}

  get typeName(): string {
    return this.schema.typeName;
  }

  getFieldNames(): string[] {
    return this.schema.fields.map((field) => field.name);
  }

  /** The field's kind, `FieldKind.NOT_AVAILABLE` when the record has no such field. */
  getFieldKind(fieldName: string): FieldKind {
    return this.schema.field(fieldName)?.kind ?? FieldKind.NOT_AVAILABLE;
  }

  hasField(fieldName: string): boolean {
    return this.schema.field(fieldName) !== undefined;
  }

  /** A copy with some fields replaced; the new values are checked against the fields' kinds. */
  withValues(changes: Readonly<Record<string, unknown>>): CompactGenericRecord {
    const values = new Map(this.values);
    for (const [name, value] of Object.entries(changes)) {
      const field = this.schema.field(name);
      if (field === undefined) {
        throw new HazelcastSerializationError(`GenericRecord '${this.typeName}' has no field '${name}'`);
      }
      values.set(
        name,
        normalizeValue(field.kind, value, `Field '${name}' of GenericRecord '${this.typeName}'`),
      );
    }
    return new CompactGenericRecord(this.schema, values);
  }

  /** The field's value as stored (used when writing the record). */
  rawValue(fieldName: string): unknown {
    return this.values.get(fieldName) ?? null;
  }

  private getAs(fieldName: string, kind: FieldKind): unknown {
    const field = this.schema.field(fieldName);
    if (field === undefined) {
      throw new HazelcastSerializationError(
        `GenericRecord '${this.typeName}' has no field '${fieldName}'; check getFieldKind() first`,
      );
    }
    const value = convertForRead(
      kind,
      field.kind,
      this.rawValue(fieldName),
      `Field '${fieldName}' of GenericRecord '${this.typeName}'`,
    );
    // Copies, so callers cannot change the record through a returned array.
    if (Buffer.isBuffer(value)) return Buffer.from(value);
    return Array.isArray(value) ? [...value] : value;
  }

  getBoolean(fieldName: string): boolean {
    return this.getAs(fieldName, FieldKind.BOOLEAN) as boolean;
  }

  getInt8(fieldName: string): number {
    return this.getAs(fieldName, FieldKind.INT8) as number;
  }

  getInt16(fieldName: string): number {
    return this.getAs(fieldName, FieldKind.INT16) as number;
  }

  getInt32(fieldName: string): number {
    return this.getAs(fieldName, FieldKind.INT32) as number;
  }

  getInt64(fieldName: string): Long {
    return this.getAs(fieldName, FieldKind.INT64) as Long;
  }

  getFloat32(fieldName: string): number {
    return this.getAs(fieldName, FieldKind.FLOAT32) as number;
  }

  getFloat64(fieldName: string): number {
    return this.getAs(fieldName, FieldKind.FLOAT64) as number;
  }

  getString(fieldName: string): string | null {
    return this.getAs(fieldName, FieldKind.STRING) as string | null;
  }

  getDecimal(fieldName: string): BigDecimal | null {
    return this.getAs(fieldName, FieldKind.DECIMAL) as BigDecimal | null;
  }

  getTime(fieldName: string): LocalTime | null {
    return this.getAs(fieldName, FieldKind.TIME) as LocalTime | null;
  }

  getDate(fieldName: string): LocalDate | null {
    return this.getAs(fieldName, FieldKind.DATE) as LocalDate | null;
  }

  getTimestamp(fieldName: string): LocalDateTime | null {
    return this.getAs(fieldName, FieldKind.TIMESTAMP) as LocalDateTime | null;
  }

  getTimestampWithTimezone(fieldName: string): OffsetDateTime | null {
    return this.getAs(fieldName, FieldKind.TIMESTAMP_WITH_TIMEZONE) as OffsetDateTime | null;
  }

  getGenericRecord(fieldName: string): CompactGenericRecord | null {
    return this.getAs(fieldName, FieldKind.COMPACT) as CompactGenericRecord | null;
  }

  getArrayOfBoolean(fieldName: string): boolean[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_BOOLEAN) as boolean[] | null;
  }

  getArrayOfInt8(fieldName: string): Buffer | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_INT8) as Buffer | null;
  }

  getArrayOfInt16(fieldName: string): number[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_INT16) as number[] | null;
  }

  getArrayOfInt32(fieldName: string): number[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_INT32) as number[] | null;
  }

  getArrayOfInt64(fieldName: string): Long[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_INT64) as Long[] | null;
  }

  getArrayOfFloat32(fieldName: string): number[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_FLOAT32) as number[] | null;
  }

  getArrayOfFloat64(fieldName: string): number[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_FLOAT64) as number[] | null;
  }

  getArrayOfString(fieldName: string): (string | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_STRING) as (string | null)[] | null;
  }

  getArrayOfDecimal(fieldName: string): (BigDecimal | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_DECIMAL) as (BigDecimal | null)[] | null;
  }

  getArrayOfTime(fieldName: string): (LocalTime | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_TIME) as (LocalTime | null)[] | null;
  }

  getArrayOfDate(fieldName: string): (LocalDate | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_DATE) as (LocalDate | null)[] | null;
  }

  getArrayOfTimestamp(fieldName: string): (LocalDateTime | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_TIMESTAMP) as (LocalDateTime | null)[] | null;
  }

  getArrayOfTimestampWithTimezone(fieldName: string): (OffsetDateTime | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE) as
      | (OffsetDateTime | null)[]
      | null;
  }

  getArrayOfGenericRecord(fieldName: string): (CompactGenericRecord | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_COMPACT) as (CompactGenericRecord | null)[] | null;
  }

  getNullableBoolean(fieldName: string): boolean | null {
    return this.getAs(fieldName, FieldKind.NULLABLE_BOOLEAN) as boolean | null;
  }

  getNullableInt8(fieldName: string): number | null {
    return this.getAs(fieldName, FieldKind.NULLABLE_INT8) as number | null;
  }

  getNullableInt16(fieldName: string): number | null {
    return this.getAs(fieldName, FieldKind.NULLABLE_INT16) as number | null;
  }

  getNullableInt32(fieldName: string): number | null {
    return this.getAs(fieldName, FieldKind.NULLABLE_INT32) as number | null;
  }

  getNullableInt64(fieldName: string): Long | null {
    return this.getAs(fieldName, FieldKind.NULLABLE_INT64) as Long | null;
  }

  getNullableFloat32(fieldName: string): number | null {
    return this.getAs(fieldName, FieldKind.NULLABLE_FLOAT32) as number | null;
  }

  getNullableFloat64(fieldName: string): number | null {
    return this.getAs(fieldName, FieldKind.NULLABLE_FLOAT64) as number | null;
  }

  getArrayOfNullableBoolean(fieldName: string): (boolean | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_BOOLEAN) as (boolean | null)[] | null;
  }

  getArrayOfNullableInt8(fieldName: string): (number | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT8) as (number | null)[] | null;
  }

  getArrayOfNullableInt16(fieldName: string): (number | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT16) as (number | null)[] | null;
  }

  getArrayOfNullableInt32(fieldName: string): (number | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT32) as (number | null)[] | null;
  }

  getArrayOfNullableInt64(fieldName: string): (Long | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT64) as (Long | null)[] | null;
  }

  getArrayOfNullableFloat32(fieldName: string): (number | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT32) as (number | null)[] | null;
  }

  getArrayOfNullableFloat64(fieldName: string): (number | null)[] | null {
    return this.getAs(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT64) as (number | null)[] | null;
  }
}

/** Checks a value for a field and brings it to the form readers return (Long, Buffer, null). */
function normalizeValue(kind: SchemaFieldKind, value: unknown, where: string): unknown {
  checkFieldValue(kind, value, where);
  if (value === null || value === undefined) return null;
  if (kind === FieldKind.COMPACT) return checkNestedRecord(value, where);
  if (kind === FieldKind.ARRAY_OF_COMPACT) {
    return (value as unknown[]).map((item, i) =>
      item == null ? null : checkNestedRecord(item, `${where}, item ${i}`),
    );
  }
  if (kind === FieldKind.INT64 || kind === FieldKind.NULLABLE_INT64) return toLong(value, where);
  if (kind === FieldKind.ARRAY_OF_INT64 || kind === FieldKind.ARRAY_OF_NULLABLE_INT64) {
    return (value as unknown[]).map((item) => (item == null ? null : toLong(item, where)));
  }
  if (kind === FieldKind.ARRAY_OF_INT8) {
    const bytes = value as Uint8Array | Int8Array;
    return Buffer.from(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  }
  return Array.isArray(value) ? value.map((item) => item ?? null) : value;
}

function checkNestedRecord(value: unknown, where: string): CompactGenericRecord {
  if (value instanceof CompactGenericRecord) return value;
  throw new HazelcastSerializationError(
    `${where}: expected a CompactGenericRecord, got ${describeValue(value)}`,
  );
}

/**
 * Builds a GenericRecord for writing, e.g.
 * `compactGenericRecord('employee', { age: FieldKind.INT32, name: FieldKind.STRING }, { age: 30, name: 'Ann' })`.
 * Every field needs a value of its kind (null where the kind allows it); nested COMPACT fields take
 * CompactGenericRecords.
 */
export function compactGenericRecord<F extends Readonly<Record<string, SchemaFieldKind>>>(
  typeName: string,
  fields: F,
  values: { readonly [name in keyof F]: FieldInput<F[name]> },
): CompactGenericRecord {
  if (typeof fields !== 'object' || fields === null || typeof values !== 'object' || values === null) {
    throw new HazelcastSerializationError(`GenericRecord '${typeName}': fields and values must be objects`);
  }
  const schema = new Schema(
    typeName,
    Object.entries(fields).map(([name, kind]) => ({ name, kind })),
  );
  const given = values as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(given)) {
    if (schema.field(name) === undefined) {
      throw new HazelcastSerializationError(
        `GenericRecord '${typeName}': value given for unknown field '${name}'`,
      );
    }
  }
  const normalized = new Map<string, unknown>();
  for (const field of schema.fields) {
    if (!(field.name in given)) {
      throw new HazelcastSerializationError(
        `GenericRecord '${typeName}': no value given for field '${field.name}'`,
      );
    }
    normalized.set(
      field.name,
      normalizeValue(field.kind, given[field.name], `Field '${field.name}' of GenericRecord '${typeName}'`),
    );
  }
  return new CompactGenericRecord(schema, normalized);
}
