import type { EntryListener } from '../listener/entry-events';
import type { LockOptions, TryLockOptions } from '../proxy/key-lock';
import type { DistributedObject } from '../proxy/proxy-manager';

/**
 * A distributed map whose keys hold several values. Whether a key's values form a list (duplicates kept, in
 * insertion order) or a set (duplicates dropped, the default) is the member-side `value-collection-type` of
 * the multimap config. Keys and values are compared by their serialized bytes, not by `===` or `equals`.
 */
export interface MultiMap<K, V> extends DistributedObject {
  /**
   * Adds `value` to the values of `key`. True if the multimap grew; false if a SET multimap already held
   * this pair.
   */
  put(key: K, value: V): Promise<boolean>;
  /**
   * Adds every value of every `[key, values]` pair (one request per partition; no atomicity across
   * partitions: after a failure some pairs may be stored and others not).
   */
  putAll(entries: Iterable<readonly [K, Iterable<V>]>): Promise<void>;
  /** The values of `key`: an empty array when the key is absent. */
  get(key: K): Promise<V[]>;
  /** Removes every value of `key` and returns them (an empty array when the key was absent). */
  remove(key: K): Promise<V[]>;
  /** Removes one `key`-`value` pair; true if the multimap changed. */
  remove(key: K, value: V): Promise<boolean>;
  /** Removes every value of `key` and returns them; the same as `remove(key)`. */
  removeAll(key: K): Promise<V[]>;
  /** Removes every value of `key` without returning them. */
  delete(key: K): Promise<void>;
  /** Every key once, in no particular order. */
  keySet(): Promise<K[]>;
  /** Every value of every key (a value stored under two keys appears twice). */
  values(): Promise<V[]>;
  /** One `[key, value]` pair per stored value. */
  entrySet(): Promise<Array<[K, V]>>;
  containsKey(key: K): Promise<boolean>;
  containsValue(value: V): Promise<boolean>;
  containsEntry(key: K, value: V): Promise<boolean>;
  /** The number of key-value pairs (not of keys). */
  size(): Promise<number>;
  /** The number of values of `key`. */
  valueCount(key: K): Promise<number>;
  clear(): Promise<void>;

  /**
   * Locks `key` for the current owner (see `LockContext`), waiting as long as it takes; re-entrant. An
   * aborted `signal` rejects with `AbortError`, and a lock the member grants after the abort is released
   * again, so an abort never leaves the key locked.
   */
  lock(key: K, options?: MultiMapLockOptions): Promise<void>;
  /** Tries to lock `key` within `timeout` milliseconds (default 0: no wait); true if locked. */
  tryLock(key: K, options?: MultiMapTryLockOptions): Promise<boolean>;
  /** Releases one hold of the current owner; the member refuses (IllegalMonitorStateError) a non-owner. */
  unlock(key: K): Promise<void>;
  /** Releases the lock whoever holds it. */
  forceUnlock(key: K): Promise<void>;
  isLocked(key: K): Promise<boolean>;

  /** Listens for entry events; returns the registration id for removeEntryListener. */
  addEntryListener(
    listener: MultiMapEntryListener<K, V>,
    options?: MultiMapEntryListenerOptions<K>,
  ): Promise<string>;
  removeEntryListener(registrationId: string): Promise<boolean>;
}

/** Options of `lock` (the same as Map's). */
export type MultiMapLockOptions = LockOptions;

/** Options of `tryLock` (the same as Map's). */
export type MultiMapTryLockOptions = TryLockOptions;

/**
 * What a multimap reports: a pair added, a pair removed (`removed` once per value), and the whole multimap
 * cleared (`mapCleared`, with the number of keys it held).
 */
export type MultiMapEntryListener<K, V> = Pick<EntryListener<K, V>, 'added' | 'removed' | 'mapCleared'>;

export interface MultiMapEntryListenerOptions<K> {
  /** Only events of this key. */
  key?: K;
  /** Send values with the events; default true. Without them `value` and `oldValue` are null. */
  includeValue?: boolean;
}

export const MULTI_MAP_SERVICE_NAME = 'hz:impl:multiMapService';
