import type Long from 'long';
import type { ObjectDataInput, ObjectDataOutput } from '../io/data-io';
import type { CompactConfig, CompactSerializer } from './compact-serializer';
import { DefaultCompactReader } from './default-compact-reader';
import { DefaultCompactWriter } from './default-compact-writer';
import { describeValue } from './describe-value';
import { HazelcastSerializationError, SchemaNotFoundError } from './errors';
import { CompactGenericRecord } from './generic-record';
import type { Schema } from './schema';
import { readSchemaObject, writeSchemaObject } from './schema-codec';
import type { SchemaRegistry } from './schema-registry';
import { SchemaWriter } from './schema-writer';
import type { NestedCompactReader, NestedCompactWriter } from './variable-field-codec';

type AnySerializer = CompactSerializer<unknown>;
// biome-ignore lint/complexity/noBannedTypes: classes are matched by their constructor function
type ClassKey = Function;

/**
 * The serializer behind type ids -55 (COMPACT) and -56 (COMPACT_WITH_SCHEMA): instances of classes
 * with a registered CompactSerializer, and CompactGenericRecords. Payload: the schema id (int64),
 * for -56 the schema itself, then the fields.
 */
export class CompactStreamSerializer {
  private readonly byClass = new Map<ClassKey, AnySerializer>();
  private readonly byTypeName = new Map<string, AnySerializer>();
  private readonly classSchemas = new Map<ClassKey, Schema>();
  private readonly nestedWriter: NestedCompactWriter = {
    writeNested: (out, value) => this.writeObject(out, value, false),
  };
  private readonly nestedWriterWithSchema: NestedCompactWriter = {
    writeNested: (out, value) => this.writeObject(out, value, true),
  };

  constructor(
    config: CompactConfig | undefined,
    private readonly schemas: SchemaRegistry,
  ) {
    const serializers = config?.serializers ?? [];
    if (!Array.isArray(serializers)) {
      throw new HazelcastSerializationError(
        `compact.serializers must be an array, got ${describeValue(serializers)}`,
      );
    }
    for (const serializer of serializers) this.addSerializer(serializer);
  }

  /** True for instances of a registered class and for CompactGenericRecords. */
  handles(value: unknown): boolean {
    if (value instanceof CompactGenericRecord) return true;
    return typeof value === 'object' && value !== null && this.byClass.has(value.constructor);
  }

  /** Writes the payload of a COMPACT (-55) Data; new schemas are queued in the registry. */
  write(output: ObjectDataOutput, value: unknown): void {
    this.writeTopLevel(output, value, false);
  }

  /** Writes the payload of a COMPACT_WITH_SCHEMA (-56) Data, which carries its schemas inline. */
  writeWithSchema(output: ObjectDataOutput, value: unknown): void {
    this.writeTopLevel(output, value, true);
  }

  /**
   * Reads a COMPACT (`withSchema` false) or COMPACT_WITH_SCHEMA payload. Throws SchemaNotFoundError
   * when a schema is not in the registry; types without a serializer come back as GenericRecords.
   */
  read(input: ObjectDataInput, withSchema: boolean): unknown {
    try {
      return this.readObject(input, withSchema, false);
    } catch (error) {
      // Stream bounds errors and stack exhaustion from absurd nesting are malformed input, not bugs.
      if (error instanceof RangeError) {
        throw new HazelcastSerializationError(`Malformed compact data: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  private writeTopLevel(output: ObjectDataOutput, value: unknown, withSchema: boolean): void {
    try {
      this.writeObject(output, value, withSchema);
    } catch (error) {
      if (error instanceof RangeError) {
        throw new HazelcastSerializationError(
          `Cannot write compact value (a cyclic or too deeply nested object graph?): ${error.message}`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  private addSerializer(serializer: AnySerializer): void {
    if (
      typeof serializer !== 'object' ||
      serializer === null ||
      typeof serializer.getClass !== 'function' ||
      typeof serializer.getTypeName !== 'function' ||
      typeof serializer.read !== 'function' ||
      typeof serializer.write !== 'function'
    ) {
      throw new HazelcastSerializationError(
        `compact.serializers: expected objects with getClass, getTypeName, read and write, got ${describeValue(serializer)}`,
      );
    }
    const clazz = serializer.getClass();
    const typeName = serializer.getTypeName();
    if (typeof clazz !== 'function') {
      throw new HazelcastSerializationError(
        `compact.serializers: getClass() of '${String(typeName)}' must return a class`,
      );
    }
    if (typeof typeName !== 'string' || typeName.length === 0) {
      throw new HazelcastSerializationError(
        `compact.serializers: getTypeName() for class ${clazz.name} must return a non-empty string`,
      );
    }
    if (this.byClass.has(clazz)) {
      throw new HazelcastSerializationError(`compact.serializers: class ${clazz.name} has two serializers`);
    }
    if (this.byTypeName.has(typeName)) {
      throw new HazelcastSerializationError(
        `compact.serializers: type name '${typeName}' is used by two serializers`,
      );
    }
    this.byClass.set(clazz, serializer);
    this.byTypeName.set(typeName, serializer);
  }

  private writeObject(out: ObjectDataOutput, value: unknown, withSchema: boolean): void {
    const nested = withSchema ? this.nestedWriterWithSchema : this.nestedWriter;
    if (value instanceof CompactGenericRecord) {
      const schema = value.schema;
      this.writeSchemaHeader(out, schema, withSchema);
      const writer = new DefaultCompactWriter(out, schema, nested);
      for (const field of schema.fields)
        writer.writeAnyField(field.name, field.kind, value.rawValue(field.name));
      writer.end();
      return;
    }
    const serializer =
      typeof value === 'object' && value !== null ? this.byClass.get(value.constructor) : undefined;
    if (serializer === undefined) {
      throw new HazelcastSerializationError(
        `No compact serializer is registered for ${describeValue(value)}; add one to compact.serializers`,
      );
    }
    const schema = this.schemaOf(serializer, value as object);
    this.writeSchemaHeader(out, schema, withSchema);
    const writer = new DefaultCompactWriter(out, schema, nested);
    serializer.write(writer, value);
    writer.end();
  }

  private schemaOf(serializer: AnySerializer, value: object): Schema {
    const known = this.classSchemas.get(value.constructor);
    if (known !== undefined) return known;
    const schemaWriter = new SchemaWriter(serializer.getTypeName());
    serializer.write(schemaWriter, value);
    const schema = schemaWriter.build();
    this.classSchemas.set(value.constructor, schema);
    return schema;
  }

  private writeSchemaHeader(out: ObjectDataOutput, schema: Schema, withSchema: boolean): void {
    out.writeLong(schema.id);
    if (!withSchema) {
      this.schemas.registerForWrite(schema);
      return;
    }
    // The schema travels with the data, so the cluster does not need it sent separately.
    const sizePosition = out.position();
    out.writeInt(0);
    writeSchemaObject(out, schema);
    out.writeIntAt(sizePosition, out.position() - sizePosition - 4);
  }

  private readObject(input: ObjectDataInput, withSchema: boolean, asGenericRecord: boolean): unknown {
    if (input.available() < 8) throw new HazelcastSerializationError('Malformed compact data: no schema id');
    const schemaId = input.readLong();
    let schema = this.schemas.get(schemaId);
    if (withSchema) {
      schema = this.readInlineSchema(input, schema, schemaId);
    } else if (schema === undefined) {
      throw new SchemaNotFoundError(schemaId);
    }
    const serializer = asGenericRecord ? undefined : this.byTypeName.get(schema.typeName);
    const nested: NestedCompactReader = {
      readNested: (nestedInput) => this.readObject(nestedInput, withSchema, serializer === undefined),
    };
    const reader = new DefaultCompactReader(input, schema, nested);
    if (serializer !== undefined) return serializer.read(reader);
    const values = new Map<string, unknown>();
    for (const field of schema.fields) values.set(field.name, reader.readValue(field));
    return new CompactGenericRecord(schema, values);
  }

  private readInlineSchema(input: ObjectDataInput, known: Schema | undefined, schemaId: Long): Schema {
    const size = input.readInt();
    if (size < 0 || size > input.available()) {
      throw new HazelcastSerializationError(`Malformed compact data: inline schema size ${size}`);
    }
    const start = input.position();
    if (known !== undefined) {
      input.setPosition(start + size);
      return known;
    }
    const schema = readSchemaObject(input);
    if (input.position() !== start + size || !schema.id.equals(schemaId)) {
      throw new HazelcastSerializationError(
        `Malformed compact data: inline schema ${schema.toString()} does not match its size ${size} or id ${schemaId.toString()}`,
      );
    }
    this.schemas.registerLocal(schema);
    return schema;
  }
}
