import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { type IQueue, QUEUE_SERVICE_NAME } from './queue';
import { QueueProxy } from './queue-proxy';

const createQueue = (host: PluginHost, name: string) => new QueueProxy(host, name);

/** The distributed queue `name` (created on the cluster in the background; members create it on first use anyway). */
export function getQueue<E>(client: HazelcastClient, name: string): IQueue<E> {
  return contextOf(client).proxies.getOrCreate(QUEUE_SERVICE_NAME, name, createQueue) as IQueue<E>;
}

export type {
  BlockingOptions,
  IQueue,
  QueueDrainOptions,
  QueueOfferOptions,
  QueuePollOptions,
} from './queue';
