import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { LockContext } from '../proxy/lock-context';
import type { Transaction, TransactionOptions } from './transaction';
import { TransactionImpl } from './transaction-impl';

/**
 * A new transaction (not begun yet): `await tx.begin()`, work through `tx.getMap(name)` and the other
 * transactional structures, then `await tx.commit()` or `await tx.rollback()`. It belongs to the async flow
 * that begins it; `runInTransaction` does all of this for you.
 */
export function newTransaction(client: HazelcastClient, options?: TransactionOptions): Transaction {
  return new TransactionImpl(contextOf(client), options);
}

/**
 * Runs `work` in a new transaction, in an async flow of its own (so concurrent calls never share a lock
 * owner): begins it, commits it when `work` resolves and resolves with `work`'s result. When `work` rejects
 * (or throws), the transaction is rolled back and the error is rethrown; when the commit fails, it is rolled
 * back and the commit's error is thrown. If the transaction timed out or lost its member meanwhile, the call
 * rejects with that error (TransactionTimedOutError, TransactionNotActiveError) and nothing was committed.
 * `work` may roll back itself; then nothing is committed and its result is returned.
 */
export function runInTransaction<T>(
  client: HazelcastClient,
  options: TransactionOptions | undefined,
  work: (transaction: Transaction) => Promise<T> | T,
): Promise<T>;
export function runInTransaction<T>(
  client: HazelcastClient,
  work: (transaction: Transaction) => Promise<T> | T,
): Promise<T>;
export function runInTransaction<T>(
  client: HazelcastClient,
  optionsOrWork: TransactionOptions | undefined | ((transaction: Transaction) => Promise<T> | T),
  maybeWork?: (transaction: Transaction) => Promise<T> | T,
): Promise<T> {
  const [options, work] =
    typeof optionsOrWork === 'function' ? [undefined, optionsOrWork] : [optionsOrWork, maybeWork];
  if (typeof work !== 'function') {
    return Promise.reject(
      new IllegalArgumentError(
        `runInTransaction needs the work to run as a function, got ${work === null ? 'null' : typeof work}`,
      ),
    );
  }
  let transaction: TransactionImpl;
  try {
    transaction = new TransactionImpl(contextOf(client), options, 'runInTransaction');
  } catch (error) {
    return Promise.reject(error);
  }
  return LockContext.run(async () => {
    await transaction.begin();
    let result: T;
    try {
      result = await work(transaction);
    } catch (error) {
      await transaction.rollback().catch(() => {});
      throw error;
    }
    // Rolled back by `work` itself: nothing to commit. Rolled back by the client (timeout, lost member):
    // commit() rejects with the reason.
    if (transaction.rolledBackByCaller) return result;
    try {
      await transaction.commit();
    } catch (error) {
      await transaction.rollback().catch(() => {});
      throw error;
    }
    return result;
  });
}

export {
  type Transaction,
  type TransactionalList,
  type TransactionalMap,
  type TransactionalMapPutOptions,
  type TransactionalMultiMap,
  type TransactionalObject,
  type TransactionalQueue,
  type TransactionalQueueWaitOptions,
  type TransactionalSet,
  type TransactionOptions,
  TransactionState,
  TransactionType,
} from './transaction';
