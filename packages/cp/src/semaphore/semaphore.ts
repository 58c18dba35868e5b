import type { DistributedObject, Int64Input } from '@hz/core-client';

export interface AcquireOptions {
  /** How many permits; default 1. */
  permits?: number;
  /**
   * Stops waiting: the call rejects with AbortError, and no permits are left acquired for you (a waiting
   * call is withdrawn; permits granted in a race with the abort are released again).
   */
  signal?: AbortSignal;
}

export interface TryAcquireOptions extends AcquireOptions {
  /**
   * How long to wait for the permits, in milliseconds; 0 (the default) or less tries once without waiting,
   * Infinity waits as long as it takes.
   */
  timeout?: Int64Input;
}

export interface ReleaseOptions {
  /** How many permits; default 1. */
  permits?: number;
}

/**
 * A counting semaphore in the CP Subsystem. Two kinds, chosen on the members per name (`<cp-subsystem>
 * <semaphores><semaphore><name>…</name><jdk-compatible>…`):
 *
 * - session-aware (the default): permits are held through this client's CP session. Only permits this
 *   client acquired can be released (IllegalStateError otherwise), and the cluster releases them if the
 *   client stops sending heartbeats for the session TTL (it crashed, or hangs). Calls are applied exactly once.
 * - sessionless (`jdk-compatible` true): like java.util.concurrent.Semaphore, any client may release
 *   permits it never acquired, and nothing is released for a client that goes away.
 */
export interface ISemaphore extends DistributedObject {
  /** Sets the number of permits if the semaphore has none yet; false (and no change) otherwise. */
  init(permits: number): Promise<boolean>;
  /** Acquires permits, waiting as long as it takes (not cut off by the invocation timeout). */
  acquire(options?: AcquireOptions): Promise<void>;
  /** Acquires permits if they are available within `timeout`; false if not. */
  tryAcquire(options?: TryAcquireOptions): Promise<boolean>;
  /** Releases permits (to waiters first). */
  release(options?: ReleaseOptions): Promise<void>;
  availablePermits(): Promise<number>;
  /** Acquires every available permit; resolves with how many. */
  drainPermits(): Promise<number>;
  /** Removes permits without waiting (the count may go below zero). */
  reducePermits(reduction: number): Promise<void>;
  /** Adds permits (waiters are served first). */
  increasePermits(increase: number): Promise<void>;
}

export const SEMAPHORE_SERVICE_NAME = 'hz:raft:semaphoreService';
