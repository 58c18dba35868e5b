import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { type IList, LIST_SERVICE_NAME } from './list';
import { ListProxy } from './list-proxy';

const createList = (host: PluginHost, name: string) => new ListProxy(host, name);

/** The distributed list `name` (created on the cluster in the background; members create it on first use anyway). */
export function getList<E>(client: HazelcastClient, name: string): IList<E> {
  return contextOf(client).proxies.getOrCreate(LIST_SERVICE_NAME, name, createList) as IList<E>;
}

export type { IList } from './list';
