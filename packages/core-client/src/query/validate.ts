import { IllegalArgumentError } from '../errors/hazelcast-error';

/** A short, safe rendering of a bad argument for error messages. */
export function describeArgument(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return value.constructor?.name ?? 'object';
  return `${typeof value} ${String(value)}`;
}

/** Attribute paths name a field on the member ("age", "__key", "this", "address.city"). */
export function requireAttribute(operation: string, attribute: unknown, argument = 'attribute'): string {
  if (typeof attribute !== 'string' || attribute.trim().length === 0) {
    throw new IllegalArgumentError(
      `${operation}: ${argument} must be a non-empty string, got ${describeArgument(attribute)}`,
    );
  }
  return attribute;
}

/** The member cannot receive `undefined`; catching it here names the argument instead of failing in serialization. */
export function requireDefined(operation: string, value: unknown, argument: string): void {
  if (value === undefined) throw new IllegalArgumentError(`${operation}: ${argument} is required`);
}

/** Ordering comparisons against null fail on the member, so they are refused before anything is sent. */
export function requireComparable(operation: string, value: unknown, argument: string): void {
  if (value === undefined || value === null) {
    throw new IllegalArgumentError(`${operation}: ${argument} must not be ${describeArgument(value)}`);
  }
}

export function requireString(operation: string, value: unknown, argument: string): string {
  if (typeof value !== 'string') {
    throw new IllegalArgumentError(
      `${operation}: ${argument} must be a string, got ${describeArgument(value)}`,
    );
  }
  return value;
}

/**
 * Sub-predicates may be our built-ins or user IDS/Portable/Compact predicates implemented on the member,
 * so anything that is an object passes; what cannot be a predicate at all is refused.
 */
export function requirePredicateLike(
  operation: string,
  value: unknown,
  argument: string,
  kind = 'predicate',
): object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IllegalArgumentError(
      `${operation}: ${argument} must be a ${kind} object, got ${describeArgument(value)}`,
    );
  }
  return value;
}
