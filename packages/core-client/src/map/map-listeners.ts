import { uuidFromString, uuidToString } from '@hz/protocol';
import {
  MapAddEntryListenerCodec,
  MapAddEntryListenerToKeyCodec,
  MapAddEntryListenerToKeyWithPredicateCodec,
  MapAddEntryListenerWithPredicateCodec,
  MapRemoveEntryListenerCodec,
} from '@hz/protocol/codecs/map';
import type { DataBytes, PluginHost } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { type EntryEvent, EntryEventType, type EntryListener, listenerFlags } from './entry-listener';
import type { EntryListenerOptions } from './map';

type EntryEventMessage = MapAddEntryListenerCodec.EntryEvent;

/**
 * Registers an entry listener on the members (every member in smart mode: each reports the events of the
 * partitions it owns). Events are delivered to the callbacks in the order they arrive, also when a value
 * needs a Compact schema fetched first.
 */
export function addEntryListener<K, V>(
  host: PluginHost,
  name: string,
  listener: EntryListener<K, V>,
  options: EntryListenerOptions<K>,
  toData: { key: (key: K) => DataBytes; predicate: (predicate: object) => DataBytes },
): Promise<string> {
  const flags = listenerFlags(listener as EntryListener<unknown, unknown>);
  if (flags === 0) {
    throw new IllegalArgumentError(
      `Map ${name}: an entry listener needs at least one of added, removed, updated, evicted, expired, merged, loaded, invalidated, mapEvicted, mapCleared`,
    );
  }
  const includeValue = options.includeValue ?? true;
  const localOnly = host.config.network.smartRouting;
  const keyData = options.key === undefined ? undefined : toData.key(options.key);
  const predicateData = options.predicate === undefined ? undefined : toData.predicate(options.predicate);
  let delivered = Promise.resolve();

  // The four variants share the response and event layout but each has its own event message type.
  const { codec, encodeAddRequest } = chooseAddCodec(
    name,
    keyData,
    predicateData,
    includeValue,
    flags,
    localOnly,
  );

  return host.registerListener({
    encodeAddRequest,
    decodeAddResponse: (response) => {
      const id = codec.decodeResponse(response).response;
      return id ? uuidToString(id) : '';
    },
    encodeRemoveRequest: (id) => MapRemoveEntryListenerCodec.encodeRequest(name, uuidFromString(id)),
    handleEvent: (message) =>
      codec.handleEvent(message, {
        onEntry: (event) => {
          delivered = delivered
            .then(() => dispatch(host, name, listener, event))
            .catch((error: unknown) =>
              host.logger.warn('EntryListener', `entry listener of map ${name} threw`, error),
            );
        },
      }),
  });
}

async function dispatch<K, V>(
  host: PluginHost,
  name: string,
  listener: EntryListener<K, V>,
  event: EntryEventMessage,
): Promise<void> {
  const member = event.uuid ? uuidToString(event.uuid) : null;
  if (event.eventType === EntryEventType.EVICT_ALL || event.eventType === EntryEventType.CLEAR_ALL) {
    const mapEvent = { name, numberOfAffectedEntries: event.numberOfAffectedEntries, member };
    if (event.eventType === EntryEventType.EVICT_ALL) listener.mapEvicted?.(mapEvent);
    else listener.mapCleared?.(mapEvent);
    return;
  }
  const [key, value, oldValue, mergingValue] = await Promise.all([
    host.toObject<K>(event.key),
    host.toObject<V>(event.value),
    host.toObject<V>(event.oldValue),
    host.toObject<V>(event.mergingValue),
  ]);
  const entryEvent: EntryEvent<K, V> = { name, key, value, oldValue, mergingValue, member };
  switch (event.eventType) {
    case EntryEventType.ADDED:
      return listener.added?.(entryEvent);
    case EntryEventType.REMOVED:
      return listener.removed?.(entryEvent);
    case EntryEventType.UPDATED:
      return listener.updated?.(entryEvent);
    case EntryEventType.EVICTED:
      return listener.evicted?.(entryEvent);
    case EntryEventType.EXPIRED:
      return listener.expired?.(entryEvent);
    case EntryEventType.MERGED:
      return listener.merged?.(entryEvent);
    case EntryEventType.LOADED:
      return listener.loaded?.(entryEvent);
    case EntryEventType.INVALIDATION:
      return listener.invalidated?.(entryEvent);
  }
}

/** The add codec for the filters given, and its request encoder: both must agree on the variant. */
function chooseAddCodec(
  name: string,
  keyData: DataBytes | undefined,
  predicateData: DataBytes | undefined,
  includeValue: boolean,
  flags: number,
  localOnly: boolean,
) {
  if (keyData && predicateData) {
    const codec = MapAddEntryListenerToKeyWithPredicateCodec;
    return {
      codec,
      encodeAddRequest: () =>
        codec.encodeRequest(name, keyData, predicateData, includeValue, flags, localOnly),
    };
  }
  if (keyData) {
    const codec = MapAddEntryListenerToKeyCodec;
    return {
      codec,
      encodeAddRequest: () => codec.encodeRequest(name, keyData, includeValue, flags, localOnly),
    };
  }
  if (predicateData) {
    const codec = MapAddEntryListenerWithPredicateCodec;
    return {
      codec,
      encodeAddRequest: () => codec.encodeRequest(name, predicateData, includeValue, flags, localOnly),
    };
  }
  const codec = MapAddEntryListenerCodec;
  return { codec, encodeAddRequest: () => codec.encodeRequest(name, includeValue, flags, localOnly) };
}
