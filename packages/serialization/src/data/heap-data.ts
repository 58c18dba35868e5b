import { HazelcastSerializationError } from '../errors';
import { TypeId } from '../type-ids';
import { murmurHash3x86_32 } from './murmur';

export const PARTITION_HASH_OFFSET = 0;
export const TYPE_OFFSET = 4;
export const DATA_OFFSET = 8;

/**
 * A serialized value as Hazelcast stores it: int32 partition hash (big-endian), int32 serializer type id
 * (big-endian), then the payload in the configured byte order. An empty buffer is the serialized `null`.
 */
export class HeapData {
  readonly #bytes: Buffer;

  /** Wraps `bytes` without copying; they must be empty (null) or at least 8 bytes long. */
  constructor(bytes: Buffer | Uint8Array) {
    if (bytes.length !== 0 && bytes.length < DATA_OFFSET) {
      throw new HazelcastSerializationError(
        `Data must be empty or at least ${DATA_OFFSET} bytes long, got ${bytes.length} bytes`,
      );
    }
    this.#bytes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** The full serialized form (header and payload), not a copy. */
  toBuffer(): Buffer {
    return this.#bytes;
  }

  /** The serializer type id, `0` (null) for empty data. */
  getType(): number {
    return this.#bytes.length === 0 ? TypeId.NULL : this.#bytes.readInt32BE(TYPE_OFFSET);
  }

  totalSize(): number {
    return this.#bytes.length;
  }

  /** Payload size, without the 8-byte header. */
  dataSize(): number {
    return Math.max(this.#bytes.length - DATA_OFFSET, 0);
  }

  hasPartitionHash(): boolean {
    return this.#bytes.length >= DATA_OFFSET && this.#bytes.readInt32BE(PARTITION_HASH_OFFSET) !== 0;
  }

  /**
   * The hash that picks the partition: the stored one for partition-aware keys, otherwise MurmurHash3 of
   * the payload, which is what the member computes for the same bytes.
   */
  getPartitionHash(): number {
    return this.hasPartitionHash() ? this.#bytes.readInt32BE(PARTITION_HASH_OFFSET) : this.hashCode();
  }

  /** Java `HeapData.hashCode()`: MurmurHash3 of the payload (header excluded). */
  hashCode(): number {
    return murmurHash3x86_32(this.#bytes, DATA_OFFSET, this.dataSize());
  }

  /** Same type and payload (the partition hash is not compared, as in Java). */
  equals(other: HeapData | null | undefined): boolean {
    if (other == null) return false;
    const mine = this.#bytes;
    const theirs = other.toBuffer();
    if (mine.length !== theirs.length) return false;
    if (mine.length === 0) return true;
    return mine.compare(theirs, TYPE_OFFSET, theirs.length, TYPE_OFFSET, mine.length) === 0;
  }
}

/** Data is Hazelcast's name for the serialized form; HeapData is its only implementation here. */
export type Data = HeapData;

export function isData(value: unknown): value is HeapData {
  return value instanceof HeapData;
}
