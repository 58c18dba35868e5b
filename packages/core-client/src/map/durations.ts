import Long from 'long';
import type { ClientContext } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';

/** A non-negative whole number of milliseconds as the wire's int64; the error names the argument. */
export function durationMillis(value: number | bigint, what: string): Long {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new IllegalArgumentError(`${what} must be >= 0 milliseconds, got ${value}`);
    return Long.fromBigInt(value);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new IllegalArgumentError(
      `${what} must be a whole number of milliseconds >= 0, got ${String(value)}`,
    );
  }
  return Long.fromNumber(value);
}

/**
 * The invocation timeout of a blocking operation that may wait `waitMillis` on the member (tryLock, tryPut,
 * tryRemove): the wait plus the usual invocation timeout, so the wait itself never times the call out.
 */
export function blockingTimeoutMillis(context: Pick<ClientContext, 'config'>, waitMillis: Long): number {
  return waitMillis.toNumber() + context.config.properties['hazelcast.client.invocation.timeout.millis'];
}
