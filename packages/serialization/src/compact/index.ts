// Compact serialization: schemas and their ids, the COMPACT (-55) / COMPACT_WITH_SCHEMA (-56) stream
// serializer, the reader/writer API for user serializers, GenericRecords, and the schema registry that
// core-client uses to send schemas before data (drainPending) and to fetch unknown ones
// (SchemaNotFoundError, readResolvingSchemas).
export type { CompactReader } from './compact-reader';
export type { CompactConfig, CompactSerializer } from './compact-serializer';
export { CompactStreamSerializer } from './compact-stream-serializer';
export type { CompactWriter } from './compact-writer';
export { SchemaNotFoundError } from './errors';
export { FieldKind, fieldKindName, type SchemaFieldKind } from './field-kind';
export type { FieldInput, FieldInputTypes } from './field-values';
export { CompactGenericRecord, compactGenericRecord } from './generic-record';
export { readResolvingSchemas } from './read-resolving-schemas';
export { type FieldDescriptor, Schema } from './schema';
export { SchemaRegistry } from './schema-registry';
