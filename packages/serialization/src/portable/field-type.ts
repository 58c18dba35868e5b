/** Portable field kinds with their Java `FieldType` ids, as written into the field table. */
export const FieldType = {
  PORTABLE: 0,
  BYTE: 1,
  BOOLEAN: 2,
  CHAR: 3,
  SHORT: 4,
  INT: 5,
  LONG: 6,
  FLOAT: 7,
  DOUBLE: 8,
  STRING: 9,
  PORTABLE_ARRAY: 10,
  BYTE_ARRAY: 11,
  BOOLEAN_ARRAY: 12,
  CHAR_ARRAY: 13,
  SHORT_ARRAY: 14,
  INT_ARRAY: 15,
  LONG_ARRAY: 16,
  FLOAT_ARRAY: 17,
  DOUBLE_ARRAY: 18,
  STRING_ARRAY: 19,
  DECIMAL: 20,
  DECIMAL_ARRAY: 21,
  TIME: 22,
  TIME_ARRAY: 23,
  DATE: 24,
  DATE_ARRAY: 25,
  TIMESTAMP: 26,
  TIMESTAMP_ARRAY: 27,
  TIMESTAMP_WITH_TIMEZONE: 28,
  TIMESTAMP_WITH_TIMEZONE_ARRAY: 29,
} as const;

export type FieldTypeId = (typeof FieldType)[keyof typeof FieldType];

const MAX_FIELD_TYPE = 29;

export function isFieldType(value: number): value is FieldTypeId {
  return Number.isInteger(value) && value >= 0 && value <= MAX_FIELD_TYPE;
}

export function fieldTypeName(type: number): string {
  for (const [name, id] of Object.entries(FieldType)) if (id === type) return name;
  return `unknown(${type})`;
}
