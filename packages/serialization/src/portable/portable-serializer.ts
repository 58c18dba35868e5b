import { describeType, HazelcastSerializationError } from '../errors';
import type { ByteArrayObjectDataInput } from '../io/byte-input';
import type { ByteArrayObjectDataOutput } from '../io/byte-output';
import type { ClassDefinition } from './class-definition';
import { DefaultPortableReader } from './default-reader';
import { DefaultPortableWriter } from './default-writer';
import { MorphingPortableReader } from './morphing-reader';
import type { Portable, PortableFactory } from './portable';
import { PortableContext } from './portable-context';

/** Nested Portables in malformed data could point back at themselves and recurse without end. */
const MAX_NESTING = 100;

/** Portable (type id -1): factory id, class id, version, then the fields (see DefaultPortableWriter). */
export class PortableSerializer {
  readonly context: PortableContext;
  readonly #factories: ReadonlyMap<number, PortableFactory>;
  #depth = 0;
  #reads = 0;

  constructor(
    portableVersion: number,
    factories: ReadonlyMap<number, PortableFactory>,
    definitions: readonly ClassDefinition[],
  ) {
    this.context = new PortableContext(portableVersion);
    this.#factories = factories;
    for (const definition of definitions) this.context.register(definition);
  }

  write(output: ByteArrayObjectDataOutput, portable: Portable): void {
    output.writeInt(portable.factoryId);
    output.writeInt(portable.classId);
    this.writeBody(output, portable);
  }

  /** Version and fields, without the ids (nested fields write their ids themselves). */
  writeBody = (output: ByteArrayObjectDataOutput, portable: Portable): void => {
    const definition = this.context.lookupOrRegister(portable);
    output.writeInt(definition.version);
    const writer = new DefaultPortableWriter(output, definition, this.writeBody);
    portable.writePortable(writer);
    writer.end();
  };

  read(input: ByteArrayObjectDataInput): Portable {
    const factoryId = input.readInt();
    const classId = input.readInt();
    return this.readBody(input, factoryId, classId);
  }

  readBody = (input: ByteArrayObjectDataInput, factoryId: number, classId: number): Portable => {
    if (this.#depth >= MAX_NESTING) {
      throw new HazelcastSerializationError(`Malformed Portable data: nesting deeper than ${MAX_NESTING}`);
    }
    // Offsets let malformed data point many fields at the same nested object; each real nested Portable
    // occupies at least 12 bytes of its own, so more reads than that means the data is lying.
    if (this.#depth === 0) this.#reads = 0;
    if (++this.#reads > (input.position() + input.available()) / 12 + 1) {
      throw new HazelcastSerializationError('Malformed Portable data: nested Portables overlap');
    }
    this.#depth++;
    try {
      return this.#readBody(input, factoryId, classId);
    } finally {
      this.#depth--;
    }
  };

  #readBody(input: ByteArrayObjectDataInput, factoryId: number, classId: number): Portable {
    const version = input.readInt();
    const portable = this.#create(factoryId, classId);
    let definition = this.context.lookup(factoryId, classId, version);
    const learned: ClassDefinition[] = [];
    if (definition === undefined) {
      const start = input.position();
      definition = this.context.readFromData(input, factoryId, classId, version, learned);
      input.setPosition(start);
    }
    const reader =
      definition.version === this.context.versionOf(portable)
        ? new DefaultPortableReader(input, definition, this.readBody)
        : new MorphingPortableReader(input, definition, this.readBody);
    portable.readPortable(reader);
    reader.end();
    for (const known of learned) this.context.register(known);
    return portable;
  }

  #create(factoryId: number, classId: number): Portable {
    const factory = this.#factories.get(factoryId);
    if (factory === undefined) {
      throw new HazelcastSerializationError(`No Portable factory registered for factoryId ${factoryId}`);
    }
    const portable = factory(classId);
    if (portable === undefined || portable === null || typeof portable.readPortable !== 'function') {
      throw new HazelcastSerializationError(
        `Portable factory ${factoryId} returned ${describeType(portable)} for classId ${classId}, not a Portable`,
      );
    }
    return portable;
  }
}
