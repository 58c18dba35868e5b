import {
  MapClearCodec,
  MapContainsKeyCodec,
  MapDeleteCodec,
  MapGetAllCodec,
  MapGetCodec,
  MapPutAllCodec,
  MapPutCodec,
  MapPutWithMaxIdleCodec,
  MapRemoveCodec,
  MapSetCodec,
  MapSetWithMaxIdleCodec,
  MapSizeCodec,
} from '@hz/protocol/codecs/map';
import Long from 'long';
import type { ClientContext, DataBytes } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { type IMap, MAP_SERVICE_NAME, type MapPutOptions } from './map';

/** -1 tells the member "use the map config"; Java's `put` without a TTL sends exactly this. */
const CONFIGURED_DEFAULT = Long.fromInt(-1);

/**
 * The lock owner id members see; a later issue ties it to the caller's async context. Until then every
 * call of this client is one owner, as in the official Node.js client before LockContext.
 */
const THREAD_ID = Long.ONE;

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
    const keyData = this.#keyData(key);
    const valueData = this.#valueData(value);
    const { ttl, maxIdle } = durations(options);
    const request =
      maxIdle === undefined
        ? MapPutCodec.encodeRequest(this.#name, keyData, valueData, THREAD_ID, ttl)
        : MapPutWithMaxIdleCodec.encodeRequest(this.#name, keyData, valueData, THREAD_ID, ttl, maxIdle);
    const response = await this.#context.invokeOnKey(request, keyData);
    const previous =
      maxIdle === undefined
        ? MapPutCodec.decodeResponse(response).response
        : MapPutWithMaxIdleCodec.decodeResponse(response).response;
    return this.#context.toObject<V>(previous);
  }

  async set(key: K, value: V, options?: MapPutOptions): Promise<void> {
    const keyData = this.#keyData(key);
    const valueData = this.#valueData(value);
    const { ttl, maxIdle } = durations(options);
    const request =
      maxIdle === undefined
        ? MapSetCodec.encodeRequest(this.#name, keyData, valueData, THREAD_ID, ttl)
        : MapSetWithMaxIdleCodec.encodeRequest(this.#name, keyData, valueData, THREAD_ID, ttl, maxIdle);
    await this.#context.invokeOnKey(request, keyData);
  }

  async get(key: K): Promise<V | null> {
    const keyData = this.#keyData(key);
    const response = await this.#context.invokeOnKey(
      MapGetCodec.encodeRequest(this.#name, keyData, THREAD_ID),
      keyData,
      true,
    );
    return this.#context.toObject<V>(MapGetCodec.decodeResponse(response).response);
  }

  async remove(key: K): Promise<V | null> {
    const keyData = this.#keyData(key);
    const response = await this.#context.invokeOnKey(
      MapRemoveCodec.encodeRequest(this.#name, keyData, THREAD_ID),
      keyData,
    );
    return this.#context.toObject<V>(MapRemoveCodec.decodeResponse(response).response);
  }

  async delete(key: K): Promise<void> {
    const keyData = this.#keyData(key);
    await this.#context.invokeOnKey(MapDeleteCodec.encodeRequest(this.#name, keyData, THREAD_ID), keyData);
  }

  async containsKey(key: K): Promise<boolean> {
    const keyData = this.#keyData(key);
    const response = await this.#context.invokeOnKey(
      MapContainsKeyCodec.encodeRequest(this.#name, keyData, THREAD_ID),
      keyData,
      true,
    );
    return MapContainsKeyCodec.decodeResponse(response).response;
  }

  async size(): Promise<number> {
    const response = await this.#context.invokeOnRandomTarget(MapSizeCodec.encodeRequest(this.#name), true);
    return MapSizeCodec.decodeResponse(response).response;
  }

  async clear(): Promise<void> {
    await this.#context.invokeOnRandomTarget(MapClearCodec.encodeRequest(this.#name));
  }

  async putAll(entries: Iterable<readonly [K, V]>): Promise<void> {
    const byPartition = new Map<number, Array<[DataBytes, DataBytes]>>();
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 2) {
        throw new IllegalArgumentError(`putAll takes [key, value] pairs, got ${String(entry)}`);
      }
      const keyData = this.#keyData(entry[0]);
      addToGroup(byPartition, this.#context.partitionIdOf(keyData), [keyData, this.#valueData(entry[1])]);
    }
    await Promise.all(
      [...byPartition].map(([partitionId, group]) =>
        this.#context.invokeOnPartition(MapPutAllCodec.encodeRequest(this.#name, group, true), partitionId),
      ),
    );
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
    const result: Array<[K, V]> = [];
    for (const response of responses) {
      for (const [keyData, valueData] of MapGetAllCodec.decodeResponse(response).response) {
        result.push([
          (await this.#context.toObject<K>(keyData)) as K,
          (await this.#context.toObject<V>(valueData)) as V,
        ]);
      }
    }
    return result;
  }

  destroy(): Promise<void> {
    return this.#context.proxies.destroy(MAP_SERVICE_NAME, this.#name);
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
}

function durations(options: MapPutOptions | undefined): { ttl: Long; maxIdle: Long | undefined } {
  return {
    ttl: options?.ttl === undefined ? CONFIGURED_DEFAULT : millis(options.ttl, 'ttl'),
    maxIdle: options?.maxIdle === undefined ? undefined : millis(options.maxIdle, 'maxIdle'),
  };
}

function millis(value: number | bigint, what: string): Long {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new IllegalArgumentError(`${what} must be >= 0 milliseconds, got ${value}`);
    return Long.fromBigInt(value);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new IllegalArgumentError(
      `${what} must be a whole number of milliseconds >= 0, got ${String(value)}`,
    );
  }
  return Long.fromNumber(value);
}

function addToGroup<T>(groups: Map<number, T[]>, partitionId: number, item: T): void {
  const group = groups.get(partitionId);
  if (group) group.push(item);
  else groups.set(partitionId, [item]);
}
