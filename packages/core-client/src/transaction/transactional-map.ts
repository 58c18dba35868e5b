import {
  TransactionalMapContainsKeyCodec,
  TransactionalMapDeleteCodec,
  TransactionalMapGetCodec,
  TransactionalMapGetForUpdateCodec,
  TransactionalMapIsEmptyCodec,
  TransactionalMapKeySetCodec,
  TransactionalMapKeySetWithPredicateCodec,
  TransactionalMapPutCodec,
  TransactionalMapPutIfAbsentCodec,
  TransactionalMapRemoveCodec,
  TransactionalMapRemoveIfSameCodec,
  TransactionalMapReplaceCodec,
  TransactionalMapReplaceIfSameCodec,
  TransactionalMapSetCodec,
  TransactionalMapSizeCodec,
  TransactionalMapValuesCodec,
  TransactionalMapValuesWithPredicateCodec,
} from '@hz/protocol';
import Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { ServerSideObject } from '../map/map';
import { durationMillis } from '../proxy/proxy-base';
import { PREDICATE_FACTORY_ID, PredicateClassId } from '../query/ids';
import { checkOptions } from '../util/options';
import type { TransactionalMap, TransactionalMapPutOptions } from './transaction';
import type { TransactionPort } from './transaction-impl';
import { SERVICE_NAMES, TransactionalProxy } from './transactional-proxy';

/** -1: the map's configured TTL, as Java's put without a TTL sends. */
const CONFIGURED_DEFAULT = Long.fromInt(-1);
/** The keys of TransactionalMapPutOptions, for checkOptions (`satisfies` keeps the list equal to the type). */
const PUT_OPTIONS = Object.keys({ ttl: true } satisfies Record<keyof TransactionalMapPutOptions, true>);

export class TransactionalMapProxy<K, V> extends TransactionalProxy implements TransactionalMap<K, V> {
  constructor(host: PluginHost, name: string, transaction: TransactionPort) {
    super(host, SERVICE_NAMES.map, name, transaction);
  }

  protected get kind(): string {
    return 'TransactionalMap';
  }

  async containsKey(key: K): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const response = await this.send((id, thread) =>
      TransactionalMapContainsKeyCodec.encodeRequest(this.name, id, thread, keyData),
    );
    return TransactionalMapContainsKeyCodec.decodeResponse(response).response;
  }

  async get(key: K): Promise<V | null> {
    const keyData = this.toData(key, 'key');
    const response = await this.send((id, thread) =>
      TransactionalMapGetCodec.encodeRequest(this.name, id, thread, keyData),
    );
    return this.toObject<V>(TransactionalMapGetCodec.decodeResponse(response).response);
  }

  async getForUpdate(key: K): Promise<V | null> {
    const keyData = this.toData(key, 'key');
    const response = await this.send((id, thread) =>
      TransactionalMapGetForUpdateCodec.encodeRequest(this.name, id, thread, keyData),
    );
    return this.toObject<V>(TransactionalMapGetForUpdateCodec.decodeResponse(response).response);
  }

  async size(): Promise<number> {
    const response = await this.send((id, thread) =>
      TransactionalMapSizeCodec.encodeRequest(this.name, id, thread),
    );
    return TransactionalMapSizeCodec.decodeResponse(response).response;
  }

  async isEmpty(): Promise<boolean> {
    const response = await this.send((id, thread) =>
      TransactionalMapIsEmptyCodec.encodeRequest(this.name, id, thread),
    );
    return TransactionalMapIsEmptyCodec.decodeResponse(response).response;
  }

  async put(key: K, value: V, options?: TransactionalMapPutOptions): Promise<V | null> {
    if (options !== undefined) {
      const where = `TransactionalMap ${this.name}.put`;
      // null is refused here (not taken as "no options"), as it always was.
      if (options === null) throw new IllegalArgumentError(`${where}: options must be an object, got null`);
      checkOptions(options, PUT_OPTIONS, where);
    }
    const [keyData, valueData] = this.#entry(key, value);
    const ttl =
      options?.ttl === undefined
        ? CONFIGURED_DEFAULT
        : durationMillis(options.ttl, `${this.kind} ${this.name}: ttl`);
    const response = await this.send((id, thread) =>
      TransactionalMapPutCodec.encodeRequest(this.name, id, thread, keyData, valueData, ttl),
    );
    return this.toObject<V>(TransactionalMapPutCodec.decodeResponse(response).response);
  }

  async putIfAbsent(key: K, value: V): Promise<V | null> {
    const [keyData, valueData] = this.#entry(key, value);
    const response = await this.send((id, thread) =>
      TransactionalMapPutIfAbsentCodec.encodeRequest(this.name, id, thread, keyData, valueData),
    );
    return this.toObject<V>(TransactionalMapPutIfAbsentCodec.decodeResponse(response).response);
  }

  async set(key: K, value: V): Promise<void> {
    const [keyData, valueData] = this.#entry(key, value);
    await this.send((id, thread) =>
      TransactionalMapSetCodec.encodeRequest(this.name, id, thread, keyData, valueData),
    );
  }

  async replace(key: K, value: V): Promise<V | null> {
    const [keyData, valueData] = this.#entry(key, value);
    const response = await this.send((id, thread) =>
      TransactionalMapReplaceCodec.encodeRequest(this.name, id, thread, keyData, valueData),
    );
    return this.toObject<V>(TransactionalMapReplaceCodec.decodeResponse(response).response);
  }

  async replaceIfSame(key: K, oldValue: V, newValue: V): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const [oldData, newData] = [this.toData(oldValue, 'old value'), this.toData(newValue, 'new value')];
    const response = await this.send((id, thread) =>
      TransactionalMapReplaceIfSameCodec.encodeRequest(this.name, id, thread, keyData, oldData, newData),
    );
    return TransactionalMapReplaceIfSameCodec.decodeResponse(response).response;
  }

  async remove(key: K): Promise<V | null> {
    const keyData = this.toData(key, 'key');
    const response = await this.send((id, thread) =>
      TransactionalMapRemoveCodec.encodeRequest(this.name, id, thread, keyData),
    );
    return this.toObject<V>(TransactionalMapRemoveCodec.decodeResponse(response).response);
  }

  async removeIfSame(key: K, value: V): Promise<boolean> {
    const [keyData, valueData] = this.#entry(key, value);
    const response = await this.send((id, thread) =>
      TransactionalMapRemoveIfSameCodec.encodeRequest(this.name, id, thread, keyData, valueData),
    );
    return TransactionalMapRemoveIfSameCodec.decodeResponse(response).response;
  }

  async delete(key: K): Promise<void> {
    const keyData = this.toData(key, 'key');
    await this.send((id, thread) =>
      TransactionalMapDeleteCodec.encodeRequest(this.name, id, thread, keyData),
    );
  }

  async keySet(predicate?: ServerSideObject): Promise<K[]> {
    if (predicate === undefined) {
      const response = await this.send((id, thread) =>
        TransactionalMapKeySetCodec.encodeRequest(this.name, id, thread),
      );
      return this.toObjects<K>(TransactionalMapKeySetCodec.decodeResponse(response).response);
    }
    const predicateData = this.#predicate(predicate);
    const response = await this.send((id, thread) =>
      TransactionalMapKeySetWithPredicateCodec.encodeRequest(this.name, id, thread, predicateData),
    );
    return this.toObjects<K>(TransactionalMapKeySetWithPredicateCodec.decodeResponse(response).response);
  }

  async values(predicate?: ServerSideObject): Promise<V[]> {
    if (predicate === undefined) {
      const response = await this.send((id, thread) =>
        TransactionalMapValuesCodec.encodeRequest(this.name, id, thread),
      );
      return this.toObjects<V>(TransactionalMapValuesCodec.decodeResponse(response).response);
    }
    const predicateData = this.#predicate(predicate);
    const response = await this.send((id, thread) =>
      TransactionalMapValuesWithPredicateCodec.encodeRequest(this.name, id, thread, predicateData),
    );
    return this.toObjects<V>(TransactionalMapValuesWithPredicateCodec.decodeResponse(response).response);
  }

  #entry(key: K, value: V): [DataBytes, DataBytes] {
    return [this.toData(key, 'key'), this.toData(value)];
  }

  #predicate(predicate: ServerSideObject): DataBytes {
    // Recognised by its ids, so a program that uses no paging predicate does not bundle its class.
    const { factoryId, classId } = predicate as { factoryId?: unknown; classId?: unknown };
    if (factoryId === PREDICATE_FACTORY_ID && classId === PredicateClassId.PAGING) {
      throw this.illegalArgument('a paging predicate is not supported in a transaction');
    }
    return this.serverData(predicate, 'predicate');
  }
}
