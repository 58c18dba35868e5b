import { type ClientMessage, type Uuid, uuidFromString, uuidToString } from '@hz/protocol';
import type { DataBytes, PluginHost } from '../client/client-context';
import type { ListenerSpec } from './listener-service';

// Entry events are shared by every key-value structure (Map, MultiMap, ReplicatedMap): the types users see,
// and the ordered, Compact-aware delivery of the protocol's entry event to a listener object. A structure
// brings its own add/remove codecs; nothing here depends on one structure, so a MultiMap-only program does
// not carry the Map proxy.

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
  /** Which kind of event this is (the callback it reaches says so too): `EntryEventType.ADDED`, … */
  readonly eventType: EntryEventType;
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
  /** `EntryEventType.EVICT_ALL` or `EntryEventType.CLEAR_ALL`. */
  readonly eventType: EntryEventType;
  readonly numberOfAffectedEntries: number;
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

/** The entry event every entry-listener codec (Map, MultiMap, ReplicatedMap, each variant) decodes. */
export interface EntryEventMessage {
  key: DataBytes | null;
  value: DataBytes | null;
  oldValue: DataBytes | null;
  mergingValue: DataBytes | null;
  eventType: number;
  uuid: Uuid | null;
  numberOfAffectedEntries: number;
}

/** What the add codec of one entry-listener variant offers (every generated one fits). */
export interface EntryListenerCodec {
  decodeResponse(message: ClientMessage): { response: Uuid | null };
  handleEvent(message: ClientMessage, handlers: { onEntry?: (event: EntryEventMessage) => void }): boolean;
}

/** The callbacks of `listener` among `callbacks`; throws (naming them) when there is none. */
export function requireCallbacks(
  listener: unknown,
  callbacks: readonly string[],
  fail: (message: string) => Error,
): void {
  if (typeof listener !== 'object' || listener === null) {
    throw fail(`an entry listener must be an object of callbacks (${callbacks.join(', ')})`);
  }
  const record = listener as Record<string, unknown>;
  if (!callbacks.some((callback) => typeof record[callback] === 'function')) {
    throw fail(`an entry listener needs at least one of ${callbacks.join(', ')}`);
  }
}

/**
 * The listener registration of one entry-listener variant: `kind` names the structure in log lines ("map",
 * "multimap"). Events are delivered to the callbacks in the order they arrive, also when a key or value
 * needs a Compact schema fetched first; a callback that throws is logged and does not stop later events.
 */
export function entryListenerSpec<K, V>(
  host: PluginHost,
  kind: string,
  name: string,
  listener: EntryListener<K, V>,
  codec: EntryListenerCodec,
  encodeAddRequest: () => ClientMessage,
  encodeRemoveRequest: (registrationId: Uuid) => ClientMessage,
): ListenerSpec {
  let delivered = Promise.resolve();
  return {
    encodeAddRequest,
    decodeAddResponse: (response) => {
      const id = codec.decodeResponse(response).response;
      return id ? uuidToString(id) : '';
    },
    encodeRemoveRequest: (id) => encodeRemoveRequest(uuidFromString(id)),
    handleEvent: (message) =>
      codec.handleEvent(message, {
        onEntry: (event) => {
          delivered = delivered
            .then(() => dispatchEntryEvent(host, name, listener, event))
            .catch((error: unknown) =>
              host.logger.warn('EntryListener', `entry listener of ${kind} ${name} threw`, error),
            );
        },
      }),
  };
}

/**
 * Package-internal (no entry point exports it). Each callback of an entry listener and the event type that calls it, which is also the flag a
 * Map listener subscribes with.
 */
export const ENTRY_LISTENER_CALLBACKS: ReadonlyArray<
  readonly [keyof EntryListener<unknown, unknown>, EntryEventType]
> = [
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

async function dispatchEntryEvent<K, V>(
  host: PluginHost,
  name: string,
  listener: EntryListener<K, V>,
  event: EntryEventMessage,
): Promise<void> {
  const callback = ENTRY_LISTENER_CALLBACKS.find(([, type]) => type === event.eventType)?.[0];
  if (callback === undefined) return;
  const member = event.uuid ? uuidToString(event.uuid) : null;
  if (callback === 'mapEvicted' || callback === 'mapCleared') {
    listener[callback]?.({
      name,
      eventType: event.eventType as EntryEventType,
      numberOfAffectedEntries: event.numberOfAffectedEntries,
      member,
    });
    return;
  }
  const [key, value, oldValue, mergingValue] = await Promise.all([
    host.toObject<K>(event.key),
    host.toObject<V>(event.value),
    host.toObject<V>(event.oldValue),
    host.toObject<V>(event.mergingValue),
  ]);
  listener[callback]?.({
    name,
    eventType: event.eventType as EntryEventType,
    key,
    value,
    oldValue,
    mergingValue,
    member,
  });
}
