// Readers for the Java objects some aggregations return, to be registered as IdentifiedDataSerializable
// factories on the client's serialization service.
import type {
  IdentifiedDataSerializable,
  IdentifiedDataSerializableFactory,
  ObjectDataInput,
} from '@hz/serialization';
import { HazelcastSerializationError } from '@hz/serialization';
import { AGGREGATOR_FACTORY_ID, AggregatorClassId } from './ids';
import { readObjectCount } from './stream-helpers';

/** The Set the distinct aggregator returns (Java's CanonicalizingHashSet). A JS Set of the values. */
export class DistinctValues<T = unknown> extends Set<T> implements IdentifiedDataSerializable {
  readonly factoryId = AGGREGATOR_FACTORY_ID;
  readonly classId = AggregatorClassId.CANONICALIZING_SET;

  readData(input: ObjectDataInput): void {
    const count = readObjectCount(input, 'distinct values');
    for (let i = 0; i < count; i++) this.add(input.readObject<T>());
  }

  writeData(): void {
    throw new HazelcastSerializationError(
      'DistinctValues is a result read from the member; it is never sent',
    );
  }
}

/** Java's MapDataSerializerHook; its LazyMapEntry is the entry maxBy/minBy return. */
export const MAP_FACTORY_ID = -4;
export const LAZY_MAP_ENTRY_CLASS_ID = 120;

/** A map entry returned by maxBy/minBy (Java's LazyMapEntry: key, then value). */
export class MapEntryResult<K = unknown, V = unknown> implements IdentifiedDataSerializable {
  readonly factoryId = MAP_FACTORY_ID;
  readonly classId = LAZY_MAP_ENTRY_CLASS_ID;
  key: K = null as K;
  value: V = null as V;

  readData(input: ObjectDataInput): void {
    this.key = input.readObject<K>();
    this.value = input.readObject<V>();
  }

  writeData(): void {
    throw new HazelcastSerializationError(
      'MapEntryResult is a result read from the member; it is never sent',
    );
  }
}

/**
 * Factories for the results above, to merge into `SerializationConfig.dataSerializableFactories` (their
 * factory ids are Hazelcast's own, so they never collide with user factories, which use positive ids).
 */
export function queryResultFactories(): Record<number, IdentifiedDataSerializableFactory> {
  return {
    [AGGREGATOR_FACTORY_ID]: (classId) =>
      classId === AggregatorClassId.CANONICALIZING_SET ? new DistinctValues() : undefined,
    [MAP_FACTORY_ID]: (classId) => (classId === LAZY_MAP_ENTRY_CLASS_ID ? new MapEntryResult() : undefined),
  };
}
