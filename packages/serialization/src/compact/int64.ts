import Long from 'long';
import type { Int64Input } from '../io/data-io';
import { describeValue } from './describe-value';
import { HazelcastSerializationError } from './errors';

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

/** Converts a public 64-bit input to `Long`, naming `what` when the value cannot be one. */
export function toLong(value: unknown, what: string): Long {
  if (Long.isLong(value)) return (value as Long).unsigned ? (value as Long).toSigned() : (value as Long);
  if (typeof value === 'bigint') {
    if (value < MIN_INT64 || value > MAX_INT64) {
      throw new HazelcastSerializationError(`${what}: ${value} does not fit in a signed 64-bit integer`);
    }
    return Long.fromString(value.toString(), false, 10);
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return Long.fromNumber(value);
  throw new HazelcastSerializationError(
    `${what}: expected a Long, a bigint or a safe integer number, got ${describeValue(value)}`,
  );
}

/** True for values `toLong` accepts. */
export function isInt64Input(value: unknown): value is Int64Input {
  if (Long.isLong(value)) return true;
  if (typeof value === 'bigint') return value >= MIN_INT64 && value <= MAX_INT64;
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Map key for a 64-bit id, the same for every input form; cheaper than a decimal string. */
export function int64Key(value: Int64Input): string {
  const long = toLong(value, 'schema id');
  return `${long.high}:${long.low}`;
}
