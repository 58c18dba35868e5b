import type Long from 'long';
import { HazelcastSerializationError } from '../errors';

export { HazelcastSerializationError };

/**
 * A compact payload refers to a schema this client does not know yet. Callers fetch the schema from
 * the cluster (Client.FetchSchema), register it and read again; see `readResolvingSchemas`.
 */
export class SchemaNotFoundError extends HazelcastSerializationError {
  override name = 'SchemaNotFoundError';
  readonly schemaId: Long;

  constructor(schemaId: Long) {
    super(`Compact schema ${schemaId.toString()} is not known locally; fetch it from the cluster and retry`);
    this.schemaId = schemaId;
  }
}
