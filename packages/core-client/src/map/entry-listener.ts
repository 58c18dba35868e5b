import { ENTRY_LISTENER_CALLBACKS, type EntryListener } from '../listener/entry-events';

// The entry event types are shared with MultiMap and ReplicatedMap (listener/entry-events.ts); Map adds the
// event flags a registration subscribes with.
export type { EntryEvent, EntryListener, MapEvent } from '../listener/entry-events';
export { EntryEventType } from '../listener/entry-events';

/** The listener flags to subscribe with: one bit per callback present. */
export function listenerFlags(listener: EntryListener<unknown, unknown>): number {
  let flags = 0;
  for (const [callback, flag] of ENTRY_LISTENER_CALLBACKS) {
    if (typeof listener[callback] === 'function') flags |= flag;
  }
  return flags;
}
