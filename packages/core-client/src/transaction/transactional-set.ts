import {
  TransactionalSetAddCodec,
  TransactionalSetRemoveCodec,
  TransactionalSetSizeCodec,
} from '@hz/protocol';
import type { PluginHost } from '../client/client-context';
import type { TransactionalSet } from './transaction';
import type { TransactionPort } from './transaction-impl';
import { SERVICE_NAMES, TransactionalProxy } from './transactional-proxy';

export class TransactionalSetProxy<E> extends TransactionalProxy implements TransactionalSet<E> {
  constructor(host: PluginHost, name: string, transaction: TransactionPort) {
    super(host, SERVICE_NAMES.set, name, transaction);
  }

  protected get kind(): string {
    return 'TransactionalSet';
  }

  async add(item: E): Promise<boolean> {
    const data = this.toData(item, 'item');
    const response = await this.send((id, thread) =>
      TransactionalSetAddCodec.encodeRequest(this.name, id, thread, data),
    );
    return TransactionalSetAddCodec.decodeResponse(response).response;
  }

  async remove(item: E): Promise<boolean> {
    const data = this.toData(item, 'item');
    const response = await this.send((id, thread) =>
      TransactionalSetRemoveCodec.encodeRequest(this.name, id, thread, data),
    );
    return TransactionalSetRemoveCodec.decodeResponse(response).response;
  }

  async size(): Promise<number> {
    const response = await this.send((id, thread) =>
      TransactionalSetSizeCodec.encodeRequest(this.name, id, thread),
    );
    return TransactionalSetSizeCodec.decodeResponse(response).response;
  }
}
