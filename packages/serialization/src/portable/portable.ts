import type Long from 'long';
import type { ByteArrayObjectDataInput } from '../io/byte-input';
import type { ByteArrayObjectDataOutput } from '../io/byte-output';
import type { Int64Input } from '../io/data-io';
import type { BigDecimal } from '../java/big-decimal';
import type { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import type { FieldTypeId } from './field-type';

/**
 * A type serialized field by field with names, queryable on the member without its class (Java `Portable`).
 * Shaped like the official Node client's: `factoryId`/`classId` (and optional `version`) properties.
 */
export interface Portable {
  factoryId: number;
  classId: number;
  /** This class's version; the config's `portableVersion` when absent. */
  version?: number;
  readPortable(reader: PortableReader): void;
  writePortable(writer: PortableWriter): void;
}

/** Creates an empty instance for `classId`, which `readPortable` then fills; undefined for unknown ids. */
export type PortableFactory = (classId: number) => Portable | undefined | null;

export interface PortableWriter {
  writeInt(fieldName: string, value: number): void;
  writeLong(fieldName: string, value: Int64Input): void;
  writeString(fieldName: string, value: string | null): void;
  /** Deprecated alias of writeString. */
  writeUTF(fieldName: string, value: string | null): void;
  writeBoolean(fieldName: string, value: boolean): void;
  writeByte(fieldName: string, value: number): void;
  writeChar(fieldName: string, value: number | string): void;
  writeDouble(fieldName: string, value: number): void;
  writeFloat(fieldName: string, value: number): void;
  writeShort(fieldName: string, value: number): void;
  writePortable(fieldName: string, value: Portable | null): void;
  writeNullPortable(fieldName: string, factoryId: number, classId: number): void;
  writeDecimal(fieldName: string, value: BigDecimal | null): void;
  writeTime(fieldName: string, value: LocalTime | null): void;
  writeDate(fieldName: string, value: LocalDate | null): void;
  writeTimestamp(fieldName: string, value: LocalDateTime | null): void;
  writeTimestampWithTimezone(fieldName: string, value: OffsetDateTime | null): void;
  writeByteArray(fieldName: string, value: Uint8Array | null): void;
  writeBooleanArray(fieldName: string, value: readonly boolean[] | null): void;
  writeCharArray(fieldName: string, value: readonly (number | string)[] | null): void;
  writeIntArray(fieldName: string, value: readonly number[] | null): void;
  writeLongArray(fieldName: string, value: readonly Int64Input[] | null): void;
  writeDoubleArray(fieldName: string, value: readonly number[] | null): void;
  writeFloatArray(fieldName: string, value: readonly number[] | null): void;
  writeShortArray(fieldName: string, value: readonly number[] | null): void;
  writeStringArray(fieldName: string, value: readonly (string | null)[] | null): void;
  /** Deprecated alias of writeStringArray. */
  writeUTFArray(fieldName: string, value: readonly (string | null)[] | null): void;
  writePortableArray(fieldName: string, value: readonly Portable[] | null): void;
  writeDecimalArray(fieldName: string, value: readonly BigDecimal[] | null): void;
  writeTimeArray(fieldName: string, value: readonly LocalTime[] | null): void;
  writeDateArray(fieldName: string, value: readonly LocalDate[] | null): void;
  writeTimestampArray(fieldName: string, value: readonly LocalDateTime[] | null): void;
  writeTimestampWithTimezoneArray(fieldName: string, value: readonly OffsetDateTime[] | null): void;
  /** Unnamed data after the fields; no named field may be written afterwards. */
  getRawDataOutput(): ByteArrayObjectDataOutput;
}

export interface PortableReader {
  getVersion(): number;
  hasField(fieldName: string): boolean;
  getFieldNames(): string[];
  getFieldType(fieldName: string): FieldTypeId;
  getFieldClassId(fieldName: string): number;
  readInt(fieldName: string): number;
  readLong(fieldName: string): Long;
  readString(fieldName: string): string | null;
  /** Deprecated alias of readString. */
  readUTF(fieldName: string): string | null;
  readBoolean(fieldName: string): boolean;
  readByte(fieldName: string): number;
  /** A UTF-16 code unit. */
  readChar(fieldName: string): number;
  readDouble(fieldName: string): number;
  readFloat(fieldName: string): number;
  readShort(fieldName: string): number;
  readPortable<T extends Portable = Portable>(fieldName: string): T | null;
  readDecimal(fieldName: string): BigDecimal | null;
  readTime(fieldName: string): LocalTime | null;
  readDate(fieldName: string): LocalDate | null;
  readTimestamp(fieldName: string): LocalDateTime | null;
  readTimestampWithTimezone(fieldName: string): OffsetDateTime | null;
  readByteArray(fieldName: string): Buffer | null;
  readBooleanArray(fieldName: string): boolean[] | null;
  readCharArray(fieldName: string): number[] | null;
  readIntArray(fieldName: string): number[] | null;
  readLongArray(fieldName: string): Long[] | null;
  readDoubleArray(fieldName: string): number[] | null;
  readFloatArray(fieldName: string): number[] | null;
  readShortArray(fieldName: string): number[] | null;
  readStringArray(fieldName: string): (string | null)[] | null;
  /** Deprecated alias of readStringArray. */
  readUTFArray(fieldName: string): (string | null)[] | null;
  readPortableArray<T extends Portable = Portable>(fieldName: string): T[] | null;
  readDecimalArray(fieldName: string): BigDecimal[] | null;
  readTimeArray(fieldName: string): LocalTime[] | null;
  readDateArray(fieldName: string): LocalDate[] | null;
  readTimestampArray(fieldName: string): LocalDateTime[] | null;
  readTimestampWithTimezoneArray(fieldName: string): OffsetDateTime[] | null;
  /** Unnamed data after the fields; no named field may be read afterwards. */
  getRawDataInput(): ByteArrayObjectDataInput;
}

export function isPortable(value: object): value is Portable {
  const candidate = value as Partial<Portable>;
  return (
    typeof candidate.readPortable === 'function' &&
    typeof candidate.writePortable === 'function' &&
    typeof candidate.factoryId === 'number' &&
    typeof candidate.classId === 'number'
  );
}
