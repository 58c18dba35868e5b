import type { Int64Input } from '../io/data-io';
import type { BigDecimal } from '../java/big-decimal';
import type { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import { describeValue } from './describe-value';
import { HazelcastSerializationError } from './errors';
import { FieldKind, fieldKindName, fixedSizeOf, itemKindOf, type SchemaFieldKind } from './field-kind';
import { isInt64Input } from './int64';

type List<T> = readonly T[];

/** What a writer (or a GenericRecord builder) accepts for each field kind. */
export interface FieldInputTypes {
  [FieldKind.BOOLEAN]: boolean;
  [FieldKind.ARRAY_OF_BOOLEAN]: List<boolean> | null;
  [FieldKind.INT8]: number;
  [FieldKind.ARRAY_OF_INT8]: Uint8Array | Int8Array | null;
  [FieldKind.INT16]: number;
  [FieldKind.ARRAY_OF_INT16]: List<number> | null;
  [FieldKind.INT32]: number;
  [FieldKind.ARRAY_OF_INT32]: List<number> | null;
  [FieldKind.INT64]: Int64Input;
  [FieldKind.ARRAY_OF_INT64]: List<Int64Input> | null;
  [FieldKind.FLOAT32]: number;
  [FieldKind.ARRAY_OF_FLOAT32]: List<number> | null;
  [FieldKind.FLOAT64]: number;
  [FieldKind.ARRAY_OF_FLOAT64]: List<number> | null;
  [FieldKind.STRING]: string | null;
  [FieldKind.ARRAY_OF_STRING]: List<string | null> | null;
  [FieldKind.DECIMAL]: BigDecimal | null;
  [FieldKind.ARRAY_OF_DECIMAL]: List<BigDecimal | null> | null;
  [FieldKind.TIME]: LocalTime | null;
  [FieldKind.ARRAY_OF_TIME]: List<LocalTime | null> | null;
  [FieldKind.DATE]: LocalDate | null;
  [FieldKind.ARRAY_OF_DATE]: List<LocalDate | null> | null;
  [FieldKind.TIMESTAMP]: LocalDateTime | null;
  [FieldKind.ARRAY_OF_TIMESTAMP]: List<LocalDateTime | null> | null;
  [FieldKind.TIMESTAMP_WITH_TIMEZONE]: OffsetDateTime | null;
  [FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE]: List<OffsetDateTime | null> | null;
  [FieldKind.COMPACT]: object | null;
  [FieldKind.ARRAY_OF_COMPACT]: List<object | null> | null;
  [FieldKind.NULLABLE_BOOLEAN]: boolean | null;
  [FieldKind.ARRAY_OF_NULLABLE_BOOLEAN]: List<boolean | null> | null;
  [FieldKind.NULLABLE_INT8]: number | null;
  [FieldKind.ARRAY_OF_NULLABLE_INT8]: List<number | null> | null;
  [FieldKind.NULLABLE_INT16]: number | null;
  [FieldKind.ARRAY_OF_NULLABLE_INT16]: List<number | null> | null;
  [FieldKind.NULLABLE_INT32]: number | null;
  [FieldKind.ARRAY_OF_NULLABLE_INT32]: List<number | null> | null;
  [FieldKind.NULLABLE_INT64]: Int64Input | null;
  [FieldKind.ARRAY_OF_NULLABLE_INT64]: List<Int64Input | null> | null;
  [FieldKind.NULLABLE_FLOAT32]: number | null;
  [FieldKind.ARRAY_OF_NULLABLE_FLOAT32]: List<number | null> | null;
  [FieldKind.NULLABLE_FLOAT64]: number | null;
  [FieldKind.ARRAY_OF_NULLABLE_FLOAT64]: List<number | null> | null;
}

/** The input type of a field kind, e.g. `FieldInput<typeof FieldKind.INT64>` is `Long | bigint | number`. */
export type FieldInput<K extends SchemaFieldKind> = FieldInputTypes[K];

function isIntIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function expectInt(value: unknown, min: number, max: number): string | undefined {
  return isIntIn(value, min, max) ? undefined : `an integer in [${min}, ${max}]`;
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): boolean {
  return (
    isRecordObject(value) &&
    isIntIn(value.hour, 0, 23) &&
    isIntIn(value.minute, 0, 59) &&
    isIntIn(value.second, 0, 59) &&
    isIntIn(value.nano, 0, 999_999_999)
  );
}

function isDate(value: unknown): boolean {
  return (
    isRecordObject(value) &&
    isIntIn(value.year, -999_999_999, 999_999_999) &&
    isIntIn(value.month, 1, 12) &&
    isIntIn(value.date, 1, 31)
  );
}

function isTimestamp(value: unknown): boolean {
  return isRecordObject(value) && isDate(value.localDate) && isTime(value.localTime);
}

/** Why a single non-null value does not fit `kind`, or undefined when it does. */
function expectationFor(kind: SchemaFieldKind, value: unknown): string | undefined {
  switch (kind) {
    case FieldKind.BOOLEAN:
    case FieldKind.NULLABLE_BOOLEAN:
      return typeof value === 'boolean' ? undefined : 'a boolean';
    case FieldKind.INT8:
    case FieldKind.NULLABLE_INT8:
      return expectInt(value, -128, 127);
    case FieldKind.INT16:
    case FieldKind.NULLABLE_INT16:
      return expectInt(value, -32768, 32767);
    case FieldKind.INT32:
    case FieldKind.NULLABLE_INT32:
      return expectInt(value, -2147483648, 2147483647);
    case FieldKind.INT64:
    case FieldKind.NULLABLE_INT64:
      return isInt64Input(value) ? undefined : 'a Long, a 64-bit bigint or a safe integer number';
    case FieldKind.FLOAT32:
    case FieldKind.NULLABLE_FLOAT32:
    case FieldKind.FLOAT64:
    case FieldKind.NULLABLE_FLOAT64:
      return typeof value === 'number' ? undefined : 'a number';
    case FieldKind.STRING:
      return typeof value === 'string' ? undefined : 'a string';
    case FieldKind.DECIMAL:
      return isRecordObject(value) &&
        typeof value.unscaledValue === 'bigint' &&
        isIntIn(value.scale, -(2 ** 31), 2 ** 31 - 1)
        ? undefined
        : 'a BigDecimal { unscaledValue: bigint, scale: int32 }';
    case FieldKind.TIME:
      return isTime(value)
        ? undefined
        : 'a LocalTime { hour 0-23, minute 0-59, second 0-59, nano 0-999999999 }';
    case FieldKind.DATE:
      return isDate(value) ? undefined : 'a LocalDate { year, month 1-12, date 1-31 }';
    case FieldKind.TIMESTAMP:
      return isTimestamp(value) ? undefined : 'a LocalDateTime { localDate, localTime }';
    case FieldKind.TIMESTAMP_WITH_TIMEZONE:
      return isRecordObject(value) &&
        isTimestamp(value.localDateTime) &&
        isIntIn(value.offsetSeconds, -64800, 64800)
        ? undefined
        : 'an OffsetDateTime { localDateTime, offsetSeconds -64800..64800 }';
    case FieldKind.COMPACT:
      return isRecordObject(value) ? undefined : 'a compact object or GenericRecord';
    case FieldKind.ARRAY_OF_INT8:
      return value instanceof Uint8Array || value instanceof Int8Array
        ? undefined
        : 'a Uint8Array/Buffer or Int8Array';
    default:
      return Array.isArray(value) ? undefined : 'an array';
  }
}

function allowsNull(kind: SchemaFieldKind): boolean {
  return fixedSizeOf(kind) < 0;
}

/** Arrays of primitives (BOOLEAN to FLOAT64) have no null items; every later array kind may. */
function itemsAllowNull(arrayKind: SchemaFieldKind): boolean {
  return arrayKind > FieldKind.ARRAY_OF_FLOAT64;
}

/**
 * Checks that `value` fits a field of `kind`, throwing an error that names the field (`where`), what
 * was expected and what was given. `undefined` counts as null.
 */
export function checkFieldValue(kind: SchemaFieldKind, value: unknown, where: string): void {
  if (value === null || value === undefined) {
    if (allowsNull(kind)) return;
    throw new HazelcastSerializationError(
      `${where}: ${fieldKindName(kind)} fields cannot be ${String(value)}`,
    );
  }
  const expected = expectationFor(kind, value);
  if (expected !== undefined) {
    throw new HazelcastSerializationError(`${where}: expected ${expected}, got ${describeValue(value)}`);
  }
  if (!Array.isArray(value) || kind === FieldKind.ARRAY_OF_INT8) return;
  const itemKind = itemKindOf(kind);
  const nullItems = itemsAllowNull(kind);
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (item === null || item === undefined) {
      if (nullItems) continue;
      throw new HazelcastSerializationError(
        `${where}: item ${i} is ${String(item)}, but ${fieldKindName(kind)} items cannot be null`,
      );
    }
    const itemExpected = expectationFor(itemKind, item);
    if (itemExpected !== undefined) {
      throw new HazelcastSerializationError(
        `${where}: item ${i}: expected ${itemExpected}, got ${describeValue(item)}`,
      );
    }
  }
}
