import {
  ClientFetchSchemaCodec,
  ClientSendAllSchemasCodec,
  ClientSendSchemaCodec,
  uuidToString,
  type Schema as WireSchema,
} from '@hz/protocol';
import {
  readResolvingSchemas,
  Schema,
  type SchemaFieldKind,
  SchemaNotFoundError,
  type SchemaRegistry,
} from '@hz/serialization';
import type Long from 'long';
import { IllegalStateError } from '../errors/hazelcast-error';
import type { ClientContext } from './client-context';

/**
 * The Compact schema contract between serialization and the cluster, kept in one place:
 * - a value serialized with a schema the cluster has not seen leaves a pending schema in the registry;
 *   `afterWrite()` starts sending it and returns a gate every invocation waits for, so the schema always
 *   reaches the cluster before data that uses it;
 * - reading data with an unknown schema fetches it (Client.FetchSchema) and reads again;
 * - after a restart of the cluster every known schema is sent again.
 */
export class SchemaReplication {
  readonly #registry: SchemaRegistry;
  readonly #context: () => ClientContext;
  #gate: Promise<void> | undefined;

  constructor(registry: SchemaRegistry, context: () => ClientContext) {
    this.#registry = registry;
    this.#context = context;
  }

  /** What invocations wait for: undefined (no wait) unless a new schema is on its way. */
  get gate(): Promise<void> | undefined {
    return this.#gate;
  }

  /** Called after every serialization: cheap unless a new schema appeared. */
  afterWrite(): void {
    if (!this.#registry.hasPending()) return;
    const schemas = this.#registry.drainPending();
    const previous = this.#gate ?? Promise.resolve();
    const sending = previous
      .then(() => Promise.all(schemas.map((schema) => this.#send(schema))))
      .then(
        () => undefined,
        (error: unknown) => {
          // Not replicated: the next write with these schemas tries again.
          this.#registry.requeue(schemas);
          throw error;
        },
      );
    const gate = sending.finally(() => {
      if (this.#gate === gate) this.#gate = undefined;
    });
    // The invocations waiting on the gate report a failure; the gate itself must not crash the process.
    gate.catch(() => {});
    this.#gate = gate;
  }

  /**
   * Reads `data`, fetching unknown schemas from the cluster first. The common case (no unknown schema) stays
   * synchronous: the async fetch loop only starts once a read actually misses a schema.
   */
  read<T>(read: () => T): Promise<T> {
    try {
      return Promise.resolve(read());
    } catch (error) {
      if (!(error instanceof SchemaNotFoundError)) return Promise.reject(error);
      return readResolvingSchemas(read, (id) => this.#fetch(id), this.#registry);
    }
  }

  /** After reconnecting to a restarted cluster: the new cluster knows none of our schemas. */
  resendAll(): void {
    const schemas = this.#registry.all();
    if (schemas.length === 0) return;
    this.#registry.clearReplicated();
    const context = this.#context();
    const sending = context.invocations
      .invoke(ClientSendAllSchemasCodec.encodeRequest(schemas.map(toWire)), { target: { kind: 'any' } })
      .then(() => {
        for (const schema of schemas) this.#registry.markReplicated(schema.id);
      });
    sending.catch((error: Error) =>
      context.logger.warn('SchemaReplication', `re-sending schemas failed: ${error.message}`),
    );
  }

  /**
   * Sends a new schema until every member has it (the answer lists the members that do), at most
   * `hazelcast.client.schema.max.put.retry.count` times: data that needs it must never reach a member
   * that cannot read it.
   */
  async #send(schema: Schema): Promise<void> {
    const context = this.#context();
    const attempts = context.config.properties['hazelcast.client.schema.max.put.retry.count'];
    const pause = context.config.properties['hazelcast.client.invocation.retry.pause.millis'];
    for (let attempt = 1; ; attempt++) {
      // Straight to the invocation service: the context's invoke would wait for the gate this send opens.
      const response = await context.invocations.invoke(ClientSendSchemaCodec.encodeRequest(toWire(schema)), {
        target: { kind: 'any' },
      });
      const replicated = new Set(
        ClientSendSchemaCodec.decodeResponse(response).replicatedMembers.map((uuid) => uuidToString(uuid)),
      );
      const missing = context.clusterService.getMembers().filter((member) => !replicated.has(member.uuid));
      if (missing.length === 0) break;
      if (attempt >= attempts) {
        throw new IllegalStateError(
          `The Compact schema of ${schema.typeName} reached ${replicated.size} member(s) but not ` +
            `${missing.map((m) => m.uuid).join(', ')} after ${attempts} attempt(s) ` +
            '(hazelcast.client.schema.max.put.retry.count)',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause).unref());
    }
    this.#registry.markReplicated(schema.id);
  }

  async #fetch(id: Long): Promise<Schema | null> {
    const response = await this.#context().invocations.invoke(ClientFetchSchemaCodec.encodeRequest(id), {
      target: { kind: 'any' },
      readOnly: true,
    });
    const wire = ClientFetchSchemaCodec.decodeResponse(response).schema;
    return wire === null
      ? null
      : new Schema(
          wire.typeName,
          wire.fields.map((field) => ({ name: field.fieldName, kind: field.kind as SchemaFieldKind })),
        );
  }
}

function toWire(schema: Schema): WireSchema {
  return {
    typeName: schema.typeName,
    fields: schema.fields.map((field) => ({ fieldName: field.name, kind: field.kind })),
  };
}
