import type { Int64Input } from '../io/data-io';
import { HazelcastSerializationError } from './errors';
import { int64Key } from './int64';
import type { Schema } from './schema';

/**
 * Where a schema stands with the cluster: `local` known only here (read from COMPACT_WITH_SCHEMA data),
 * `pending` waiting to be sent, `sending` drained and not yet acknowledged, `replicated` on the cluster.
 */
type SchemaState = 'local' | 'pending' | 'sending' | 'replicated';

interface Entry {
  readonly schema: Schema;
  state: SchemaState;
}

/**
 * The client's schemas, keyed by schema id. Schemas first met while writing are queued; whoever sends
 * data (core-client) drains the queue and sends those schemas (Client.SendSchema) before the data
 * that uses them, then marks them replicated. Schemas fetched from the cluster are registered directly.
 */
export class SchemaRegistry {
  private readonly entries = new Map<string, Entry>();

  /** Stores a schema the cluster already has (e.g. fetched with Client.FetchSchema); nothing is queued. */
  register(schema: Schema): void {
    this.entry(schema).state = 'replicated';
  }

  /** Stores a schema learnt from data that carried it inline; the cluster may not have it. */
  registerLocal(schema: Schema): void {
    this.entry(schema);
  }

  /**
   * Stores a schema met while writing; returns true when this queued it for `drainPending` (it was
   * neither on the cluster nor already queued or being sent).
   */
  registerForWrite(schema: Schema): boolean {
    const entry = this.entry(schema);
    if (entry.state !== 'local') return false;
    entry.state = 'pending';
    return true;
  }

  get(id: Int64Input): Schema | undefined {
    return this.entries.get(int64Key(id))?.schema;
  }

  has(id: Int64Input): boolean {
    return this.entries.has(int64Key(id));
  }

  /** Schemas waiting to be sent, in the order they were met; they move to "being sent". */
  drainPending(): Schema[] {
    const drained: Schema[] = [];
    for (const entry of this.entries.values()) {
      if (entry.state !== 'pending') continue;
      entry.state = 'sending';
      drained.push(entry.schema);
    }
    return drained;
  }

  hasPending(): boolean {
    for (const entry of this.entries.values()) if (entry.state === 'pending') return true;
    return false;
  }

  /** Queues schemas again after sending them failed (those acknowledged meanwhile stay replicated). */
  requeue(schemas: readonly Schema[]): void {
    for (const schema of schemas) {
      const entry = this.entry(schema);
      if (entry.state !== 'replicated') entry.state = 'pending';
    }
  }

  /** Records that the cluster acknowledged the schema (Client.SendSchema succeeded). */
  markReplicated(id: Int64Input): void {
    const entry = this.entries.get(int64Key(id));
    if (entry === undefined) {
      throw new HazelcastSerializationError(
        `Schema ${String(id)} is not registered, so it cannot be marked replicated`,
      );
    }
    entry.state = 'replicated';
  }

  isReplicated(id: Int64Input): boolean {
    return this.entries.get(int64Key(id))?.state === 'replicated';
  }

  /** Every known schema, e.g. to send them all again after a cluster restart (Client.SendAllSchemas). */
  all(): Schema[] {
    return [...this.entries.values()].map((entry) => entry.schema);
  }

  /**
   * Forgets what the cluster has (it restarted and lost its schemas): nothing counts as replicated,
   * so the next write of each schema queues it again.
   */
  clearReplicated(): void {
    for (const entry of this.entries.values()) entry.state = 'local';
  }

  private entry(schema: Schema): Entry {
    const key = int64Key(schema.id);
    const known = this.entries.get(key);
    if (known === undefined) {
      const created: Entry = { schema, state: 'local' };
      this.entries.set(key, created);
      return created;
    }
    if (!known.schema.equals(schema)) {
      throw new HazelcastSerializationError(
        `Schema id collision: ${known.schema.toString()} and ${schema.toString()} share id ${schema.id.toString()}`,
      );
    }
    return known;
  }
}
