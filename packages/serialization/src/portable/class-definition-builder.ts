import { HazelcastSerializationError } from '../errors';
import { ClassDefinition, FieldDefinition } from './class-definition';
import { FieldType, type FieldTypeId } from './field-type';

/**
 * Builds a ClassDefinition field by field (in write order), for registering definitions up front, e.g.
 * to write null nested Portables or to query classes the client never wrote.
 */
export class ClassDefinitionBuilder {
  readonly #fields: FieldDefinition[] = [];
  readonly #names = new Set<string>();
  #done = false;

  constructor(
    readonly factoryId: number,
    readonly classId: number,
    readonly version = 0,
  ) {}

  addField(name: string, type: FieldTypeId): this {
    if (type === FieldType.PORTABLE || type === FieldType.PORTABLE_ARRAY) {
      throw new HazelcastSerializationError(
        `Use addPortableField/addPortableArrayField for Portable field "${name}"`,
      );
    }
    return this.#add(new FieldDefinition(this.#fields.length, name, type, 0, 0, 0));
  }

  addPortableField(name: string, definition: ClassDefinition): this {
    return this.#addNested(name, FieldType.PORTABLE, definition);
  }

  addPortableArrayField(name: string, definition: ClassDefinition): this {
    return this.#addNested(name, FieldType.PORTABLE_ARRAY, definition);
  }

  #addNested(name: string, type: FieldTypeId, definition: ClassDefinition): this {
    if (definition.classId === 0) {
      throw new HazelcastSerializationError(`Portable field "${name}" needs a nested class id other than 0`);
    }
    return this.#add(
      new FieldDefinition(
        this.#fields.length,
        name,
        type,
        definition.factoryId,
        definition.classId,
        definition.version,
      ),
    );
  }

  /** Adds a field exactly as given (its index must be the next one). */
  addFieldDefinition(field: FieldDefinition): this {
    if (field.index !== this.#fields.length) {
      throw new HazelcastSerializationError(
        `Field "${field.name}" has index ${field.index}, expected ${this.#fields.length}`,
      );
    }
    return this.#add(field);
  }

  #add(field: FieldDefinition): this {
    if (this.#done) throw new HazelcastSerializationError('ClassDefinition is already built');
    if (typeof field.name !== 'string' || field.name === '') {
      throw new HazelcastSerializationError('Portable field names must be non-empty strings');
    }
    if (this.#names.has(field.name)) {
      throw new HazelcastSerializationError(`Field "${field.name}" is already defined`);
    }
    this.#names.add(field.name);
    this.#fields.push(field);
    return this;
  }

  build(): ClassDefinition {
    this.#done = true;
    return new ClassDefinition(this.factoryId, this.classId, this.version, this.#fields);
  }
}
