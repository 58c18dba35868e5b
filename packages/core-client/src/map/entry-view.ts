import type { Int64 } from '../util/int64';

/**
 * Metadata of one map entry (Java's EntryView). Times are epoch milliseconds; -1 or 0 where unset. Every
 * 64-bit field is an Int64: `bigint`, or long.js `Long` with the client option `int64Type: 'Long'`.
 */
export interface EntryView<K, V> {
  readonly key: K;
  readonly value: V;
  readonly cost: Int64;
  readonly creationTime: Int64;
  readonly expirationTime: Int64;
  readonly hits: Int64;
  readonly lastAccessTime: Int64;
  readonly lastStoredTime: Int64;
  readonly lastUpdateTime: Int64;
  readonly version: Int64;
  /** Time to live of the entry in milliseconds. */
  readonly ttl: Int64;
  /** Max idle of the entry in milliseconds. */
  readonly maxIdle: Int64;
}
