/** The kinds of entry events, with the protocol's flag values. */
export const EntryEventType = {
  ADDED: 1,
  REMOVED: 2,
  UPDATED: 4,
  EVICTED: 8,
  EXPIRED: 16,
  EVICT_ALL: 32,
  CLEAR_ALL: 64,
  MERGED: 128,
  INVALIDATION: 256,
  LOADED: 512,
} as const;
export type EntryEventType = (typeof EntryEventType)[keyof typeof EntryEventType];

export interface EntryEvent<K, V> {
  readonly name: string;
  readonly key: K | null;
  /** The new value (null for removals, or when the listener does not include values). */
  readonly value: V | null;
  readonly oldValue: V | null;
  readonly mergingValue: V | null;
  /** Uuid of the member the event comes from (null when the member did not say). */
  readonly member: string | null;
}

/** Map-wide events (evictAll, clear). */
export interface MapEvent {
  readonly name: string;
  readonly numberOfAffectedEntries: number;
  /** Uuid of the member the event comes from (null when the member did not say). */
  readonly member: string | null;
}

/** Callbacks per event kind; only the ones present are subscribed on the members. */
export interface EntryListener<K, V> {
  added?(event: EntryEvent<K, V>): void;
  removed?(event: EntryEvent<K, V>): void;
  updated?(event: EntryEvent<K, V>): void;
  evicted?(event: EntryEvent<K, V>): void;
  expired?(event: EntryEvent<K, V>): void;
  merged?(event: EntryEvent<K, V>): void;
  loaded?(event: EntryEvent<K, V>): void;
  invalidated?(event: EntryEvent<K, V>): void;
  mapEvicted?(event: MapEvent): void;
  mapCleared?(event: MapEvent): void;
}

const CALLBACK_FLAGS: ReadonlyArray<[keyof EntryListener<unknown, unknown>, number]> = [
  ['added', EntryEventType.ADDED],
  ['removed', EntryEventType.REMOVED],
  ['updated', EntryEventType.UPDATED],
  ['evicted', EntryEventType.EVICTED],
  ['expired', EntryEventType.EXPIRED],
  ['merged', EntryEventType.MERGED],
  ['loaded', EntryEventType.LOADED],
  ['invalidated', EntryEventType.INVALIDATION],
  ['mapEvicted', EntryEventType.EVICT_ALL],
  ['mapCleared', EntryEventType.CLEAR_ALL],
];

/** The listener flags to subscribe with: one bit per callback present. */
export function listenerFlags(listener: EntryListener<unknown, unknown>): number {
  let flags = 0;
  for (const [callback, flag] of CALLBACK_FLAGS) if (typeof listener[callback] === 'function') flags |= flag;
  return flags;
}
