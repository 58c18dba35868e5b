/**
 * The kind of a compact field, with the ids Java's `com.hazelcast.nio.serialization.FieldKind` puts on
 * the wire (schemas and fingerprints carry these ids). Java's CHAR/PORTABLE kinds (5, 6, 31, 32) are
 * left out on purpose: the compact format rejects them.
 */
export const FieldKind = {
  /** Returned by `getFieldKind` for a field the schema does not have. */
  NOT_AVAILABLE: 0,
  BOOLEAN: 1,
  ARRAY_OF_BOOLEAN: 2,
  INT8: 3,
  ARRAY_OF_INT8: 4,
  INT16: 7,
  ARRAY_OF_INT16: 8,
  INT32: 9,
  ARRAY_OF_INT32: 10,
  INT64: 11,
  ARRAY_OF_INT64: 12,
  FLOAT32: 13,
  ARRAY_OF_FLOAT32: 14,
  FLOAT64: 15,
  ARRAY_OF_FLOAT64: 16,
  STRING: 17,
  ARRAY_OF_STRING: 18,
  DECIMAL: 19,
  ARRAY_OF_DECIMAL: 20,
  TIME: 21,
  ARRAY_OF_TIME: 22,
  DATE: 23,
  ARRAY_OF_DATE: 24,
  TIMESTAMP: 25,
  ARRAY_OF_TIMESTAMP: 26,
  TIMESTAMP_WITH_TIMEZONE: 27,
  ARRAY_OF_TIMESTAMP_WITH_TIMEZONE: 28,
  COMPACT: 29,
  ARRAY_OF_COMPACT: 30,
  NULLABLE_BOOLEAN: 33,
  ARRAY_OF_NULLABLE_BOOLEAN: 34,
  NULLABLE_INT8: 35,
  ARRAY_OF_NULLABLE_INT8: 36,
  NULLABLE_INT16: 37,
  ARRAY_OF_NULLABLE_INT16: 38,
  NULLABLE_INT32: 39,
  ARRAY_OF_NULLABLE_INT32: 40,
  NULLABLE_INT64: 41,
  ARRAY_OF_NULLABLE_INT64: 42,
  NULLABLE_FLOAT32: 43,
  ARRAY_OF_NULLABLE_FLOAT32: 44,
  NULLABLE_FLOAT64: 45,
  ARRAY_OF_NULLABLE_FLOAT64: 46,
} as const;

export type FieldKind = (typeof FieldKind)[keyof typeof FieldKind];

/** A kind a schema field can have (every kind except NOT_AVAILABLE). */
export type SchemaFieldKind = Exclude<FieldKind, typeof FieldKind.NOT_AVAILABLE>;

let namesById: Map<number, string> | undefined;

function kindNames(): Map<number, string> {
  namesById ??= new Map(Object.entries(FieldKind).map(([name, id]) => [id, name]));
  return namesById;
}

/** The kind's name for messages, e.g. `INT32`; unknown ids are shown as numbers. */
export function fieldKindName(kind: number): string {
  return kindNames().get(kind) ?? `unknown field kind ${kind}`;
}

/** True for ids a schema field may carry. */
export function isSchemaFieldKind(kind: unknown): kind is SchemaFieldKind {
  return typeof kind === 'number' && kind !== FieldKind.NOT_AVAILABLE && kindNames().has(kind);
}

/** Width in the fixed-size section, 0 for BOOLEAN (packed into bits), -1 for variable-size kinds. */
export function fixedSizeOf(kind: FieldKind): number {
  switch (kind) {
    case FieldKind.BOOLEAN:
      return 0;
    case FieldKind.INT8:
      return 1;
    case FieldKind.INT16:
      return 2;
    case FieldKind.INT32:
    case FieldKind.FLOAT32:
      return 4;
    case FieldKind.INT64:
    case FieldKind.FLOAT64:
      return 8;
    default:
      return -1;
  }
}

/** For an ARRAY_OF_X kind, the kind of one item (Java numbers every array kind as its item kind + 1). */
export function itemKindOf(arrayKind: FieldKind): SchemaFieldKind {
  return (arrayKind - 1) as SchemaFieldKind;
}
