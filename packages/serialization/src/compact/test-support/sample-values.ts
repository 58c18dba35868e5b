import Long from 'long';
import { BigDecimal } from '../../java/big-decimal';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../../java/date-time';
import { FieldKind, type SchemaFieldKind } from '../field-kind';

const time = new LocalTime(23, 59, 58, 999_999_999);
const date = new LocalDate(-2024, 2, 29);
const dateTime = new LocalDateTime(new LocalDate(1970, 1, 1), new LocalTime(0, 0, 0, 1));
const offsetDateTime = new OffsetDateTime(dateTime, -18 * 3600);
const decimal = new BigDecimal(-123456789012345678901234567890n, 7);

/**
 * A non-trivial value of every kind except COMPACT/ARRAY_OF_COMPACT (those need a nested type), in the
 * form readers return, with edge values (extremes, negative zero, NaN, non-ASCII text, nulls in arrays).
 */
export function sampleValue(kind: SchemaFieldKind, variant = 0): unknown {
  const v = variant;
  switch (kind) {
    case FieldKind.BOOLEAN:
      return v % 2 === 0;
    case FieldKind.INT8:
      return v === 0 ? -128 : 127;
    case FieldKind.INT16:
      return v === 0 ? -32768 : 32767;
    case FieldKind.INT32:
      return v === 0 ? -2147483648 : 2147483647;
    case FieldKind.INT64:
      return v === 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    case FieldKind.FLOAT32:
      return v === 0 ? -1.5 : 3.4028234663852886e38;
    case FieldKind.FLOAT64:
      return v === 0 ? -0 : Number.NaN;
    case FieldKind.STRING:
      return v === 0 ? 'héllo 🌍 wörld' : '';
    case FieldKind.DECIMAL:
      return v === 0 ? decimal : new BigDecimal(0n, 0);
    case FieldKind.TIME:
      return time;
    case FieldKind.DATE:
      return date;
    case FieldKind.TIMESTAMP:
      return dateTime;
    case FieldKind.TIMESTAMP_WITH_TIMEZONE:
      return offsetDateTime;
    case FieldKind.ARRAY_OF_BOOLEAN:
      return [true, false, true, true, false, false, true, false, true];
    case FieldKind.ARRAY_OF_INT8:
      return Buffer.from([0x80, 0x00, 0x7f, 0xff]);
    case FieldKind.ARRAY_OF_INT16:
      return [-32768, 0, 32767];
    case FieldKind.ARRAY_OF_INT32:
      return [-2147483648, 1, 2147483647];
    case FieldKind.ARRAY_OF_INT64:
      return [Long.MIN_VALUE, Long.fromInt(-1), Long.MAX_VALUE];
    case FieldKind.ARRAY_OF_FLOAT32:
      return [0.5, -2, 1024];
    case FieldKind.ARRAY_OF_FLOAT64:
      return [Math.PI, Number.NEGATIVE_INFINITY, 1e-300];
    case FieldKind.ARRAY_OF_STRING:
      return ['a', null, 'ζ'];
    case FieldKind.ARRAY_OF_DECIMAL:
      return [decimal, null, new BigDecimal(255n, -3)];
    case FieldKind.ARRAY_OF_TIME:
      return [time, null];
    case FieldKind.ARRAY_OF_DATE:
      return [null, date];
    case FieldKind.ARRAY_OF_TIMESTAMP:
      return [dateTime];
    case FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE:
      return [offsetDateTime, null];
    case FieldKind.NULLABLE_BOOLEAN:
      return v === 0 ? true : null;
    case FieldKind.NULLABLE_INT8:
      return v === 0 ? -7 : null;
    case FieldKind.NULLABLE_INT16:
      return v === 0 ? 300 : null;
    case FieldKind.NULLABLE_INT32:
      return v === 0 ? -70000 : null;
    case FieldKind.NULLABLE_INT64:
      return v === 0 ? Long.fromString('-9007199254740993') : null;
    case FieldKind.NULLABLE_FLOAT32:
      return v === 0 ? 0.25 : null;
    case FieldKind.NULLABLE_FLOAT64:
      return v === 0 ? -1e100 : null;
    case FieldKind.ARRAY_OF_NULLABLE_BOOLEAN:
      return [true, null, false];
    case FieldKind.ARRAY_OF_NULLABLE_INT8:
      return [-128, null, 127];
    case FieldKind.ARRAY_OF_NULLABLE_INT16:
      return [null, 5];
    case FieldKind.ARRAY_OF_NULLABLE_INT32:
      return [1, 2, null];
    case FieldKind.ARRAY_OF_NULLABLE_INT64:
      return [Long.fromInt(5), null];
    case FieldKind.ARRAY_OF_NULLABLE_FLOAT32:
      return [null, 1.25];
    case FieldKind.ARRAY_OF_NULLABLE_FLOAT64:
      return [2.5, null];
    default:
      throw new Error(`no sample value for kind ${kind}`);
  }
}
