import type Long from 'long';
import type { ServerSideObject } from '../map/map';
import type { BlockingOptions } from '../queue/queue';

/**
 * How a transaction commits. TWO_PHASE (the default) prepares every change first, so a conflict fails the
 * commit before anything is written, and copies its log to `durability` other members so that one of them
 * finishes the commit if the coordinating member dies during it. ONE_PHASE writes in a single step: cheaper,
 * but a failure during commit can leave some changes written and others not.
 */
export const TransactionType = {
  TWO_PHASE: 'TWO_PHASE',
  ONE_PHASE: 'ONE_PHASE',
} as const;
export type TransactionType = (typeof TransactionType)[keyof typeof TransactionType];

/** Where a transaction is in its life. */
export const TransactionState = {
  NOT_STARTED: 'NOT_STARTED',
  ACTIVE: 'ACTIVE',
  COMMITTING: 'COMMITTING',
  COMMITTED: 'COMMITTED',
  /** commit() failed: call rollback() (runInTransaction does). */
  COMMIT_FAILED: 'COMMIT_FAILED',
  ROLLING_BACK: 'ROLLING_BACK',
  /** Rolled back: by rollback(), by its timeout, because its member was lost, or by client shutdown. */
  ROLLED_BACK: 'ROLLED_BACK',
} as const;
export type TransactionState = (typeof TransactionState)[keyof typeof TransactionState];

export interface TransactionOptions {
  /**
   * The longest a transaction may live, from begin(), in milliseconds; default 120,000. When it passes before
   * commit, the client rolls the transaction back and later calls reject with TransactionTimedOutError.
   */
  timeoutMillis?: number;
  /** Members that keep a copy of the transaction log to finish a commit if the coordinator dies; default 1. */
  durability?: number;
  /** Default TWO_PHASE. */
  type?: TransactionType;
}

/**
 * A transaction over maps, multimaps, queues, lists and sets: its changes are invisible to everyone else
 * until commit() and discarded by rollback(). Keys and items it touches are locked on the members until it
 * ends (isolation is READ_COMMITTED per partition).
 *
 * A transaction is bound to one connection (the member that coordinates it, picked at begin()) and to the
 * async flow that began it: its methods and the methods of its structures must be called from that flow
 * (the same `LockContext`), or they reject with TransactionError. A flow runs one transaction at a time;
 * `runInTransaction` gives each transaction a flow of its own. After commit or rollback every call rejects
 * with TransactionNotActiveError. The client rolls the transaction back itself when its timeout passes,
 * when the connection to its member is lost, and when the client shuts down.
 */
export interface Transaction {
  readonly state: TransactionState;
  /** The transaction id the member gave it (a uuid), null before begin(). */
  readonly id: string | null;
  /** When begin() sent the transaction to the member (ms since the epoch), null before. */
  readonly startTime: number | null;
  /** The uuid of the member coordinating the transaction, null before begin(). */
  readonly memberUuid: string | null;
  readonly timeoutMillis: number;
  readonly durability: number;
  readonly type: TransactionType;

  /** Starts the transaction on one member. */
  begin(): Promise<void>;
  /** Applies every change at once; rejects if it could not (then call rollback()). */
  commit(): Promise<void>;
  /**
   * Discards every change and releases the locks. Does nothing if the transaction is already rolled back
   * (by an earlier rollback, its timeout, or the loss of its member); rejects after a successful commit.
   */
  rollback(): Promise<void>;

  getMap<K, V>(name: string): TransactionalMap<K, V>;
  getMultiMap<K, V>(name: string): TransactionalMultiMap<K, V>;
  getQueue<E>(name: string): TransactionalQueue<E>;
  getList<E>(name: string): TransactionalList<E>;
  getSet<E>(name: string): TransactionalSet<E>;
}

/** A structure seen through a transaction. */
export interface TransactionalObject {
  getName(): string;
}

export interface TransactionalMapPutOptions {
  /** Time to live of the entry in milliseconds; omitted: the map's configured default; 0: forever. */
  ttl?: number | bigint | Long;
}

/**
 * A map inside a transaction. Reads see the transaction's own changes and what others committed; writes
 * lock their key on the member until the transaction ends (another writer of the key waits).
 */
export interface TransactionalMap<K, V> extends TransactionalObject {
  containsKey(key: K): Promise<boolean>;
  get(key: K): Promise<V | null>;
  /** Locks the key for the rest of the transaction (other writers wait), then returns its value. */
  getForUpdate(key: K): Promise<V | null>;
  size(): Promise<number>;
  isEmpty(): Promise<boolean>;
  /** Stores the entry when the transaction commits; returns the previous value (null if none). */
  put(key: K, value: V, options?: TransactionalMapPutOptions): Promise<V | null>;
  /** Stores the entry if the key is absent; returns the existing value, or null if it stored. */
  putIfAbsent(key: K, value: V): Promise<V | null>;
  set(key: K, value: V): Promise<void>;
  /** Replaces the value of an existing key; returns the previous value, or null (nothing stored) if absent. */
  replace(key: K, value: V): Promise<V | null>;
  replaceIfSame(key: K, oldValue: V, newValue: V): Promise<boolean>;
  /** Removes the entry; returns its value (null if none). */
  remove(key: K): Promise<V | null>;
  removeIfSame(key: K, value: V): Promise<boolean>;
  delete(key: K): Promise<void>;
  /** Keys, optionally those a predicate matches (a PagingPredicate is not supported in a transaction). */
  keySet(predicate?: ServerSideObject): Promise<K[]>;
  /** Values, optionally of the entries a predicate matches (no PagingPredicate). */
  values(predicate?: ServerSideObject): Promise<V[]>;
}

/** A multimap inside a transaction. */
export interface TransactionalMultiMap<K, V> extends TransactionalObject {
  /** Adds the pair; false if the multimap already holds it (a SET-valued multimap). */
  put(key: K, value: V): Promise<boolean>;
  /** The values of the key ([] if none). */
  get(key: K): Promise<V[]>;
  /** Removes one pair; true if it was there. */
  remove(key: K, value: V): Promise<boolean>;
  /** Removes every value of the key and returns them. */
  removeAll(key: K): Promise<V[]>;
  valueCount(key: K): Promise<number>;
  /** The number of key-value pairs. */
  size(): Promise<number>;
}

/**
 * Options of a transactional queue call that may wait. As with IQueue, an aborted call rejects with
 * AbortError and an item a wait brings back is never dropped: if it arrives while the signal fires, the call
 * resolves with it.
 */
export interface TransactionalQueueWaitOptions extends BlockingOptions {
  /** How long to wait, in milliseconds; default 0 (answer at once). */
  timeout?: number | bigint | Long;
}

/**
 * A queue inside a transaction: an item offered appears for others at commit; an item polled is taken at
 * commit, and goes back to the queue on rollback.
 */
export interface TransactionalQueue<E> extends TransactionalObject {
  /** Adds the item if there is space, waiting up to `timeout` for it; false if there was none. */
  offer(item: E, options?: TransactionalQueueWaitOptions): Promise<boolean>;
  /** Takes the head, waiting as long as the queue stays empty (bounded by the transaction's timeout). */
  take(options?: BlockingOptions): Promise<E>;
  /** Takes the head, waiting up to `timeout` for one; null if there was none. */
  poll(options?: TransactionalQueueWaitOptions): Promise<E | null>;
  /** The head without taking it, waiting up to `timeout` for one; null if there was none. */
  peek(options?: TransactionalQueueWaitOptions): Promise<E | null>;
  size(): Promise<number>;
}

/** A list inside a transaction. */
export interface TransactionalList<E> extends TransactionalObject {
  add(item: E): Promise<boolean>;
  /** Removes one occurrence; true if it was there. */
  remove(item: E): Promise<boolean>;
  size(): Promise<number>;
}

/** A set inside a transaction. */
export interface TransactionalSet<E> extends TransactionalObject {
  /** Adds the item; false if the set already holds it. */
  add(item: E): Promise<boolean>;
  remove(item: E): Promise<boolean>;
  size(): Promise<number>;
}
