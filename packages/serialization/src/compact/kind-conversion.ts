import { HazelcastSerializationError } from './errors';
import { FieldKind, fieldKindName, fixedSizeOf, type SchemaFieldKind } from './field-kind';

// Java lets a reader ask for a plain kind when the data has its nullable twin (and the reverse), so a
// field can change nullability between schema versions. These are the twins.
function nullableTwinOf(kind: FieldKind): FieldKind | undefined {
  switch (kind) {
    case FieldKind.BOOLEAN:
      return FieldKind.NULLABLE_BOOLEAN;
    case FieldKind.INT8:
      return FieldKind.NULLABLE_INT8;
    case FieldKind.INT16:
      return FieldKind.NULLABLE_INT16;
    case FieldKind.INT32:
      return FieldKind.NULLABLE_INT32;
    case FieldKind.INT64:
      return FieldKind.NULLABLE_INT64;
    case FieldKind.FLOAT32:
      return FieldKind.NULLABLE_FLOAT32;
    case FieldKind.FLOAT64:
      return FieldKind.NULLABLE_FLOAT64;
    case FieldKind.ARRAY_OF_BOOLEAN:
      return FieldKind.ARRAY_OF_NULLABLE_BOOLEAN;
    case FieldKind.ARRAY_OF_INT8:
      return FieldKind.ARRAY_OF_NULLABLE_INT8;
    case FieldKind.ARRAY_OF_INT16:
      return FieldKind.ARRAY_OF_NULLABLE_INT16;
    case FieldKind.ARRAY_OF_INT32:
      return FieldKind.ARRAY_OF_NULLABLE_INT32;
    case FieldKind.ARRAY_OF_INT64:
      return FieldKind.ARRAY_OF_NULLABLE_INT64;
    case FieldKind.ARRAY_OF_FLOAT32:
      return FieldKind.ARRAY_OF_NULLABLE_FLOAT32;
    case FieldKind.ARRAY_OF_FLOAT64:
      return FieldKind.ARRAY_OF_NULLABLE_FLOAT64;
    default:
      return undefined;
  }
}

/** True when a value stored as `actual` can be handed out as `requested`. */
export function canReadAs(requested: FieldKind, actual: FieldKind): boolean {
  return requested === actual || nullableTwinOf(requested) === actual || nullableTwinOf(actual) === requested;
}

/**
 * Converts a decoded value of kind `actual` to what a reader of kind `requested` expects; throws when
 * the kinds are unrelated or a null would reach a non-nullable reader. `where` names the field.
 */
export function convertForRead(
  requested: FieldKind,
  actual: SchemaFieldKind,
  value: unknown,
  where: string,
): unknown {
  if (requested === actual) return value;
  if (!canReadAs(requested, actual)) {
    throw new HazelcastSerializationError(
      `${where} is ${fieldKindName(actual)}, cannot read it as ${fieldKindName(requested)}`,
    );
  }
  if (value === null || value === undefined) {
    if (fixedSizeOf(requested) >= 0) {
      throw new HazelcastSerializationError(
        `${where} is null; read it as ${fieldKindName(actual)} to accept nulls`,
      );
    }
    return null;
  }
  if (!Array.isArray(value) && !Buffer.isBuffer(value)) return value;
  const readingPlainArray = nullableTwinOf(requested) === actual;
  if (readingPlainArray) {
    const items = value as unknown[];
    const nullAt = items.findIndex((item) => item === null || item === undefined);
    if (nullAt >= 0) {
      throw new HazelcastSerializationError(
        `${where} has a null at index ${nullAt}; read it as ${fieldKindName(actual)} to accept nulls`,
      );
    }
    return requested === FieldKind.ARRAY_OF_INT8
      ? Buffer.from(Int8Array.from(items as number[]).buffer)
      : [...items];
  }
  if (Buffer.isBuffer(value)) return Array.from(new Int8Array(value.buffer, value.byteOffset, value.length));
  return [...(value as unknown[])];
}
