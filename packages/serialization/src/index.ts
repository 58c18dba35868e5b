// @hz/serialization: the Hazelcast Data format and every serializer, byte-compatible with Java members.

export * from './compact';
export { compactSerialization } from './compact/format';
export { type Data, HeapData, isData } from './data/heap-data';
export { MURMUR_SEED, murmurHash3x86_32 } from './data/murmur';
export { HazelcastSerializationError } from './errors';
export { ByteArrayObjectDataInput, type ObjectReader } from './io/byte-input';
export { ByteArrayObjectDataOutput, type ObjectWriter } from './io/byte-output';
export type { Int64Input, ObjectDataInput, ObjectDataOutput } from './io/data-io';
export { BigDecimal } from './java/big-decimal';
export { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from './java/date-time';
export { HazelcastJsonValue } from './java/json-value';
export { type JavaKind, JavaKinds, JavaTyped, typed } from './java/typed';
export { UUID } from './java/uuid';
export { ClassDefinition, FieldDefinition } from './portable/class-definition';
export { ClassDefinitionBuilder } from './portable/class-definition-builder';
export { FieldType, type FieldTypeId } from './portable/field-type';
export { portableSerialization } from './portable/format';
export type { Portable, PortableFactory, PortableReader, PortableWriter } from './portable/portable';
export type {
  CustomSerializer,
  GlobalSerializer,
  IdentifiedDataSerializable,
  IdentifiedDataSerializableFactory,
} from './serializable';
export type {
  DefaultNumberType,
  JsonStringDeserializationPolicy,
  ResolvedSerializationConfig,
  SerializationConfig,
} from './service/config';
export type { FormatContext, FormatSerializer, SerializationFormat } from './service/format';
export { SerializationService } from './service/serialization-service';
export { TypeId } from './type-ids';
