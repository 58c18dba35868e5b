import Long from 'long';
import { HazelcastSerializationError } from '../errors';
import type { Int64Input } from './data-io';

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

/** Converts a public 64-bit input to a signed Long, rejecting values that would not survive the trip. */
export function toLong(value: Int64Input): Long {
  if (Long.isLong(value)) return value.unsigned ? value.toSigned() : value;
  if (typeof value === 'bigint') {
    if (value < MIN_INT64 || value > MAX_INT64) {
      throw new HazelcastSerializationError(`bigint ${value} does not fit in a Java long`);
    }
    return Long.fromString(value.toString(), false);
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return Long.fromNumber(value);
  throw new HazelcastSerializationError(
    `Expected a Java long (safe integer number, bigint or Long), got ${typeof value === 'number' ? value : typeof value}`,
  );
}
