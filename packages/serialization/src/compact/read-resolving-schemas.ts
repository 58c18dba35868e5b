import type Long from 'long';
import { HazelcastSerializationError, SchemaNotFoundError } from './errors';
import type { Schema } from './schema';
import type { SchemaRegistry } from './schema-registry';

/**
 * Runs `read`; whenever it stops on a schema the registry lacks, fetches that schema (core-client
 * plugs in Client.FetchSchema), registers it and runs `read` again. `read` must be repeatable, i.e.
 * start from the beginning of the data each time. A schema the cluster does not return, or one that
 * does not match the requested id, ends the loop with HazelcastSerializationError.
 */
export async function readResolvingSchemas<T>(
  read: () => T,
  fetch: (schemaId: Long) => Promise<Schema | null | undefined>,
  registry: SchemaRegistry,
): Promise<T> {
  const fetched = new Set<string>();
  for (;;) {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof SchemaNotFoundError)) throw error;
      const key = error.schemaId.toString();
      if (fetched.has(key)) {
        throw new HazelcastSerializationError(
          `Schema ${key} is still missing after it was fetched and registered`,
          {
            cause: error,
          },
        );
      }
      fetched.add(key);
      const schema = await fetch(error.schemaId);
      if (schema === null || schema === undefined) {
        throw new HazelcastSerializationError(`The cluster does not know compact schema ${key}`, {
          cause: error,
        });
      }
      if (!schema.id.equals(error.schemaId)) {
        throw new HazelcastSerializationError(
          `Fetched schema ${schema.toString()} for id ${key}, but its id is ${schema.id.toString()}`,
        );
      }
      registry.register(schema);
    }
  }
}
