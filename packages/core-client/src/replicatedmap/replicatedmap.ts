import type { EntryListener } from '../listener/entry-events';
import type { DistributedObject } from '../proxy/proxy-manager';
import type { Int64Input } from '../util/int64';

/**
 * A map every member holds in full. Writes go to the owner of the key's partition, which applies them and
 * replicates them to the other members asynchronously: the map is eventually consistent, so a read served
 * by another member (reads of the whole map go to one member this proxy picks at random, as the official
 * clients do) may miss a write for a moment. Absent values are `null`.
 */
export interface ReplicatedMap<K, V> extends DistributedObject {
  /** Stores the entry and returns the previous value (null when there was none). */
  put(key: K, value: V, options?: ReplicatedMapPutOptions): Promise<V | null>;
  /**
   * Stores every entry: one request, which the member applies partition by partition (no atomicity: after a
   * failure some entries may be stored and others not).
   */
  putAll(entries: Iterable<readonly [K, V]>): Promise<void>;
  get(key: K): Promise<V | null>;
  /** Removes the entry and returns its value (null when there was none). */
  remove(key: K): Promise<V | null>;
  containsKey(key: K): Promise<boolean>;
  containsValue(value: V): Promise<boolean>;
  size(): Promise<number>;
  isEmpty(): Promise<boolean>;
  /** Removes every entry on every member. */
  clear(): Promise<void>;
  keySet(): Promise<K[]>;
  values(): Promise<V[]>;
  entrySet(): Promise<Array<[K, V]>>;

  /** Listens for entry events; returns the registration id for removeEntryListener. */
  addEntryListener(
    listener: ReplicatedMapEntryListener<K, V>,
    options?: ReplicatedMapEntryListenerOptions<K>,
  ): Promise<string>;
  removeEntryListener(registrationId: string): Promise<boolean>;
}

export interface ReplicatedMapPutOptions {
  /** Milliseconds the entry lives; 0 (the default) keeps it until removed. Expiry reports `evicted`. */
  ttl?: Int64Input;
}

/**
 * What a replicated map reports: entries added, updated and removed, entries evicted when their TTL ends, and
 * the whole map cleared (`mapCleared`). Events always carry values.
 */
export type ReplicatedMapEntryListener<K, V> = Pick<
  EntryListener<K, V>,
  'added' | 'removed' | 'updated' | 'evicted' | 'mapCleared'
>;

export interface ReplicatedMapEntryListenerOptions<K> {
  /** Only events of this key. */
  key?: K;
  /**
   * Only events of entries the predicate matches (evaluated on the member; `Predicates.*`, or an
   * IdentifiedDataSerializable/Portable/Compact predicate the member knows).
   */
  predicate?: object;
}

export const REPLICATED_MAP_SERVICE_NAME = 'hz:impl:replicatedMapService';
