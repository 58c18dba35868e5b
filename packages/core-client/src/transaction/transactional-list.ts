import {
  TransactionalListAddCodec,
  TransactionalListRemoveCodec,
  TransactionalListSizeCodec,
} from '@hz/protocol';
import type { PluginHost } from '../client/client-context';
import type { TransactionalList } from './transaction';
import type { TransactionPort } from './transaction-impl';
import { SERVICE_NAMES, TransactionalProxy } from './transactional-proxy';

export class TransactionalListProxy<E> extends TransactionalProxy implements TransactionalList<E> {
  constructor(host: PluginHost, name: string, transaction: TransactionPort) {
    super(host, SERVICE_NAMES.list, name, transaction);
  }

  protected get kind(): string {
    return 'TransactionalList';
  }

  async add(item: E): Promise<boolean> {
    const data = this.toData(item, 'item');
    const response = await this.send((id, thread) =>
      TransactionalListAddCodec.encodeRequest(this.name, id, thread, data),
    );
    return TransactionalListAddCodec.decodeResponse(response).response;
  }

  async remove(item: E): Promise<boolean> {
    const data = this.toData(item, 'item');
    const response = await this.send((id, thread) =>
      TransactionalListRemoveCodec.encodeRequest(this.name, id, thread, data),
    );
    return TransactionalListRemoveCodec.decodeResponse(response).response;
  }

  async size(): Promise<number> {
    const response = await this.send((id, thread) =>
      TransactionalListSizeCodec.encodeRequest(this.name, id, thread),
    );
    return TransactionalListSizeCodec.decodeResponse(response).response;
  }
}
