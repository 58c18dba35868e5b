import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { RELIABLE_TOPIC_SERVICE_NAME, type ReliableTopic } from './reliable-topic';
import { ReliableTopicProxy } from './reliable-topic-proxy';

const createReliableTopic = (host: PluginHost, name: string) => new ReliableTopicProxy(host, name);

/**
 * The reliable topic `name`, backed by the ringbuffer `_hz_rb_<name>`. Its client-side settings come from
 * `reliableTopics` in the client config (an ambiguous wildcard match throws InvalidConfigurationError).
 */
export function getReliableTopic<E>(client: HazelcastClient, name: string): ReliableTopic<E> {
  return contextOf(client).proxies.getOrCreate(
    RELIABLE_TOPIC_SERVICE_NAME,
    name,
    createReliableTopic,
  ) as ReliableTopic<E>;
}

export {
  type ReliableMessage,
  type ReliableMessageIterator,
  type ReliableMessageListener,
  type ReliableMessagesOptions,
  type ReliablePublishOptions,
  type ReliableTopic,
  TopicOverloadPolicy,
} from './reliable-topic';
