import { HazelcastSerializationError } from '../errors';
import { ByteArrayObjectDataOutput } from '../io/byte-output';
import type { ClassDefinition } from './class-definition';
import type { ClassDefinitionBuilder } from './class-definition-builder';
import { FieldType, type FieldTypeId } from './field-type';
import type { Portable, PortableWriter } from './portable';
import type { PortableContext } from './portable-context';

/** A PortableWriter that records the fields a Portable writes, to derive its class definition. */
export class ClassDefinitionWriter implements PortableWriter {
  constructor(
    private readonly context: PortableContext,
    private readonly builder: ClassDefinitionBuilder,
  ) {}

  build(): ClassDefinition {
    return this.builder.build();
  }

  #add(name: string, type: FieldTypeId): void {
    this.builder.addField(name, type);
  }

  writeInt(name: string): void {
    this.#add(name, FieldType.INT);
  }
  writeLong(name: string): void {
    this.#add(name, FieldType.LONG);
  }
  writeString(name: string): void {
    this.#add(name, FieldType.STRING);
  }
  writeUTF(name: string): void {
    this.#add(name, FieldType.STRING);
  }
  writeBoolean(name: string): void {
    this.#add(name, FieldType.BOOLEAN);
  }
  writeByte(name: string): void {
    this.#add(name, FieldType.BYTE);
  }
  writeChar(name: string): void {
    this.#add(name, FieldType.CHAR);
  }
  writeDouble(name: string): void {
    this.#add(name, FieldType.DOUBLE);
  }
  writeFloat(name: string): void {
    this.#add(name, FieldType.FLOAT);
  }
  writeShort(name: string): void {
    this.#add(name, FieldType.SHORT);
  }
  writeDecimal(name: string): void {
    this.#add(name, FieldType.DECIMAL);
  }
  writeTime(name: string): void {
    this.#add(name, FieldType.TIME);
  }
  writeDate(name: string): void {
    this.#add(name, FieldType.DATE);
  }
  writeTimestamp(name: string): void {
    this.#add(name, FieldType.TIMESTAMP);
  }
  writeTimestampWithTimezone(name: string): void {
    this.#add(name, FieldType.TIMESTAMP_WITH_TIMEZONE);
  }
  writeByteArray(name: string): void {
    this.#add(name, FieldType.BYTE_ARRAY);
  }
  writeBooleanArray(name: string): void {
    this.#add(name, FieldType.BOOLEAN_ARRAY);
  }
  writeCharArray(name: string): void {
    this.#add(name, FieldType.CHAR_ARRAY);
  }
  writeIntArray(name: string): void {
    this.#add(name, FieldType.INT_ARRAY);
  }
  writeLongArray(name: string): void {
    this.#add(name, FieldType.LONG_ARRAY);
  }
  writeDoubleArray(name: string): void {
    this.#add(name, FieldType.DOUBLE_ARRAY);
  }
  writeFloatArray(name: string): void {
    this.#add(name, FieldType.FLOAT_ARRAY);
  }
  writeShortArray(name: string): void {
    this.#add(name, FieldType.SHORT_ARRAY);
  }
  writeStringArray(name: string): void {
    this.#add(name, FieldType.STRING_ARRAY);
  }
  writeUTFArray(name: string): void {
    this.#add(name, FieldType.STRING_ARRAY);
  }
  writeDecimalArray(name: string): void {
    this.#add(name, FieldType.DECIMAL_ARRAY);
  }
  writeTimeArray(name: string): void {
    this.#add(name, FieldType.TIME_ARRAY);
  }
  writeDateArray(name: string): void {
    this.#add(name, FieldType.DATE_ARRAY);
  }
  writeTimestampArray(name: string): void {
    this.#add(name, FieldType.TIMESTAMP_ARRAY);
  }
  writeTimestampWithTimezoneArray(name: string): void {
    this.#add(name, FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY);
  }

  writePortable(name: string, value: Portable | null): void {
    if (value === null || value === undefined) {
      throw new HazelcastSerializationError(
        `Cannot write null Portable field "${name}" without a registered class definition; use writeNullPortable or register one`,
      );
    }
    this.builder.addPortableField(name, this.context.lookupOrRegister(value));
  }

  writeNullPortable(name: string, factoryId: number, classId: number): void {
    const nested = this.context.lookup(factoryId, classId, this.context.portableVersion);
    if (nested === undefined) {
      throw new HazelcastSerializationError(
        `Cannot write null Portable field "${name}": no class definition registered for factoryId ${factoryId}, classId ${classId}, version ${this.context.portableVersion}`,
      );
    }
    this.builder.addPortableField(name, nested);
  }

  writePortableArray(name: string, values: readonly Portable[] | null): void {
    const sample = values?.[0];
    if (sample === undefined || sample === null) {
      throw new HazelcastSerializationError(
        `Cannot write null or empty Portable array field "${name}" without a registered class definition`,
      );
    }
    for (const value of values as readonly Portable[]) {
      if (value?.factoryId !== sample.factoryId || value.classId !== sample.classId) {
        throw new HazelcastSerializationError(`Portable array field "${name}" must hold one class only`);
      }
    }
    this.builder.addPortableArrayField(name, this.context.lookupOrRegister(sample));
  }

  /** Raw data does not affect the class definition: what is written here during discovery is dropped. */
  getRawDataOutput(): ByteArrayObjectDataOutput {
    return new ByteArrayObjectDataOutput(true, { writeObject() {} });
  }
}
