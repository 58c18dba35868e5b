import type { FormatSerializer, SerializationFormat } from '../service/format';
import { TypeId } from '../type-ids';
import { CompactStreamSerializer } from './compact-stream-serializer';
import { SchemaRegistry } from './schema-registry';

/**
 * Compact serialization (type ids -55 and -56, and CompactGenericRecord): register it in
 * `serialization.formats` to write or read Compact data. Configure serializers in `serialization.compact`.
 */
export const compactSerialization: SerializationFormat = {
  name: 'Compact',
  create({ config, schemas }): FormatSerializer {
    const registry = schemas ?? new SchemaRegistry();
    const compact = new CompactStreamSerializer(config.compact, registry);
    return {
      typeIds: [TypeId.COMPACT, TypeId.COMPACT_WITH_SCHEMA],
      schemas: registry,
      typeIdOf: (value) => (compact.handles(value) ? TypeId.COMPACT : undefined),
      write: (out, value) => compact.write(out, value),
      read: (input, typeId) => compact.read(input, typeId === TypeId.COMPACT_WITH_SCHEMA),
    };
  },
};
