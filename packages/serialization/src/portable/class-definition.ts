import { HazelcastSerializationError } from '../errors';
import { type FieldTypeId, fieldTypeName } from './field-type';

/** One Portable field: its position in the field table, name, kind, and for nested Portables their ids. */
export class FieldDefinition {
  constructor(
    readonly index: number,
    readonly name: string,
    readonly type: FieldTypeId,
    readonly factoryId = 0,
    readonly classId = 0,
    readonly version = 0,
  ) {}

  equals(other: FieldDefinition): boolean {
    return (
      this.index === other.index &&
      this.name === other.name &&
      this.type === other.type &&
      this.factoryId === other.factoryId &&
      this.classId === other.classId
    );
  }
}

/** The schema of one Portable class version: what the member uses to query fields by name. */
export class ClassDefinition {
  readonly #fields: Map<string, FieldDefinition>;
  readonly #ordered: readonly FieldDefinition[];

  constructor(
    readonly factoryId: number,
    readonly classId: number,
    readonly version: number,
    fields: readonly FieldDefinition[],
  ) {
    this.#ordered = [...fields].sort((a, b) => a.index - b.index);
    this.#fields = new Map(this.#ordered.map((field) => [field.name, field]));
  }

  getFactoryId(): number {
    return this.factoryId;
  }

  getClassId(): number {
    return this.classId;
  }

  getVersion(): number {
    return this.version;
  }

  getField(name: string): FieldDefinition | undefined {
    return this.#fields.get(name);
  }

  getFieldAt(index: number): FieldDefinition | undefined {
    return this.#ordered[index];
  }

  hasField(name: string): boolean {
    return this.#fields.has(name);
  }

  getFieldNames(): string[] {
    return this.#ordered.map((field) => field.name);
  }

  getFieldType(name: string): FieldTypeId {
    return this.#require(name).type;
  }

  getFieldClassId(name: string): number {
    return this.#require(name).classId;
  }

  getFieldCount(): number {
    return this.#ordered.length;
  }

  fields(): readonly FieldDefinition[] {
    return this.#ordered;
  }

  #require(name: string): FieldDefinition {
    const field = this.#fields.get(name);
    if (field === undefined) {
      throw new HazelcastSerializationError(`Unknown field "${name}" in ${this.describe()}`);
    }
    return field;
  }

  equals(other: ClassDefinition): boolean {
    if (
      this.factoryId !== other.factoryId ||
      this.classId !== other.classId ||
      this.version !== other.version ||
      this.#ordered.length !== other.#ordered.length
    ) {
      return false;
    }
    return this.#ordered.every((field, i) => field.equals(other.#ordered[i] as FieldDefinition));
  }

  describe(): string {
    return `ClassDefinition{factoryId: ${this.factoryId}, classId: ${this.classId}, version: ${this.version}, fields: [${this.#ordered
      .map((f) => `${f.name}:${fieldTypeName(f.type)}`)
      .join(', ')}]}`;
  }
}
