import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { MULTI_MAP_SERVICE_NAME, type MultiMap } from './multimap';
import { MultiMapProxy } from './multimap-proxy';

const createMultiMap = (host: PluginHost, name: string) => new MultiMapProxy(host, name);

/**
 * The distributed multimap `name`. Synchronous: the cluster-side object is created in the background, and
 * operations are sent straight away.
 */
export function getMultiMap<K, V>(client: HazelcastClient, name: string): MultiMap<K, V> {
  return contextOf(client).proxies.getOrCreate(MULTI_MAP_SERVICE_NAME, name, createMultiMap) as MultiMap<
    K,
    V
  >;
}

export type {
  MultiMap,
  MultiMapEntryListener,
  MultiMapEntryListenerOptions,
  MultiMapLockOptions,
  MultiMapTryLockOptions,
} from './multimap';
