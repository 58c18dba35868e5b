import {
  type ClientMessage,
  MapAddEntryListenerCodec,
  MapAddEntryListenerToKeyCodec,
  MapAddEntryListenerToKeyWithPredicateCodec,
  MapAddEntryListenerWithPredicateCodec,
  MapRemoveEntryListenerCodec,
} from '@hz/protocol';
import type { DataBytes, PluginHost } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { type EntryListenerCodec, entryListenerSpec } from '../listener/entry-events';
import { type EntryListener, listenerFlags } from './entry-listener';
import type { EntryListenerOptions } from './map';

/**
 * Registers an entry listener on the members (every member in smart mode: each reports the events of the
 * partitions it owns). Events are delivered to the callbacks in the order they arrive, also when a value
 * needs a Compact schema fetched first.
 */
export function addEntryListener<K, V>(
  host: PluginHost,
  name: string,
  listener: EntryListener<K, V>,
  options: EntryListenerOptions<K> | undefined,
  toData: { key: (key: K) => DataBytes; predicate: (predicate: object) => DataBytes },
): Promise<string> {
  const flags = listenerFlags(listener as EntryListener<unknown, unknown>);
  if (flags === 0) {
    throw new IllegalArgumentError(
      `Map ${name}: an entry listener needs at least one of added, removed, updated, evicted, expired, merged, loaded, invalidated, mapEvicted, mapCleared`,
    );
  }
  const includeValue = options?.includeValue ?? true;
  if (typeof includeValue !== 'boolean') {
    throw new IllegalArgumentError(
      `Map ${name}: includeValue must be true or false, got ${includeValue === null ? 'null' : typeof includeValue}`,
    );
  }
  const localOnly = host.config.network.smartRouting;
  const keyData = options?.key === undefined ? undefined : toData.key(options.key);
  const predicateData = options?.predicate === undefined ? undefined : toData.predicate(options.predicate);

  // The four variants share the response and event layout but each has its own event message type.
  const { codec, encodeAddRequest } = chooseAddCodec(
    name,
    keyData,
    predicateData,
    includeValue,
    flags,
    localOnly,
  );

  return host.registerListener(
    entryListenerSpec(host, 'map', name, listener, codec, encodeAddRequest, (id) =>
      MapRemoveEntryListenerCodec.encodeRequest(name, id),
    ),
  );
}

/** The add codec for the filters given, and its request encoder: both must agree on the variant. */
function chooseAddCodec(
  name: string,
  keyData: DataBytes | undefined,
  predicateData: DataBytes | undefined,
  includeValue: boolean,
  flags: number,
  localOnly: boolean,
): { codec: EntryListenerCodec; encodeAddRequest: () => ClientMessage } {
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
