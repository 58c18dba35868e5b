import type { DistributedObject, Int64, Int64Input } from '@hz/core-client';

export interface LockOptions {
  /**
   * Stops waiting: the call rejects with AbortError, and the lock is not left held for you (a waiting call
   * is withdrawn; a grant that raced with the abort is given back).
   */
  signal?: AbortSignal;
}

export interface TryLockOptions extends LockOptions {
  /**
   * How long to wait for the lock, in milliseconds; 0 (the default) or less tries once without waiting,
   * Infinity waits as long as it takes.
   */
  timeout?: Int64Input;
}

/**
 * A reentrant lock in the CP Subsystem with fencing tokens. The owner is the current async context
 * (`LockContext.run(fn)` of @hz/core-client gives `fn` an owner of its own; code outside any `run` shares the
 * client's default owner), so two flows of one client contend for it like two Java threads. Calls of one
 * owner on one lock run in call order.
 *
 * A lock is held through the client's CP session: when the cluster closes the session (the client stopped
 * sending heartbeats for the session TTL), it releases the lock, and the former owner's next call fails with
 * LockOwnershipLostError. Every new acquisition gets a larger fencing token than the last one.
 */
export interface FencedLock extends DistributedObject {
  /**
   * Acquires the lock, waiting as long as it takes (not cut off by the invocation timeout); resolves with the
   * fencing token. A reentrant acquisition resolves with the same token. LockAcquireLimitReachedError when
   * the owner reached the lock's reentrancy limit.
   */
  lock(options?: LockOptions): Promise<Int64>;
  /** Acquires the lock if it is free within `timeout`; resolves with the fencing token, or null if not acquired. */
  tryLock(options?: TryLockOptions): Promise<Int64 | null>;
  /** Releases one hold of the lock. IllegalMonitorStateError if the current owner does not hold it. */
  unlock(): Promise<void>;
  /** Whether anyone holds the lock. */
  isLocked(): Promise<boolean>;
  /** Whether the current async context holds the lock. */
  isLockedByCurrentThread(): Promise<boolean>;
  /** How many times the lock's current owner holds it (reentrancy), 0 when free. */
  getLockCount(): Promise<number>;
}

export const FENCED_LOCK_SERVICE_NAME = 'hz:raft:lockService';
