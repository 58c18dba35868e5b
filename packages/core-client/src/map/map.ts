import type { DistributedObject } from '../proxy/proxy-manager';

/** TTL and max-idle of one entry, in milliseconds. Omitted: the map's configured defaults; 0: forever. */
export interface MapPutOptions {
  ttl?: number | bigint;
  maxIdle?: number | bigint;
}

/**
 * A distributed map. Values that are absent come back as `null` (never `undefined`), the same for every
 * method, because Java's `null` is what the cluster returns and JSON-like code can test it uniformly.
 */
export interface IMap<K, V> extends DistributedObject {
  /** Stores the entry and returns the previous value (null when there was none). */
  put(key: K, value: V, options?: MapPutOptions): Promise<V | null>;
  /** Stores the entry without returning the previous value (cheaper than put). */
  set(key: K, value: V, options?: MapPutOptions): Promise<void>;
  get(key: K): Promise<V | null>;
  /** Removes the entry and returns its value (null when there was none). */
  remove(key: K): Promise<V | null>;
  /** Removes the entry without returning its value. */
  delete(key: K): Promise<void>;
  containsKey(key: K): Promise<boolean>;
  size(): Promise<number>;
  clear(): Promise<void>;
  /** Stores every entry; entries go to their partitions in parallel, one request per partition. */
  putAll(entries: Iterable<readonly [K, V]>): Promise<void>;
  /** The entries found for `keys`, one request per partition. Missing keys are absent from the result. */
  getAll(keys: Iterable<K>): Promise<Array<[K, V]>>;
}

export const MAP_SERVICE_NAME = 'hz:impl:mapService';
