import {
  TopicAddMessageListenerCodec,
  TopicPublishAllCodec,
  TopicPublishCodec,
  TopicRemoveMessageListenerCodec,
  uuidFromString,
  uuidToString,
} from '@hz/protocol';
import type { PluginHost } from '../client/client-context';
import { type Message, type MessageListener, messageCallback } from '../listener/message-listener';
import { ProxyBase } from '../proxy/proxy-base';
import { type ITopic, TOPIC_SERVICE_NAME } from './topic';

export class TopicProxy<E> extends ProxyBase implements ITopic<E> {
  constructor(host: PluginHost, name: string) {
    super(host, TOPIC_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'Topic';
  }

  async publish(message: E): Promise<void> {
    const data = this.toData(message, 'message');
    await this.invokeOnPartition(TopicPublishCodec.encodeRequest(this.name, data), this.partitionId);
  }

  async publishAll(messages: Iterable<E>): Promise<void> {
    const data = this.toDataList(messages, 'message');
    if (data.length === 0) return;
    await this.invokeOnPartition(TopicPublishAllCodec.encodeRequest(this.name, data), this.partitionId);
  }

  async addMessageListener(listener: MessageListener<E>): Promise<string> {
    const onMessage = messageCallback(listener, (message) => this.illegalArgument(message));
    const name = this.name;
    const host = this.host;
    // Smart routing listens on every member for the messages published through it; unisocket on one
    // member for all of them.
    const localOnly = host.config.network.smartRouting;
    let delivered = Promise.resolve();
    return this.registerListener({
      encodeAddRequest: () => TopicAddMessageListenerCodec.encodeRequest(name, localOnly),
      decodeAddResponse: (response) => {
        const id = TopicAddMessageListenerCodec.decodeResponse(response).response;
        return id ? uuidToString(id) : '';
      },
      encodeRemoveRequest: (id) => TopicRemoveMessageListenerCodec.encodeRequest(name, uuidFromString(id)),
      handleEvent: (event) =>
        TopicAddMessageListenerCodec.handleEvent(event, {
          onTopic: ({ item, publishTime, uuid }) => {
            // Values with an unknown Compact schema resolve later: the chain keeps the publish order.
            delivered = delivered
              .then(async () => {
                const message: Message<E> = {
                  name,
                  message: (await host.toObject<E>(item)) as E,
                  publishTime: host.int64(publishTime),
                  member: (uuid && host.cluster.getMember(uuidToString(uuid))) || null,
                };
                await onMessage(message);
              })
              .catch((error: unknown) =>
                host.logger.warn('Topic', `a message listener of topic ${name} threw`, error),
              );
          },
        }),
    });
  }

  removeMessageListener(registrationId: string): Promise<boolean> {
    if (typeof registrationId !== 'string') {
      return Promise.reject(
        this.illegalArgument(`a registration id must be a string, got ${String(registrationId)}`),
      );
    }
    return this.deregisterListener(registrationId);
  }
}
