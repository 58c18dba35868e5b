import {
  HazelcastSerializationError,
  type IdentifiedDataSerializable,
  type ObjectDataInput,
  type ObjectDataOutput,
} from '@hz/serialization';
import Long from 'long';
import { AGGREGATOR_FACTORY_ID, AggregatorClassId } from './ids';
import { readObjectCount } from './stream-helpers';

/**
 * The running state each Java aggregator serializes after its attribute path. The client always sends the
 * empty state; the member accumulates into it.
 */
type StateField = 'long' | 'double' | 'object' | 'objectList';

const STATE_FIELDS: Record<number, readonly StateField[]> = {
  [AggregatorClassId.COUNT]: ['long'],
  [AggregatorClassId.DISTINCT]: ['objectList'],
  [AggregatorClassId.DOUBLE_AVG]: ['double', 'long'],
  [AggregatorClassId.DOUBLE_SUM]: ['double'],
  [AggregatorClassId.FIXED_POINT_SUM]: ['long'],
  [AggregatorClassId.FLOATING_POINT_SUM]: ['double'],
  [AggregatorClassId.INT_AVG]: ['long', 'long'],
  [AggregatorClassId.INT_SUM]: ['long'],
  [AggregatorClassId.LONG_AVG]: ['long', 'long'],
  [AggregatorClassId.LONG_SUM]: ['long'],
  [AggregatorClassId.MAX]: ['object'],
  [AggregatorClassId.MIN]: ['object'],
  [AggregatorClassId.NUMBER_AVG]: ['double', 'long'],
  [AggregatorClassId.MAX_BY]: ['object', 'object'],
  [AggregatorClassId.MIN_BY]: ['object', 'object'],
};

/** Whether `classId` is an aggregator this module can write (the result set id is not one). */
export function isAggregatorClassId(classId: number): boolean {
  return STATE_FIELDS[classId] !== undefined;
}

/**
 * One of Hazelcast's built-in aggregators (AggregatorDataSerializerHook, factory id -29). `R` is the type
 * `IMap.aggregate` resolves to. Build them with the `Aggregators` functions.
 */
export class Aggregator<R = unknown> implements IdentifiedDataSerializable {
  readonly factoryId = AGGREGATOR_FACTORY_ID;
  declare readonly resultType?: R;

  constructor(
    public classId: number,
    /** Where in each entry the aggregated value is; null aggregates the entry values themselves. */
    public attributePath: string | null = null,
  ) {}

  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attributePath);
    for (const field of this.#stateFields()) {
      if (field === 'long') output.writeLong(Long.ZERO);
      else if (field === 'double') output.writeDouble(0);
      else if (field === 'object') output.writeObject(null);
      else output.writeInt(0);
    }
  }

  /** Reads the attribute path and skips the member's running state, which the client has no use for. */
  readData(input: ObjectDataInput): void {
    this.attributePath = input.readString();
    for (const field of this.#stateFields()) {
      if (field === 'long') input.readLong();
      else if (field === 'double') input.readDouble();
      else if (field === 'object') input.readObject();
      else {
        const count = readObjectCount(input, 'aggregator state');
        for (let i = 0; i < count; i++) input.readObject();
      }
    }
  }

  #stateFields(): readonly StateField[] {
    const fields = STATE_FIELDS[this.classId];
    if (fields === undefined)
      throw new HazelcastSerializationError(`Unknown aggregator class id ${this.classId}`);
    return fields;
  }
}
