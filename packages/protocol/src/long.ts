import Long from 'long';

/** What public inputs accept wherever the wire carries an int64. */
export type LongLike = number | bigint | Long;

export function toLong(value: LongLike): Long {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError(`Expected an integer for an int64 field, got ${value}`);
    return Long.fromNumber(value);
  }
  if (typeof value === 'bigint') return Long.fromBigInt(BigInt.asIntN(64, value));
  if (Long.isLong(value)) return value;
  throw new TypeError(`Expected number, bigint or Long for an int64 field, got ${typeof value}`);
}
