import type Long from 'long';
import type { ObjectDataOutput } from '../io/data-io';
import { KindDispatchingWriter } from './compact-writer';
import { HazelcastSerializationError } from './errors';
import { FieldKind, fieldKindName, fixedSizeOf, type SchemaFieldKind } from './field-kind';
import { checkFieldValue } from './field-values';
import { toLong } from './int64';
import { NULL_OFFSET, writeOffsets } from './offset-table';
import type { FieldLayout, Schema } from './schema';
import { type NestedCompactWriter, writeVariableField } from './variable-field-codec';

/**
 * Writes one compact object's fields into `out` following `schema`'s layout. Variable-size fields go
 * to the stream in the order they are written (which is what Java does, so bytes match); fixed-size
 * fields are collected in a small buffer and patched into the reserved section by `end()`.
 */
export class DefaultCompactWriter extends KindDispatchingWriter {
  private readonly dataStart: number;
  private readonly fixed: Uint8Array;
  private readonly fixedView: DataView;
  // Plain arrays: cheaper than typed arrays to allocate for the handful of fields an object has.
  private readonly offsets: number[];
  private readonly written: boolean[];
  private writtenCount = 0;

  constructor(
    private readonly out: ObjectDataOutput,
    private readonly schema: Schema,
    private readonly nested: NestedCompactWriter,
  ) {
    super();
    if (schema.variableSizeFieldCount > 0) out.writeInt(0); // data length, patched by end()
    this.dataStart = out.position();
    this.fixed = new Uint8Array(schema.fixedSizeFieldsLength);
    this.fixedView = new DataView(this.fixed.buffer);
    if (this.fixed.length > 0) out.writeBytes(this.fixed);
    this.offsets = new Array<number>(schema.variableSizeFieldCount);
    this.written = new Array<boolean>(schema.fields.length);
  }

  protected writeField(fieldName: string, kind: SchemaFieldKind, value: unknown): void {
    const field = this.fieldFor(fieldName, kind);
    checkFieldValue(kind, value, `Field '${fieldName}' of compact type '${this.schema.typeName}'`);
    this.written[field.ordinal] = true;
    this.writtenCount++;
    const size = fixedSizeOf(kind);
    if (size === 0) {
      if (value) this.fixed[field.offset]! |= 1 << field.bitOffset;
    } else if (size > 0) {
      this.writeFixed(field, value);
    } else if (value === null || value === undefined) {
      this.offsets[field.index] = NULL_OFFSET;
    } else {
      this.offsets[field.index] = this.out.position() - this.dataStart;
      writeVariableField(this.out, kind, value, this.nested);
    }
  }

  /** Writes a field whose kind is only known at run time (GenericRecord fields). */
  writeAnyField(fieldName: string, kind: SchemaFieldKind, value: unknown): void {
    this.writeField(fieldName, kind, value);
  }

  /** Finishes the object: checks every field was written, then fills in fixed fields and offsets. */
  end(): void {
    if (this.writtenCount !== this.schema.fields.length) {
      const missing = this.schema.fields.filter((field) => this.written[field.ordinal] !== true);
      const names = missing.map((field) => `'${field.name}'`).join(', ');
      throw new HazelcastSerializationError(
        `Compact type '${this.schema.typeName}': field(s) ${names} of its schema were not written`,
      );
    }
    for (let i = 0; i < this.fixed.length; i++) {
      if (this.fixed[i] !== 0) this.out.writeByteAt(this.dataStart + i, (this.fixed[i]! << 24) >> 24);
    }
    if (this.schema.variableSizeFieldCount === 0) return;
    const dataLength = this.out.position() - this.dataStart;
    writeOffsets(this.out, this.offsets, dataLength);
    this.out.writeIntAt(this.dataStart - 4, dataLength);
  }

  private fieldFor(fieldName: string, kind: SchemaFieldKind): FieldLayout {
    const field = this.schema.field(fieldName);
    if (field === undefined) {
      throw new HazelcastSerializationError(
        `Compact type '${this.schema.typeName}' has no field '${fieldName}' in its schema ${this.schema.toString()}`,
      );
    }
    if (field.kind !== kind) {
      throw new HazelcastSerializationError(
        `Field '${fieldName}' of compact type '${this.schema.typeName}' is ${fieldKindName(field.kind)}, ` +
          `cannot write it as ${fieldKindName(kind)}`,
      );
    }
    if (this.written[field.ordinal] === true) {
      throw new HazelcastSerializationError(
        `Field '${fieldName}' of compact type '${this.schema.typeName}' is written twice`,
      );
    }
    return field;
  }

  private writeFixed(field: FieldLayout, value: unknown): void {
    const view = this.fixedView;
    const littleEndian = !this.out.bigEndian;
    switch (field.kind) {
      case FieldKind.INT8:
        view.setInt8(field.offset, value as number);
        return;
      case FieldKind.INT16:
        view.setInt16(field.offset, value as number, littleEndian);
        return;
      case FieldKind.INT32:
        view.setInt32(field.offset, value as number, littleEndian);
        return;
      case FieldKind.FLOAT32:
        view.setFloat32(field.offset, value as number, littleEndian);
        return;
      case FieldKind.FLOAT64:
        view.setFloat64(field.offset, value as number, littleEndian);
        return;
      case FieldKind.INT64: {
        const long: Long = toLong(value, field.name);
        view.setInt32(field.offset + (littleEndian ? 4 : 0), long.high, littleEndian);
        view.setInt32(field.offset + (littleEndian ? 0 : 4), long.low, littleEndian);
        return;
      }
    }
  }
}
