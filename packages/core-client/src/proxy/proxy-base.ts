import type { ClientMessage } from '@hz/protocol';
import Long from 'long';
import type { DataBytes, InvokeOptions, PluginHost } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { ListenerSpec } from '../listener/listener-service';
import { int64Arg, signedLong } from '../util/int64';
import type { DistributedObject } from './proxy-manager';

/**
 * What every structure's proxy shares: serialization of arguments with clear errors for null, reading
 * results back, routing, blocking-call timeouts and partition grouping. A new structure is one subclass:
 * `toData` → `XxxCodec.encodeRequest` → `invokeOnKey`/`invokeOnPartition`/`invokeOnRandom` →
 * `decodeResponse` → `toObject`. Retryability comes with each request from the protocol definition.
 */
export abstract class ProxyBase implements DistributedObject {
  /** Not enumerable: logging a proxy must not print the client behind it, whose config holds credentials. */
  declare protected readonly host: PluginHost;
  protected readonly name: string;
  readonly #serviceName: string;

  constructor(host: PluginHost, serviceName: string, name: string) {
    Object.defineProperty(this, 'host', { value: host });
    this.#serviceName = serviceName;
    this.name = name;
  }

  /** What JSON.stringify shows of a proxy: which object it is, nothing of the client behind it. */
  toJSON(): { serviceName: string; name: string } {
    return { serviceName: this.#serviceName, name: this.name };
  }

  getName(): string {
    return this.name;
  }

  getServiceName(): string {
    return this.#serviceName;
  }

  destroy(): Promise<void> {
    return this.host.proxies.destroy(this.#serviceName, this.name);
  }

  /** How errors name this object, e.g. "Map orders". */
  protected abstract get kind(): string;

  /** An IllegalArgumentError that names this object: nothing was sent. */
  protected illegalArgument(message: string): IllegalArgumentError {
    return new IllegalArgumentError(`${this.kind} ${this.name}: ${message}`);
  }

  /** Serializes a required argument; `what` names it in the error for null or undefined. */
  protected toData(value: unknown, what = 'value'): DataBytes {
    if (value === null || value === undefined) {
      throw this.illegalArgument(`${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} must not be ${value}`);
    }
    return this.host.toData(value);
  }

  /** Serializes every item of a required collection (`what` names one item). */
  protected toDataList(items: Iterable<unknown>, what = 'item'): DataBytes[] {
    if (
      items === null ||
      items === undefined ||
      typeof (items as Iterable<unknown>)[Symbol.iterator] !== 'function'
    ) {
      throw this.illegalArgument(`expected an iterable of ${what}s, got ${String(items)}`);
    }
    const list: DataBytes[] = [];
    for (const item of items) list.push(this.toData(item, what));
    return list;
  }

  /** Serializes something the member evaluates (predicate, processor, filter, …). */
  protected serverData(value: unknown, what: string): DataBytes {
    if (typeof value !== 'object' || value === null) {
      throw this.illegalArgument(
        `the ${what} must be an object the member knows (IdentifiedDataSerializable, Portable or Compact), got ${String(value)}`,
      );
    }
    const data = this.host.toData(value);
    // A value no serializer claims goes as JSON (type -130), which the member cannot use as a task, entry
    // processor, predicate, …: it would answer with a bare "IllegalArgumentException: HazelcastJsonValue".
    if (data.length >= 8 && data.readInt32BE(4) === JSON_TYPE_ID) {
      throw this.illegalArgument(
        `the ${what} must be an object the member knows (IdentifiedDataSerializable, Portable or Compact), got a plain object, which would go as JSON (the member cannot use that as a ${what})`,
      );
    }
    return data;
  }

  protected toObject<T>(data: DataBytes | null): Promise<T | null> {
    return this.host.toObject<T>(data);
  }

  /** Deserializes a list of non-null values. */
  protected async toObjects<T>(items: readonly DataBytes[]): Promise<T[]> {
    const values: T[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) values[i] = (await this.host.toObject<T>(items[i]!)) as T;
    return values;
  }

  protected async toEntries<A, B>(
    pairs: ReadonlyArray<readonly [DataBytes, DataBytes]>,
  ): Promise<Array<[A, B]>> {
    const entries: Array<[A, B]> = new Array(pairs.length);
    for (let i = 0; i < pairs.length; i++) {
      const [k, v] = pairs[i]!;
      entries[i] = [(await this.host.toObject<A>(k)) as A, (await this.host.toObject<B>(v)) as B];
    }
    return entries;
  }

  protected invokeOnKey(
    request: ClientMessage,
    keyData: DataBytes,
    options?: InvokeOptions,
  ): Promise<ClientMessage> {
    return this.host.invokeOnKey(request, keyData, options);
  }

  protected invokeOnPartition(
    request: ClientMessage,
    partitionId: number,
    options?: InvokeOptions,
  ): Promise<ClientMessage> {
    return this.host.invokeOnPartition(request, partitionId, options);
  }

  protected invokeOnRandom(request: ClientMessage, options?: InvokeOptions): Promise<ClientMessage> {
    return this.host.invokeOnRandomTarget(request, options);
  }

  protected invokeOnMember(
    request: ClientMessage,
    memberUuid: string,
    options?: InvokeOptions,
  ): Promise<ClientMessage> {
    return this.host.invokeOnMember(request, memberUuid, options);
  }

  /** The partition a name-keyed structure (queue, list, set, ringbuffer, …) lives in. */
  protected get partitionId(): number {
    return this.host.partitionIdOf(this.host.toData(this.name));
  }

  /**
   * The invocation timeout of an operation that may wait `waitMillis` on the member (tryLock, offer and
   * poll with a timeout): the wait plus the usual invocation timeout, so the wait never times the call out.
   */
  protected blockingTimeout(waitMillis: Long | number | bigint): number {
    const wait = typeof waitMillis === 'number' ? waitMillis : Number(waitMillis.toString());
    return wait < 0
      ? Number.POSITIVE_INFINITY
      : wait + this.host.config.properties['hazelcast.client.invocation.timeout.millis'];
  }

  /** Groups items by the partition of their key, for one request per partition. */
  protected groupByPartition<T>(items: Iterable<T>, keyDataOf: (item: T) => DataBytes): Map<number, T[]> {
    const groups = new Map<number, T[]>();
    for (const item of items) {
      const partitionId = this.host.partitionIdOf(keyDataOf(item));
      const group = groups.get(partitionId);
      if (group) group.push(item);
      else groups.set(partitionId, [item]);
    }
    return groups;
  }

  /** Registers a listener that follows reconnects; resolves with the id for `deregister`. */
  protected registerListener(spec: ListenerSpec): Promise<string> {
    return this.host.registerListener(spec);
  }

  protected deregisterListener(registrationId: string): Promise<boolean> {
    return this.host.deregisterListener(registrationId);
  }
}

/** The serialization type id of JSON values (HazelcastJsonValue, and plain objects no serializer claims). */
const JSON_TYPE_ID = -130;

/** A non-negative whole number of milliseconds as the wire's int64; the error names the argument. */
export function durationMillis(value: number | bigint | Long, what: string): Long {
  if (Long.isLong(value)) {
    const signed = signedLong(value as Long, what);
    if (signed.isNegative())
      throw new IllegalArgumentError(`${what} must be >= 0 milliseconds, got ${value}`);
    return signed;
  }
  if (typeof value === 'bigint') {
    if (value < 0n) throw new IllegalArgumentError(`${what} must be >= 0 milliseconds, got ${value}`);
    // Range-checked: Long.fromBigInt alone wraps modulo 2^64, and 2^64 + 1000 would become 1000 ms.
    return int64Arg(value, what);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new IllegalArgumentError(
      `${what} must be a whole number of milliseconds >= 0, got ${typeof value === 'number' ? value : typeof value === 'string' ? `the string ${JSON.stringify(value)}` : value === null ? 'null' : typeof value}`,
    );
  }
  return Long.fromNumber(value);
}
