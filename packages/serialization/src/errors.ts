/**
 * Raised for anything that cannot be serialized or deserialized: unsupported values, unknown type ids,
 * missing factories, and malformed or truncated bytes.
 */
export class HazelcastSerializationError extends Error {
  override name = 'HazelcastSerializationError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // The mark every @hz error carries: `error instanceof HazelcastError` (from @hz/core-client or
    // @hz/protocol) is true for this error too, although this package depends on neither.
    (this as unknown as Record<symbol, boolean>)[Symbol.for('@hz/error')] = true;
  }
}

/** A short description of a value's type for error messages (constructor name, or typeof). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' || typeof value === 'function') {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    const name = typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'Object';
    return typeof value === 'function' ? `function ${name}` : name;
  }
  return typeof value;
}
