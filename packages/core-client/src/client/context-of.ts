import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { ClientContext } from './client-context';

/**
 * Each client's internals, reachable by the getters and plug-ins but not through the client's public type:
 * a module-level WeakMap, so a client that is dropped takes its context with it.
 */
const contexts = new WeakMap<object, ClientContext>();

/** Package-internal: remembers the context of a client. */
export function registerContext(client: object, context: ClientContext): void {
  contexts.set(client, context);
}

/** Package-internal. The context of `client`; a clear error for anything that is not an @hz client. */
export function contextOf(client: object): ClientContext {
  const context = typeof client === 'object' && client !== null ? contexts.get(client) : undefined;
  if (!context) {
    throw new IllegalArgumentError(
      `Expected a client from HazelcastClient.newHazelcastClient() of @hz/core-client, got ${describe(client)}`,
    );
  }
  return context;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return `an object of type ${value.constructor?.name ?? 'Object'}`;
  return `${typeof value} ${String(value)}`;
}
