import Long from 'long';
import { HeapData } from '../data/heap-data';
import { HazelcastSerializationError } from '../errors';
import type { ObjectDataInput } from './data-io';

/** What `readObject` delegates to: the serialization service that owns the stream. */
export interface ObjectReader {
  readObject(input: ByteArrayObjectDataInput): unknown;
}

const NULL_LENGTH = -1;

/**
 * Java's `ObjectDataInput` over a buffer. Every read is bounds-checked and every length prefix is checked
 * against the bytes that remain, so malformed input fails with HazelcastSerializationError before any
 * large allocation.
 */
export class ByteArrayObjectDataInput implements ObjectDataInput {
  readonly bigEndian: boolean;
  readonly #buffer: Buffer;
  readonly #end: number;
  #pos: number;
  readonly #reader: ObjectReader | undefined;

  constructor(buffer: Buffer, offset = 0, bigEndian = true, reader?: ObjectReader) {
    this.#buffer = buffer;
    this.#end = buffer.length;
    this.#pos = offset;
    this.bigEndian = bigEndian;
    this.#reader = reader;
  }

  position(): number {
    return this.#pos;
  }

  setPosition(position: number): void {
    if (!Number.isInteger(position) || position < 0 || position > this.#end) {
      throw new HazelcastSerializationError(`Invalid position ${position} in ${this.#end} bytes of input`);
    }
    this.#pos = position;
  }

  available(): number {
    return this.#end - this.#pos;
  }

  /** Advances by `count` bytes, which must exist. */
  skipBytes(count: number): void {
    this.#need(count, this.#pos);
    this.#pos += count;
  }

  #need(size: number, at: number): void {
    if (at < 0 || at + size > this.#end) {
      throw new HazelcastSerializationError(
        `Malformed data: need ${size} bytes at offset ${at}, but the input has ${this.#end} bytes`,
      );
    }
  }

  #take(size: number): number {
    const at = this.#pos;
    this.#need(size, at);
    this.#pos = at + size;
    return at;
  }

  readBoolean(): boolean {
    return this.#buffer[this.#take(1)] !== 0;
  }

  readByte(): number {
    return this.#buffer.readInt8(this.#take(1));
  }

  readUnsignedByte(): number {
    return this.#buffer.readUInt8(this.#take(1));
  }

  readChar(): number {
    return this.readUnsignedShort();
  }

  readShort(): number {
    const at = this.#take(2);
    return this.bigEndian ? this.#buffer.readInt16BE(at) : this.#buffer.readInt16LE(at);
  }

  readUnsignedShort(): number {
    const at = this.#take(2);
    return this.bigEndian ? this.#buffer.readUInt16BE(at) : this.#buffer.readUInt16LE(at);
  }

  readInt(): number {
    return this.#intAt(this.#take(4));
  }

  #intAt(at: number): number {
    return this.bigEndian ? this.#buffer.readInt32BE(at) : this.#buffer.readInt32LE(at);
  }

  readLong(): Long {
    const at = this.#take(8);
    if (this.bigEndian) return Long.fromBits(this.#buffer.readInt32BE(at + 4), this.#buffer.readInt32BE(at));
    return Long.fromBits(this.#buffer.readInt32LE(at), this.#buffer.readInt32LE(at + 4));
  }

  readFloat(): number {
    const at = this.#take(4);
    return this.bigEndian ? this.#buffer.readFloatBE(at) : this.#buffer.readFloatLE(at);
  }

  readDouble(): number {
    const at = this.#take(8);
    return this.bigEndian ? this.#buffer.readDoubleBE(at) : this.#buffer.readDoubleLE(at);
  }

  /** Reads a length prefix for `elementSize`-byte elements; -1 means null. */
  #readLength(elementSize: number, what: string): number | null {
    const at = this.#pos;
    const length = this.readInt();
    if (length === NULL_LENGTH) return null;
    if (length < 0 || length * elementSize > this.available()) {
      throw new HazelcastSerializationError(
        `Malformed data: ${what} length ${length} at offset ${at} exceeds the ${this.available()} bytes left`,
      );
    }
    return length;
  }

  readString(): string | null {
    const length = this.#readLength(1, 'String');
    if (length === null) return null;
    const at = this.#take(length);
    return this.#buffer.toString('utf8', at, at + length);
  }

  /** Deprecated Java name of readString. */
  readUTF(): string | null {
    return this.readString();
  }

  readBytes(length: number): Buffer {
    if (!Number.isInteger(length) || length < 0) {
      throw new HazelcastSerializationError(`Malformed data: invalid byte count ${length}`);
    }
    const at = this.#take(length);
    return this.#buffer.subarray(at, at + length);
  }

  /** Java `readFully`/official client `readRaw`: alias of readBytes. */
  readRaw(length: number): Buffer {
    return this.readBytes(length);
  }

  #readArray<T>(elementSize: number, what: string, readOne: () => T): T[] | null {
    const length = this.#readLength(elementSize, what);
    if (length === null) return null;
    const values = new Array<T>(length);
    for (let i = 0; i < length; i++) values[i] = readOne();
    return values;
  }

  readBooleanArray(): boolean[] | null {
    return this.#readArray(1, 'boolean[]', () => this.readBoolean());
  }

  readByteArray(): Buffer | null {
    const length = this.#readLength(1, 'byte[]');
    if (length === null) return null;
    // A copy: callers keep byte arrays, and a view would pin (and expose) the whole input buffer.
    return Buffer.from(this.readBytes(length));
  }

  readCharArray(): number[] | null {
    return this.#readArray(2, 'char[]', () => this.readChar());
  }

  readShortArray(): number[] | null {
    return this.#readArray(2, 'short[]', () => this.readShort());
  }

  readIntArray(): number[] | null {
    return this.#readArray(4, 'int[]', () => this.readInt());
  }

  readLongArray(): Long[] | null {
    return this.#readArray(8, 'long[]', () => this.readLong());
  }

  readFloatArray(): number[] | null {
    return this.#readArray(4, 'float[]', () => this.readFloat());
  }

  readDoubleArray(): number[] | null {
    return this.#readArray(8, 'double[]', () => this.readDouble());
  }

  readStringArray(): (string | null)[] | null {
    // Each element needs at least its 4-byte length prefix.
    return this.#readArray(4, 'String[]', () => this.readString());
  }

  /** Deprecated Java name of readStringArray. */
  readUTFArray(): (string | null)[] | null {
    return this.readStringArray();
  }

  readIntAt(position: number): number {
    this.#need(4, position);
    return this.#intAt(position);
  }

  readShortAt(position: number): number {
    this.#need(2, position);
    return this.bigEndian ? this.#buffer.readInt16BE(position) : this.#buffer.readInt16LE(position);
  }

  readByteAt(position: number): number {
    this.#need(1, position);
    return this.#buffer.readInt8(position);
  }

  readObject<T = unknown>(): T {
    if (this.#reader === undefined) {
      throw new HazelcastSerializationError('readObject needs a stream created by a SerializationService');
    }
    return this.#reader.readObject(this) as T;
  }

  /** Java `readData`: int32 length (-1 for null) then the full Data bytes, copied. */
  readData(): HeapData | null {
    const bytes = this.readByteArray();
    return bytes === null ? null : new HeapData(bytes);
  }

  /** Reads `count` elements, failing early when fewer than `count * minBytes` bytes remain. */
  checkCount(count: number, minBytes: number, what: string): number {
    if (!Number.isInteger(count) || count < 0 || count * minBytes > this.available()) {
      throw new HazelcastSerializationError(
        `Malformed data: ${what} count ${count} exceeds the ${this.available()} bytes left`,
      );
    }
    return count;
  }
}
