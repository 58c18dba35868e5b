import type { ItemListener, ItemListenerOptions } from '../collection/item-listener';
import type { DistributedObject } from '../proxy/proxy-manager';

/**
 * A distributed list: ordered, duplicates allowed. The whole list lives in one partition (one member plus
 * its backups). Indexes are whole numbers from 0; one beyond the list's bounds is an IndexOutOfBoundsError
 * from the member, a negative or fractional one an IllegalArgumentError before anything is sent.
 */
export interface IList<E> extends DistributedObject {
  /** Appends the item; true. */
  add(item: E): Promise<boolean>;
  /** Inserts the item at `index`, shifting the items from there one place right. */
  addAt(index: number, item: E): Promise<void>;
  /** Appends every item in iteration order; true if the list changed. */
  addAll(items: Iterable<E>): Promise<boolean>;
  /** Inserts every item at `index`, in iteration order; true if the list changed. */
  addAllAt(index: number, items: Iterable<E>): Promise<boolean>;
  get(index: number): Promise<E>;
  /** Replaces the item at `index`; resolves with the previous item. */
  setAt(index: number, item: E): Promise<E>;
  /** Removes the item at `index`, shifting the rest left; resolves with it. */
  removeAt(index: number): Promise<E>;
  /** Removes the first occurrence of the item; true if it was there. */
  remove(item: E): Promise<boolean>;
  /** Removes every item equal to one of `items`; true if the list changed. */
  removeAll(items: Iterable<E>): Promise<boolean>;
  /** Removes every item not equal to one of `items`; true if the list changed. */
  retainAll(items: Iterable<E>): Promise<boolean>;
  /** The first index of the item, or -1. */
  indexOf(item: E): Promise<number>;
  /** The last index of the item, or -1. */
  lastIndexOf(item: E): Promise<number>;
  contains(item: E): Promise<boolean>;
  containsAll(items: Iterable<E>): Promise<boolean>;
  /** The items from `fromIndex` (inclusive) to `toIndex` (exclusive), as a copy. */
  subList(fromIndex: number, toIndex: number): Promise<E[]>;
  /** Every item, in order (a copy: later changes are not reflected). */
  getAll(): Promise<E[]>;
  /** Same as getAll(). */
  iterator(): Promise<E[]>;
  /** The items from `index` (default 0) to the end. */
  listIterator(index?: number): Promise<E[]>;
  size(): Promise<number>;
  isEmpty(): Promise<boolean>;
  clear(): Promise<void>;
  /** Listens for items added and removed; returns the id for removeItemListener. */
  addItemListener(listener: ItemListener<E>, options?: ItemListenerOptions): Promise<string>;
  removeItemListener(registrationId: string): Promise<boolean>;
}

export const LIST_SERVICE_NAME = 'hz:impl:listService';
