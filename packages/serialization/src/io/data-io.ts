import type Long from 'long';

/**
 * The streams serializers write to and read from, with Java's `ObjectDataOutput`/`ObjectDataInput`
 * method names so serializers read like their Java counterparts. Multi-byte values use the stream's
 * byte order (big-endian unless the serialization config says otherwise), except where a method says so.
 *
 * 64-bit integers: writers accept `Long | bigint | number` (a number must be a safe integer); readers
 * return `Long` (the `long` library), the project-wide wire representation.
 */
export type Int64Input = Long | bigint | number;

export interface ObjectDataOutput {
  /** True when multi-byte values are written big-endian. */
  readonly bigEndian: boolean;
  /** Bytes written so far (also the offset of the next write). */
  position(): number;

  writeBoolean(value: boolean): void;
  writeByte(value: number): void;
  /** A UTF-16 code unit, as Java's `char`. */
  writeChar(value: number): void;
  writeShort(value: number): void;
  writeInt(value: number): void;
  writeLong(value: Int64Input): void;
  writeFloat(value: number): void;
  writeDouble(value: number): void;
  /** Java's modified-free standard UTF-8: int32 byte length (-1 for null), then the bytes. */
  writeString(value: string | null): void;
  /** Raw bytes, no length prefix. */
  writeBytes(value: Uint8Array): void;

  writeBooleanArray(value: readonly boolean[] | null): void;
  writeByteArray(value: Uint8Array | null): void;
  writeCharArray(value: readonly number[] | null): void;
  writeShortArray(value: readonly number[] | null): void;
  writeIntArray(value: readonly number[] | null): void;
  writeLongArray(value: readonly Int64Input[] | null): void;
  writeFloatArray(value: readonly number[] | null): void;
  writeDoubleArray(value: readonly number[] | null): void;
  writeStringArray(value: readonly (string | null)[] | null): void;

  /** Positional writes at an earlier offset, e.g. to patch a length or offset table entry. */
  writeIntAt(position: number, value: number): void;
  writeShortAt(position: number, value: number): void;
  writeByteAt(position: number, value: number): void;

  /** Writes any value through the serialization service (type id + payload), as Java's writeObject. */
  writeObject(value: unknown): void;

  /** A copy of the bytes written so far. */
  toBuffer(): Buffer;
}

export interface ObjectDataInput {
  readonly bigEndian: boolean;
  /** Offset of the next read. */
  position(): number;
  setPosition(position: number): void;
  /** Bytes left to read. */
  available(): number;

  readBoolean(): boolean;
  readByte(): number;
  readUnsignedByte(): number;
  readChar(): number;
  readShort(): number;
  readUnsignedShort(): number;
  readInt(): number;
  readLong(): Long;
  readFloat(): number;
  readDouble(): number;
  readString(): string | null;
  /** Reads exactly `length` raw bytes (a view or copy; callers that keep it must copy). */
  readBytes(length: number): Buffer;

  readBooleanArray(): boolean[] | null;
  readByteArray(): Buffer | null;
  readCharArray(): number[] | null;
  readShortArray(): number[] | null;
  readIntArray(): number[] | null;
  readLongArray(): Long[] | null;
  readFloatArray(): number[] | null;
  readDoubleArray(): number[] | null;
  readStringArray(): (string | null)[] | null;

  /** Positional reads that do not move the position. */
  readIntAt(position: number): number;
  readShortAt(position: number): number;
  readByteAt(position: number): number;

  /** Reads a value written by `writeObject`. */
  readObject<T = unknown>(): T;
}
