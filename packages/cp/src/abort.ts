import { AbortError, IllegalArgumentError } from '@hz/core-client';

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
