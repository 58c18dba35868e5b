import { FieldKind, type SchemaFieldKind } from './field-kind';
import type { FieldInput } from './field-values';

/**
 * What a `CompactSerializer.write` receives: one method per field kind, each naming the field.
 * Same method names as the official Node.js client, so serializers move over unchanged.
 */
export interface CompactWriter {
  writeBoolean(fieldName: string, value: FieldInput<typeof FieldKind.BOOLEAN>): void;
  writeInt8(fieldName: string, value: FieldInput<typeof FieldKind.INT8>): void;
  writeInt16(fieldName: string, value: FieldInput<typeof FieldKind.INT16>): void;
  writeInt32(fieldName: string, value: FieldInput<typeof FieldKind.INT32>): void;
  writeInt64(fieldName: string, value: FieldInput<typeof FieldKind.INT64>): void;
  writeFloat32(fieldName: string, value: FieldInput<typeof FieldKind.FLOAT32>): void;
  writeFloat64(fieldName: string, value: FieldInput<typeof FieldKind.FLOAT64>): void;
  writeString(fieldName: string, value: FieldInput<typeof FieldKind.STRING>): void;
  writeDecimal(fieldName: string, value: FieldInput<typeof FieldKind.DECIMAL>): void;
  writeTime(fieldName: string, value: FieldInput<typeof FieldKind.TIME>): void;
  writeDate(fieldName: string, value: FieldInput<typeof FieldKind.DATE>): void;
  writeTimestamp(fieldName: string, value: FieldInput<typeof FieldKind.TIMESTAMP>): void;
  writeTimestampWithTimezone(
    fieldName: string,
    value: FieldInput<typeof FieldKind.TIMESTAMP_WITH_TIMEZONE>,
  ): void;
  writeCompact(fieldName: string, value: FieldInput<typeof FieldKind.COMPACT>): void;
  writeArrayOfBoolean(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_BOOLEAN>): void;
  writeArrayOfInt8(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_INT8>): void;
  writeArrayOfInt16(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_INT16>): void;
  writeArrayOfInt32(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_INT32>): void;
  writeArrayOfInt64(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_INT64>): void;
  writeArrayOfFloat32(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_FLOAT32>): void;
  writeArrayOfFloat64(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_FLOAT64>): void;
  writeArrayOfString(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_STRING>): void;
  writeArrayOfDecimal(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_DECIMAL>): void;
  writeArrayOfTime(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_TIME>): void;
  writeArrayOfDate(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_DATE>): void;
  writeArrayOfTimestamp(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_TIMESTAMP>): void;
  writeArrayOfTimestampWithTimezone(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE>,
  ): void;
  writeArrayOfCompact(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_COMPACT>): void;
  writeNullableBoolean(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_BOOLEAN>): void;
  writeNullableInt8(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_INT8>): void;
  writeNullableInt16(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_INT16>): void;
  writeNullableInt32(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_INT32>): void;
  writeNullableInt64(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_INT64>): void;
  writeNullableFloat32(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_FLOAT32>): void;
  writeNullableFloat64(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_FLOAT64>): void;
  writeArrayOfNullableBoolean(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_BOOLEAN>,
  ): void;
  writeArrayOfNullableInt8(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_INT8>,
  ): void;
  writeArrayOfNullableInt16(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_INT16>,
  ): void;
  writeArrayOfNullableInt32(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_INT32>,
  ): void;
  writeArrayOfNullableInt64(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_INT64>,
  ): void;
  writeArrayOfNullableFloat32(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_FLOAT32>,
  ): void;
  writeArrayOfNullableFloat64(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_FLOAT64>,
  ): void;
}

/** Routes every typed write to one `writeField(name, kind, value)`; subclasses decide what to do with it. */
export abstract class KindDispatchingWriter implements CompactWriter {
  protected abstract writeField(fieldName: string, kind: SchemaFieldKind, value: unknown): void;

  writeBoolean(fieldName: string, value: FieldInput<typeof FieldKind.BOOLEAN>): void {
    this.writeField(fieldName, FieldKind.BOOLEAN, value);
  }

  writeInt8(fieldName: string, value: FieldInput<typeof FieldKind.INT8>): void {
    this.writeField(fieldName, FieldKind.INT8, value);
  }

  writeInt16(fieldName: string, value: FieldInput<typeof FieldKind.INT16>): void {
    this.writeField(fieldName, FieldKind.INT16, value);
  }

  writeInt32(fieldName: string, value: FieldInput<typeof FieldKind.INT32>): void {
    this.writeField(fieldName, FieldKind.INT32, value);
  }

  writeInt64(fieldName: string, value: FieldInput<typeof FieldKind.INT64>): void {
    this.writeField(fieldName, FieldKind.INT64, value);
  }

  writeFloat32(fieldName: string, value: FieldInput<typeof FieldKind.FLOAT32>): void {
    this.writeField(fieldName, FieldKind.FLOAT32, value);
  }

  writeFloat64(fieldName: string, value: FieldInput<typeof FieldKind.FLOAT64>): void {
    this.writeField(fieldName, FieldKind.FLOAT64, value);
  }

  writeString(fieldName: string, value: FieldInput<typeof FieldKind.STRING>): void {
    this.writeField(fieldName, FieldKind.STRING, value);
  }

  writeDecimal(fieldName: string, value: FieldInput<typeof FieldKind.DECIMAL>): void {
    this.writeField(fieldName, FieldKind.DECIMAL, value);
  }

  writeTime(fieldName: string, value: FieldInput<typeof FieldKind.TIME>): void {
    this.writeField(fieldName, FieldKind.TIME, value);
  }

  writeDate(fieldName: string, value: FieldInput<typeof FieldKind.DATE>): void {
    this.writeField(fieldName, FieldKind.DATE, value);
  }

  writeTimestamp(fieldName: string, value: FieldInput<typeof FieldKind.TIMESTAMP>): void {
    this.writeField(fieldName, FieldKind.TIMESTAMP, value);
  }

  writeTimestampWithTimezone(
    fieldName: string,
    value: FieldInput<typeof FieldKind.TIMESTAMP_WITH_TIMEZONE>,
  ): void {
    this.writeField(fieldName, FieldKind.TIMESTAMP_WITH_TIMEZONE, value);
  }

  writeCompact(fieldName: string, value: FieldInput<typeof FieldKind.COMPACT>): void {
    this.writeField(fieldName, FieldKind.COMPACT, value);
  }

  writeArrayOfBoolean(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_BOOLEAN>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_BOOLEAN, value);
  }

  writeArrayOfInt8(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_INT8>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_INT8, value);
  }

  writeArrayOfInt16(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_INT16>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_INT16, value);
  }

  writeArrayOfInt32(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_INT32>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_INT32, value);
  }

  writeArrayOfInt64(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_INT64>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_INT64, value);
  }

  writeArrayOfFloat32(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_FLOAT32>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_FLOAT32, value);
  }

  writeArrayOfFloat64(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_FLOAT64>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_FLOAT64, value);
  }

  writeArrayOfString(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_STRING>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_STRING, value);
  }

  writeArrayOfDecimal(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_DECIMAL>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_DECIMAL, value);
  }

  writeArrayOfTime(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_TIME>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_TIME, value);
  }

  writeArrayOfDate(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_DATE>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_DATE, value);
  }

  writeArrayOfTimestamp(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_TIMESTAMP>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_TIMESTAMP, value);
  }

  writeArrayOfTimestampWithTimezone(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE>,
  ): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE, value);
  }

  writeArrayOfCompact(fieldName: string, value: FieldInput<typeof FieldKind.ARRAY_OF_COMPACT>): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_COMPACT, value);
  }

  writeNullableBoolean(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_BOOLEAN>): void {
    this.writeField(fieldName, FieldKind.NULLABLE_BOOLEAN, value);
  }

  writeNullableInt8(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_INT8>): void {
    this.writeField(fieldName, FieldKind.NULLABLE_INT8, value);
  }

  writeNullableInt16(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_INT16>): void {
    this.writeField(fieldName, FieldKind.NULLABLE_INT16, value);
  }

  writeNullableInt32(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_INT32>): void {
    this.writeField(fieldName, FieldKind.NULLABLE_INT32, value);
  }

  writeNullableInt64(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_INT64>): void {
    this.writeField(fieldName, FieldKind.NULLABLE_INT64, value);
  }

  writeNullableFloat32(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_FLOAT32>): void {
    this.writeField(fieldName, FieldKind.NULLABLE_FLOAT32, value);
  }

  writeNullableFloat64(fieldName: string, value: FieldInput<typeof FieldKind.NULLABLE_FLOAT64>): void {
    this.writeField(fieldName, FieldKind.NULLABLE_FLOAT64, value);
  }

  writeArrayOfNullableBoolean(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_BOOLEAN>,
  ): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_NULLABLE_BOOLEAN, value);
  }

  writeArrayOfNullableInt8(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_INT8>,
  ): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT8, value);
  }

  writeArrayOfNullableInt16(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_INT16>,
  ): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT16, value);
  }

  writeArrayOfNullableInt32(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_INT32>,
  ): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT32, value);
  }

  writeArrayOfNullableInt64(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_INT64>,
  ): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT64, value);
  }

  writeArrayOfNullableFloat32(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_FLOAT32>,
  ): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT32, value);
  }

  writeArrayOfNullableFloat64(
    fieldName: string,
    value: FieldInput<typeof FieldKind.ARRAY_OF_NULLABLE_FLOAT64>,
  ): void {
    this.writeField(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT64, value);
  }
}
