// Fixed-size little-endian fields at known offsets. Callers check the frame length once per frame
// (requireLength), so these stay bounds-check free.
import Long from 'long';
import { BOOLEAN_SIZE, LONG_SIZE } from '../constants';
import { HazelcastProtocolError } from '../errors/protocol-error';
import type { Frame } from '../frame';
import { type LongLike, toLong } from '../long';
import type { Uuid } from '../uuid';

export function requireLength(content: Buffer, length: number, what: string): void {
  if (content.length < length) {
    throw new HazelcastProtocolError(`${what}: frame has ${content.length} bytes, needs at least ${length}`);
  }
}

export function readBoolean(buf: Buffer, offset: number): boolean {
  return buf[offset] !== 0;
}

export function writeBoolean(buf: Buffer, offset: number, value: boolean): void {
  if (typeof value !== 'boolean') throw new TypeError(`Expected a boolean, got ${typeof value}`);
  buf[offset] = value ? 1 : 0;
}

export function readByte(buf: Buffer, offset: number): number {
  return buf.readInt8(offset);
}

export function writeByte(buf: Buffer, offset: number, value: number): void {
  buf[offset] = value & 0xff;
}

export function readShort(buf: Buffer, offset: number): number {
  return buf.readInt16LE(offset);
}

export function readInt(buf: Buffer, offset: number): number {
  return buf.readInt32LE(offset);
}

export function writeInt(buf: Buffer, offset: number, value: number): void {
  if (typeof value !== 'number')
    throw new TypeError(`Expected a number for an int32 field, got ${typeof value}`);
  buf.writeInt32LE(value | 0, offset);
}

export function readLong(buf: Buffer, offset: number): Long {
  return Long.fromBits(buf.readInt32LE(offset), buf.readInt32LE(offset + 4));
}

const TWO_POW_32 = 0x1_0000_0000;

export function writeLong(buf: Buffer, offset: number, value: LongLike): void {
  // Safe-integer numbers (thread ids, ttls, sequences) skip the Long allocation.
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    const high = Math.floor(value / TWO_POW_32);
    buf.writeUInt32LE(value - high * TWO_POW_32, offset);
    buf.writeInt32LE(high, offset + 4);
    return;
  }
  const long = toLong(value);
  buf.writeInt32LE(long.low, offset);
  buf.writeInt32LE(long.high, offset + 4);
}

export function readFloat(buf: Buffer, offset: number): number {
  return buf.readFloatLE(offset);
}

export function writeFloat(buf: Buffer, offset: number, value: number): void {
  buf.writeFloatLE(value, offset);
}

export function readDouble(buf: Buffer, offset: number): number {
  return buf.readDoubleLE(offset);
}

/** 17 bytes: boolean isNull, then the most and least significant halves. */
export function readUuid(buf: Buffer, offset: number): Uuid | null {
  if (buf[offset] !== 0) return null;
  return {
    mostSignificantBits: readLong(buf, offset + BOOLEAN_SIZE),
    leastSignificantBits: readLong(buf, offset + BOOLEAN_SIZE + LONG_SIZE),
  };
}

export function writeUuid(buf: Buffer, offset: number, value: Uuid | null | undefined): void {
  if (value == null) {
    buf[offset] = 1;
    buf.fill(0, offset + 1, offset + 17);
    return;
  }
  buf[offset] = 0;
  writeLong(buf, offset + BOOLEAN_SIZE, value.mostSignificantBits);
  writeLong(buf, offset + BOOLEAN_SIZE + LONG_SIZE, value.leastSignificantBits);
}

/** Reads a UUID that the protocol declares non-null; a null marker there is malformed input. */
export function readRequiredUuid(buf: Buffer, offset: number): Uuid {
  const uuid = readUuid(buf, offset);
  if (uuid === null) throw new HazelcastProtocolError('A non-nullable UUID field is null');
  return uuid;
}

export function frameContent(frame: Frame, length: number, what: string): Buffer {
  requireLength(frame.content, length, what);
  return frame.content;
}
