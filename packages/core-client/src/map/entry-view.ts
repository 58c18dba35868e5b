/** Metadata of one map entry (Java's EntryView). Times are epoch milliseconds; -1 or 0 where unset. */
export interface EntryView<K, V> {
  readonly key: K;
  readonly value: V;
  readonly cost: bigint;
  readonly creationTime: bigint;
  readonly expirationTime: bigint;
  readonly hits: bigint;
  readonly lastAccessTime: bigint;
  readonly lastStoredTime: bigint;
  readonly lastUpdateTime: bigint;
  readonly version: bigint;
  /** Time to live of the entry in milliseconds. */
  readonly ttl: bigint;
  /** Max idle of the entry in milliseconds. */
  readonly maxIdle: bigint;
}
