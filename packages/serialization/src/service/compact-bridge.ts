import { type CompactConfig, CompactStreamSerializer, SchemaRegistry } from '../compact';

// The one place the service touches Compact (src/compact), so the contract between them is visible here.

export type CompactConfigLike = CompactConfig;
export type SchemaRegistryLike = SchemaRegistry;
export type CompactStreamSerializerLike = Pick<CompactStreamSerializer, 'handles' | 'write' | 'read'>;

export function createSchemaRegistry(): SchemaRegistry {
  return new SchemaRegistry();
}

export function createCompactSerializer(
  config: CompactConfig | undefined,
  schemas: SchemaRegistry,
): CompactStreamSerializerLike {
  return new CompactStreamSerializer(config, schemas);
}
