import type { ClientMessage } from '@hz/protocol';
import {
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
} from '@hz/protocol/codecs/multi-map';
import Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import { abortError } from '../invocation/invocation-service';
import { type EntryListenerCodec, entryListenerSpec, requireCallbacks } from '../listener/entry-events';
import { currentThreadId, nextLockReferenceId } from '../proxy/lock-context';
import { durationMillis, ProxyBase } from '../proxy/proxy-base';
import { type Int64Input, int64Arg } from '../util/int64';
import {
  MULTI_MAP_SERVICE_NAME,
  type MultiMap,
  type MultiMapEntryListener,
  type MultiMapEntryListenerOptions,
  type MultiMapLockOptions,
  type MultiMapTryLockOptions,
} from './multimap';

/** -1 lease: held until unlocked. */
const NO_LEASE = Long.fromInt(-1);

const LISTENER_CALLBACKS = ['added', 'removed', 'mapCleared'] as const;

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

  async lock(key: K, options: MultiMapLockOptions = {}): Promise<void> {
    const keyData = this.toData(key, 'key');
    const lease = this.#lease(options.leaseTime);
    const threadId = currentThreadId();
    const request = MultiMapLockCodec.encodeRequest(
      this.name,
      keyData,
      threadId,
      lease,
      nextLockReferenceId(),
    );
    // A lock waits for another owner as long as it takes: no invocation timeout.
    await this.#acquire(request, keyData, threadId, options.signal, Number.POSITIVE_INFINITY, () => true);
  }

  async tryLock(key: K, options: MultiMapTryLockOptions = {}): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const lease = this.#lease(options.leaseTime);
    const timeout = options.timeout === undefined ? Long.ZERO : this.#millis(options.timeout, 'timeout');
    const threadId = currentThreadId();
    const request = MultiMapTryLockCodec.encodeRequest(
      this.name,
      keyData,
      threadId,
      lease,
      timeout,
      nextLockReferenceId(),
    );
    return await this.#acquire(
      request,
      keyData,
      threadId,
      options.signal,
      this.blockingTimeout(timeout),
      (response) => MultiMapTryLockCodec.decodeResponse(response).response,
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
    options: MultiMapEntryListenerOptions<K> = {},
  ): Promise<string> {
    requireCallbacks(listener, LISTENER_CALLBACKS, (message) => this.illegalArgument(message));
    const includeValue = options.includeValue ?? true;
    // Each member reports the events of the partitions it owns: listen on every member, local events only.
    const localOnly = this.host.config.network.smartRouting;
    const name = this.name;
    let codec: EntryListenerCodec;
    let encodeAddRequest: () => ClientMessage;
    if (options.key === undefined) {
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

  #lease(leaseTime: MultiMapLockOptions['leaseTime']): Long {
    if (leaseTime === undefined) return NO_LEASE;
    const lease = this.#millis(leaseTime, 'leaseTime');
    if (lease.isZero()) {
      throw this.illegalArgument(
        'leaseTime must be > 0 milliseconds (omit it to hold the lock until unlocked)',
      );
    }
    return lease;
  }

  /** A duration argument in milliseconds as the wire's int64; the error names this multimap and the argument. */
  #millis(value: Int64Input, what: string): Long {
    try {
      return durationMillis(int64Arg(value, what), what);
    } catch (error) {
      throw this.illegalArgument((error as Error).message);
    }
  }

  #unlock(keyData: DataBytes, threadId: Long): Promise<ClientMessage> {
    return this.invokeOnKey(
      MultiMapUnlockCodec.encodeRequest(this.name, keyData, threadId, nextLockReferenceId()),
      keyData,
    );
  }

  /**
   * Sends a lock request that may wait on the member. Without a signal this is a plain invocation. With one,
   * an abort rejects at once with AbortError while the request stays on the member: if the member grants the
   * lock later, it is released again for the same owner, so an aborted call never leaves the key locked.
   */
  #acquire(
    request: ClientMessage,
    keyData: DataBytes,
    threadId: Long,
    signal: AbortSignal | undefined,
    timeoutMillis: number,
    granted: (response: ClientMessage) => boolean,
  ): Promise<boolean> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const pending = this.invokeOnKey(request, keyData, { timeoutMillis });
    if (!signal) return pending.then(granted);
    return new Promise<boolean>((resolve, reject) => {
      const onAbort = () => {
        reject(abortError(signal));
        pending.then(
          (response) => {
            if (!granted(response)) return;
            this.#unlock(keyData, threadId).catch((error: Error) =>
              this.host.logger.warn(
                'MultiMap',
                `could not release the lock of an aborted call on multimap ${this.name}: ${error.message}`,
              ),
            );
          },
          () => {},
        );
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          resolve(granted(response));
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}
