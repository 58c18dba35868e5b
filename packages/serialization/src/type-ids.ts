/**
 * Serializer type ids Hazelcast members use (Java `SerializationConstants`), checked against the golden
 * vectors in packages/serialization/test/fixtures.
 */
export const TypeId = {
  NULL: 0,
  PORTABLE: -1,
  DATA_SERIALIZABLE: -2,
  BYTE: -3,
  BOOLEAN: -4,
  CHAR: -5,
  SHORT: -6,
  INT: -7,
  LONG: -8,
  FLOAT: -9,
  DOUBLE: -10,
  STRING: -11,
  BYTE_ARRAY: -12,
  BOOLEAN_ARRAY: -13,
  CHAR_ARRAY: -14,
  SHORT_ARRAY: -15,
  INT_ARRAY: -16,
  LONG_ARRAY: -17,
  FLOAT_ARRAY: -18,
  DOUBLE_ARRAY: -19,
  STRING_ARRAY: -20,
  UUID: -21,
  SIMPLE_ENTRY: -22,
  SIMPLE_IMMUTABLE_ENTRY: -23,
  JAVA_CLASS: -24,
  DATE: -25,
  BIG_INTEGER: -26,
  BIG_DECIMAL: -27,
  OBJECT_ARRAY: -28,
  ARRAY_LIST: -29,
  LINKED_LIST: -30,
  // -31 … -50 are the other java.util collections and Optional (see serializers/java-collections.ts).
  LOCAL_DATE: -51,
  LOCAL_TIME: -52,
  LOCAL_DATE_TIME: -53,
  OFFSET_DATE_TIME: -54,
  COMPACT: -55,
  COMPACT_WITH_SCHEMA: -56,
  JSON: -130,
} as const;

export type TypeIdName = keyof typeof TypeId;
