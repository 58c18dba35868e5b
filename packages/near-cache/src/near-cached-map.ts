import type {
  Aggregator,
  EntryListener,
  EntryListenerOptions,
  EntryView,
  IMap,
  IndexConfig,
  LockOptions,
  MapPutOptions,
  ServerSideObject,
  TryLockOptions,
} from '@hz/core-client';
import type { DataBytes, ListenerSpec, PluginHost } from '@hz/core-client/plugin';
import {
  MapAddNearCacheInvalidationListenerCodec,
  MapGetAllCodec,
  MapGetCodec,
  MapRemoveEntryListenerCodec,
  type Uuid,
  uuidFromString,
  uuidToString,
} from '@hz/protocol';
import type { ResolvedMapConfig } from './config';
import { InvalidationMetadata, sameUuid } from './metadata';
import {
  type FastKey,
  isFastKey,
  type NearCacheRecord,
  type NearCacheStats,
  NOT_RESERVED,
  RecordStore,
} from './record-store';

/** EntryEventType.INVALIDATION: the only events a near-cache listener asks for. */
const INVALIDATION_FLAGS = 256;

/** What a near-cached map needs of its plug-in (one per client). */
export interface NearCacheHost {
  readonly host: PluginHost;
  readonly clientUuid: Uuid;
  readonly maxToleratedMissCount: number;
  /** Fetch the members' invalidation metadata soon (coalesced with other requests). */
  requestReconciliation(): void;
  /** The partitions whose events come from `memberUuid`'s connection (all of them in unisocket mode). */
  partitionsOf(memberUuid: string): number[];
  /** The map was destroyed: stop reconciling it. */
  forget(map: NearCachedMap<unknown, unknown>): void;
}

/**
 * Where the map's invalidation listener is: reads are cached only when `ready` (the listener is registered
 * and the partitions' metadata initialized), so no change can slip by unseen.
 */
type State = 'registering' | 'initializing' | 'ready' | 'awaitingListener' | 'failed' | 'destroyed';

/**
 * A map with a near cache: an IMap that serves reads of cached keys locally and delegates everything else
 * to the map proxy it wraps. Every write through it invalidates the key locally, before it is sent (so a
 * read in flight cannot cache the old value) and after it completed (so a read that raced with it cannot
 * either); changes by others arrive as invalidation events.
 */
export class NearCachedMap<K, V> implements IMap<K, V> {
  readonly #inner: IMap<K, V>;
  readonly #owner: NearCacheHost;
  readonly #host: PluginHost;
  readonly #name: string;
  readonly #store: RecordStore;
  readonly #binary: boolean;
  #state: State;
  /** `#state === 'ready'`, read on every miss. */
  #caching: boolean;
  #registrationId: string | undefined;
  /** Bumped by a cluster change, so an initialization that started before it does not count. */
  #generation = 0;
  #namePartition = -1;
  /**
   * Members this map's listener is registered on right now. A partition owned by another member is not
   * cached: that member would not tell this client about changes (it sends nothing, and counts no sequence,
   * for a listener it does not have).
   */
  readonly #listened = new Set<string>();
  readonly #smart: boolean;
  reconciliations = 0;
  lastReconciliationTime: number | null = null;

  constructor(owner: NearCacheHost, inner: IMap<K, V>, config: ResolvedMapConfig) {
    this.#owner = owner;
    this.#host = owner.host;
    this.#inner = inner;
    this.#name = inner.getName();
    this.#store = new RecordStore(config);
    this.#binary = config.inMemoryFormat === 'BINARY';
    this.#smart = owner.host.config.network.smartRouting;
    if (config.invalidateOnChange) {
      this.#state = 'registering';
      this.#caching = false;
      this.#listen();
    } else {
      this.#state = 'ready';
      this.#caching = true;
    }
  }

  // ---- plumbing used by the plug-in ----

  get config(): ResolvedMapConfig {
    return this.#store.config;
  }

  get store(): RecordStore {
    return this.#store;
  }

  /** Whether the reconciliation should fetch this map's metadata (its listener is registered). */
  get listening(): boolean {
    return this.#state === 'initializing' || this.#state === 'ready';
  }

  get initializing(): boolean {
    return this.#state === 'initializing';
  }

  get generation(): number {
    return this.#generation;
  }

  get metadata(): InvalidationMetadata | null {
    return this.#store.metadata;
  }

  /** The first metadata arrived: reads may be cached from now on. */
  markReady(generation: number): void {
    if (this.#state !== 'initializing' || generation !== this.#generation) return;
    this.#state = 'ready';
    this.#caching = true;
  }

  /** A new cluster: nothing cached is valid there; wait for the listener to be registered on it. */
  clusterChanged(): void {
    if (this.#state === 'destroyed') return;
    this.#store.clear(false);
    if (!this.config.invalidateOnChange) return;
    this.#generation++;
    this.#store.metadata = null;
    this.#namePartition = -1;
    this.#listened.clear();
    this.#state = this.#registrationId === undefined ? this.#state : 'awaitingListener';
    this.#caching = false;
  }

  /**
   * The member's connection broke or it left: its listener registration is gone, so changes of its
   * partitions may go unreported. What was cached from them is dropped, and they are not cached again until
   * the listener is back on their owner.
   */
  memberLost(memberUuid: string, partitionIds: readonly number[]): void {
    this.#listened.delete(memberUuid);
    this.#distrust(partitionIds);
  }

  #distrust(partitionIds: readonly number[]): void {
    const metadata = this.#store.metadata;
    if (metadata === null) return;
    for (const partitionId of partitionIds) metadata.distrust(partitionId);
  }

  /** Whether a read of `partitionId` may be cached: its owner reports changes to this map's listener. */
  #listenedTo(partitionId: number): boolean {
    if (!this.config.invalidateOnChange) return true;
    if (!this.#smart) return this.#listened.size > 0;
    const owner = this.#host.cluster.partitionOwner(partitionId);
    return owner !== undefined && this.#listened.has(owner);
  }

  /** A connection joined: retries a listener registration that failed everywhere before. */
  retryListener(): void {
    if (this.#state === 'failed') {
      this.#state = 'registering';
      this.#listen();
    }
  }

  /** Metadata for the current partition count (created on first need: the count is known once connected). */
  ensureMetadata(): InvalidationMetadata | null {
    const count = this.#host.cluster.partitionCount();
    if (count === 0) return this.#store.metadata;
    let metadata = this.#store.metadata;
    if (metadata === null || metadata.partitionCount !== count) {
      metadata = new InvalidationMetadata(count);
      this.#store.metadata = metadata;
      this.#namePartition = -1;
    }
    return metadata;
  }

  stats(): NearCacheStats {
    const store = this.#store;
    return {
      creationTime: store.creationTime,
      ownedEntryCount: store.published,
      ownedEntryMemoryCost: store.memoryCost,
      hits: store.hits,
      misses: store.misses,
      evictions: store.evictions,
      expirations: store.expirations,
      invalidations: store.invalidations,
      invalidationRequests: store.invalidationRequests,
      staleReads: store.staleReads,
      missedInvalidations: store.metadata?.missedInvalidations ?? 0,
      reconciliations: this.reconciliations,
      lastReconciliationTime: this.lastReconciliationTime,
    };
  }

  // ---- DistributedObject ----

  getName(): string {
    return this.#name;
  }

  getServiceName(): string {
    return this.#inner.getServiceName();
  }

  async destroy(): Promise<void> {
    if (this.#state !== 'destroyed') {
      this.#state = 'destroyed';
      this.#caching = false;
      this.#owner.forget(this as NearCachedMap<unknown, unknown>);
      this.#store.clear(false);
      const id = this.#registrationId;
      this.#registrationId = undefined;
      if (id !== undefined) await this.#host.deregisterListener(id).catch(() => false);
    }
    await this.#inner.destroy();
  }

  // ---- reads ----

  get(key: K): Promise<V | null> {
    if (isFastKey(key)) {
      const record = this.#store.byFastKey(key);
      if (record !== undefined) {
        const hit = this.#store.lookup(record);
        if (hit !== undefined) return this.#valueOf(hit.value);
      }
      return this.#getRemote(key, key, undefined);
    }
    return this.#getOther(key);
  }

  /** A key that is not a string or number: looked up by its serialized form. */
  async #getOther(key: K): Promise<V | null> {
    if (key === null || key === undefined) return this.#inner.get(key);
    const keyData = this.#host.toData(key);
    const record = this.#store.byDataId(dataIdOf(keyData));
    if (record !== undefined) {
      const hit = this.#store.lookup(record);
      if (hit !== undefined) return this.#valueOf(hit.value);
    }
    return this.#getRemote(key, undefined, keyData);
  }

  async getAll(keys: Iterable<K>): Promise<Array<[K, V]>> {
    const list = materialize(keys);
    if (list === undefined || list.some((key) => key === null || key === undefined)) {
      return this.#inner.getAll(list ?? keys);
    }
    const store = this.#store;
    const host = this.#host;
    const hits: Array<[K, unknown]> = [];
    const misses = new Map<string, { key: K; keyData: DataBytes; fastKey: FastKey | undefined }>();
    // A key given twice is answered once, as by the members.
    const seenFast = new Set<FastKey>();
    const seenData = new Set<string>();
    for (const key of list) {
      const fastKey = isFastKey(key) ? key : undefined;
      let record: NearCacheRecord | undefined;
      let keyData: DataBytes | undefined;
      let dataId: string | undefined;
      if (fastKey !== undefined) {
        if (seenFast.has(fastKey)) continue;
        seenFast.add(fastKey);
        record = store.byFastKey(fastKey);
      } else {
        keyData = host.toData(key);
        dataId = dataIdOf(keyData);
        if (seenData.has(dataId)) continue;
        seenData.add(dataId);
        record = store.byDataId(dataId);
      }
      const hit = record === undefined ? undefined : store.lookup(record);
      if (hit !== undefined) {
        // Cached as absent: absent from the result, as from the member's.
        if (hit.value !== null) hits.push([key, hit.value]);
        continue;
      }
      keyData ??= host.toData(key);
      dataId ??= dataIdOf(keyData);
      if (!misses.has(dataId)) {
        store.misses++;
        misses.set(dataId, { key, keyData, fastKey });
      }
    }
    const result: Array<[K, V]> = [];
    for (const [key, value] of hits) result.push([key, (await this.#valueOf(value)) as V]);
    if (misses.size === 0) return result;

    const reservations = new Map<string, number>();
    const byPartition = new Map<number, DataBytes[]>();
    for (const [dataId, miss] of misses) {
      const partitionId = host.partitionIdOf(miss.keyData);
      if (this.#caching && this.#listenedTo(partitionId)) {
        reservations.set(dataId, store.reserve(dataId, miss.fastKey, partitionId));
      }
      const group = byPartition.get(partitionId);
      if (group) group.push(miss.keyData);
      else byPartition.set(partitionId, [miss.keyData]);
    }
    const release = () => {
      for (const [dataId, reservation] of reservations) store.release(dataId, reservation);
    };
    let found: Array<[DataBytes, DataBytes]>;
    try {
      const responses = await Promise.all(
        [...byPartition].map(([partitionId, group]) =>
          host.invokeOnPartition(MapGetAllCodec.encodeRequest(this.#name, group), partitionId),
        ),
      );
      found = responses.flatMap((response) => MapGetAllCodec.decodeResponse(response).response);
    } catch (error) {
      release();
      throw error;
    }
    try {
      for (const [keyData, valueData] of found) {
        const dataId = dataIdOf(keyData);
        const miss = misses.get(dataId);
        const value = await this.#settle(dataId, reservations.get(dataId) ?? NOT_RESERVED, valueData);
        result.push([miss ? miss.key : ((await host.toObject<K>(keyData)) as K), value as V]);
        reservations.delete(dataId);
      }
      // Keys the members did not return are absent: cached as such (an add invalidates them like any change).
      for (const [dataId, reservation] of reservations) await this.#settle(dataId, reservation, null);
    } finally {
      release();
    }
    return result;
  }

  async containsKey(key: K): Promise<boolean> {
    if (key !== null && key !== undefined) {
      const record = isFastKey(key)
        ? this.#store.byFastKey(key)
        : this.#store.byDataId(dataIdOf(this.#host.toData(key)));
      const hit = record === undefined ? undefined : this.#store.lookup(record);
      if (hit !== undefined) return hit.value !== null;
    }
    return this.#inner.containsKey(key);
  }

  // ---- writes of one key: invalidated before and after ----

  put(key: K, value: V, options?: MapPutOptions): Promise<V | null> {
    return this.#writeKey(key, () => this.#inner.put(key, value, options));
  }

  set(key: K, value: V, options?: MapPutOptions): Promise<void> {
    return this.#writeKey(key, () => this.#inner.set(key, value, options));
  }

  putIfAbsent(key: K, value: V, options?: MapPutOptions): Promise<V | null> {
    return this.#writeKey(key, () => this.#inner.putIfAbsent(key, value, options));
  }

  putTransient(key: K, value: V, options?: MapPutOptions): Promise<void> {
    return this.#writeKey(key, () => this.#inner.putTransient(key, value, options));
  }

  replace(key: K, value: V): Promise<V | null> {
    return this.#writeKey(key, () => this.#inner.replace(key, value));
  }

  replaceIfSame(key: K, oldValue: V, newValue: V): Promise<boolean> {
    return this.#writeKey(key, () => this.#inner.replaceIfSame(key, oldValue, newValue));
  }

  tryPut(key: K, value: V, timeoutMillis: number): Promise<boolean> {
    return this.#writeKey(key, () => this.#inner.tryPut(key, value, timeoutMillis));
  }

  remove(key: K): Promise<V | null> {
    return this.#writeKey(key, () => this.#inner.remove(key));
  }

  removeIfSame(key: K, value: V): Promise<boolean> {
    return this.#writeKey(key, () => this.#inner.removeIfSame(key, value));
  }

  tryRemove(key: K, timeoutMillis: number): Promise<boolean> {
    return this.#writeKey(key, () => this.#inner.tryRemove(key, timeoutMillis));
  }

  delete(key: K): Promise<void> {
    return this.#writeKey(key, () => this.#inner.delete(key));
  }

  evict(key: K): Promise<boolean> {
    return this.#writeKey(key, () => this.#inner.evict(key));
  }

  setTtl(key: K, ttlMillis: number | bigint): Promise<boolean> {
    return this.#writeKey(key, () => this.#inner.setTtl(key, ttlMillis));
  }

  executeOnKey<R = unknown>(key: K, entryProcessor: ServerSideObject): Promise<R | null> {
    return this.#writeKey(key, () => this.#inner.executeOnKey<R>(key, entryProcessor));
  }

  submitToKey<R = unknown>(key: K, entryProcessor: ServerSideObject): Promise<R | null> {
    return this.#writeKey(key, () => this.#inner.submitToKey<R>(key, entryProcessor));
  }

  // ---- writes of many keys ----

  putAll(entries: Iterable<readonly [K, V]>): Promise<void> {
    const list = materialize(entries);
    if (list === undefined) return this.#inner.putAll(entries);
    return this.#writeKeys(
      list.map((entry) => (Array.isArray(entry) ? entry[0] : undefined)),
      () => this.#inner.putAll(list),
    );
  }

  setAll(entries: Iterable<readonly [K, V]>): Promise<void> {
    const list = materialize(entries);
    if (list === undefined) return this.#inner.setAll(entries);
    return this.#writeKeys(
      list.map((entry) => (Array.isArray(entry) ? entry[0] : undefined)),
      () => this.#inner.setAll(list),
    );
  }

  executeOnKeys<R = unknown>(keys: Iterable<K>, entryProcessor: ServerSideObject): Promise<Array<[K, R]>> {
    const list = materialize(keys);
    if (list === undefined) return this.#inner.executeOnKeys<R>(keys, entryProcessor);
    return this.#writeKeys(list, () => this.#inner.executeOnKeys<R>(list, entryProcessor));
  }

  loadAll(keys?: Iterable<K>, replaceExistingValues?: boolean): Promise<void> {
    if (keys === undefined)
      return this.#writeAll(() => this.#inner.loadAll(undefined, replaceExistingValues));
    const list = materialize(keys);
    if (list === undefined) return this.#inner.loadAll(keys, replaceExistingValues);
    return this.#writeKeys(list, () => this.#inner.loadAll(list, replaceExistingValues));
  }

  // ---- writes of the whole map: the near cache is cleared before and after ----

  clear(): Promise<void> {
    return this.#writeAll(() => this.#inner.clear());
  }

  evictAll(): Promise<void> {
    return this.#writeAll(() => this.#inner.evictAll());
  }

  removeAll(predicate: ServerSideObject): Promise<void> {
    return this.#writeAll(() => this.#inner.removeAll(predicate));
  }

  executeOnEntries<R = unknown>(
    entryProcessor: ServerSideObject,
    predicate?: ServerSideObject,
  ): Promise<Array<[K, R]>> {
    return this.#writeAll(() => this.#inner.executeOnEntries<R>(entryProcessor, predicate));
  }

  // ---- everything else reaches the cluster as is ----

  containsValue(value: V): Promise<boolean> {
    return this.#inner.containsValue(value);
  }

  size(): Promise<number> {
    return this.#inner.size();
  }

  isEmpty(): Promise<boolean> {
    return this.#inner.isEmpty();
  }

  flush(): Promise<void> {
    return this.#inner.flush();
  }

  getEntryView(key: K): Promise<EntryView<K, V> | null> {
    return this.#inner.getEntryView(key);
  }

  keySet(predicate?: ServerSideObject): Promise<K[]> {
    return this.#inner.keySet(predicate);
  }

  values(predicate?: ServerSideObject): Promise<V[]> {
    return this.#inner.values(predicate);
  }

  entrySet(predicate?: ServerSideObject): Promise<Array<[K, V]>> {
    return this.#inner.entrySet(predicate);
  }

  lock(key: K, options?: LockOptions): Promise<void> {
    return this.#inner.lock(key, options);
  }

  tryLock(key: K, options?: TryLockOptions): Promise<boolean> {
    return this.#inner.tryLock(key, options);
  }

  unlock(key: K): Promise<void> {
    return this.#inner.unlock(key);
  }

  forceUnlock(key: K): Promise<void> {
    return this.#inner.forceUnlock(key);
  }

  isLocked(key: K): Promise<boolean> {
    return this.#inner.isLocked(key);
  }

  aggregate<R>(aggregator: Aggregator<R> | ServerSideObject, predicate?: ServerSideObject): Promise<R> {
    return this.#inner.aggregate<R>(aggregator, predicate);
  }

  project<R>(projection: ServerSideObject, predicate?: ServerSideObject): Promise<R[]> {
    return this.#inner.project<R>(projection, predicate);
  }

  addEntryListener(listener: EntryListener<K, V>, options?: EntryListenerOptions<K>): Promise<string> {
    return this.#inner.addEntryListener(listener, options);
  }

  removeEntryListener(registrationId: string): Promise<boolean> {
    return this.#inner.removeEntryListener(registrationId);
  }

  addIndex(config: IndexConfig): Promise<void> {
    return this.#inner.addIndex(config);
  }

  addInterceptor(interceptor: ServerSideObject): Promise<string> {
    return this.#inner.addInterceptor(interceptor);
  }

  removeInterceptor(id: string): Promise<boolean> {
    return this.#inner.removeInterceptor(id);
  }

  // ---- internals ----

  #valueOf(value: unknown): Promise<V | null> {
    return this.#binary
      ? this.#host.toObject<V>(value as DataBytes | null)
      : Promise.resolve(value as V | null);
  }

  /** A miss: reserve the key, read it from its partition owner, publish the answer if still reserved. */
  async #getRemote(key: K, fastKey: FastKey | undefined, keyData: DataBytes | undefined): Promise<V | null> {
    const store = this.#store;
    const host = this.#host;
    store.misses++;
    keyData ??= host.toData(key);
    const partitionId = host.partitionIdOf(keyData);
    let dataId = '';
    let reservation = NOT_RESERVED;
    if (this.#caching && this.#listenedTo(partitionId)) {
      dataId = dataIdOf(keyData);
      reservation = store.reserve(dataId, fastKey, partitionId);
    }
    let valueData: DataBytes | null;
    try {
      const request = MapGetCodec.encodeRequest(this.#name, keyData, host.currentThreadId());
      valueData = MapGetCodec.decodeResponse(await host.invokeOnPartition(request, partitionId)).response;
    } catch (error) {
      if (reservation !== NOT_RESERVED) store.release(dataId, reservation);
      throw error;
    }
    if (reservation === NOT_RESERVED) return host.toObject<V>(valueData);
    return this.#settle(dataId, reservation, valueData) as Promise<V | null>;
  }

  /**
   * Publishes what a reserved read got (a copy: received bytes are views of the socket's buffers) and
   * returns the value. In OBJECT format the value is deserialized first; the reservation is checked after
   * that, so an invalidation that arrived meanwhile still wins.
   */
  #settle(dataId: string, reservation: number, valueData: DataBytes | null): Promise<unknown> {
    const copy = valueData === null ? null : Buffer.from(valueData);
    const cost = copy === null ? 0 : copy.length;
    if (this.#binary) {
      if (reservation !== NOT_RESERVED) this.#store.publish(dataId, reservation, copy, cost);
      return this.#host.toObject(copy);
    }
    return this.#host.toObject(copy).then(
      (value) => {
        if (reservation !== NOT_RESERVED) this.#store.publish(dataId, reservation, value, cost);
        return value;
      },
      (error: unknown) => {
        this.#store.release(dataId, reservation);
        throw error;
      },
    );
  }

  /** The cache key of a key, or undefined when it cannot be serialized (the map proxy reports that). */
  #dataIdOrUndefined(key: unknown): string | undefined {
    if (key === null || key === undefined) return undefined;
    try {
      return dataIdOf(this.#host.toData(key));
    } catch {
      return undefined;
    }
  }

  async #writeKey<T>(key: K, write: () => Promise<T>): Promise<T> {
    const dataId = this.#dataIdOrUndefined(key);
    if (dataId !== undefined) this.#store.invalidate(dataId, false);
    try {
      return await write();
    } finally {
      if (dataId !== undefined) this.#store.invalidate(dataId);
    }
  }

  async #writeKeys<T>(keys: readonly unknown[], write: () => Promise<T>): Promise<T> {
    const dataIds = keys.map((key) => this.#dataIdOrUndefined(key));
    for (const dataId of dataIds) if (dataId !== undefined) this.#store.invalidate(dataId, false);
    try {
      return await write();
    } finally {
      for (const dataId of dataIds) if (dataId !== undefined) this.#store.invalidate(dataId);
    }
  }

  async #writeAll<T>(write: () => Promise<T>): Promise<T> {
    this.#store.clear(false);
    try {
      return await write();
    } finally {
      this.#store.clear();
    }
  }

  #listen(): void {
    const name = this.#name;
    const host = this.#host;
    const codec = MapAddNearCacheInvalidationListenerCodec;
    const handlers: MapAddNearCacheInvalidationListenerCodec.EventHandlers = {
      onIMapInvalidation: (event) =>
        this.#invalidated(event.key, event.sourceUuid, event.partitionUuid, event.sequence),
      onIMapBatchInvalidation: (event) => {
        for (let i = 0; i < event.keys.length; i++) {
          this.#invalidated(
            event.keys[i] ?? null,
            event.sourceUuids[i] ?? null,
            event.partitionUuids[i] ?? null,
            event.sequences[i]!,
          );
        }
      },
    };
    const spec: ListenerSpec = {
      // Smart clients listen on every member, each reporting its own partitions (as the entry listeners).
      encodeAddRequest: () => codec.encodeRequest(name, INVALIDATION_FLAGS, host.config.network.smartRouting),
      decodeAddResponse: (response, memberUuid) => {
        const id = codec.decodeResponse(response).response;
        this.#listenerAdded(memberUuid);
        return id === null ? '' : uuidToString(id);
      },
      encodeRemoveRequest: (id) => MapRemoveEntryListenerCodec.encodeRequest(name, uuidFromString(id)),
      handleEvent: (message) => {
        if (this.#state !== 'destroyed') codec.handleEvent(message, handlers);
      },
    };
    host.registerListener(spec).then(
      (id) => {
        if (this.#state === 'destroyed') {
          void host.deregisterListener(id).catch(() => false);
          return;
        }
        this.#registrationId = id;
        this.#state = 'initializing';
        this.ensureMetadata();
        this.#owner.requestReconciliation();
      },
      (error: Error) => {
        if (this.#state === 'destroyed') return;
        this.#state = 'failed';
        host.logger.warn(
          'NearCache',
          `map ${name}: could not register the invalidation listener (${error.message}); reads go to the cluster until it is`,
        );
      },
    );
  }

  /**
   * The listener was (re-)registered on a member. Reads of its partitions that were served meanwhile (while
   * it reported nothing) are distrusted, and a reconciliation looks for invalidations missed meanwhile.
   */
  #listenerAdded(memberUuid: string | undefined): void {
    if (this.#state === 'destroyed') return;
    if (memberUuid !== undefined) {
      this.#listened.add(memberUuid);
      this.ensureMetadata();
      this.#distrust(this.#owner.partitionsOf(memberUuid));
    }
    if (this.#state === 'awaitingListener') {
      this.#state = 'initializing';
      this.ensureMetadata();
      this.#owner.requestReconciliation();
    } else if (this.#state === 'ready') {
      this.#owner.requestReconciliation();
    }
  }

  #invalidated(
    key: DataBytes | null,
    source: Uuid | null,
    partitionUuid: Uuid | null,
    sequence: { toNumber(): number },
  ): void {
    const store = this.#store;
    // This client's own writes invalidated locally already (before and after they ran).
    const own = source !== null && sameUuid(source, this.#owner.clientUuid);
    let partitionId: number;
    if (key === null) {
      if (!own) store.clear();
      if (this.#namePartition < 0)
        this.#namePartition = this.#host.partitionIdOf(this.#host.toData(this.#name));
      partitionId = this.#namePartition;
    } else {
      if (!own) store.invalidate(dataIdOf(key));
      partitionId = this.#host.partitionIdOf(key);
    }
    const metadata = store.metadata ?? this.ensureMetadata();
    if (metadata === null) return;
    metadata.observe(partitionId, partitionUuid, sequence.toNumber(), false);
    if (metadata.pendingMisses > this.#owner.maxToleratedMissCount) metadata.repairMisses();
  }
}

/** The cache key of serialized key bytes (one char per byte). */
function dataIdOf(keyData: DataBytes): string {
  return keyData.toString('latin1');
}

/** An iterable as an array (so it can be read twice), or undefined when it is not iterable. */
function materialize<T>(items: Iterable<T>): T[] | undefined {
  if (items === null || items === undefined) return undefined;
  if (Array.isArray(items)) return items;
  if (typeof (items as Iterable<T>)[Symbol.iterator] !== 'function') return undefined;
  return [...items];
}
