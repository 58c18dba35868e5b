import {
  compactSerialization as compactFormat,
  type SerializationFormat,
  type SerializationService,
} from '@hz/serialization';
import type { ClientContext } from './client-context';
import { SchemaReplication } from './schema-replication';

/** What the client runs for a serialization format that talks to the cluster (Compact's schemas). */
export interface FormatClientSupport {
  /** What invocations wait for: undefined (no wait) unless data needs something sent first. */
  readonly gate: Promise<void> | undefined;
  /** Called after every serialization. */
  afterWrite(): void;
  /** Reads a value, fetching what the cluster has and the client lacks first. */
  read<T>(read: () => T): Promise<T>;
  /** The client reconnected to a restarted cluster. */
  resendAll(): void;
}

/** @internal A format plus the client side it needs. */
export interface ClientSerializationFormat extends SerializationFormat {
  readonly client: (service: SerializationService, context: () => ClientContext) => FormatClientSupport;
}

function withClientSupport(
  format: SerializationFormat,
  client: ClientSerializationFormat['client'],
): ClientSerializationFormat {
  return { name: format.name, create: (context) => format.create(context), client };
}

/**
 * Compact serialization for a client: `serialization: { formats: [compactSerialization], compact: { … } }`.
 * Besides the format itself it sends new schemas to the cluster before the data that uses them, fetches
 * unknown ones, and sends them all again after a cluster restart. Without it a program carries no Compact
 * code, and Compact data it meets fails with an error that says to add it.
 */
export const compactSerialization: SerializationFormat = /* @__PURE__ */ withClientSupport(
  compactFormat,
  (service, context) => new SchemaReplication(service.schemas, context),
);
