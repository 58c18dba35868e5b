import Long from 'long';
import { IllegalArgumentError } from '../errors/hazelcast-error';

/**
 * Type overrides an application can register. A client configured with `int64Type: 'Long'` returns long.js
 * `Long` for every 64-bit result; tell TypeScript so once, anywhere in the program:
 *
 * ```ts
 * import type Long from 'long';
 * declare module '@hz/core-client' {
 *   interface HazelcastTypes { int64: Long }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation in applications
export interface HazelcastTypes {}

/** A 64-bit result: `bigint`, or `Long` when registered in HazelcastTypes (with `int64Type: 'Long'`). */
export type Int64 = HazelcastTypes extends { int64: infer T } ? T : bigint;

/** A 64-bit argument: a safe-integer number, a bigint in the signed 64-bit range, or a Long. */
export type Int64Input = number | bigint | Long;

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/** Reads a 64-bit argument; the error names the argument and what it accepts. */
export function int64Arg(value: Int64Input, what: string): Long {
  if (Long.isLong(value)) return signedLong(value as Long, what);
  if (typeof value === 'bigint') {
    if (value < MIN || value > MAX) {
      throw new IllegalArgumentError(`${what} must fit a signed 64-bit integer, got ${value}`);
    }
    return Long.fromBigInt(value);
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new IllegalArgumentError(
      `${what} must be a safe integer number, a bigint or a Long, got ${typeof value === 'number' ? value : typeof value}`,
    );
  }
  return Long.fromNumber(value);
}

/**
 * A Long as the wire's signed int64. An unsigned Long above 2^63 - 1 would turn into a negative number on the
 * wire (the same bits), so it is refused like the bigint of the same value.
 */
export function signedLong(value: Long, what: string): Long {
  if (!value.unsigned) return value;
  if (value.high < 0) {
    throw new IllegalArgumentError(
      `${what} must fit a signed 64-bit integer, got the unsigned Long ${value.toString()}`,
    );
  }
  return value.toSigned();
}

/** How a client returns 64-bit results: bigint (default) or Long (`int64Type: 'Long'`). */
export type Int64Type = 'bigint' | 'Long';

/** Converts a wire value to the client's 64-bit result type. */
export function int64Result(value: Long, type: Int64Type): Int64 {
  return (type === 'Long' ? value : value.toBigInt()) as Int64;
}
