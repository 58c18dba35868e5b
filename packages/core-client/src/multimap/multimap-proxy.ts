import {
  type ClientMessage,
  MultiMapAddEntryListenerCodec,
  MultiMapAddEntryListenerToKeyCodec,
  MultiMapClearCodec,
  MultiMapContainsEntryCodec,
  MultiMapContainsKeyCodec,
  MultiMapContainsValueCodec,
  MultiMapDeleteCodec,
  MultiMapEntrySetCodec,
  MultiMapForceUnlockCodec,
  MultiMapGetCodec,
  MultiMapIsLockedCodec,
  MultiMapKeySetCodec,
  MultiMapLockCodec,
  MultiMapPutAllCodec,
  MultiMapPutCodec,
  MultiMapRemoveCodec,
  MultiMapRemoveEntryCodec,
  MultiMapRemoveEntryListenerCodec,
  MultiMapSizeCodec,
  MultiMapTryLockCodec,
  MultiMapUnlockCodec,
  MultiMapValueCountCodec,
  MultiMapValuesCodec,
} from '@hz/protocol';
import Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import { type EntryListenerCodec, entryListenerSpec, requireCallbacks } from '../listener/entry-events';
import { acquireLock, LOCK_OPTIONS, leaseOf, lockMillis, TRY_LOCK_OPTIONS } from '../proxy/key-lock';
import { currentThreadId, nextLockReferenceId } from '../proxy/lock-context';
import { ProxyBase } from '../proxy/proxy-base';
import { checkOptions } from '../util/options';
import {
  MULTI_MAP_SERVICE_NAME,
  type MultiMap,
  type MultiMapEntryListener,
  type MultiMapEntryListenerOptions,
  type MultiMapLockOptions,
  type MultiMapTryLockOptions,
} from './multimap';

const LISTENER_CALLBACKS = ['added', 'removed', 'mapCleared'] as const;

// The keys each options type declares, for checkOptions; `satisfies` keeps every list equal to its type.
const ENTRY_LISTENER_OPTIONS = Object.keys({
  key: true,
  includeValue: true,
} satisfies Record<keyof MultiMapEntryListenerOptions<unknown>, true>);

export class MultiMapProxy<K, V> extends ProxyBase implements MultiMap<K, V> {
  constructor(host: PluginHost, name: string) {
    super(host, MULTI_MAP_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'MultiMap';
  }

  async put(key: K, value: V): Promise<boolean> {
    const [keyData, valueData] = [this.toData(key, 'key'), this.toData(value)];
    const request = MultiMapPutCodec.encodeRequest(this.name, keyData, valueData, currentThreadId());
    return MultiMapPutCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async putAll(entries: Iterable<readonly [K, Iterable<V>]>): Promise<void> {
    if (entries === null || entries === undefined || typeof entries[Symbol.iterator] !== 'function') {
      throw this.illegalArgument(`putAll takes an iterable of [key, values] pairs, got ${String(entries)}`);
    }
    const pairs: Array<[DataBytes, DataBytes[]]> = [];
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 2) {
        throw this.illegalArgument(`putAll takes [key, values] pairs, got ${String(entry)}`);
      }
      const [key, values] = entry as readonly [K, Iterable<V>];
      const keyData = this.toData(key, 'key');
      if (typeof values === 'string') {
        throw this.illegalArgument(`putAll takes an array of values per key, got the string ${values}`);
      }
      const valueData = this.toDataList(values, 'value');
      if (valueData.length > 0) pairs.push([keyData, valueData]);
    }
    const groups = this.groupByPartition(pairs, ([keyData]) => keyData);
    await Promise.all(
      [...groups].map(([partitionId, group]) =>
        this.invokeOnPartition(MultiMapPutAllCodec.encodeRequest(this.name, group), partitionId),
      ),
    );
  }

  async get(key: K): Promise<V[]> {
    const keyData = this.toData(key, 'key');
    const request = MultiMapGetCodec.encodeRequest(this.name, keyData, currentThreadId());
    return this.toObjects<V>(
      MultiMapGetCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response,
    );
  }

  remove(key: K): Promise<V[]>;
  remove(key: K, value: V): Promise<boolean>;
  async remove(key: K, ...value: [V?]): Promise<V[] | boolean> {
    if (value.length === 0) return this.removeAll(key);
    const keyData = this.toData(key, 'key');
    const valueData = this.toData(value[0]);
    const request = MultiMapRemoveEntryCodec.encodeRequest(this.name, keyData, valueData, currentThreadId());
    return MultiMapRemoveEntryCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async removeAll(key: K): Promise<V[]> {
    const keyData = this.toData(key, 'key');
    const request = MultiMapRemoveCodec.encodeRequest(this.name, keyData, currentThreadId());
    return this.toObjects<V>(
      MultiMapRemoveCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response,
    );
  }

  async delete(key: K): Promise<void> {
    const keyData = this.toData(key, 'key');
    await this.invokeOnKey(MultiMapDeleteCodec.encodeRequest(this.name, keyData, currentThreadId()), keyData);
  }

  async keySet(): Promise<K[]> {
    const response = await this.invokeOnRandom(MultiMapKeySetCodec.encodeRequest(this.name));
    return this.toObjects<K>(MultiMapKeySetCodec.decodeResponse(response).response);
  }

  async values(): Promise<V[]> {
    const response = await this.invokeOnRandom(MultiMapValuesCodec.encodeRequest(this.name));
    return this.toObjects<V>(MultiMapValuesCodec.decodeResponse(response).response);
  }

  async entrySet(): Promise<Array<[K, V]>> {
    const response = await this.invokeOnRandom(MultiMapEntrySetCodec.encodeRequest(this.name));
    return this.toEntries<K, V>(MultiMapEntrySetCodec.decodeResponse(response).response);
  }

  async containsKey(key: K): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const request = MultiMapContainsKeyCodec.encodeRequest(this.name, keyData, currentThreadId());
    return MultiMapContainsKeyCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async containsValue(value: V): Promise<boolean> {
    const request = MultiMapContainsValueCodec.encodeRequest(this.name, this.toData(value));
    return MultiMapContainsValueCodec.decodeResponse(await this.invokeOnRandom(request)).response;
  }

  async containsEntry(key: K, value: V): Promise<boolean> {
    const [keyData, valueData] = [this.toData(key, 'key'), this.toData(value)];
    const request = MultiMapContainsEntryCodec.encodeRequest(
      this.name,
      keyData,
      valueData,
      currentThreadId(),
    );
    return MultiMapContainsEntryCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async size(): Promise<number> {
    const response = await this.invokeOnRandom(MultiMapSizeCodec.encodeRequest(this.name));
    return MultiMapSizeCodec.decodeResponse(response).response;
  }

  async valueCount(key: K): Promise<number> {
    const keyData = this.toData(key, 'key');
    // The protocol lists no partition, but the member counts in the key's partition: route it there.
    const request = MultiMapValueCountCodec.encodeRequest(this.name, keyData, currentThreadId());
    return MultiMapValueCountCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async clear(): Promise<void> {
    await this.invokeOnRandom(MultiMapClearCodec.encodeRequest(this.name));
  }

  async lock(key: K, options?: MultiMapLockOptions): Promise<void> {
    if (options !== undefined) checkOptions(options, LOCK_OPTIONS, `MultiMap ${this.name}.lock`);
    const keyData = this.toData(key, 'key');
    const lease = leaseOf(options?.leaseTime, (message) => this.illegalArgument(message));
    const threadId = currentThreadId();
    const request = MultiMapLockCodec.encodeRequest(
      this.name,
      keyData,
      threadId,
      lease,
      nextLockReferenceId(),
    );
    // A lock waits for another owner as long as it takes: no invocation timeout.
    await acquireLock(
      this.host,
      request,
      keyData,
      { signal: options?.signal, timeoutMillis: Number.POSITIVE_INFINITY, what: `multimap ${this.name}` },
      () => true,
      () => this.#unlock(keyData, threadId),
    );
  }

  async tryLock(key: K, options?: MultiMapTryLockOptions): Promise<boolean> {
    if (options !== undefined) checkOptions(options, TRY_LOCK_OPTIONS, `MultiMap ${this.name}.tryLock`);
    const keyData = this.toData(key, 'key');
    const fail = (message: string) => this.illegalArgument(message);
    const lease = leaseOf(options?.leaseTime, fail);
    const timeout = options?.timeout === undefined ? Long.ZERO : lockMillis(options.timeout, 'timeout', fail);
    const threadId = currentThreadId();
    const request = MultiMapTryLockCodec.encodeRequest(
      this.name,
      keyData,
      threadId,
      lease,
      timeout,
      nextLockReferenceId(),
    );
    return await acquireLock(
      this.host,
      request,
      keyData,
      {
        signal: options?.signal,
        timeoutMillis: this.blockingTimeout(timeout),
        what: `multimap ${this.name}`,
      },
      (response) => MultiMapTryLockCodec.decodeResponse(response).response,
      () => this.#unlock(keyData, threadId),
    );
  }

  async unlock(key: K): Promise<void> {
    const keyData = this.toData(key, 'key');
    await this.#unlock(keyData, currentThreadId());
  }

  async forceUnlock(key: K): Promise<void> {
    const keyData = this.toData(key, 'key');
    await this.invokeOnKey(
      MultiMapForceUnlockCodec.encodeRequest(this.name, keyData, nextLockReferenceId()),
      keyData,
    );
  }

  async isLocked(key: K): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const response = await this.invokeOnKey(MultiMapIsLockedCodec.encodeRequest(this.name, keyData), keyData);
    return MultiMapIsLockedCodec.decodeResponse(response).response;
  }

  async addEntryListener(
    listener: MultiMapEntryListener<K, V>,
    options?: MultiMapEntryListenerOptions<K>,
  ): Promise<string> {
    requireCallbacks(listener, LISTENER_CALLBACKS, (message) => this.illegalArgument(message));
    if (options !== undefined) {
      checkOptions(options, ENTRY_LISTENER_OPTIONS, `MultiMap ${this.name}.addEntryListener`);
    }
    const includeValue = options?.includeValue ?? true;
    // Each member reports the events of the partitions it owns: listen on every member, local events only.
    const localOnly = this.host.config.network.smartRouting;
    const name = this.name;
    let codec: EntryListenerCodec;
    let encodeAddRequest: () => ClientMessage;
    if (options?.key === undefined) {
      codec = MultiMapAddEntryListenerCodec;
      encodeAddRequest = () => MultiMapAddEntryListenerCodec.encodeRequest(name, includeValue, localOnly);
    } else {
      const keyData = this.toData(options.key, 'key');
      codec = MultiMapAddEntryListenerToKeyCodec;
      encodeAddRequest = () =>
        MultiMapAddEntryListenerToKeyCodec.encodeRequest(name, keyData, includeValue, localOnly);
    }
    return this.registerListener(
      entryListenerSpec(this.host, 'multimap', name, listener, codec, encodeAddRequest, (id) =>
        MultiMapRemoveEntryListenerCodec.encodeRequest(name, id),
      ),
    );
  }

  removeEntryListener(registrationId: string): Promise<boolean> {
    return this.deregisterListener(registrationId);
  }

  #unlock(keyData: DataBytes, threadId: Long): Promise<ClientMessage> {
    return this.invokeOnKey(
      MultiMapUnlockCodec.encodeRequest(this.name, keyData, threadId, nextLockReferenceId()),
      keyData,
    );
  }
}
