import type { ClientMessage } from '@hz/protocol';
import type { DataBytes, InvokeOptions } from '../client/client-context';
import { ProxyBase } from '../proxy/proxy-base';
import {
  addItemListener,
  type ItemListener,
  type ItemListenerCodec,
  type ItemListenerOptions,
} from './item-listener';

/** Java's int: list indexes and sizes are int32 on the wire. */
const MAX_INT = 2 ** 31 - 1;

/**
 * What Queue, List and Set share: the whole structure lives in one partition (the one its name hashes to),
 * so every operation goes to that partition's owner; items are checked and serialized before anything is
 * sent; item listeners. Holds no codec itself (each subclass calls its own), so a program that uses only
 * queues bundles no list or set code.
 */
export abstract class CollectionProxy<E> extends ProxyBase {
  #partition: { count: number; id: number } | undefined;
  /** Ids of the item listeners added through this proxy: removeItemListener touches no other listener. */
  readonly #listenerIds = new Set<string>();

  /** Sends to the owner of the partition this structure lives in. */
  protected invoke(request: ClientMessage, options?: InvokeOptions): Promise<ClientMessage> {
    return this.invokeOnPartition(request, this.#partitionId(), options);
  }

  /** The name's partition, computed once per partition count (it changes only with another cluster). */
  #partitionId(): number {
    const count = this.host.cluster.partitionCount();
    if (this.#partition?.count !== count) this.#partition = { count, id: this.partitionId };
    return this.#partition.id;
  }

  /** A non-null item, serialized (the error says "an item must not be null" and nothing is sent). */
  protected item(item: unknown): DataBytes {
    return this.toData(item, 'item');
  }

  /** Every item of an iterable (not a string), serialized; a null item fails the whole call before sending. */
  protected items(items: unknown): DataBytes[] {
    if (typeof items === 'string') {
      throw this.illegalArgument(`expected an iterable of items (an array, a Set, …), got a string`);
    }
    return this.toDataList(items as Iterable<unknown>, 'item');
  }

  /** An index or count argument: a whole number in Java's int range, >= 0. */
  protected index(value: unknown, what: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_INT) {
      throw this.illegalArgument(
        `${what} must be a whole number from 0 to ${MAX_INT}, got ${typeof value === 'number' ? value : typeof value}`,
      );
    }
    return value;
  }

  protected itemsOf(data: readonly DataBytes[]): Promise<E[]> {
    return this.toObjects<E>(data);
  }

  protected async registerItemListener(
    listener: ItemListener<E>,
    options: ItemListenerOptions | undefined,
    codec: ItemListenerCodec,
  ): Promise<string> {
    const id = await addItemListener(this.host, this.kind, this.name, listener, options, codec);
    this.#listenerIds.add(id);
    return id;
  }

  /** Removes a listener added by this client; false if the id is unknown (or already removed). */
  removeItemListener(registrationId: string): Promise<boolean> {
    if (typeof registrationId !== 'string') {
      return Promise.reject(
        this.illegalArgument(`a registration id must be a string, got ${typeof registrationId}`),
      );
    }
    if (!this.#listenerIds.delete(registrationId)) return Promise.resolve(false);
    return this.deregisterListener(registrationId);
  }
}
