import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { type IMap, MAP_SERVICE_NAME } from './map';
import { MapProxy } from './map-proxy';

const createMap = (host: PluginHost, name: string) => new MapProxy(host, name);

/**
 * The distributed map `name`. Synchronous: the cluster-side map is created in the background, and
 * operations are sent straight away (members create maps on first use anyway).
 */
export function getMap<K, V>(client: HazelcastClient, name: string): IMap<K, V> {
  return contextOf(client).proxies.getOrCreate(MAP_SERVICE_NAME, name, createMap) as IMap<K, V>;
}

export type { EntryEvent, EntryListener, MapEvent } from './entry-listener';
export { EntryEventType } from './entry-listener';
export type { EntryView } from './entry-view';
export { type IndexConfig, IndexType, UniqueKeyTransformation } from './index-config';
export type { EntryListenerOptions, IMap, MapPutOptions, ServerSideObject } from './map';
