import { HazelcastSerializationError } from '../errors';
import type { Int64Input, ObjectDataOutput } from './data-io';
import { toLong } from './int64';
import { javaCompatibleUtf8 } from './strings';

/** What `writeObject` delegates to: the serialization service that owns the stream. */
export interface ObjectWriter {
  writeObject(output: ByteArrayObjectDataOutput, value: unknown): void;
}

const NULL_LENGTH = -1;
const INITIAL_SIZE = 64;

/**
 * A growable output buffer implementing Java's `ObjectDataOutput`. Values are range-checked so that an
 * out-of-range number is an error instead of silently wrapping into different bytes.
 */
export class ByteArrayObjectDataOutput implements ObjectDataOutput {
  readonly bigEndian: boolean;
  #buffer: Buffer;
  #pos = 0;
  readonly #writer: ObjectWriter | undefined;

  constructor(bigEndian = true, writer?: ObjectWriter, initialSize = INITIAL_SIZE) {
    this.bigEndian = bigEndian;
    this.#writer = writer;
    this.#buffer = Buffer.allocUnsafe(Math.max(initialSize, 16));
  }

  position(): number {
    return this.#pos;
  }

  /** Moves the write position (within what was written), e.g. to overwrite a placeholder. */
  setPosition(position: number): void {
    if (!Number.isInteger(position) || position < 0 || position > this.#pos) {
      throw new HazelcastSerializationError(`Invalid output position ${position} (written ${this.#pos})`);
    }
    this.#pos = position;
  }

  #ensure(extra: number): void {
    const needed = this.#pos + extra;
    if (needed <= this.#buffer.length) return;
    let size = this.#buffer.length * 2;
    while (size < needed) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.#buffer.copy(grown, 0, 0, this.#pos);
    this.#buffer = grown;
  }

  writeBoolean(value: boolean): void {
    if (typeof value !== 'boolean')
      throw new HazelcastSerializationError(`Expected a boolean, got ${typeof value}`);
    this.#ensure(1);
    this.#buffer[this.#pos++] = value ? 1 : 0;
  }

  /** Java `write(int)`/`writeByte`: the low 8 bits of any integer in [-128, 255]. */
  writeByte(value: number): void {
    checkInteger(value, -128, 255, 'byte');
    this.#ensure(1);
    this.#buffer[this.#pos++] = value & 0xff;
  }

  /** Java `write(int)`: alias of writeByte. */
  write(value: number): void {
    this.writeByte(value);
  }

  writeChar(value: number | string): void {
    this.#writeUint16(charCode(value), 'char');
  }

  writeShort(value: number): void {
    checkInteger(value, -32768, 65535, 'short');
    this.#writeUint16(value & 0xffff, 'short');
  }

  #writeUint16(value: number, what: string): void {
    checkInteger(value, 0, 65535, what);
    this.#ensure(2);
    if (this.bigEndian) this.#buffer.writeUInt16BE(value, this.#pos);
    else this.#buffer.writeUInt16LE(value, this.#pos);
    this.#pos += 2;
  }

  writeInt(value: number): void {
    checkInteger(value, -2147483648, 2147483647, 'int');
    this.#ensure(4);
    if (this.bigEndian) this.#buffer.writeInt32BE(value, this.#pos);
    else this.#buffer.writeInt32LE(value, this.#pos);
    this.#pos += 4;
  }

  /** Always big-endian, whatever the stream order (Data headers). */
  writeIntBE(value: number): void {
    checkInteger(value, -2147483648, 2147483647, 'int');
    this.#ensure(4);
    this.#buffer.writeInt32BE(value, this.#pos);
    this.#pos += 4;
  }

  writeLong(value: Int64Input): void {
    const long = toLong(value);
    this.#ensure(8);
    if (this.bigEndian) {
      this.#buffer.writeInt32BE(long.high, this.#pos);
      this.#buffer.writeInt32BE(long.low, this.#pos + 4);
    } else {
      this.#buffer.writeInt32LE(long.low, this.#pos);
      this.#buffer.writeInt32LE(long.high, this.#pos + 4);
    }
    this.#pos += 8;
  }

  writeFloat(value: number): void {
    checkNumber(value, 'float');
    this.#ensure(4);
    if (this.bigEndian) this.#buffer.writeFloatBE(value, this.#pos);
    else this.#buffer.writeFloatLE(value, this.#pos);
    this.#pos += 4;
  }

  writeDouble(value: number): void {
    checkNumber(value, 'double');
    this.#ensure(8);
    if (this.bigEndian) this.#buffer.writeDoubleBE(value, this.#pos);
    else this.#buffer.writeDoubleLE(value, this.#pos);
    this.#pos += 8;
  }

  writeString(value: string | null): void {
    if (value === null || value === undefined) {
      this.writeInt(NULL_LENGTH);
      return;
    }
    if (typeof value !== 'string')
      throw new HazelcastSerializationError(`Expected a string, got ${typeof value}`);
    const text = javaCompatibleUtf8(value);
    // One pass for the common case: encode straight after the length prefix, then fill the prefix in. The
    // room is at least one byte per UTF-16 unit plus 4, so ASCII always fits. Buffer#write never writes part
    // of a character, so at least 4 bytes (the longest UTF-8 character) left unused means the whole text was
    // written; with less left it may have been cut, and the exact length is measured (a second pass).
    // (SerializationService.toData sizes the buffer of a string value for its script, so non-ASCII text
    // usually fits at once too.)
    this.#ensure(8 + text.length);
    const start = this.#pos + 4;
    const room = this.#buffer.length - start;
    let length = this.#buffer.write(text, start, room, 'utf8');
    if (room - length < 4) {
      length = Buffer.byteLength(text, 'utf8');
      this.#ensure(4 + length);
      this.#buffer.write(text, start, length, 'utf8');
    }
    this.writeInt(length);
    this.#pos += length;
  }

  /** Deprecated Java name of writeString. */
  writeUTF(value: string | null): void {
    this.writeString(value);
  }

  /**
   * Raw bytes without a length prefix. A string is written as Java's `writeBytes(String)` does: the low
   * byte of each UTF-16 code unit.
   */
  writeBytes(value: Uint8Array | string): void {
    if (typeof value === 'string') {
      this.#ensure(value.length);
      for (let i = 0; i < value.length; i++) this.#buffer[this.#pos++] = value.charCodeAt(i) & 0xff;
      return;
    }
    this.#ensure(value.length);
    this.#buffer.set(value, this.#pos);
    this.#pos += value.length;
  }

  /** Java `writeChars(String)`: every UTF-16 code unit as a char, no length prefix. */
  writeChars(value: string): void {
    for (let i = 0; i < value.length; i++) this.#writeUint16(value.charCodeAt(i), 'char');
  }

  writeZeroBytes(count: number): void {
    this.#ensure(count);
    this.#buffer.fill(0, this.#pos, this.#pos + count);
    this.#pos += count;
  }

  #writeArray<T>(values: readonly T[] | null, writeOne: (value: T) => void, what: string): void {
    if (values === null || values === undefined) {
      this.writeInt(NULL_LENGTH);
      return;
    }
    if (!Array.isArray(values)) throw new HazelcastSerializationError(`Expected an array for ${what}`);
    this.writeInt(values.length);
    for (const value of values) writeOne(value);
  }

  writeBooleanArray(value: readonly boolean[] | null): void {
    this.#writeArray(value, (v) => this.writeBoolean(v), 'boolean[]');
  }

  writeByteArray(value: Uint8Array | readonly number[] | null): void {
    if (value === null || value === undefined) {
      this.writeInt(NULL_LENGTH);
      return;
    }
    if (value instanceof Uint8Array) {
      this.writeInt(value.length);
      this.writeBytes(value);
      return;
    }
    this.#writeArray(value, (v) => this.writeByte(v), 'byte[]');
  }

  writeCharArray(value: readonly (number | string)[] | null): void {
    this.#writeArray(value, (v) => this.writeChar(v), 'char[]');
  }

  writeShortArray(value: readonly number[] | null): void {
    this.#writeArray(value, (v) => this.writeShort(v), 'short[]');
  }

  writeIntArray(value: readonly number[] | null): void {
    this.#writeArray(value, (v) => this.writeInt(v), 'int[]');
  }

  writeLongArray(value: readonly Int64Input[] | null): void {
    this.#writeArray(value, (v) => this.writeLong(v), 'long[]');
  }

  writeFloatArray(value: readonly number[] | null): void {
    this.#writeArray(value, (v) => this.writeFloat(v), 'float[]');
  }

  writeDoubleArray(value: readonly number[] | null): void {
    this.#writeArray(value, (v) => this.writeDouble(v), 'double[]');
  }

  writeStringArray(value: readonly (string | null)[] | null): void {
    this.#writeArray(value, (v) => this.writeString(v), 'String[]');
  }

  /** Deprecated Java name of writeStringArray. */
  writeUTFArray(value: readonly (string | null)[] | null): void {
    this.writeStringArray(value);
  }

  #checkPatch(position: number, size: number): void {
    if (!Number.isInteger(position) || position < 0 || position + size > this.#pos) {
      throw new HazelcastSerializationError(
        `Positional write of ${size} bytes at ${position} is outside the ${this.#pos} bytes written`,
      );
    }
  }

  writeIntAt(position: number, value: number): void {
    checkInteger(value, -2147483648, 2147483647, 'int');
    this.#checkPatch(position, 4);
    if (this.bigEndian) this.#buffer.writeInt32BE(value, position);
    else this.#buffer.writeInt32LE(value, position);
  }

  writeShortAt(position: number, value: number): void {
    checkInteger(value, -32768, 65535, 'short');
    this.#checkPatch(position, 2);
    if (this.bigEndian) this.#buffer.writeUInt16BE(value & 0xffff, position);
    else this.#buffer.writeUInt16LE(value & 0xffff, position);
  }

  writeByteAt(position: number, value: number): void {
    checkInteger(value, -128, 255, 'byte');
    this.#checkPatch(position, 1);
    this.#buffer[position] = value & 0xff;
  }

  writeObject(value: unknown): void {
    if (this.#writer === undefined) {
      throw new HazelcastSerializationError('writeObject needs a stream created by a SerializationService');
    }
    this.#writer.writeObject(this, value);
  }

  /** Java `writeData`: int32 length (-1 for null) then the full Data bytes. */
  writeData(data: { toBuffer(): Buffer } | null): void {
    if (data === null || data === undefined) {
      this.writeInt(NULL_LENGTH);
      return;
    }
    const bytes = data.toBuffer();
    this.writeInt(bytes.length);
    this.writeBytes(bytes);
  }

  /**
   * The bytes written so far as a view, without a copy, for an output that is thrown away afterwards
   * (SerializationService.toData): the copy `toBuffer()` makes is pure overhead there.
   */
  takeBuffer(): Buffer {
    return this.#buffer.subarray(0, this.#pos);
  }

  toBuffer(): Buffer {
    return Buffer.from(this.#buffer.subarray(0, this.#pos));
  }
}

function checkInteger(value: number, min: number, max: number, what: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new HazelcastSerializationError(
      `Expected a Java ${what} (integer in [${min}, ${max}]), got ${String(value)}`,
    );
  }
}

function checkNumber(value: number, what: string): void {
  if (typeof value !== 'number') {
    throw new HazelcastSerializationError(`Expected a number for a Java ${what}, got ${typeof value}`);
  }
}

function charCode(value: number | string): number {
  if (typeof value === 'string') {
    if (value.length !== 1) {
      throw new HazelcastSerializationError(
        `Expected a single UTF-16 code unit for a Java char, got "${value}"`,
      );
    }
    return value.charCodeAt(0);
  }
  return value;
}
