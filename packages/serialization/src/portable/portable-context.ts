import { HazelcastSerializationError } from '../errors';
import type { ByteArrayObjectDataInput } from '../io/byte-input';
import type { ClassDefinition } from './class-definition';
import { FieldDefinition } from './class-definition';
import { ClassDefinitionBuilder } from './class-definition-builder';
import { ClassDefinitionWriter } from './class-definition-writer';
import { FieldType, fieldTypeName, isFieldType } from './field-type';
import type { Portable } from './portable';

/** Class definitions nest; malformed data could otherwise recurse until the stack overflows. */
const MAX_NESTING = 64;

/** Known class definitions by (factoryId, classId, version), registered up front or learned from data. */
export class PortableContext {
  readonly #definitions = new Map<string, ClassDefinition>();

  constructor(readonly portableVersion: number) {}

  lookup(factoryId: number, classId: number, version: number): ClassDefinition | undefined {
    return this.#definitions.get(key(factoryId, classId, version));
  }

  /** Registers `definition`, or returns the equal one already known; a conflicting one is an error. */
  register(definition: ClassDefinition): ClassDefinition {
    const id = key(definition.factoryId, definition.classId, definition.version);
    const existing = this.#definitions.get(id);
    if (existing === undefined) {
      this.#definitions.set(id, definition);
      return definition;
    }
    if (!existing.equals(definition)) {
      throw new HazelcastSerializationError(
        `Incompatible class definitions with the same ids: ${existing.describe()} vs ${definition.describe()}`,
      );
    }
    return existing;
  }

  versionOf(portable: Portable): number {
    const version = portable.version;
    if (version === undefined || version === null) return this.portableVersion;
    if (!Number.isInteger(version) || version < 0) {
      throw new HazelcastSerializationError(
        `Portable version must be a non-negative integer, got ${String(version)}`,
      );
    }
    return version;
  }

  /** The definition for `portable`, recording one from its writePortable when unknown. */
  lookupOrRegister(portable: Portable): ClassDefinition {
    const version = this.versionOf(portable);
    const known = this.lookup(portable.factoryId, portable.classId, version);
    if (known !== undefined) return known;
    const writer = new ClassDefinitionWriter(
      this,
      new ClassDefinitionBuilder(portable.factoryId, portable.classId, version),
    );
    portable.writePortable(writer);
    return this.register(writer.build());
  }

  /**
   * Reconstructs the class definition from the field table of serialized Portable data (each entry carries
   * the field's name and type), positioned just after the version. The input position is not restored.
   * Definitions that can be registered (nested ones included) are appended to `learned` rather than
   * registered, so the caller registers them only once the data has been read successfully: corrupt
   * data must not leave a wrong definition behind for later, valid data.
   */
  readFromData(
    input: ByteArrayObjectDataInput,
    factoryId: number,
    classId: number,
    version: number,
    learned: ClassDefinition[],
    depth = 0,
  ): ClassDefinition {
    if (depth > MAX_NESTING) {
      throw new HazelcastSerializationError(`Malformed Portable data: nesting deeper than ${MAX_NESTING}`);
    }
    let register = true;
    const builder = new ClassDefinitionBuilder(factoryId, classId, version);
    input.readInt(); // end position of this object
    const fieldCount = input.checkCount(input.readInt(), 4, 'Portable field');
    const tableStart = input.position();
    for (let i = 0; i < fieldCount; i++) {
      input.setPosition(input.readIntAt(tableStart + i * 4));
      const nameLength = input.checkCount(input.readShort(), 1, 'Portable field name');
      const name = input.readBytes(nameLength).toString('latin1');
      const type = input.readByte();
      if (!isFieldType(type)) {
        throw new HazelcastSerializationError(
          `Malformed Portable data: field "${name}" has unknown type ${type}`,
        );
      }
      let fieldFactoryId = 0;
      let fieldClassId = 0;
      let fieldVersion = this.portableVersion;
      if (type === FieldType.PORTABLE) {
        const isNull = input.readBoolean();
        fieldFactoryId = input.readInt();
        fieldClassId = input.readInt();
        if (isNull) {
          register = false;
        } else {
          fieldVersion = input.readInt();
          this.readFromData(input, fieldFactoryId, fieldClassId, fieldVersion, learned, depth + 1);
        }
      } else if (type === FieldType.PORTABLE_ARRAY) {
        const length = input.readInt();
        fieldFactoryId = input.readInt();
        fieldClassId = input.readInt();
        if (length > 0) {
          input.setPosition(input.readInt());
          fieldVersion = input.readInt();
          this.readFromData(input, fieldFactoryId, fieldClassId, fieldVersion, learned, depth + 1);
        } else {
          register = false;
        }
      }
      builder.addFieldDefinition(
        new FieldDefinition(i, name, type, fieldFactoryId, fieldClassId, fieldVersion),
      );
    }
    const definition = builder.build();
    if (register) learned.push(definition);
    return definition;
  }
}

function key(factoryId: number, classId: number, version: number): string {
  return `${factoryId}:${classId}:${version}`;
}

export function describeFieldMismatch(fieldName: string, expected: number, actual: number): string {
  return `Field "${fieldName}" is ${fieldTypeName(actual)}, not ${fieldTypeName(expected)}`;
}
