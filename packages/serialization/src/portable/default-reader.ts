import type Long from 'long';
import { HazelcastSerializationError } from '../errors';
import type { ByteArrayObjectDataInput } from '../io/byte-input';
import type { BigDecimal } from '../java/big-decimal';
import type { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import type { ClassDefinition, FieldDefinition } from './class-definition';
import { FieldType, type FieldTypeId } from './field-type';
import type { Portable, PortableReader } from './portable';
import { describeFieldMismatch } from './portable-context';
import * as temporal from './temporal-io';

/** Reads a nested Portable's version and body once its factory and class ids are known. */
export type NestedPortableReader = (
  input: ByteArrayObjectDataInput,
  factoryId: number,
  classId: number,
) => Portable;

/**
 * Reads Portable fields by name through the class definition the data was written with; the field's type
 * must match the method. MorphingPortableReader relaxes this for other versions of the class.
 */
export class DefaultPortableReader implements PortableReader {
  protected readonly input: ByteArrayObjectDataInput;
  protected readonly definition: ClassDefinition;
  readonly #readNested: NestedPortableReader;
  readonly #end: number;
  readonly #tableStart: number;
  #raw = false;

  constructor(
    input: ByteArrayObjectDataInput,
    definition: ClassDefinition,
    readNested: NestedPortableReader,
  ) {
    this.input = input;
    this.definition = definition;
    this.#readNested = readNested;
    this.#end = input.readInt();
    const fieldCount = input.readInt();
    if (fieldCount !== definition.getFieldCount()) {
      throw new HazelcastSerializationError(
        `Malformed Portable data: field count ${fieldCount} does not match ${definition.describe()}`,
      );
    }
    this.#tableStart = input.position();
    input.checkCount(fieldCount + 1, 4, 'Portable field table');
  }

  getVersion(): number {
    return this.definition.version;
  }
  hasField(name: string): boolean {
    return this.definition.hasField(name);
  }
  getFieldNames(): string[] {
    return this.definition.getFieldNames();
  }
  getFieldType(name: string): FieldTypeId {
    return this.definition.getFieldType(name);
  }
  getFieldClassId(name: string): number {
    return this.definition.getFieldClassId(name);
  }

  protected field(name: string): FieldDefinition {
    const field = this.definition.getField(name);
    if (field === undefined) {
      throw new HazelcastSerializationError(`Unknown field "${name}" in ${this.definition.describe()}`);
    }
    return field;
  }

  /** Positions the input on the value of `field`, after its name and type; returns the old position. */
  protected seek(field: FieldDefinition): number {
    if (this.#raw) {
      throw new HazelcastSerializationError(
        `Cannot read Portable field "${field.name}" after getRawDataInput()`,
      );
    }
    const previous = this.input.position();
    const at = this.input.readIntAt(this.#tableStart + field.index * 4);
    const nameLength = this.input.readShortAt(at);
    if (nameLength < 0)
      throw new HazelcastSerializationError(`Malformed Portable data at field "${field.name}"`);
    this.input.setPosition(at + 2 + nameLength + 1);
    return previous;
  }

  /** Runs `read` positioned on field `name`, which must have type `type`; restores the position. */
  protected readAs<T>(name: string, type: FieldTypeId, read: () => T): T {
    const field = this.field(name);
    if (field.type !== type)
      throw new HazelcastSerializationError(describeFieldMismatch(name, type, field.type));
    return this.readField(field, read);
  }

  protected readField<T>(field: FieldDefinition, read: () => T): T {
    const previous = this.seek(field);
    try {
      return read();
    } finally {
      this.input.setPosition(previous);
    }
  }

  readInt(name: string): number {
    return this.readAs(name, FieldType.INT, () => this.input.readInt());
  }
  readLong(name: string): Long {
    return this.readAs(name, FieldType.LONG, () => this.input.readLong());
  }
  readString(name: string): string | null {
    return this.readAs(name, FieldType.STRING, () => this.input.readString());
  }
  readUTF(name: string): string | null {
    return this.readString(name);
  }
  readBoolean(name: string): boolean {
    return this.readAs(name, FieldType.BOOLEAN, () => this.input.readBoolean());
  }
  readByte(name: string): number {
    return this.readAs(name, FieldType.BYTE, () => this.input.readByte());
  }
  readChar(name: string): number {
    return this.readAs(name, FieldType.CHAR, () => this.input.readChar());
  }
  readDouble(name: string): number {
    return this.readAs(name, FieldType.DOUBLE, () => this.input.readDouble());
  }
  readFloat(name: string): number {
    return this.readAs(name, FieldType.FLOAT, () => this.input.readFloat());
  }
  readShort(name: string): number {
    return this.readAs(name, FieldType.SHORT, () => this.input.readShort());
  }

  readPortable<T extends Portable = Portable>(name: string): T | null {
    const field = this.field(name);
    if (field.type !== FieldType.PORTABLE) {
      throw new HazelcastSerializationError(describeFieldMismatch(name, FieldType.PORTABLE, field.type));
    }
    return this.readField(field, () => {
      const isNull = this.input.readBoolean();
      const factoryId = this.input.readInt();
      const classId = this.input.readInt();
      checkIds(field, factoryId, classId);
      return isNull ? null : (this.#readNested(this.input, factoryId, classId) as T);
    });
  }

  #nullable<T>(name: string, type: FieldTypeId, read: () => T): T | null {
    return this.readAs(name, type, () => (this.input.readBoolean() ? null : read()));
  }

  readDecimal(name: string): BigDecimal | null {
    return this.#nullable(name, FieldType.DECIMAL, () => temporal.readDecimal(this.input));
  }
  readTime(name: string): LocalTime | null {
    return this.#nullable(name, FieldType.TIME, () => temporal.readTime(this.input));
  }
  readDate(name: string): LocalDate | null {
    return this.#nullable(name, FieldType.DATE, () => temporal.readPortableDate(this.input));
  }
  readTimestamp(name: string): LocalDateTime | null {
    return this.#nullable(name, FieldType.TIMESTAMP, () => temporal.readPortableTimestamp(this.input));
  }
  readTimestampWithTimezone(name: string): OffsetDateTime | null {
    return this.#nullable(name, FieldType.TIMESTAMP_WITH_TIMEZONE, () =>
      temporal.readPortableTimestampWithTimezone(this.input),
    );
  }

  readByteArray(name: string): Buffer | null {
    return this.readAs(name, FieldType.BYTE_ARRAY, () => this.input.readByteArray());
  }
  readBooleanArray(name: string): boolean[] | null {
    return this.readAs(name, FieldType.BOOLEAN_ARRAY, () => this.input.readBooleanArray());
  }
  readCharArray(name: string): number[] | null {
    return this.readAs(name, FieldType.CHAR_ARRAY, () => this.input.readCharArray());
  }
  readIntArray(name: string): number[] | null {
    return this.readAs(name, FieldType.INT_ARRAY, () => this.input.readIntArray());
  }
  readLongArray(name: string): Long[] | null {
    return this.readAs(name, FieldType.LONG_ARRAY, () => this.input.readLongArray());
  }
  readDoubleArray(name: string): number[] | null {
    return this.readAs(name, FieldType.DOUBLE_ARRAY, () => this.input.readDoubleArray());
  }
  readFloatArray(name: string): number[] | null {
    return this.readAs(name, FieldType.FLOAT_ARRAY, () => this.input.readFloatArray());
  }
  readShortArray(name: string): number[] | null {
    return this.readAs(name, FieldType.SHORT_ARRAY, () => this.input.readShortArray());
  }
  readStringArray(name: string): (string | null)[] | null {
    return this.readAs(name, FieldType.STRING_ARRAY, () => this.input.readStringArray());
  }
  readUTFArray(name: string): (string | null)[] | null {
    return this.readStringArray(name);
  }

  readPortableArray<T extends Portable = Portable>(name: string): T[] | null {
    const field = this.field(name);
    if (field.type !== FieldType.PORTABLE_ARRAY) {
      throw new HazelcastSerializationError(
        describeFieldMismatch(name, FieldType.PORTABLE_ARRAY, field.type),
      );
    }
    return this.readField(field, () => {
      const length = this.input.readInt();
      const factoryId = this.input.readInt();
      const classId = this.input.readInt();
      if (length === -1) return null;
      checkIds(field, factoryId, classId);
      this.input.checkCount(length, 4, 'Portable array');
      const offsets = this.input.position();
      const values: T[] = [];
      for (let i = 0; i < length; i++) {
        this.input.setPosition(this.input.readIntAt(offsets + i * 4));
        values.push(this.#readNested(this.input, factoryId, classId) as T);
      }
      return values;
    });
  }

  #objectArray<T>(name: string, type: FieldTypeId, read: () => T): T[] | null {
    return this.readAs(name, type, () => {
      const length = this.input.readInt();
      if (length === -1) return null;
      this.input.checkCount(length, 4, 'Portable array');
      const offsets = this.input.position();
      const values: T[] = [];
      for (let i = 0; i < length; i++) {
        this.input.setPosition(this.input.readIntAt(offsets + i * 4));
        values.push(read());
      }
      return values;
    });
  }

  readDecimalArray(name: string): BigDecimal[] | null {
    return this.#objectArray(name, FieldType.DECIMAL_ARRAY, () => temporal.readDecimal(this.input));
  }
  readTimeArray(name: string): LocalTime[] | null {
    return this.#objectArray(name, FieldType.TIME_ARRAY, () => temporal.readTime(this.input));
  }
  readDateArray(name: string): LocalDate[] | null {
    return this.#objectArray(name, FieldType.DATE_ARRAY, () => temporal.readPortableDate(this.input));
  }
  readTimestampArray(name: string): LocalDateTime[] | null {
    return this.#objectArray(name, FieldType.TIMESTAMP_ARRAY, () =>
      temporal.readPortableTimestamp(this.input),
    );
  }
  readTimestampWithTimezoneArray(name: string): OffsetDateTime[] | null {
    return this.#objectArray(name, FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY, () =>
      temporal.readPortableTimestampWithTimezone(this.input),
    );
  }

  getRawDataInput(): ByteArrayObjectDataInput {
    if (!this.#raw) {
      this.input.setPosition(this.input.readIntAt(this.#tableStart + this.definition.getFieldCount() * 4));
      this.#raw = true;
    }
    return this.input;
  }

  /** Leaves the input after this object, whatever was read. */
  end(): void {
    this.input.setPosition(this.#end);
  }
}

function checkIds(field: FieldDefinition, factoryId: number, classId: number): void {
  if (factoryId !== field.factoryId || classId !== field.classId) {
    throw new HazelcastSerializationError(
      `Malformed Portable data: field "${field.name}" holds factoryId ${factoryId}/classId ${classId}, expected ${field.factoryId}/${field.classId}`,
    );
  }
}
