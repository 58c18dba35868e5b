import type Long from 'long';
import type { BigDecimal } from '../java/big-decimal';
import type { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import type { FieldKind } from './field-kind';

/**
 * What a `CompactSerializer.read` receives. A read of a field the data's schema lacks, or of another
 * kind, throws HazelcastSerializationError; `getFieldKind` lets a serializer branch between schema
 * versions first. Non-nullable reads accept the nullable kind (and throw if the value is null), and
 * nullable reads accept the plain kind, as in Java.
 */
export interface CompactReader {
  /** The field's kind in the data's schema, `FieldKind.NOT_AVAILABLE` when absent. */
  getFieldKind(fieldName: string): FieldKind;
  readBoolean(fieldName: string): boolean;
  readInt8(fieldName: string): number;
  readInt16(fieldName: string): number;
  readInt32(fieldName: string): number;
  readInt64(fieldName: string): Long;
  readFloat32(fieldName: string): number;
  readFloat64(fieldName: string): number;
  readString(fieldName: string): string | null;
  readDecimal(fieldName: string): BigDecimal | null;
  readTime(fieldName: string): LocalTime | null;
  readDate(fieldName: string): LocalDate | null;
  readTimestamp(fieldName: string): LocalDateTime | null;
  readTimestampWithTimezone(fieldName: string): OffsetDateTime | null;
  readCompact<T = unknown>(fieldName: string): T | null;
  readArrayOfBoolean(fieldName: string): boolean[] | null;
  readArrayOfInt8(fieldName: string): Buffer | null;
  readArrayOfInt16(fieldName: string): number[] | null;
  readArrayOfInt32(fieldName: string): number[] | null;
  readArrayOfInt64(fieldName: string): Long[] | null;
  readArrayOfFloat32(fieldName: string): number[] | null;
  readArrayOfFloat64(fieldName: string): number[] | null;
  readArrayOfString(fieldName: string): (string | null)[] | null;
  readArrayOfDecimal(fieldName: string): (BigDecimal | null)[] | null;
  readArrayOfTime(fieldName: string): (LocalTime | null)[] | null;
  readArrayOfDate(fieldName: string): (LocalDate | null)[] | null;
  readArrayOfTimestamp(fieldName: string): (LocalDateTime | null)[] | null;
  readArrayOfTimestampWithTimezone(fieldName: string): (OffsetDateTime | null)[] | null;
  readArrayOfCompact<T = unknown>(fieldName: string): (T | null)[] | null;
  readNullableBoolean(fieldName: string): boolean | null;
  readNullableInt8(fieldName: string): number | null;
  readNullableInt16(fieldName: string): number | null;
  readNullableInt32(fieldName: string): number | null;
  readNullableInt64(fieldName: string): Long | null;
  readNullableFloat32(fieldName: string): number | null;
  readNullableFloat64(fieldName: string): number | null;
  readArrayOfNullableBoolean(fieldName: string): (boolean | null)[] | null;
  readArrayOfNullableInt8(fieldName: string): (number | null)[] | null;
  readArrayOfNullableInt16(fieldName: string): (number | null)[] | null;
  readArrayOfNullableInt32(fieldName: string): (number | null)[] | null;
  readArrayOfNullableInt64(fieldName: string): (Long | null)[] | null;
  readArrayOfNullableFloat32(fieldName: string): (number | null)[] | null;
  readArrayOfNullableFloat64(fieldName: string): (number | null)[] | null;
}
