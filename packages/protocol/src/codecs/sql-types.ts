// The values a SqlPage carries.

/** Column type ids of SqlColumnMetadata.type. */
export const SqlColumnTypes = {
  VARCHAR: 0,
  BOOLEAN: 1,
  TINYINT: 2,
  SMALLINT: 3,
  INTEGER: 4,
  BIGINT: 5,
  DECIMAL: 6,
  REAL: 7,
  DOUBLE: 8,
  DATE: 9,
  TIME: 10,
  TIMESTAMP: 11,
  TIMESTAMP_WITH_TIME_ZONE: 12,
  OBJECT: 13,
  NULL: 14,
  JSON: 15,
} as const;

export type SqlColumnType = (typeof SqlColumnTypes)[keyof typeof SqlColumnTypes];

export interface SqlLocalDate {
  year: number;
  month: number;
  day: number;
}
export interface SqlLocalTime {
  hour: number;
  minute: number;
  second: number;
  nano: number;
}
export interface SqlLocalDateTime {
  date: SqlLocalDate;
  time: SqlLocalTime;
}
export interface SqlOffsetDateTime {
  dateTime: SqlLocalDateTime;
  offsetSeconds: number;
}
export interface SqlDecimal {
  unscaledValue: bigint;
  scale: number;
}

export interface SqlPage {
  columnTypes: number[];
  /** Column-major values; null for SQL NULL. Objects are serialized Data (Buffer). */
  columns: unknown[][];
  isLast: boolean;
}
