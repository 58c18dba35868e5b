import type { ItemListener, ItemListenerOptions } from '../collection/item-listener';
import type { DistributedObject } from '../proxy/proxy-manager';

/**
 * A distributed set: no duplicates (items are equal when their serialized bytes are). The whole set lives in
 * one partition (one member plus its backups).
 */
export interface ISet<E> extends DistributedObject {
  /** Adds the item; false if it was already there. */
  add(item: E): Promise<boolean>;
  /** Adds every item; true if the set changed. */
  addAll(items: Iterable<E>): Promise<boolean>;
  /** Removes the item; true if it was there. */
  remove(item: E): Promise<boolean>;
  /** Removes every item equal to one of `items`; true if the set changed. */
  removeAll(items: Iterable<E>): Promise<boolean>;
  /** Removes every item not equal to one of `items`; true if the set changed. */
  retainAll(items: Iterable<E>): Promise<boolean>;
  contains(item: E): Promise<boolean>;
  containsAll(items: Iterable<E>): Promise<boolean>;
  /** Every item (a copy, in no particular order). */
  getAll(): Promise<E[]>;
  /** Same as getAll(). */
  values(): Promise<E[]>;
  size(): Promise<number>;
  isEmpty(): Promise<boolean>;
  clear(): Promise<void>;
  /** Listens for items added and removed; returns the id for removeItemListener. */
  addItemListener(listener: ItemListener<E>, options?: ItemListenerOptions): Promise<string>;
  removeItemListener(registrationId: string): Promise<boolean>;
}

export const SET_SERVICE_NAME = 'hz:impl:setService';
