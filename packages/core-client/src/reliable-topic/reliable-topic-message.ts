import { HazelcastSerializationError } from '@hz/serialization';
import Long from 'long';
import type { DataBytes } from '../client/client-context';

// A reliable topic stores each message in its ringbuffer as Java's ReliableTopicMessage: an
// IdentifiedDataSerializable (factory -9, class 2) holding the publish time, the publisher's address (a
// member Address, or null) and the serialized message. Every Hazelcast client writes and reads this exact
// layout, so messages cross clients and member-side listeners.

const RELIABLE_TOPIC_FACTORY_ID = -9;
const RELIABLE_TOPIC_MESSAGE_CLASS_ID = 2;
const CLUSTER_FACTORY_ID = 0;
const ADDRESS_CLASS_ID = 1;
/** Data type ids, and the header (partition hash, type id) every Data starts with, big-endian. */
const TYPE_NULL = 0;
const TYPE_DATA_SERIALIZABLE = -2;
const DATA_HEADER = 8;

/** @internal The wire form of a reliable topic message. */
export interface ReliableTopicMessage {
  readonly publishTime: Long;
  /** Where a member published it; null when a client did. */
  readonly publisher: { readonly host: string; readonly port: number } | null;
  readonly payload: DataBytes;
}

/**
 * The Data of a ReliableTopicMessage without a publisher address (what a client writes). `bigEndian` is
 * the serialization config's byte order, which applies to the payload fields; the header is always
 * big-endian.
 */
export function encodeReliableTopicMessage(
  payload: DataBytes,
  publishTimeMillis: number,
  bigEndian: boolean,
): DataBytes {
  const buffer = Buffer.allocUnsafe(DATA_HEADER + 1 + 4 + 4 + 8 + 4 + 4 + payload.length);
  buffer.writeInt32BE(0, 0);
  buffer.writeInt32BE(TYPE_DATA_SERIALIZABLE, 4);
  let at = DATA_HEADER;
  buffer.writeUInt8(1, at++); // identified
  at = writeInt(buffer, at, RELIABLE_TOPIC_FACTORY_ID, bigEndian);
  at = writeInt(buffer, at, RELIABLE_TOPIC_MESSAGE_CLASS_ID, bigEndian);
  const time = Long.fromNumber(publishTimeMillis);
  if (bigEndian) {
    at = writeInt(buffer, at, time.high, true);
    at = writeInt(buffer, at, time.low, true);
  } else {
    at = writeInt(buffer, at, time.low, false);
    at = writeInt(buffer, at, time.high, false);
  }
  at = writeInt(buffer, at, TYPE_NULL, bigEndian); // publisherAddress: writeObject(null)
  at = writeInt(buffer, at, payload.length, bigEndian);
  payload.copy(buffer, at);
  return buffer;
}

/** Reads a ringbuffer item of a reliable topic; a HazelcastSerializationError names what is wrong. */
export function decodeReliableTopicMessage(data: DataBytes, bigEndian: boolean): ReliableTopicMessage {
  const reader = new Reader(data, bigEndian);
  if (data.length < DATA_HEADER || data.readInt32BE(4) !== TYPE_DATA_SERIALIZABLE) {
    throw malformed(
      `not an IdentifiedDataSerializable (type ${data.length >= DATA_HEADER ? data.readInt32BE(4) : '?'})`,
    );
  }
  reader.at = DATA_HEADER;
  const identified = reader.byte() !== 0;
  const factoryId = reader.int();
  const classId = reader.int();
  if (!identified || factoryId !== RELIABLE_TOPIC_FACTORY_ID || classId !== RELIABLE_TOPIC_MESSAGE_CLASS_ID) {
    throw malformed(
      `expected a ReliableTopicMessage (factory -9, class 2), got factory ${factoryId} class ${classId}`,
    );
  }
  const publishTime = reader.long();
  const publisher = readAddress(reader);
  const length = reader.int();
  if (length < 0) throw malformed('the message payload is null');
  const payload = reader.bytes(length);
  return { publishTime, publisher, payload };
}

function readAddress(reader: Reader): ReliableTopicMessage['publisher'] {
  const typeId = reader.int();
  if (typeId === TYPE_NULL) return null;
  if (typeId !== TYPE_DATA_SERIALIZABLE) throw malformed(`unexpected publisher address type ${typeId}`);
  const identified = reader.byte() !== 0;
  const factoryId = reader.int();
  const classId = reader.int();
  if (!identified || factoryId !== CLUSTER_FACTORY_ID || classId !== ADDRESS_CLASS_ID) {
    throw malformed(`expected an Address as publisher, got factory ${factoryId} class ${classId}`);
  }
  const port = reader.int();
  reader.byte(); // address type (4 or 6)
  const hostLength = reader.int();
  const host = hostLength < 0 ? '' : reader.bytes(hostLength).toString('utf8');
  return { host, port };
}

function writeInt(buffer: Buffer, at: number, value: number, bigEndian: boolean): number {
  return bigEndian ? buffer.writeInt32BE(value, at) : buffer.writeInt32LE(value, at);
}

function malformed(what: string): HazelcastSerializationError {
  return new HazelcastSerializationError(`Malformed reliable topic message: ${what}`);
}

class Reader {
  at = 0;
  constructor(
    readonly data: Buffer,
    readonly bigEndian: boolean,
  ) {}

  #need(count: number): void {
    if (this.at + count > this.data.length) {
      throw malformed(`needs ${count} more byte(s) at offset ${this.at} of ${this.data.length}`);
    }
  }

  byte(): number {
    this.#need(1);
    return this.data.readUInt8(this.at++);
  }

  int(): number {
    this.#need(4);
    const value = this.bigEndian ? this.data.readInt32BE(this.at) : this.data.readInt32LE(this.at);
    this.at += 4;
    return value;
  }

  long(): Long {
    this.#need(8);
    const first = this.int();
    const second = this.int();
    return this.bigEndian ? Long.fromBits(second, first) : Long.fromBits(first, second);
  }

  bytes(length: number): Buffer {
    this.#need(length);
    const bytes = this.data.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }
}
