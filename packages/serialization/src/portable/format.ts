import { describeType, HazelcastSerializationError } from '../errors';
import type { FormatSerializer, SerializationFormat } from '../service/format';
import { TypeId } from '../type-ids';
import { ClassDefinition } from './class-definition';
import { isPortable, type Portable } from './portable';
import { PortableSerializer } from './portable-serializer';

/**
 * Portable serialization (type id -1): register it in `serialization.formats` to write or read Portable
 * data. Factories and class definitions stay in `serialization.portableFactories` / `classDefinitions`.
 */
export const portableSerialization: SerializationFormat = {
  name: 'Portable',
  create({ config }): FormatSerializer {
    config.classDefinitions.forEach((definition, i) => {
      if (!(definition instanceof ClassDefinition)) {
        throw new HazelcastSerializationError(
          `Invalid serialization config: classDefinitions[${i}] must be a ClassDefinition (see ClassDefinitionBuilder), got ${describeType(definition)}`,
        );
      }
    });
    const portable = new PortableSerializer(
      config.portableVersion,
      config.portableFactories,
      config.classDefinitions as ClassDefinition[],
    );
    return {
      typeIds: [TypeId.PORTABLE],
      typeIdOf: (value) => (isPortable(value) ? TypeId.PORTABLE : undefined),
      write: (out, value) => portable.write(out, value as Portable),
      read: (input) => portable.read(input),
    };
  },
};
