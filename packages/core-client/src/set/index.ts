import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { type ISet, SET_SERVICE_NAME } from './set';
import { SetProxy } from './set-proxy';

const createSet = (host: PluginHost, name: string) => new SetProxy(host, name);

/** The distributed set `name` (created on the cluster in the background; members create it on first use anyway). */
export function getSet<E>(client: HazelcastClient, name: string): ISet<E> {
  return contextOf(client).proxies.getOrCreate(SET_SERVICE_NAME, name, createSet) as ISet<E>;
}

export type { ISet } from './set';
