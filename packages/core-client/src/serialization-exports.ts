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
  portableSerialization,
  typed,
  UUID,
} from '@hz/serialization';
// Compact for a client: the format plus the schema replication only a client needs (opt-in: a program
// that does not register it carries no Compact code).
export { compactSerialization } from './client/compact-support';
