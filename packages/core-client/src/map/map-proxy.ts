import type { ClientMessage } from '@hz/protocol';
import {
  MapAddIndexCodec,
  MapAddInterceptorCodec,
  MapAggregateCodec,
  MapAggregateWithPredicateCodec,
  MapClearCodec,
  MapContainsKeyCodec,
  MapContainsValueCodec,
  MapDeleteCodec,
  MapEntriesWithPagingPredicateCodec,
  MapEntriesWithPredicateCodec,
  MapEntrySetCodec,
  MapEvictAllCodec,
  MapEvictCodec,
  MapExecuteOnAllKeysCodec,
  MapExecuteOnKeyCodec,
  MapExecuteOnKeysCodec,
  MapExecuteWithPredicateCodec,
  MapFlushCodec,
  MapGetAllCodec,
  MapGetCodec,
  MapGetEntryViewCodec,
  MapIsEmptyCodec,
  MapKeySetCodec,
  MapKeySetWithPagingPredicateCodec,
  MapKeySetWithPredicateCodec,
  MapLoadAllCodec,
  MapLoadGivenKeysCodec,
  MapProjectCodec,
  MapProjectWithPredicateCodec,
  MapPutAllCodec,
  MapPutCodec,
  MapPutIfAbsentCodec,
  MapPutIfAbsentWithMaxIdleCodec,
  MapPutTransientCodec,
  MapPutTransientWithMaxIdleCodec,
  MapPutWithMaxIdleCodec,
  MapRemoveAllCodec,
  MapRemoveCodec,
  MapRemoveIfSameCodec,
  MapRemoveInterceptorCodec,
  MapReplaceCodec,
  MapReplaceIfSameCodec,
  MapSetCodec,
  MapSetTtlCodec,
  MapSetWithMaxIdleCodec,
  MapSizeCodec,
  MapSubmitToKeyCodec,
  MapTryPutCodec,
  MapTryRemoveCodec,
  MapValuesCodec,
  MapValuesWithPagingPredicateCodec,
  MapValuesWithPredicateCodec,
} from '@hz/protocol/codecs/map';
import Long from 'long';
import type { ClientContext, DataBytes } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { Aggregator } from '../query/aggregator';
import { applyAnchorList, buildPagingPredicateHolder } from '../query/paging-holder';
import { PagingPredicate } from '../query/predicate/paging-predicate';
import { blockingTimeoutMillis, durationMillis } from './durations';
import type { EntryListener } from './entry-listener';
import type { EntryView } from './entry-view';
import { type IndexConfig, toWireIndexConfig } from './index-config';
import { currentThreadId } from './lock-context';
import type { EntryListenerOptions, IMap, MapPutOptions, ServerSideObject } from './map';
import { MAP_SERVICE_NAME } from './map';
import { addEntryListener } from './map-listeners';
import * as locks from './map-locks';

/** -1 tells the member "use the map config"; Java's `put` without a TTL sends exactly this. */
const CONFIGURED_DEFAULT = Long.fromInt(-1);

export class MapProxy<K, V> implements IMap<K, V> {
  readonly #context: ClientContext;
  readonly #name: string;

  constructor(context: ClientContext, name: string) {
    this.#context = context;
    this.#name = name;
  }

  getName(): string {
    return this.#name;
  }

  getServiceName(): string {
    return MAP_SERVICE_NAME;
  }

  async put(key: K, value: V, options?: MapPutOptions): Promise<V | null> {
    const { codec, response } = await this.#writeEntry(
      key,
      value,
      options,
      MapPutCodec,
      MapPutWithMaxIdleCodec,
    );
    return this.#toObject<V>(codec.decodeResponse(response).response);
  }

  async set(key: K, value: V, options?: MapPutOptions): Promise<void> {
    await this.#writeEntry(key, value, options, MapSetCodec, MapSetWithMaxIdleCodec);
  }

  async putIfAbsent(key: K, value: V, options?: MapPutOptions): Promise<V | null> {
    const { codec, response } = await this.#writeEntry(
      key,
      value,
      options,
      MapPutIfAbsentCodec,
      MapPutIfAbsentWithMaxIdleCodec,
    );
    return this.#toObject<V>(codec.decodeResponse(response).response);
  }

  async putTransient(key: K, value: V, options?: MapPutOptions): Promise<void> {
    await this.#writeEntry(key, value, options, MapPutTransientCodec, MapPutTransientWithMaxIdleCodec);
  }

  async replace(key: K, value: V): Promise<V | null> {
    const [keyData, valueData] = [this.#keyData(key), this.#valueData(value)];
    const request = MapReplaceCodec.encodeRequest(this.#name, keyData, valueData, currentThreadId());
    return this.#toObject<V>(MapReplaceCodec.decodeResponse(await this.#onKey(request, keyData)).response);
  }

  async replaceIfSame(key: K, oldValue: V, newValue: V): Promise<boolean> {
    const keyData = this.#keyData(key);
    const request = MapReplaceIfSameCodec.encodeRequest(
      this.#name,
      keyData,
      this.#valueData(oldValue),
      this.#valueData(newValue),
      currentThreadId(),
    );
    return MapReplaceIfSameCodec.decodeResponse(await this.#onKey(request, keyData)).response;
  }

  async tryPut(key: K, value: V, timeoutMillis: number): Promise<boolean> {
    const [keyData, valueData] = [this.#keyData(key), this.#valueData(value)];
    const timeout = durationMillis(timeoutMillis, 'timeout');
    const request = MapTryPutCodec.encodeRequest(this.#name, keyData, valueData, currentThreadId(), timeout);
    return MapTryPutCodec.decodeResponse(await this.#onKey(request, keyData, false, timeout)).response;
  }

  async get(key: K): Promise<V | null> {
    const keyData = this.#keyData(key);
    const response = await this.#onKey(
      MapGetCodec.encodeRequest(this.#name, keyData, currentThreadId()),
      keyData,
      true,
    );
    return this.#toObject<V>(MapGetCodec.decodeResponse(response).response);
  }

  async remove(key: K): Promise<V | null> {
    const keyData = this.#keyData(key);
    const response = await this.#onKey(
      MapRemoveCodec.encodeRequest(this.#name, keyData, currentThreadId()),
      keyData,
    );
    return this.#toObject<V>(MapRemoveCodec.decodeResponse(response).response);
  }

  async removeIfSame(key: K, value: V): Promise<boolean> {
    const keyData = this.#keyData(key);
    const request = MapRemoveIfSameCodec.encodeRequest(
      this.#name,
      keyData,
      this.#valueData(value),
      currentThreadId(),
    );
    return MapRemoveIfSameCodec.decodeResponse(await this.#onKey(request, keyData)).response;
  }

  async tryRemove(key: K, timeoutMillis: number): Promise<boolean> {
    const keyData = this.#keyData(key);
    const timeout = durationMillis(timeoutMillis, 'timeout');
    const request = MapTryRemoveCodec.encodeRequest(this.#name, keyData, currentThreadId(), timeout);
    return MapTryRemoveCodec.decodeResponse(await this.#onKey(request, keyData, false, timeout)).response;
  }

  async delete(key: K): Promise<void> {
    const keyData = this.#keyData(key);
    await this.#onKey(MapDeleteCodec.encodeRequest(this.#name, keyData, currentThreadId()), keyData);
  }

  async containsKey(key: K): Promise<boolean> {
    const keyData = this.#keyData(key);
    const request = MapContainsKeyCodec.encodeRequest(this.#name, keyData, currentThreadId());
    return MapContainsKeyCodec.decodeResponse(await this.#onKey(request, keyData, true)).response;
  }

  async containsValue(value: V): Promise<boolean> {
    const request = MapContainsValueCodec.encodeRequest(this.#name, this.#valueData(value));
    return MapContainsValueCodec.decodeResponse(await this.#context.invokeOnRandomTarget(request, true))
      .response;
  }

  async size(): Promise<number> {
    const response = await this.#context.invokeOnRandomTarget(MapSizeCodec.encodeRequest(this.#name), true);
    return MapSizeCodec.decodeResponse(response).response;
  }

  async isEmpty(): Promise<boolean> {
    const response = await this.#context.invokeOnRandomTarget(
      MapIsEmptyCodec.encodeRequest(this.#name),
      true,
    );
    return MapIsEmptyCodec.decodeResponse(response).response;
  }

  async clear(): Promise<void> {
    await this.#context.invokeOnRandomTarget(MapClearCodec.encodeRequest(this.#name));
  }

  putAll(entries: Iterable<readonly [K, V]>): Promise<void> {
    return this.#putAll(entries, true);
  }

  setAll(entries: Iterable<readonly [K, V]>): Promise<void> {
    return this.#putAll(entries, false);
  }

  async getAll(keys: Iterable<K>): Promise<Array<[K, V]>> {
    const byPartition = new Map<number, DataBytes[]>();
    for (const key of keys) {
      const keyData = this.#keyData(key);
      addToGroup(byPartition, this.#context.partitionIdOf(keyData), keyData);
    }
    const responses = await Promise.all(
      [...byPartition].map(([partitionId, group]) =>
        this.#context.invokeOnPartition(MapGetAllCodec.encodeRequest(this.#name, group), partitionId, true),
      ),
    );
    return this.#toEntries(responses.flatMap((response) => MapGetAllCodec.decodeResponse(response).response));
  }

  async evict(key: K): Promise<boolean> {
    const keyData = this.#keyData(key);
    const response = await this.#onKey(
      MapEvictCodec.encodeRequest(this.#name, keyData, currentThreadId()),
      keyData,
    );
    return MapEvictCodec.decodeResponse(response).response;
  }

  async evictAll(): Promise<void> {
    await this.#context.invokeOnRandomTarget(MapEvictAllCodec.encodeRequest(this.#name));
  }

  async flush(): Promise<void> {
    await this.#context.invokeOnRandomTarget(MapFlushCodec.encodeRequest(this.#name));
  }

  async loadAll(keys?: Iterable<K>, replaceExistingValues = true): Promise<void> {
    const request =
      keys === undefined
        ? MapLoadAllCodec.encodeRequest(this.#name, replaceExistingValues)
        : MapLoadGivenKeysCodec.encodeRequest(
            this.#name,
            [...keys].map((key) => this.#keyData(key)),
            replaceExistingValues,
          );
    await this.#context.invokeOnRandomTarget(request);
  }

  async setTtl(key: K, ttlMillis: number | bigint): Promise<boolean> {
    const keyData = this.#keyData(key);
    const request = MapSetTtlCodec.encodeRequest(this.#name, keyData, durationMillis(ttlMillis, 'ttl'));
    return MapSetTtlCodec.decodeResponse(await this.#onKey(request, keyData)).response;
  }

  async getEntryView(key: K): Promise<EntryView<K, V> | null> {
    const keyData = this.#keyData(key);
    const request = MapGetEntryViewCodec.encodeRequest(this.#name, keyData, currentThreadId());
    const { response: view, maxIdle } = MapGetEntryViewCodec.decodeResponse(
      await this.#onKey(request, keyData, true),
    );
    if (view === null) return null;
    return {
      key: (await this.#toObject<K>(view.key)) as K,
      value: (await this.#toObject<V>(view.value)) as V,
      cost: view.cost.toBigInt(),
      creationTime: view.creationTime.toBigInt(),
      expirationTime: view.expirationTime.toBigInt(),
      hits: view.hits.toBigInt(),
      lastAccessTime: view.lastAccessTime.toBigInt(),
      lastStoredTime: view.lastStoredTime.toBigInt(),
      lastUpdateTime: view.lastUpdateTime.toBigInt(),
      version: view.version.toBigInt(),
      ttl: view.ttl.toBigInt(),
      maxIdle: maxIdle.toBigInt(),
    };
  }

  async keySet(predicate?: ServerSideObject): Promise<K[]> {
    if (predicate instanceof PagingPredicate) {
      const holder = this.#pagingHolder(predicate, 'KEY');
      const page = MapKeySetWithPagingPredicateCodec.decodeResponse(
        await this.#onAny(MapKeySetWithPagingPredicateCodec.encodeRequest(this.#name, holder), true),
      );
      await applyAnchorList(predicate, page.anchorDataList, (data) => this.#context.toObject(data));
      return this.#toObjects<K>(page.response);
    }
    const response =
      predicate === undefined
        ? MapKeySetCodec.decodeResponse(await this.#onAny(MapKeySetCodec.encodeRequest(this.#name), true))
            .response
        : MapKeySetWithPredicateCodec.decodeResponse(
            await this.#onAny(
              MapKeySetWithPredicateCodec.encodeRequest(this.#name, this.#predicateData(predicate)),
              true,
            ),
          ).response;
    return this.#toObjects<K>(response);
  }

  async values(predicate?: ServerSideObject): Promise<V[]> {
    if (predicate instanceof PagingPredicate) {
      const holder = this.#pagingHolder(predicate, 'VALUE');
      const page = MapValuesWithPagingPredicateCodec.decodeResponse(
        await this.#onAny(MapValuesWithPagingPredicateCodec.encodeRequest(this.#name, holder), true),
      );
      await applyAnchorList(predicate, page.anchorDataList, (data) => this.#context.toObject(data));
      return this.#toObjects<V>(page.response);
    }
    const response =
      predicate === undefined
        ? MapValuesCodec.decodeResponse(await this.#onAny(MapValuesCodec.encodeRequest(this.#name), true))
            .response
        : MapValuesWithPredicateCodec.decodeResponse(
            await this.#onAny(
              MapValuesWithPredicateCodec.encodeRequest(this.#name, this.#predicateData(predicate)),
              true,
            ),
          ).response;
    return this.#toObjects<V>(response);
  }

  async entrySet(predicate?: ServerSideObject): Promise<Array<[K, V]>> {
    if (predicate instanceof PagingPredicate) {
      const holder = this.#pagingHolder(predicate, 'ENTRY');
      const page = MapEntriesWithPagingPredicateCodec.decodeResponse(
        await this.#onAny(MapEntriesWithPagingPredicateCodec.encodeRequest(this.#name, holder), true),
      );
      await applyAnchorList(predicate, page.anchorDataList, (data) => this.#context.toObject(data));
      return this.#toEntries(page.response);
    }
    const response =
      predicate === undefined
        ? MapEntrySetCodec.decodeResponse(await this.#onAny(MapEntrySetCodec.encodeRequest(this.#name), true))
            .response
        : MapEntriesWithPredicateCodec.decodeResponse(
            await this.#onAny(
              MapEntriesWithPredicateCodec.encodeRequest(this.#name, this.#predicateData(predicate)),
              true,
            ),
          ).response;
    return this.#toEntries(response);
  }

  async removeAll(predicate: ServerSideObject): Promise<void> {
    await this.#onAny(MapRemoveAllCodec.encodeRequest(this.#name, this.#predicateData(predicate)));
  }

  lock(key: K, leaseMillis?: number | bigint): Promise<void> {
    return locks.lock(this.#context, this.#name, this.#keyData(key), leaseMillis);
  }

  tryLock(key: K, timeoutMillis?: number, leaseMillis?: number | bigint): Promise<boolean> {
    return locks.tryLock(this.#context, this.#name, this.#keyData(key), timeoutMillis, leaseMillis);
  }

  unlock(key: K): Promise<void> {
    return locks.unlock(this.#context, this.#name, this.#keyData(key));
  }

  forceUnlock(key: K): Promise<void> {
    return locks.forceUnlock(this.#context, this.#name, this.#keyData(key));
  }

  isLocked(key: K): Promise<boolean> {
    return locks.isLocked(this.#context, this.#name, this.#keyData(key));
  }

  async executeOnKey<R = unknown>(key: K, entryProcessor: ServerSideObject): Promise<R | null> {
    const keyData = this.#keyData(key);
    const request = MapExecuteOnKeyCodec.encodeRequest(
      this.#name,
      this.#serverData(entryProcessor, 'entry processor'),
      keyData,
      currentThreadId(),
    );
    return this.#toObject<R>(
      MapExecuteOnKeyCodec.decodeResponse(await this.#onKey(request, keyData)).response,
    );
  }

  async submitToKey<R = unknown>(key: K, entryProcessor: ServerSideObject): Promise<R | null> {
    const keyData = this.#keyData(key);
    const request = MapSubmitToKeyCodec.encodeRequest(
      this.#name,
      this.#serverData(entryProcessor, 'entry processor'),
      keyData,
      currentThreadId(),
    );
    return this.#toObject<R>(
      MapSubmitToKeyCodec.decodeResponse(await this.#onKey(request, keyData)).response,
    );
  }

  async executeOnKeys<R = unknown>(
    keys: Iterable<K>,
    entryProcessor: ServerSideObject,
  ): Promise<Array<[K, R]>> {
    const keyData = [...keys].map((key) => this.#keyData(key));
    if (keyData.length === 0) return [];
    const request = MapExecuteOnKeysCodec.encodeRequest(
      this.#name,
      this.#serverData(entryProcessor, 'entry processor'),
      keyData,
    );
    return this.#toEntries(MapExecuteOnKeysCodec.decodeResponse(await this.#onAny(request)).response);
  }

  async executeOnEntries<R = unknown>(
    entryProcessor: ServerSideObject,
    predicate?: ServerSideObject,
  ): Promise<Array<[K, R]>> {
    const processorData = this.#serverData(entryProcessor, 'entry processor');
    const response =
      predicate === undefined
        ? MapExecuteOnAllKeysCodec.decodeResponse(
            await this.#onAny(MapExecuteOnAllKeysCodec.encodeRequest(this.#name, processorData)),
          ).response
        : MapExecuteWithPredicateCodec.decodeResponse(
            await this.#onAny(
              MapExecuteWithPredicateCodec.encodeRequest(
                this.#name,
                processorData,
                this.#predicateData(predicate),
              ),
            ),
          ).response;
    return this.#toEntries(response);
  }

  async aggregate<R>(aggregator: Aggregator<R> | ServerSideObject, predicate?: ServerSideObject): Promise<R> {
    const aggregatorData = this.#serverData(aggregator, 'aggregator');
    const response =
      predicate === undefined
        ? MapAggregateCodec.decodeResponse(
            await this.#onAny(MapAggregateCodec.encodeRequest(this.#name, aggregatorData), true),
          ).response
        : MapAggregateWithPredicateCodec.decodeResponse(
            await this.#onAny(
              MapAggregateWithPredicateCodec.encodeRequest(
                this.#name,
                aggregatorData,
                this.#predicateData(predicate),
              ),
              true,
            ),
          ).response;
    return (await this.#toObject<R>(response)) as R;
  }

  async project<R>(projection: ServerSideObject, predicate?: ServerSideObject): Promise<R[]> {
    const projectionData = this.#serverData(projection, 'projection');
    const response =
      predicate === undefined
        ? MapProjectCodec.decodeResponse(
            await this.#onAny(MapProjectCodec.encodeRequest(this.#name, projectionData), true),
          ).response
        : MapProjectWithPredicateCodec.decodeResponse(
            await this.#onAny(
              MapProjectWithPredicateCodec.encodeRequest(
                this.#name,
                projectionData,
                this.#predicateData(predicate),
              ),
              true,
            ),
          ).response;
    return Promise.all(response.map(async (item) => (await this.#toObject<R>(item)) as R));
  }

  addEntryListener(listener: EntryListener<K, V>, options: EntryListenerOptions<K> = {}): Promise<string> {
    if (typeof listener !== 'object' || listener === null) {
      return Promise.reject(
        new IllegalArgumentError(`Map ${this.#name}: an entry listener must be an object of callbacks`),
      );
    }
    try {
      return addEntryListener(this.#context, this.#name, listener, options, {
        key: (key) => this.#keyData(key),
        predicate: (predicate) => this.#predicateData(predicate),
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  removeEntryListener(registrationId: string): Promise<boolean> {
    return this.#context.listeners.deregisterListener(registrationId);
  }

  async addIndex(config: IndexConfig): Promise<void> {
    await this.#onAny(MapAddIndexCodec.encodeRequest(this.#name, toWireIndexConfig(config)));
  }

  async addInterceptor(interceptor: ServerSideObject): Promise<string> {
    const request = MapAddInterceptorCodec.encodeRequest(
      this.#name,
      this.#serverData(interceptor, 'interceptor'),
    );
    return MapAddInterceptorCodec.decodeResponse(await this.#onAny(request)).response;
  }

  async removeInterceptor(id: string): Promise<boolean> {
    const response = await this.#onAny(MapRemoveInterceptorCodec.encodeRequest(this.#name, id));
    return MapRemoveInterceptorCodec.decodeResponse(response).response;
  }

  destroy(): Promise<void> {
    return this.#context.proxies.destroy(MAP_SERVICE_NAME, this.#name);
  }

  /**
   * The put family (put, set, putIfAbsent, putTransient) differs only in its codecs: one without max idle
   * and one with it, chosen by the options. Returns the codec used, to decode the response with.
   */
  async #writeEntry<Plain extends EntryWriteCodec, WithMaxIdle extends EntryWriteWithMaxIdleCodec>(
    key: K,
    value: V,
    options: MapPutOptions | undefined,
    plain: Plain,
    withMaxIdle: WithMaxIdle,
  ): Promise<{ codec: Plain | WithMaxIdle; response: ClientMessage }> {
    const [keyData, valueData] = [this.#keyData(key), this.#valueData(value)];
    const { ttl, maxIdle } = durations(options);
    const threadId = currentThreadId();
    if (maxIdle === undefined) {
      const request = plain.encodeRequest(this.#name, keyData, valueData, threadId, ttl);
      return { codec: plain, response: await this.#onKey(request, keyData) };
    }
    const request = withMaxIdle.encodeRequest(this.#name, keyData, valueData, threadId, ttl, maxIdle);
    return { codec: withMaxIdle, response: await this.#onKey(request, keyData) };
  }

  async #putAll(entries: Iterable<readonly [K, V]>, triggerMapLoader: boolean): Promise<void> {
    const byPartition = new Map<number, Array<[DataBytes, DataBytes]>>();
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 2) {
        throw new IllegalArgumentError(
          `Map ${this.#name}: putAll/setAll take [key, value] pairs, got ${String(entry)}`,
        );
      }
      const keyData = this.#keyData(entry[0]);
      addToGroup(byPartition, this.#context.partitionIdOf(keyData), [keyData, this.#valueData(entry[1])]);
    }
    await Promise.all(
      [...byPartition].map(([partitionId, group]) =>
        this.#context.invokeOnPartition(
          MapPutAllCodec.encodeRequest(this.#name, group, triggerMapLoader),
          partitionId,
        ),
      ),
    );
  }

  #onKey(
    request: Parameters<ClientContext['invokeOnKey']>[0],
    keyData: DataBytes,
    readOnly = false,
    timeout?: Long,
  ) {
    const timeoutMillis = timeout === undefined ? undefined : blockingTimeoutMillis(this.#context, timeout);
    return this.#context.invokeOnKey(request, keyData, readOnly, timeoutMillis);
  }

  #onAny(request: Parameters<ClientContext['invokeOnRandomTarget']>[0], readOnly = false) {
    return this.#context.invokeOnRandomTarget(request, readOnly);
  }

  #toObject<T>(data: DataBytes | null): Promise<T | null> {
    return this.#context.toObject<T>(data);
  }

  #toObjects<T>(items: readonly DataBytes[]): Promise<T[]> {
    return Promise.all(items.map(async (item) => (await this.#context.toObject<T>(item)) as T));
  }

  #toEntries<A, B>(pairs: ReadonlyArray<readonly [DataBytes, DataBytes]>): Promise<Array<[A, B]>> {
    return Promise.all(
      pairs.map(
        async ([k, v]) =>
          [(await this.#context.toObject<A>(k)) as A, (await this.#context.toObject<B>(v)) as B] as [A, B],
      ),
    );
  }

  #keyData(key: K): DataBytes {
    if (key === null || key === undefined)
      throw new IllegalArgumentError(`Map ${this.#name}: a key must not be ${key}`);
    return this.#context.toData(key);
  }

  #valueData(value: V): DataBytes {
    if (value === null || value === undefined) {
      throw new IllegalArgumentError(`Map ${this.#name}: a value must not be ${value}`);
    }
    return this.#context.toData(value);
  }

  #pagingHolder(predicate: PagingPredicate, iteration: 'KEY' | 'VALUE' | 'ENTRY') {
    return buildPagingPredicateHolder(predicate, iteration, (value) => this.#context.toData(value));
  }

  #predicateData(predicate: ServerSideObject): DataBytes {
    if (predicate instanceof PagingPredicate) {
      throw new IllegalArgumentError(
        `Map ${this.#name}: a paging predicate works with keySet, values and entrySet only`,
      );
    }
    return this.#serverData(predicate, 'predicate');
  }

  #serverData(value: ServerSideObject, what: string): DataBytes {
    if (typeof value !== 'object' || value === null) {
      throw new IllegalArgumentError(
        `Map ${this.#name}: the ${what} must be an object the member knows (e.g. from Predicates), got ${String(value)}`,
      );
    }
    return this.#context.toData(value);
  }
}

interface EntryWriteCodec {
  encodeRequest(name: string, key: DataBytes, value: DataBytes, threadId: Long, ttl: Long): ClientMessage;
}

interface EntryWriteWithMaxIdleCodec {
  encodeRequest(
    name: string,
    key: DataBytes,
    value: DataBytes,
    threadId: Long,
    ttl: Long,
    maxIdle: Long,
  ): ClientMessage;
}

function durations(options: MapPutOptions | undefined): { ttl: Long; maxIdle: Long | undefined } {
  return {
    ttl: options?.ttl === undefined ? CONFIGURED_DEFAULT : durationMillis(options.ttl, 'ttl'),
    maxIdle: options?.maxIdle === undefined ? undefined : durationMillis(options.maxIdle, 'maxIdle'),
  };
}

function addToGroup<T>(groups: Map<number, T[]>, partitionId: number, item: T): void {
  const group = groups.get(partitionId);
  if (group) group.push(item);
  else groups.set(partitionId, [item]);
}
