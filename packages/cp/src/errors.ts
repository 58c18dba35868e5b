import {
  HazelcastError,
  IllegalMonitorStateError,
  IllegalStateError,
  UnsupportedOperationError,
} from '@hz/core-client';

// The CP Subsystem's own errors. Members report them by error code (the CP plug-in maps the codes onto these
// classes), and @hz/cp throws some itself (a lock whose session the client already knows is gone).

/**
 * The CP session this client used is closed on the cluster (its heartbeats stopped for longer than the
 * session TTL, or it was force-closed): everything it held (locks, semaphore permits) was released.
 */
export class SessionExpiredError extends HazelcastError {
  override name = 'SessionExpiredError';
}

/**
 * A FencedLock the current async context held was released by the cluster because its CP session closed:
 * another owner may hold it now. Thrown by the next lock call of the former owner (lock, unlock, isLocked, …).
 */
export class LockOwnershipLostError extends IllegalMonitorStateError {
  override name = 'LockOwnershipLostError';
}

/** A waiting lock or acquire call was cancelled on the cluster (its owner sent a newer call or gave up). */
export class WaitKeyCancelledError extends IllegalStateError {
  override name = 'WaitKeyCancelledError';
}

/** A FencedLock was not acquired because its owner reached the lock's reentrancy limit (lock-acquire-limit). */
export class LockAcquireLimitReachedError extends HazelcastError {
  override name = 'LockAcquireLimitReachedError';
}

/** The CP group of the object was destroyed (force-destroyed by an administrator). */
export class CPGroupDestroyedError extends HazelcastError {
  override name = 'CPGroupDestroyedError';
}

/**
 * The cluster has no CP Subsystem this client can use: Hazelcast Community Edition dropped it in 5.5 (it is
 * an Enterprise feature since), so only Community Edition 5.4 and older, or Enterprise with a license that
 * enables CP, answer CP requests. The message says what the members run; `cause` is the member's report.
 */
export class CPSubsystemNotAvailableError extends UnsupportedOperationError {
  override name = 'CPSubsystemNotAvailableError';
}
