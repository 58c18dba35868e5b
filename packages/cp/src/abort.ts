import { AbortError, IllegalArgumentError, type Int64Input } from '@hz/core-client';
import { durationMillis } from '@hz/core-client/plugin';
import Long from 'long';

/** The rejection of an aborted call: the signal's reason when it is an AbortError, else an AbortError with it as cause. */
export function abortError(signal: AbortSignal): AbortError {
  const reason: unknown = signal.reason;
  if (reason instanceof AbortError) return reason;
  return new AbortError('The operation was aborted', reason === undefined ? undefined : { cause: reason });
}

/** Checks that an optional `signal` option is an AbortSignal; `where` names the call in the error. */
export function checkSignal(signal: unknown, where: string): AbortSignal | undefined {
  if (signal === undefined) return undefined;
  if (!(signal instanceof AbortSignal)) {
    throw new IllegalArgumentError(`${where}: signal must be an AbortSignal, got ${String(signal)}`);
  }
  return signal;
}

/**
 * The wait of a tryLock, tryAcquire or await, in milliseconds: 0 or less tries once without waiting (as in
 * Java and Python), Infinity waits as long as it takes. Anything else that is not a whole number of
 * milliseconds is an error naming `what`.
 */
export function waitMillis(value: Int64Input | undefined, what: string): number {
  if (value === undefined) return 0;
  if (value === Number.POSITIVE_INFINITY) return Number.MAX_SAFE_INTEGER;
  if (typeof value === 'number' && Number.isInteger(value) && value < 0) return 0;
  if (typeof value === 'bigint' && value < 0n) return 0;
  if (Long.isLong(value) && !(value as Long).unsigned && (value as Long).isNegative()) return 0;
  return Math.min(durationMillis(value, what).toNumber(), Number.MAX_SAFE_INTEGER);
}

/** `promise`, or an AbortError as soon as `signal` aborts (the work behind `promise` goes on). */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Resolves true once `promise` settled, or false after `millis` (whichever first); never keeps the process alive. */
export function settledWithin(promise: Promise<unknown>, millis: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), millis);
    timer.unref?.();
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}

/**
 * Runs calls one after the other per key (a lock owner): what a Java thread does by nature, an async context
 * needs to be told. A call's slot ends when its work ends, including clean-up after an abort.
 */
export class SerialQueue {
  readonly #tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key);
    const result = previous ? previous.then(work) : work();
    const tail = result.then(
      () => {},
      () => {},
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
