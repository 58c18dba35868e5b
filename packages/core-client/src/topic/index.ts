import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { type ITopic, TOPIC_SERVICE_NAME } from './topic';
import { TopicProxy } from './topic-proxy';

const createTopic = (host: PluginHost, name: string) => new TopicProxy(host, name);

/** The topic `name`: publish/subscribe without storage (see getReliableTopic for a stored one). */
export function getTopic<E>(client: HazelcastClient, name: string): ITopic<E> {
  return contextOf(client).proxies.getOrCreate(TOPIC_SERVICE_NAME, name, createTopic) as ITopic<E>;
}

export type { Message, MessageListener } from '../listener/message-listener';
export type { ITopic } from './topic';
