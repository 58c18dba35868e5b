import Long from 'long';
import { HazelcastSerializationError } from '../errors';
import { DefaultPortableReader } from './default-reader';
import { FieldType, type FieldTypeId } from './field-type';
import type { Portable } from './portable';
import { describeFieldMismatch } from './portable-context';

/**
 * Reads data written by another version of the Portable class: a field the data lacks reads as the
 * Java default (0, false, null), and numeric fields widen as Java allows (e.g. an old int read as long).
 * Any other type change is an error.
 */
export class MorphingPortableReader extends DefaultPortableReader {
  #widen<T>(name: string, fallback: T, accepted: readonly FieldTypeId[], read: (type: FieldTypeId) => T): T {
    const field = this.definition.getField(name);
    if (field === undefined) return fallback;
    if (!accepted.includes(field.type)) {
      throw new HazelcastSerializationError(describeFieldMismatch(name, accepted[0] as number, field.type));
    }
    return this.readField(field, () => read(field.type));
  }

  #readNumeric(type: FieldTypeId): number {
    switch (type) {
      case FieldType.BYTE:
        return this.input.readByte();
      case FieldType.CHAR:
        return this.input.readChar();
      case FieldType.SHORT:
        return this.input.readShort();
      case FieldType.INT:
        return this.input.readInt();
      case FieldType.FLOAT:
        return this.input.readFloat();
      case FieldType.LONG:
        return this.input.readLong().toNumber();
      default:
        return this.input.readDouble();
    }
  }

  override readInt(name: string): number {
    return this.#widen(name, 0, [FieldType.INT, FieldType.BYTE, FieldType.CHAR, FieldType.SHORT], (t) =>
      this.#readNumeric(t),
    );
  }
  override readLong(name: string): Long {
    return this.#widen(
      name,
      Long.ZERO,
      [FieldType.LONG, FieldType.INT, FieldType.BYTE, FieldType.CHAR, FieldType.SHORT],
      (t) => (t === FieldType.LONG ? this.input.readLong() : Long.fromInt(this.#readNumeric(t))),
    );
  }
  override readFloat(name: string): number {
    return this.#widen(
      name,
      0,
      [FieldType.FLOAT, FieldType.INT, FieldType.BYTE, FieldType.CHAR, FieldType.SHORT],
      (t) => Math.fround(this.#readNumeric(t)),
    );
  }
  override readDouble(name: string): number {
    return this.#widen(
      name,
      0,
      [
        FieldType.DOUBLE,
        FieldType.LONG,
        FieldType.FLOAT,
        FieldType.INT,
        FieldType.BYTE,
        FieldType.CHAR,
        FieldType.SHORT,
      ],
      (t) => this.#readNumeric(t),
    );
  }
  override readShort(name: string): number {
    return this.#widen(name, 0, [FieldType.SHORT, FieldType.BYTE], (t) => this.#readNumeric(t));
  }
  override readByte(name: string): number {
    return this.#widen(name, 0, [FieldType.BYTE], () => this.input.readByte());
  }
  override readChar(name: string): number {
    return this.#widen(name, 0, [FieldType.CHAR], () => this.input.readChar());
  }
  override readBoolean(name: string): boolean {
    return this.#widen(name, false, [FieldType.BOOLEAN], () => this.input.readBoolean());
  }

  protected override readAs<T>(name: string, type: FieldTypeId, read: () => T): T {
    const field = this.definition.getField(name);
    if (field === undefined) return null as T;
    return super.readAs(name, type, read);
  }

  override readPortable<T extends Portable = Portable>(name: string): T | null {
    return this.definition.hasField(name) ? super.readPortable<T>(name) : null;
  }

  override readPortableArray<T extends Portable = Portable>(name: string): T[] | null {
    return this.definition.hasField(name) ? super.readPortableArray<T>(name) : null;
  }
}
