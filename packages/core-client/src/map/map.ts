import type { LockOptions, TryLockOptions } from '../proxy/key-lock';
import type { DistributedObject } from '../proxy/proxy-manager';
import type { Aggregator } from '../query/aggregator';
import type { Int64Input } from '../util/int64';
import type { EntryListener } from './entry-listener';
import type { EntryView } from './entry-view';
import type { IndexConfig } from './index-config';

/** TTL and max-idle of one entry, in milliseconds. Omitted: the map's configured defaults; 0: forever. */
export interface MapPutOptions {
  ttl?: Int64Input;
  maxIdle?: Int64Input;
}

/**
 * Something the member evaluates: a predicate, aggregator, projection, entry processor, comparator or
 * interceptor. Any value the serialization service can write works (IdentifiedDataSerializable, Portable,
 * Compact); the Java class of the same id must be on the members' classpath.
 */
export type ServerSideObject = object;

/**
 * A distributed map. Values that are absent come back as `null` (never `undefined`), the same for every
 * method, because Java's `null` is what the cluster returns and JSON-like code can test it uniformly.
 */
export interface IMap<K, V> extends DistributedObject {
  /** Stores the entry and returns the previous value (null when there was none). */
  put(key: K, value: V, options?: MapPutOptions): Promise<V | null>;
  /** Stores the entry without returning the previous value (cheaper than put). */
  set(key: K, value: V, options?: MapPutOptions): Promise<void>;
  /** Stores the entry only if the key is absent; returns the existing value, or null if it stored. */
  putIfAbsent(key: K, value: V, options?: MapPutOptions): Promise<V | null>;
  /** Stores without writing through to a MapStore. */
  putTransient(key: K, value: V, options?: MapPutOptions): Promise<void>;
  /** Replaces the value of an existing key; returns the previous value, or null (and stores nothing) if absent. */
  replace(key: K, value: V): Promise<V | null>;
  /** Replaces the value only if it currently equals `oldValue`. */
  replaceIfSame(key: K, oldValue: V, newValue: V): Promise<boolean>;
  /** Tries to store within `timeoutMillis` (waits while the key is locked by another owner). */
  tryPut(key: K, value: V, timeoutMillis: Int64Input): Promise<boolean>;
  get(key: K): Promise<V | null>;
  /** Removes the entry and returns its value (null when there was none). */
  remove(key: K): Promise<V | null>;
  /** Removes the entry only if its value equals `value`. */
  removeIfSame(key: K, value: V): Promise<boolean>;
  /** Tries to remove within `timeoutMillis` (waits while the key is locked by another owner). */
  tryRemove(key: K, timeoutMillis: Int64Input): Promise<boolean>;
  /** Removes the entry without returning its value. */
  delete(key: K): Promise<void>;
  containsKey(key: K): Promise<boolean>;
  containsValue(value: V): Promise<boolean>;
  size(): Promise<number>;
  isEmpty(): Promise<boolean>;
  clear(): Promise<void>;
  /** Stores every entry; entries go to their partitions in parallel, one request per partition. */
  putAll(entries: Iterable<readonly [K, V]>): Promise<void>;
  /** Like putAll, without loading previous values from a MapLoader. */
  setAll(entries: Iterable<readonly [K, V]>): Promise<void>;
  /** The entries found for `keys`, one request per partition. Missing keys are absent from the result. */
  getAll(keys: Iterable<K>): Promise<Array<[K, V]>>;
  /**
   * Evicts the entry from memory (a MapStore keeps it); false if it was not there. The lock owner evicts a
   * key it holds locked; another owner's evict waits until the key is unlocked (the member's rule).
   */
  evict(key: K): Promise<boolean>;
  evictAll(): Promise<void>;
  /** Writes dirty entries to the MapStore. */
  flush(): Promise<void>;
  /** Loads keys (all of them, or the given ones) from the MapLoader. */
  loadAll(keys?: Iterable<K>, replaceExistingValues?: boolean): Promise<void>;
  /** Changes the TTL of an existing entry; false if the key is absent. */
  setTtl(key: K, ttlMillis: Int64Input): Promise<boolean>;
  getEntryView(key: K): Promise<EntryView<K, V> | null>;
  keySet(predicate?: ServerSideObject): Promise<K[]>;
  values(predicate?: ServerSideObject): Promise<V[]>;
  entrySet(predicate?: ServerSideObject): Promise<Array<[K, V]>>;
  /** Removes every entry the predicate matches. */
  removeAll(predicate: ServerSideObject): Promise<void>;

  /**
   * Locks the key for the current owner (see LockContext), waiting as long as needed; `signal` gives up
   * (AbortError), and a lock the member grants after the abort is released again.
   */
  lock(key: K, options?: LockOptions): Promise<void>;
  /** Tries to lock within `timeout` milliseconds (default 0: answer at once); true if locked. */
  tryLock(key: K, options?: TryLockOptions): Promise<boolean>;
  unlock(key: K): Promise<void>;
  /** Releases the lock whoever holds it. */
  forceUnlock(key: K): Promise<void>;
  isLocked(key: K): Promise<boolean>;

  /** Runs an entry processor on one entry; resolves with what it returned. */
  executeOnKey<R = unknown>(key: K, entryProcessor: ServerSideObject): Promise<R | null>;
  /** Same as executeOnKey (the promise is the future). */
  submitToKey<R = unknown>(key: K, entryProcessor: ServerSideObject): Promise<R | null>;
  executeOnKeys<R = unknown>(keys: Iterable<K>, entryProcessor: ServerSideObject): Promise<Array<[K, R]>>;
  /** Runs on every entry, or on those the predicate matches. */
  executeOnEntries<R = unknown>(
    entryProcessor: ServerSideObject,
    predicate?: ServerSideObject,
  ): Promise<Array<[K, R]>>;
  aggregate<R>(aggregator: Aggregator<R> | ServerSideObject, predicate?: ServerSideObject): Promise<R>;
  project<R>(projection: ServerSideObject, predicate?: ServerSideObject): Promise<R[]>;

  /** Listens for entry events; returns the registration id for removeEntryListener. */
  addEntryListener(listener: EntryListener<K, V>, options?: EntryListenerOptions<K>): Promise<string>;
  removeEntryListener(registrationId: string): Promise<boolean>;
  /** Adds an index (SORTED, HASH or BITMAP) on attributes of the values or keys. */
  addIndex(config: IndexConfig): Promise<void>;
  /** Adds a member-side interceptor; returns its id for removeInterceptor. */
  addInterceptor(interceptor: ServerSideObject): Promise<string>;
  removeInterceptor(id: string): Promise<boolean>;
}

export interface EntryListenerOptions<K> {
  /** Only events of this key. */
  key?: K;
  /** Only events of entries the predicate matches (evaluated on the member). */
  predicate?: ServerSideObject;
  /** Send values with the events; default true. */
  includeValue?: boolean;
}

export const MAP_SERVICE_NAME = 'hz:impl:mapService';
