import { EntryEventType, type EntryListener } from '../listener/entry-events';

// The entry event types are shared with MultiMap and ReplicatedMap (listener/entry-events.ts); Map adds the
// event flags a registration subscribes with.
export type { EntryEvent, EntryListener, MapEvent } from '../listener/entry-events';
export { EntryEventType } from '../listener/entry-events';

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
