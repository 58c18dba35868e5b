import type { DistributedObject, Int64Input } from '@hz/core-client';

export interface LatchAwaitOptions {
  /** Stops waiting: the call rejects with AbortError (the latch is not changed). */
  signal?: AbortSignal;
}

/**
 * A CP CountDownLatch: a count set with `trySetCount` that `countDown` lowers; `await` waits until it
 * reaches zero. Every operation is applied exactly once, also when the client retries it after a failure.
 */
export interface ICountDownLatch extends DistributedObject {
  /**
   * Waits until the count reaches zero (true) or `timeout` milliseconds pass (false); 0 or less checks
   * without waiting, Infinity waits as long as it takes. Not cut off by the invocation timeout.
   */
  await(timeout: Int64Input, options?: LatchAwaitOptions): Promise<boolean>;
  /** Lowers the count by one (nothing at zero); waiters are released when it reaches zero. */
  countDown(): Promise<void>;
  getCount(): Promise<number>;
  /** Sets the count if it is zero (a new round); false (and no change) otherwise. `count` must be > 0. */
  trySetCount(count: number): Promise<boolean>;
}

export const COUNT_DOWN_LATCH_SERVICE_NAME = 'hz:raft:countDownLatchService';
