// What a Map user needs of @hz/serialization, re-exported so that one package and one import cover the
// common case. These are the same bindings (`BigDecimal` here is @hz/serialization's class); being pure
// re-exports, they add nothing to a bundle that does not use them (tools/bench/src/static/reexports.test.ts).

export type {
  CompactReader,
  CompactSerializer,
  CompactWriter,
  CustomSerializer,
  GlobalSerializer,
  IdentifiedDataSerializable,
  IdentifiedDataSerializableFactory,
  ObjectDataInput,
  ObjectDataOutput,
  Portable,
  PortableFactory,
  PortableReader,
  PortableWriter,
  SerializationConfig,
} from '@hz/serialization';
export {
  BigDecimal,
  CompactGenericRecord,
  compactGenericRecord,
  FieldKind,
  HazelcastJsonValue,
  HazelcastSerializationError,
  type JavaKind,
  JavaTyped,
  LocalDate,
  LocalDateTime,
  LocalTime,
  OffsetDateTime,
  typed,
  UUID,
} from '@hz/serialization';
