import { KindDispatchingWriter } from './compact-writer';
import { HazelcastSerializationError } from './errors';
import type { SchemaFieldKind } from './field-kind';
import { type FieldDescriptor, Schema } from './schema';

/** Runs a serializer's `write` once to learn the fields it writes, and builds the schema from them. */
export class SchemaWriter extends KindDispatchingWriter {
  private readonly fields: FieldDescriptor[] = [];
  private readonly names = new Set<string>();

  constructor(private readonly typeName: string) {
    super();
  }

  protected writeField(fieldName: string, kind: SchemaFieldKind): void {
    if (typeof fieldName !== 'string' || fieldName.length === 0) {
      throw new HazelcastSerializationError(
        `Compact type '${this.typeName}': field names must be non-empty strings`,
      );
    }
    if (this.names.has(fieldName)) {
      throw new HazelcastSerializationError(
        `Compact type '${this.typeName}': field '${fieldName}' is written twice`,
      );
    }
    this.names.add(fieldName);
    this.fields.push({ name: fieldName, kind });
  }

  build(): Schema {
    return new Schema(this.typeName, this.fields);
  }
}
