import type { IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput } from '@hz/serialization';
import { PREDICATE_FACTORY_ID } from '../ids';

/**
 * Anything a member can run as `com.hazelcast.query.Predicate`: the built-ins of this module, or a user
 * class implemented on the member and sent as IdentifiedDataSerializable, Portable or Compact.
 */
export type Predicate = object;

/** The predicates Hazelcast ships (PredicateDataSerializerHook, factory id -20). */
export abstract class BuiltinPredicate implements IdentifiedDataSerializable {
  readonly factoryId = PREDICATE_FACTORY_ID;
  abstract readonly classId: number;
  abstract writeData(output: ObjectDataOutput): void;
  abstract readData(input: ObjectDataInput): void;
}
