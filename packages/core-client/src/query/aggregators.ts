// The aggregator builders, with the official Node client's names (plus maxBy/minBy, which it lacks).
// Each takes an optional attribute path; without one the entry values themselves are aggregated.
import type { Int64 } from '../util/int64';
import { Aggregator } from './aggregator';
import { AggregatorClassId } from './ids';
import type { MapEntryResult } from './query-results';
import { requireAttribute } from './validate';

function build<R>(operation: string, classId: number, attributePath: string | undefined): Aggregator<R> {
  if (attributePath !== undefined) requireAttribute(operation, attributePath, 'attributePath');
  return new Aggregator<R>(classId, attributePath ?? null);
}

/** Counts the entries (nulls included). Resolves to an Int64 (bigint, or Long with `int64Type: 'Long'`). */
export function count(attributePath?: string): Aggregator<Int64> {
  return build('count', AggregatorClassId.COUNT, attributePath);
}

/** The set of distinct values (null included). Needs `queryResultFactories` to read the result. */
export function distinct<R = unknown>(attributePath?: string): Aggregator<Set<R>> {
  return build('distinct', AggregatorClassId.DISTINCT, attributePath);
}

/** Average of Java Double values. */
export function doubleAvg(attributePath?: string): Aggregator<number> {
  return build('doubleAvg', AggregatorClassId.DOUBLE_AVG, attributePath);
}

/** Sum of Java Double values. */
export function doubleSum(attributePath?: string): Aggregator<number> {
  return build('doubleSum', AggregatorClassId.DOUBLE_SUM, attributePath);
}

/** Sum of any Java numbers, as an Int64 (fractions are truncated). */
export function fixedPointSum(attributePath?: string): Aggregator<Int64> {
  return build('fixedPointSum', AggregatorClassId.FIXED_POINT_SUM, attributePath);
}

/** Sum of any Java numbers, as a double. */
export function floatingPointSum(attributePath?: string): Aggregator<number> {
  return build('floatingPointSum', AggregatorClassId.FLOATING_POINT_SUM, attributePath);
}

/** Average of Java Integer values. */
export function intAvg(attributePath?: string): Aggregator<number> {
  return build('intAvg', AggregatorClassId.INT_AVG, attributePath);
}

/** Sum of Java Integer values, as an Int64. */
export function intSum(attributePath?: string): Aggregator<Int64> {
  return build('intSum', AggregatorClassId.INT_SUM, attributePath);
}

/** The official client's name for intAvg. */
export const integerAvg = intAvg;
/** The official client's name for intSum. */
export const integerSum = intSum;

/** Average of Java Long values. */
export function longAvg(attributePath?: string): Aggregator<number> {
  return build('longAvg', AggregatorClassId.LONG_AVG, attributePath);
}

/** Sum of Java Long values, as an Int64. */
export function longSum(attributePath?: string): Aggregator<Int64> {
  return build('longSum', AggregatorClassId.LONG_SUM, attributePath);
}

/** The largest value (Java Comparable order); null when there are none. */
export function max<R = unknown>(attributePath?: string): Aggregator<R> {
  return build('max', AggregatorClassId.MAX, attributePath);
}

/** The smallest value (Java Comparable order); null when there are none. */
export function min<R = unknown>(attributePath?: string): Aggregator<R> {
  return build('min', AggregatorClassId.MIN, attributePath);
}

/** Average of any Java numbers, as a double. */
export function numberAvg(attributePath?: string): Aggregator<number> {
  return build('numberAvg', AggregatorClassId.NUMBER_AVG, attributePath);
}

/** The entry whose attribute is largest. The attribute is required: it is what entries are compared by. */
export function maxBy<K = unknown, V = unknown>(attributePath: string): Aggregator<MapEntryResult<K, V>> {
  requireAttribute('maxBy', attributePath, 'attributePath');
  return build('maxBy', AggregatorClassId.MAX_BY, attributePath);
}

/** The entry whose attribute is smallest. */
export function minBy<K = unknown, V = unknown>(attributePath: string): Aggregator<MapEntryResult<K, V>> {
  requireAttribute('minBy', attributePath, 'attributePath');
  return build('minBy', AggregatorClassId.MIN_BY, attributePath);
}
