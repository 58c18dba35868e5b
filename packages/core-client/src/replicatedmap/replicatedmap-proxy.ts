import {
  type ClientMessage,
  ReplicatedMapAddEntryListenerCodec,
  ReplicatedMapAddEntryListenerToKeyCodec,
  ReplicatedMapAddEntryListenerToKeyWithPredicateCodec,
  ReplicatedMapAddEntryListenerWithPredicateCodec,
  ReplicatedMapClearCodec,
  ReplicatedMapContainsKeyCodec,
  ReplicatedMapContainsValueCodec,
  ReplicatedMapEntrySetCodec,
  ReplicatedMapGetCodec,
  ReplicatedMapIsEmptyCodec,
  ReplicatedMapKeySetCodec,
  ReplicatedMapPutAllCodec,
  ReplicatedMapPutCodec,
  ReplicatedMapRemoveCodec,
  ReplicatedMapRemoveEntryListenerCodec,
  ReplicatedMapSizeCodec,
  ReplicatedMapValuesCodec,
} from '@hz/protocol';
import Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import {
  EntryEventType,
  type EntryListenerCodec,
  entryListenerSpec,
  requireCallbacks,
} from '../listener/entry-events';
import { durationMillis, ProxyBase } from '../proxy/proxy-base';
import { PagingPredicate } from '../query/predicate/paging-predicate';
import { type Int64Input, int64Arg } from '../util/int64';
import { checkOptions } from '../util/options';
import {
  REPLICATED_MAP_SERVICE_NAME,
  type ReplicatedMap,
  type ReplicatedMapEntryListener,
  type ReplicatedMapEntryListenerOptions,
  type ReplicatedMapPutOptions,
} from './replicatedmap';

const LISTENER_CALLBACKS = ['added', 'removed', 'updated', 'evicted', 'mapCleared'] as const;

// The keys each options type declares, for checkOptions; `satisfies` keeps every list equal to its type.
const PUT_OPTIONS = Object.keys({ ttl: true } satisfies Record<keyof ReplicatedMapPutOptions, true>);
const ENTRY_LISTENER_OPTIONS = Object.keys({
  key: true,
  predicate: true,
} satisfies Record<keyof ReplicatedMapEntryListenerOptions<unknown>, true>);

/**
 * Members report `remove` of an absent key as a REMOVED event without an old value. Replicated map values are
 * never null, so such an event changed nothing: it is dropped, and `removed` means an entry went away.
 */
function withoutEmptyRemovals(codec: EntryListenerCodec): EntryListenerCodec {
  return {
    decodeResponse: (message) => codec.decodeResponse(message),
    handleEvent: (message, handlers) =>
      codec.handleEvent(message, {
        onEntry: (event) => {
          if (event.eventType === EntryEventType.REMOVED && event.oldValue === null) return;
          handlers.onEntry?.(event);
        },
      }),
  };
}

export class ReplicatedMapProxy<K, V> extends ProxyBase implements ReplicatedMap<K, V> {
  /** The partition whose owner serves this proxy's whole-map reads, picked at random on first use. */
  #readPartition: number | undefined;

  constructor(host: PluginHost, name: string) {
    super(host, REPLICATED_MAP_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'ReplicatedMap';
  }

  async put(key: K, value: V, options?: ReplicatedMapPutOptions): Promise<V | null> {
    if (options !== undefined) checkOptions(options, PUT_OPTIONS, `ReplicatedMap ${this.name}.put`);
    const [keyData, valueData] = [this.toData(key, 'key'), this.toData(value)];
    const ttl = options?.ttl === undefined ? Long.ZERO : this.#ttl(options.ttl);
    const request = ReplicatedMapPutCodec.encodeRequest(this.name, keyData, valueData, ttl);
    return this.toObject<V>(
      ReplicatedMapPutCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response,
    );
  }

  async putAll(entries: Iterable<readonly [K, V]>): Promise<void> {
    if (entries === null || entries === undefined || typeof entries[Symbol.iterator] !== 'function') {
      throw this.illegalArgument(`putAll takes an iterable of [key, value] pairs, got ${String(entries)}`);
    }
    const pairs: Array<[DataBytes, DataBytes]> = [];
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 2) {
        throw this.illegalArgument(`putAll takes [key, value] pairs, got ${String(entry)}`);
      }
      pairs.push([this.toData(entry[0], 'key'), this.toData(entry[1])]);
    }
    if (pairs.length === 0) return;
    // One request to any member: the member runs it on every partition, each storing its own keys.
    await this.invokeOnRandom(ReplicatedMapPutAllCodec.encodeRequest(this.name, pairs));
  }

  async get(key: K): Promise<V | null> {
    const keyData = this.toData(key, 'key');
    const response = await this.invokeOnKey(ReplicatedMapGetCodec.encodeRequest(this.name, keyData), keyData);
    return this.toObject<V>(ReplicatedMapGetCodec.decodeResponse(response).response);
  }

  async remove(key: K): Promise<V | null> {
    const keyData = this.toData(key, 'key');
    const response = await this.invokeOnKey(
      ReplicatedMapRemoveCodec.encodeRequest(this.name, keyData),
      keyData,
    );
    return this.toObject<V>(ReplicatedMapRemoveCodec.decodeResponse(response).response);
  }

  async containsKey(key: K): Promise<boolean> {
    const keyData = this.toData(key, 'key');
    const request = ReplicatedMapContainsKeyCodec.encodeRequest(this.name, keyData);
    return ReplicatedMapContainsKeyCodec.decodeResponse(await this.invokeOnKey(request, keyData)).response;
  }

  async containsValue(value: V): Promise<boolean> {
    const request = ReplicatedMapContainsValueCodec.encodeRequest(this.name, this.toData(value));
    return ReplicatedMapContainsValueCodec.decodeResponse(await this.#invokeRead(request)).response;
  }

  async size(): Promise<number> {
    const response = await this.#invokeRead(ReplicatedMapSizeCodec.encodeRequest(this.name));
    return ReplicatedMapSizeCodec.decodeResponse(response).response;
  }

  async isEmpty(): Promise<boolean> {
    const response = await this.#invokeRead(ReplicatedMapIsEmptyCodec.encodeRequest(this.name));
    return ReplicatedMapIsEmptyCodec.decodeResponse(response).response;
  }

  async clear(): Promise<void> {
    await this.invokeOnRandom(ReplicatedMapClearCodec.encodeRequest(this.name));
  }

  async keySet(): Promise<K[]> {
    const response = await this.#invokeRead(ReplicatedMapKeySetCodec.encodeRequest(this.name));
    return this.toObjects<K>(ReplicatedMapKeySetCodec.decodeResponse(response).response);
  }

  async values(): Promise<V[]> {
    const response = await this.#invokeRead(ReplicatedMapValuesCodec.encodeRequest(this.name));
    return this.toObjects<V>(ReplicatedMapValuesCodec.decodeResponse(response).response);
  }

  async entrySet(): Promise<Array<[K, V]>> {
    const response = await this.#invokeRead(ReplicatedMapEntrySetCodec.encodeRequest(this.name));
    return this.toEntries<K, V>(ReplicatedMapEntrySetCodec.decodeResponse(response).response);
  }

  async addEntryListener(
    listener: ReplicatedMapEntryListener<K, V>,
    options?: ReplicatedMapEntryListenerOptions<K>,
  ): Promise<string> {
    requireCallbacks(listener, LISTENER_CALLBACKS, (message) => this.illegalArgument(message));
    if (options !== undefined) {
      checkOptions(options, ENTRY_LISTENER_OPTIONS, `ReplicatedMap ${this.name}.addEntryListener`);
    }
    const name = this.name;
    const keyData = options?.key === undefined ? undefined : this.toData(options.key, 'key');
    const predicateData =
      options?.predicate === undefined ? undefined : this.#predicateData(options.predicate);
    // The member that applies a change reports it: listen on every member, local events only (smart).
    const localOnly = this.host.config.network.smartRouting;
    let codec: EntryListenerCodec;
    let encodeAddRequest: () => ClientMessage;
    if (keyData && predicateData) {
      codec = ReplicatedMapAddEntryListenerToKeyWithPredicateCodec;
      encodeAddRequest = () =>
        ReplicatedMapAddEntryListenerToKeyWithPredicateCodec.encodeRequest(
          name,
          keyData,
          predicateData,
          localOnly,
        );
    } else if (keyData) {
      codec = ReplicatedMapAddEntryListenerToKeyCodec;
      encodeAddRequest = () =>
        ReplicatedMapAddEntryListenerToKeyCodec.encodeRequest(name, keyData, localOnly);
    } else if (predicateData) {
      codec = ReplicatedMapAddEntryListenerWithPredicateCodec;
      encodeAddRequest = () =>
        ReplicatedMapAddEntryListenerWithPredicateCodec.encodeRequest(name, predicateData, localOnly);
    } else {
      codec = ReplicatedMapAddEntryListenerCodec;
      encodeAddRequest = () => ReplicatedMapAddEntryListenerCodec.encodeRequest(name, localOnly);
    }
    return this.registerListener(
      entryListenerSpec(
        this.host,
        'replicated map',
        name,
        listener,
        withoutEmptyRemovals(codec),
        encodeAddRequest,
        (id) => ReplicatedMapRemoveEntryListenerCodec.encodeRequest(name, id),
      ),
    );
  }

  removeEntryListener(registrationId: string): Promise<boolean> {
    return this.deregisterListener(registrationId);
  }

  /** The TTL argument in milliseconds as the wire's int64; the error names this map. */
  #ttl(value: Int64Input): Long {
    try {
      return durationMillis(int64Arg(value, 'ttl'), 'ttl');
    } catch (error) {
      throw this.illegalArgument((error as Error).message);
    }
  }

  #predicateData(predicate: object): DataBytes {
    if (predicate instanceof PagingPredicate) {
      throw this.illegalArgument('a paging predicate cannot filter entry events');
    }
    return this.serverData(predicate, 'predicate');
  }

  /**
   * Whole-map reads go to the owner of one partition, picked at random per proxy (as the protocol and the
   * official clients do), so the proxies of many replicated maps spread their reads over the members.
   */
  #invokeRead(request: ClientMessage): Promise<ClientMessage> {
    if (this.#readPartition === undefined) {
      const count = this.host.cluster.partitionCount();
      if (count === 0) return this.invokeOnRandom(request); // not connected yet: any member will do
      this.#readPartition = Math.floor(Math.random() * count);
    }
    return this.invokeOnPartition(request, this.#readPartition);
  }
}
