import type { ClientMessage, Uuid } from '@hz/protocol';
import type Long from 'long';
import type { InvokeOptions, PluginHost } from '../client/client-context';
import { ProxyBase } from '../proxy/proxy-base';
import type { TransactionPort } from './transaction-impl';

/**
 * The services of the structures a transaction reaches, as the members name them (the structures' own
 * modules hold the same names; they are repeated here so a transaction bundles none of those modules).
 */
export const SERVICE_NAMES = {
  map: 'hz:impl:mapService',
  multiMap: 'hz:impl:multiMapService',
  queue: 'hz:impl:queueService',
  list: 'hz:impl:listService',
  set: 'hz:impl:setService',
} as const;

/**
 * What the transactional structures share: ProxyBase's argument checks and result reading, and requests
 * that carry the transaction's id and lock owner and go to its connection. Arguments are checked before the
 * transaction is (bad input sends nothing either way).
 */
export abstract class TransactionalProxy extends ProxyBase {
  readonly #transaction: TransactionPort;

  constructor(host: PluginHost, serviceName: string, name: string, transaction: TransactionPort) {
    super(host, serviceName, name);
    this.#transaction = transaction;
  }

  /** Encodes with the transaction's id and lock owner, if it may be used here and now, and sends. */
  protected send(
    encode: (txnId: Uuid, threadId: Long) => ClientMessage,
    options?: InvokeOptions,
  ): Promise<ClientMessage> {
    let request: ClientMessage;
    try {
      const { id, threadId } = this.#transaction.active();
      request = encode(id, threadId);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#transaction.invoke(request, options);
  }
}
