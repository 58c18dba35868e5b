import {
  TransactionalMultiMapGetCodec,
  TransactionalMultiMapPutCodec,
  TransactionalMultiMapRemoveCodec,
  TransactionalMultiMapRemoveEntryCodec,
  TransactionalMultiMapSizeCodec,
  TransactionalMultiMapValueCountCodec,
} from '@hz/protocol';
import type { PluginHost } from '../client/client-context';
import type { TransactionalMultiMap } from './transaction';
import type { TransactionPort } from './transaction-impl';
import { SERVICE_NAMES, TransactionalProxy } from './transactional-proxy';

export class TransactionalMultiMapProxy<K, V>
  extends TransactionalProxy
  implements TransactionalMultiMap<K, V>
{
  constructor(host: PluginHost, name: string, transaction: TransactionPort) {
    super(host, SERVICE_NAMES.multiMap, name, transaction);
  }

  protected get kind(): string {
    return 'TransactionalMultiMap';
  }

  async put(key: K, value: V): Promise<boolean> {
    const [keyData, valueData] = [this.toData(key, 'key'), this.toData(value)];
    const response = await this.send((id, thread) =>
      TransactionalMultiMapPutCodec.encodeRequest(this.name, id, thread, keyData, valueData),
    );
    return TransactionalMultiMapPutCodec.decodeResponse(response).response;
  }

  async get(key: K): Promise<V[]> {
    const keyData = this.toData(key, 'key');
    const response = await this.send((id, thread) =>
      TransactionalMultiMapGetCodec.encodeRequest(this.name, id, thread, keyData),
    );
    return this.toObjects<V>(TransactionalMultiMapGetCodec.decodeResponse(response).response);
  }

  async remove(key: K, value: V): Promise<boolean> {
    const [keyData, valueData] = [this.toData(key, 'key'), this.toData(value)];
    const response = await this.send((id, thread) =>
      TransactionalMultiMapRemoveEntryCodec.encodeRequest(this.name, id, thread, keyData, valueData),
    );
    return TransactionalMultiMapRemoveEntryCodec.decodeResponse(response).response;
  }

  async removeAll(key: K): Promise<V[]> {
    const keyData = this.toData(key, 'key');
    const response = await this.send((id, thread) =>
      TransactionalMultiMapRemoveCodec.encodeRequest(this.name, id, thread, keyData),
    );
    return this.toObjects<V>(TransactionalMultiMapRemoveCodec.decodeResponse(response).response);
  }

  async valueCount(key: K): Promise<number> {
    const keyData = this.toData(key, 'key');
    const response = await this.send((id, thread) =>
      TransactionalMultiMapValueCountCodec.encodeRequest(this.name, id, thread, keyData),
    );
    return TransactionalMultiMapValueCountCodec.decodeResponse(response).response;
  }

  async size(): Promise<number> {
    const response = await this.send((id, thread) =>
      TransactionalMultiMapSizeCodec.encodeRequest(this.name, id, thread),
    );
    return TransactionalMultiMapSizeCodec.decodeResponse(response).response;
  }
}
