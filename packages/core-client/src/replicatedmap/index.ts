import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { REPLICATED_MAP_SERVICE_NAME, type ReplicatedMap } from './replicatedmap';
import { ReplicatedMapProxy } from './replicatedmap-proxy';

const createReplicatedMap = (host: PluginHost, name: string) => new ReplicatedMapProxy(host, name);

/**
 * The replicated map `name`. Synchronous: the cluster-side object is created in the background, and
 * operations are sent straight away.
 */
export function getReplicatedMap<K, V>(client: HazelcastClient, name: string): ReplicatedMap<K, V> {
  return contextOf(client).proxies.getOrCreate(
    REPLICATED_MAP_SERVICE_NAME,
    name,
    createReplicatedMap,
  ) as ReplicatedMap<K, V>;
}

export type {
  ReplicatedMap,
  ReplicatedMapEntryListener,
  ReplicatedMapEntryListenerOptions,
  ReplicatedMapPutOptions,
} from './replicatedmap';
