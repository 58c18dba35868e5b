import type { MessageListener } from '../listener/message-listener';
import type { DistributedObject } from '../proxy/proxy-manager';

/**
 * A publish/subscribe channel: every listener registered anywhere in the cluster receives every message
 * published after it registered, in the order one publisher published them. Messages are not stored; a
 * listener that is not registered misses them (see ReliableTopic for a stored, replayable topic).
 */
export interface ITopic<E> extends DistributedObject {
  /** Publishes a message to every listener. */
  publish(message: E): Promise<void>;
  /** Publishes messages in order, in one request. */
  publishAll(messages: Iterable<E>): Promise<void>;
  /**
   * Registers a listener on the cluster; resolves with its id for removeMessageListener. The listener is
   * called once per message, one message at a time, in publish order; it stays registered across member
   * loss, reconnects and a restart of the whole cluster.
   */
  addMessageListener(listener: MessageListener<E>): Promise<string>;
  /** Stops a listener; false when the id is unknown (or already removed). */
  removeMessageListener(registrationId: string): Promise<boolean>;
}

export const TOPIC_SERVICE_NAME = 'hz:impl:topicService';
