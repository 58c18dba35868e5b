import Long from 'long';
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
