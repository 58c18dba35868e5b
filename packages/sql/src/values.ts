import type { PluginHost } from '@hz/core-client/plugin';
import { SqlColumnTypes, type SqlDecimal, type SqlLocalDate, type SqlLocalTime } from '@hz/protocol';
import {
  BigDecimal,
  HazelcastJsonValue,
  LocalDate,
  LocalDateTime,
  LocalTime,
  OffsetDateTime,
  typed,
} from '@hz/serialization';
import type Long from 'long';
import { invalid } from './statement';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A parameter as SQL should see it. The member types parameters strictly (a DOUBLE is not accepted where an
 * INTEGER is expected, a DECIMAL not where a BIGINT is), so JS numbers and bigints get SQL-friendly Java
 * types here; everything else goes through the client's serialization service unchanged:
 *
 * - a whole `number` in the 32-bit range → INTEGER, a larger safe integer → BIGINT, any other number →
 *   DOUBLE (the member narrows an INTEGER to TINYINT or SMALLINT when the value fits, and widens it to
 *   BIGINT, DECIMAL, REAL and DOUBLE; a DOUBLE it neither narrows to REAL nor converts to DECIMAL);
 * - a `bigint` → BIGINT (it must fit 64 bits; use `BigDecimal` for DECIMAL);
 * - `typed(value, 'byte' | 'short' | 'int' | 'long' | 'float' | 'double')` picks the type explicitly.
 */
export function sqlParameter(value: unknown, index: number): unknown {
  switch (typeof value) {
    case 'number':
      if (Number.isInteger(value) && !Object.is(value, -0)) {
        if (value >= INT32_MIN && value <= INT32_MAX) return typed(value, 'int');
        if (Number.isSafeInteger(value)) return typed(value, 'long');
      }
      return typed(value, 'double');
    case 'bigint':
      if (value < INT64_MIN || value > INT64_MAX) {
        throw invalid(
          `parameter ${index} (${value}n) does not fit BIGINT (64 bits); pass a BigDecimal for a DECIMAL`,
        );
      }
      return typed(value, 'long');
    case 'undefined':
      throw invalid(`parameter ${index} is undefined; pass null for SQL NULL`);
    default:
      return value;
  }
}

/**
 * Converts one column of a page, as the protocol decoded it, to the values a result hands out (see
 * SqlColumnType). OBJECT values are deserialized (awaiting unknown Compact schemas).
 */
export async function convertColumn(host: PluginHost, type: number, values: unknown[]): Promise<unknown[]> {
  const count = values.length;
  switch (type) {
    case SqlColumnTypes.BIGINT:
      for (let i = 0; i < count; i++) {
        const value = values[i];
        if (value != null) values[i] = host.int64(value as Long);
      }
      return values;
    case SqlColumnTypes.DECIMAL:
      return mapPresent(values, (v: SqlDecimal) => new BigDecimal(v.unscaledValue, v.scale));
    case SqlColumnTypes.DATE:
      return mapPresent(values, toLocalDate);
    case SqlColumnTypes.TIME:
      return mapPresent(values, toLocalTime);
    case SqlColumnTypes.TIMESTAMP:
      return mapPresent(values, (v: { date: SqlLocalDate; time: SqlLocalTime }) =>
        toLocalDateTime(v.date, v.time),
      );
    case SqlColumnTypes.TIMESTAMP_WITH_TIME_ZONE:
      return mapPresent(
        values,
        (v: { dateTime: { date: SqlLocalDate; time: SqlLocalTime }; offsetSeconds: number }) =>
          new OffsetDateTime(toLocalDateTime(v.dateTime.date, v.dateTime.time), v.offsetSeconds),
      );
    case SqlColumnTypes.JSON:
      return mapPresent(values, (v: { value: string }) => new HazelcastJsonValue(v.value));
    case SqlColumnTypes.OBJECT:
      for (let i = 0; i < count; i++) {
        const value = values[i];
        if (value != null) values[i] = await host.toObject(value as Buffer);
      }
      return values;
    default:
      // VARCHAR, BOOLEAN, TINYINT, SMALLINT, INTEGER, REAL, DOUBLE and NULL arrive as their JS values.
      return values;
  }
}

function mapPresent<T>(values: unknown[], convert: (value: T) => unknown): unknown[] {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value != null) values[i] = convert(value as T);
  }
  return values;
}

function toLocalDate(v: SqlLocalDate): LocalDate {
  return new LocalDate(v.year, v.month, v.day);
}

function toLocalTime(v: SqlLocalTime): LocalTime {
  return new LocalTime(v.hour, v.minute, v.second, v.nano);
}

function toLocalDateTime(date: SqlLocalDate, time: SqlLocalTime): LocalDateTime {
  return new LocalDateTime(toLocalDate(date), toLocalTime(time));
}
