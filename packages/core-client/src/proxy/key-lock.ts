import type { ClientMessage } from '@hz/protocol';
import Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { abortError } from '../invocation/invocation-service';
import { type Int64Input, int64Arg } from '../util/int64';
import { durationMillis } from './proxy-base';

/** Options of `lock(key, options)` on Map and MultiMap. */
export interface LockOptions {
  /** Milliseconds after which the member releases the lock by itself; omitted: held until unlocked. */
  leaseTime?: Int64Input;
  /** Gives up waiting: the call rejects with AbortError and the lock is not held. */
  signal?: AbortSignal;
}

/** Options of `tryLock(key, options)` on Map and MultiMap. */
export interface TryLockOptions extends LockOptions {
  /** Milliseconds to wait for the lock; default 0 (answer at once). */
  timeout?: Int64Input;
}

// The keys of the two options types, for checkOptions; `satisfies` keeps each list equal to its type.
export const LOCK_OPTIONS = Object.keys({ leaseTime: true, signal: true } satisfies Record<
  keyof LockOptions,
  true
>);
export const TRY_LOCK_OPTIONS = Object.keys({
  timeout: true,
  leaseTime: true,
  signal: true,
} satisfies Record<keyof TryLockOptions, true>);

/** -1 lease: held until unlocked. */
const NO_LEASE = Long.fromInt(-1);

/** A duration argument in milliseconds as the wire's int64; `fail` builds the error naming the object. */
export function lockMillis(
  value: Int64Input,
  what: string,
  fail: (message: string) => IllegalArgumentError,
): Long {
  try {
    return durationMillis(int64Arg(value, what), what);
  } catch (error) {
    throw fail((error as Error).message);
  }
}

/** The lease to send: -1 when omitted; 0 is refused (it would never hold). */
export function leaseOf(
  leaseTime: Int64Input | undefined,
  fail: (message: string) => IllegalArgumentError,
): Long {
  if (leaseTime === undefined) return NO_LEASE;
  const lease = lockMillis(leaseTime, 'leaseTime', fail);
  if (lease.isZero())
    throw fail('leaseTime must be > 0 milliseconds (omit it to hold the lock until unlocked)');
  return lease;
}

/**
 * Sends a lock request that may wait on the member (never cut off by the invocation timeout). Without a
 * signal this is a plain invocation. With one, an abort rejects at once with AbortError while the request
 * stays on the member: if the member grants the lock later, `release` gives it back for the same owner, so
 * an aborted call never leaves the key locked.
 */
export function acquireLock(
  host: PluginHost,
  request: ClientMessage,
  keyData: DataBytes,
  options: { signal?: AbortSignal | undefined; timeoutMillis: number; what: string },
  granted: (response: ClientMessage) => boolean,
  release: () => Promise<unknown>,
): Promise<boolean> {
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    return Promise.reject(
      new IllegalArgumentError(
        `${options.what}: signal must be an AbortSignal, got ${signal === null ? 'null' : typeof signal}`,
      ),
    );
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const pending = host.invokeOnKey(request, keyData, { timeoutMillis: options.timeoutMillis });
  if (!signal) return pending.then(granted);
  return new Promise<boolean>((resolve, reject) => {
    const onAbort = () => {
      reject(abortError(signal));
      pending.then(
        (response) => {
          if (!granted(response)) return;
          release().catch((error: Error) =>
            host.logger.warn(
              'Lock',
              `could not release the lock of an aborted call on ${options.what}: ${error.message}`,
            ),
          );
        },
        () => {},
      );
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (response) => {
        signal.removeEventListener('abort', onAbort);
        resolve(granted(response));
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
