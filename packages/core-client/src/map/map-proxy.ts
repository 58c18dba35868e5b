import {
  type ClientMessage,
  MapAddIndexCodec,
  MapAddInterceptorCodec,
  MapClearCodec,
  MapContainsKeyCodec,
  MapContainsValueCodec,
  MapDeleteCodec,
  MapEvictAllCodec,
  MapEvictCodec,
  MapExecuteOnKeyCodec,
  MapFlushCodec,
  MapGetAllCodec,
  MapGetCodec,
  MapGetEntryViewCodec,
  MapIsEmptyCodec,
  MapLoadAllCodec,
  MapLoadGivenKeysCodec,
  MapPutAllCodec,
  MapPutCodec,
  MapPutIfAbsentCodec,
  MapPutIfAbsentWithMaxIdleCodec,
  MapPutTransientCodec,
  MapPutTransientWithMaxIdleCodec,
  MapPutWithMaxIdleCodec,
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
} from '@hz/protocol';
import Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import { LOCK_OPTIONS, type LockOptions, TRY_LOCK_OPTIONS, type TryLockOptions } from '../proxy/key-lock';
import { currentThreadId } from '../proxy/lock-context';
import { durationMillis } from '../proxy/proxy-base';
import type { Int64Input } from '../util/int64';
import { checkOptions } from '../util/options';
import type { EntryListener } from './entry-listener';
import type { EntryView } from './entry-view';
import { type IndexConfig, toWireIndexConfig } from './index-config';
import type { EntryListenerOptions, IMap, MapPutOptions, ServerSideObject } from './map';
import { MAP_SERVICE_NAME } from './map';
import { addEntryListener } from './map-listeners';
import * as locks from './map-locks';
import { MapQueryMethods } from './map-query-methods';

/** -1 tells the member "use the map config"; Java's `put` without a TTL sends exactly this. */
const CONFIGURED_DEFAULT = Long.fromInt(-1);

// The keys each options type declares, for checkOptions; `satisfies` keeps every list equal to its type.
const PUT_OPTIONS = Object.keys({ ttl: true, maxIdle: true } satisfies Record<keyof MapPutOptions, true>);
const ENTRY_LISTENER_OPTIONS = Object.keys({
  key: true,
  predicate: true,
  includeValue: true,
} satisfies Record<keyof EntryListenerOptions<unknown>, true>);

export class MapProxy<K, V> extends MapQueryMethods<K, V> implements IMap<K, V> {
  constructor(host: PluginHost, name: string) {
    super(host, MAP_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'Map';
  }

  async put(key: K, value: V, options?: MapPutOptions): Promise<V | null> {
    if (options !== undefined) checkOptions(options, PUT_OPTIONS, `Map ${this.name}.put`);
    const keyData = this.toData(key, 'key');
    const request = this.#entryWrite(keyData, value, options, MapPutCodec, MapPutWithMaxIdleCodec);
    const response = await this.invokeOnKey(request, keyData);
    const codec = options?.maxIdle === undefined ? MapPutCodec : MapPutWithMaxIdleCodec;
    return this.toObject<V>(codec.decodeResponse(response).response);
  }

  async set(key: K, value: V, options?: MapPutOptions): Promise<void> {
    if (options !== undefined) checkOptions(options, PUT_OPTIONS, `Map ${this.name}.set`);
    const keyData = this.toData(key, 'key');
    const request = this.#entryWrite(keyData, value, options, MapSetCodec, MapSetWithMaxIdleCodec);
    await this.invokeOnKey(request, keyData);
  }

  async putIfAbsent(key: K, value: V, options?: MapPutOptions): Promise<V | null> {
    if (options !== undefined) checkOptions(options, PUT_OPTIONS, `Map ${this.name}.putIfAbsent`);
    const keyData = this.toData(key, 'key');
    const request = this.#entryWrite(
      keyData,
      value,
      options,
      MapPutIfAbsentCodec,
      MapPutIfAbsentWithMaxIdleCodec,
    );
    const response = await this.invokeOnKey(request, keyData);
    const codec = options?.maxIdle === undefined ? MapPutIfAbsentCodec : MapPutIfAbsentWithMaxIdleCodec;
    return this.toObject<V>(codec.decodeResponse(response).response);
  }

  async putTransient(key: K, value: V, options?: MapPutOptions): Promise<void> {
    if (options !== undefined) checkOptions(options, PUT_OPTIONS, `Map ${this.name}.putTransient`);
    const keyData = this.toData(key, 'key');
    const request = this.#entryWrite(
      keyData,
      value,
      options,
      MapPutTransientCodec,
      MapPutTransientWithMaxIdleCodec,
    );
    await this.invokeOnKey(request, keyData);
  }

  async replace(key: K, value: V): Promise<V | null> {
    const [keyData, valueData] = [this.toData(key, 'key'), this.toData(value)];
    const request = MapReplaceCodec.encodeRequest(this.name, keyData, valueData, currentThreadId());
    return this.toObject<V>(
      MapReplaceCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response,
    );
  }

  async replaceIfSame(key: K, oldValue: V, newValue: V): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const [oldData, newData] = [this.toData(oldValue), this.toData(newValue)];
    const request = MapReplaceIfSameCodec.encodeRequest(
      this.name,
      keyData,
      oldData,
      newData,
      currentThreadId(),
    );
    return MapReplaceIfSameCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async tryPut(key: K, value: V, timeoutMillis: Int64Input): Promise<boolean> {
    const [keyData, valueData] = [this.toData(key, 'key'), this.toData(value)];
    const timeout = durationMillis(timeoutMillis, 'timeout');
    const request = MapTryPutCodec.encodeRequest(this.name, keyData, valueData, currentThreadId(), timeout);
    const response = await this.invokeOnKey(request, keyData, {
      timeoutMillis: this.blockingTimeout(timeout),
    });
    return MapTryPutCodec.decodeResponse(response).response;
  }

  async get(key: K): Promise<V | null> {
    const keyData = this.toData(key, 'key');
    const response = await this.invokeOnKey(
      MapGetCodec.encodeRequest(this.name, keyData, currentThreadId()),
      keyData,
    );
    return this.toObject<V>(MapGetCodec.decodeResponse(response).response);
  }

  async remove(key: K): Promise<V | null> {
    const keyData = this.toData(key, 'key');
    const request = MapRemoveCodec.encodeRequest(this.name, keyData, currentThreadId());
    return this.toObject<V>(MapRemoveCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response);
  }

  async removeIfSame(key: K, value: V): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const request = MapRemoveIfSameCodec.encodeRequest(
      this.name,
      keyData,
      this.toData(value),
      currentThreadId(),
    );
    return MapRemoveIfSameCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async tryRemove(key: K, timeoutMillis: Int64Input): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const timeout = durationMillis(timeoutMillis, 'timeout');
    const request = MapTryRemoveCodec.encodeRequest(this.name, keyData, currentThreadId(), timeout);
    const response = await this.invokeOnKey(request, keyData, {
      timeoutMillis: this.blockingTimeout(timeout),
    });
    return MapTryRemoveCodec.decodeResponse(response).response;
  }

  async delete(key: K): Promise<void> {
    const keyData = this.toData(key, 'key');
    await this.invokeOnKey(MapDeleteCodec.encodeRequest(this.name, keyData, currentThreadId()), keyData);
  }

  async containsKey(key: K): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const request = MapContainsKeyCodec.encodeRequest(this.name, keyData, currentThreadId());
    return MapContainsKeyCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async containsValue(value: V): Promise<boolean> {
    const request = MapContainsValueCodec.encodeRequest(this.name, this.toData(value));
    return MapContainsValueCodec.decodeResponse(await this.invokeOnRandom(request)).response;
  }

  async size(): Promise<number> {
    return MapSizeCodec.decodeResponse(await this.invokeOnRandom(MapSizeCodec.encodeRequest(this.name)))
      .response;
  }

  async isEmpty(): Promise<boolean> {
    const response = await this.invokeOnRandom(MapIsEmptyCodec.encodeRequest(this.name));
    return MapIsEmptyCodec.decodeResponse(response).response;
  }

  async clear(): Promise<void> {
    await this.invokeOnRandom(MapClearCodec.encodeRequest(this.name));
  }

  putAll(entries: Iterable<readonly [K, V]>): Promise<void> {
    return this.#putAll(entries, true);
  }

  setAll(entries: Iterable<readonly [K, V]>): Promise<void> {
    return this.#putAll(entries, false);
  }

  async getAll(keys: Iterable<K>): Promise<Array<[K, V]>> {
    const groups = this.groupByPartition(this.toDataList(keys, 'key'), (keyData) => keyData);
    const responses = await Promise.all(
      [...groups].map(([partitionId, group]) =>
        this.invokeOnPartition(MapGetAllCodec.encodeRequest(this.name, group), partitionId),
      ),
    );
    return this.toEntries(responses.flatMap((response) => MapGetAllCodec.decodeResponse(response).response));
  }

  async evict(key: K): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const response = await this.invokeOnKey(
      MapEvictCodec.encodeRequest(this.name, keyData, currentThreadId()),
      keyData,
    );
    return MapEvictCodec.decodeResponse(response).response;
  }

  async evictAll(): Promise<void> {
    await this.invokeOnRandom(MapEvictAllCodec.encodeRequest(this.name));
  }

  async flush(): Promise<void> {
    await this.invokeOnRandom(MapFlushCodec.encodeRequest(this.name));
  }

  async loadAll(keys?: Iterable<K>, replaceExistingValues = true): Promise<void> {
    if (typeof replaceExistingValues !== 'boolean') {
      throw this.illegalArgument(
        `loadAll: replaceExistingValues must be true or false, got ${replaceExistingValues === null ? 'null' : typeof replaceExistingValues}`,
      );
    }
    const request =
      keys === undefined
        ? MapLoadAllCodec.encodeRequest(this.name, replaceExistingValues)
        : MapLoadGivenKeysCodec.encodeRequest(this.name, this.toDataList(keys, 'key'), replaceExistingValues);
    await this.invokeOnRandom(request);
  }

  async setTtl(key: K, ttlMillis: Int64Input): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const request = MapSetTtlCodec.encodeRequest(this.name, keyData, durationMillis(ttlMillis, 'ttl'));
    return MapSetTtlCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async getEntryView(key: K): Promise<EntryView<K, V> | null> {
    const keyData = this.toData(key, 'key');
    const request = MapGetEntryViewCodec.encodeRequest(this.name, keyData, currentThreadId());
    const { response: view, maxIdle } = MapGetEntryViewCodec.decodeResponse(
      await this.invokeOnKey(request, keyData),
    );
    if (view === null) return null;
    const int64 = (value: Long) => this.host.int64(value);
    return {
      key: (await this.toObject<K>(view.key)) as K,
      value: (await this.toObject<V>(view.value)) as V,
      cost: int64(view.cost),
      creationTime: int64(view.creationTime),
      expirationTime: int64(view.expirationTime),
      hits: int64(view.hits),
      lastAccessTime: int64(view.lastAccessTime),
      lastStoredTime: int64(view.lastStoredTime),
      lastUpdateTime: int64(view.lastUpdateTime),
      version: int64(view.version),
      ttl: int64(view.ttl),
      maxIdle: int64(maxIdle),
    };
  }

  // lock and tryLock are not async (the work is in map-locks): bad arguments reject, never throw.
  lock(key: K, options?: LockOptions): Promise<void> {
    try {
      const checked =
        options === undefined ? undefined : checkOptions(options, LOCK_OPTIONS, `Map ${this.name}.lock`);
      const fail = (message: string) => this.illegalArgument(message);
      return locks.lock(this.host, this.name, this.toData(key, 'key'), checked, fail);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  tryLock(key: K, options?: TryLockOptions): Promise<boolean> {
    try {
      const checked =
        options === undefined
          ? undefined
          : checkOptions(options, TRY_LOCK_OPTIONS, `Map ${this.name}.tryLock`);
      const fail = (message: string) => this.illegalArgument(message);
      return locks.tryLock(this.host, this.name, this.toData(key, 'key'), checked, fail);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  unlock(key: K): Promise<void> {
    return locks.unlock(this.host, this.name, this.toData(key, 'key'));
  }

  forceUnlock(key: K): Promise<void> {
    return locks.forceUnlock(this.host, this.name, this.toData(key, 'key'));
  }

  isLocked(key: K): Promise<boolean> {
    return locks.isLocked(this.host, this.name, this.toData(key, 'key'));
  }

  async executeOnKey<R = unknown>(key: K, entryProcessor: ServerSideObject): Promise<R | null> {
    const keyData = this.toData(key, 'key');
    const processor = this.serverData(entryProcessor, 'entry processor');
    const request = MapExecuteOnKeyCodec.encodeRequest(this.name, processor, keyData, currentThreadId());
    return this.toObject<R>(
      MapExecuteOnKeyCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response,
    );
  }

  async submitToKey<R = unknown>(key: K, entryProcessor: ServerSideObject): Promise<R | null> {
    const keyData = this.toData(key, 'key');
    const processor = this.serverData(entryProcessor, 'entry processor');
    const request = MapSubmitToKeyCodec.encodeRequest(this.name, processor, keyData, currentThreadId());
    return this.toObject<R>(
      MapSubmitToKeyCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response,
    );
  }

  addEntryListener(listener: EntryListener<K, V>, options?: EntryListenerOptions<K>): Promise<string> {
    if (typeof listener !== 'object' || listener === null) {
      return Promise.reject(this.illegalArgument('an entry listener must be an object of callbacks'));
    }
    try {
      const checked =
        options === undefined
          ? undefined
          : checkOptions(options, ENTRY_LISTENER_OPTIONS, `Map ${this.name}.addEntryListener`);
      return addEntryListener(this.host, this.name, listener, checked, {
        key: (key) => this.toData(key, 'key'),
        predicate: (predicate) => this.predicateData(predicate),
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  removeEntryListener(registrationId: string): Promise<boolean> {
    return this.deregisterListener(registrationId);
  }

  async addIndex(config: IndexConfig): Promise<void> {
    await this.invokeOnRandom(MapAddIndexCodec.encodeRequest(this.name, toWireIndexConfig(config)));
  }

  async addInterceptor(interceptor: ServerSideObject): Promise<string> {
    const data = this.serverData(interceptor, 'interceptor');
    const response = await this.invokeOnRandom(MapAddInterceptorCodec.encodeRequest(this.name, data));
    return MapAddInterceptorCodec.decodeResponse(response).response;
  }

  async removeInterceptor(id: string): Promise<boolean> {
    if (typeof id !== 'string') {
      throw this.illegalArgument(
        `removeInterceptor: the id must be the string addInterceptor returned, got ${id === null ? 'null' : typeof id}`,
      );
    }
    const response = await this.invokeOnRandom(MapRemoveInterceptorCodec.encodeRequest(this.name, id));
    return MapRemoveInterceptorCodec.decodeResponse(response).response;
  }

  /**
   * The put family (put, set, putIfAbsent, putTransient) differs only in its codecs: one without max idle
   * and one with it, chosen by the options. A plain function, not an async one: the hot path of set and put
   * allocates no extra promise or result object for it.
   */
  #entryWrite(
    keyData: DataBytes,
    value: V,
    options: MapPutOptions | undefined,
    plain: EntryWriteCodec,
    withMaxIdle: EntryWriteWithMaxIdleCodec,
  ): ClientMessage {
    const valueData = this.toData(value);
    const ttl = options?.ttl === undefined ? CONFIGURED_DEFAULT : durationMillis(options.ttl, 'ttl');
    const threadId = currentThreadId();
    if (options?.maxIdle === undefined) {
      return plain.encodeRequest(this.name, keyData, valueData, threadId, ttl);
    }
    const maxIdle = durationMillis(options.maxIdle, 'maxIdle');
    return withMaxIdle.encodeRequest(this.name, keyData, valueData, threadId, ttl, maxIdle);
  }

  async #putAll(entries: Iterable<readonly [K, V]>, triggerMapLoader: boolean): Promise<void> {
    if (
      entries === null ||
      entries === undefined ||
      typeof (entries as Iterable<unknown>)[Symbol.iterator] !== 'function' ||
      typeof entries === 'string'
    ) {
      throw this.illegalArgument(
        `putAll/setAll take an iterable of [key, value] pairs (an array of pairs or a Map), got ${entries === null ? 'null' : typeof entries}${typeof entries === 'object' && entries !== null ? ' (a plain object is not iterable: use Object.entries(it))' : ''}`,
      );
    }
    const pairs: Array<[DataBytes, DataBytes]> = [];
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 2) {
        throw this.illegalArgument(`putAll/setAll take [key, value] pairs, got ${String(entry)}`);
      }
      pairs.push([this.toData(entry[0], 'key'), this.toData(entry[1])]);
    }
    const groups = this.groupByPartition(pairs, ([keyData]) => keyData);
    await Promise.all(
      [...groups].map(([partitionId, group]) =>
        this.invokeOnPartition(MapPutAllCodec.encodeRequest(this.name, group, triggerMapLoader), partitionId),
      ),
    );
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
