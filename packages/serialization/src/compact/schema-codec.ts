import type { ObjectDataInput, ObjectDataOutput } from '../io/data-io';
import { HazelcastSerializationError } from './errors';
import type { SchemaFieldKind } from './field-kind';
import { type FieldDescriptor, Schema } from './schema';

// Inside COMPACT_WITH_SCHEMA data Java stores the schema with out.writeObject(schema): the
// IdentifiedDataSerializable type id, a header byte, factory id -42 (schema factory), class id 1,
// then the type name, the field count and each field's name and kind id.
const DATA_SERIALIZABLE_TYPE_ID = -2;
const IDENTIFIED_FLAG = 0x01;
const VERSIONED_FLAG = 0x02;
const SCHEMA_FACTORY_ID = -42;
const SCHEMA_CLASS_ID = 1;
// Smallest encoded field: an empty name (int length) and a kind id.
const MIN_FIELD_BYTES = 8;

export function writeSchemaObject(out: ObjectDataOutput, schema: Schema): void {
  out.writeInt(DATA_SERIALIZABLE_TYPE_ID);
  out.writeByte(IDENTIFIED_FLAG);
  out.writeInt(SCHEMA_FACTORY_ID);
  out.writeInt(SCHEMA_CLASS_ID);
  out.writeString(schema.typeName);
  out.writeInt(schema.fields.length);
  for (const field of schema.fields) {
    out.writeString(field.name);
    out.writeInt(field.kind);
  }
}

function malformed(what: string): HazelcastSerializationError {
  return new HazelcastSerializationError(`Malformed schema in compact data: ${what}`);
}

export function readSchemaObject(input: ObjectDataInput): Schema {
  if (input.available() < 13) throw malformed('header runs past the end');
  const typeId = input.readInt();
  if (typeId !== DATA_SERIALIZABLE_TYPE_ID)
    throw malformed(`type id ${typeId}, expected ${DATA_SERIALIZABLE_TYPE_ID}`);
  const header = input.readByte();
  if ((header & IDENTIFIED_FLAG) === 0) throw malformed('not an IdentifiedDataSerializable');
  const factoryId = input.readInt();
  const classId = input.readInt();
  if (factoryId !== SCHEMA_FACTORY_ID || classId !== SCHEMA_CLASS_ID) {
    throw malformed(
      `factory ${factoryId} class ${classId}, expected ${SCHEMA_FACTORY_ID}/${SCHEMA_CLASS_ID}`,
    );
  }
  if ((header & VERSIONED_FLAG) !== 0) {
    input.readByte(); // major version
    input.readByte(); // minor version
  }
  const typeName = input.readString();
  if (typeName === null) throw malformed('null type name');
  const count = input.readInt();
  if (count < 0 || count * MIN_FIELD_BYTES > input.available()) throw malformed(`field count ${count}`);
  const fields: FieldDescriptor[] = [];
  for (let i = 0; i < count; i++) {
    const name = input.readString();
    if (name === null) throw malformed(`null name for field ${i}`);
    fields.push({ name, kind: input.readInt() as SchemaFieldKind });
  }
  return new Schema(typeName, fields);
}
