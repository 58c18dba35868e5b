// Predicates given as one string the member interprets.
import type { ObjectDataInput, ObjectDataOutput } from '@hz/serialization';
import { PredicateClassId } from '../ids';
import { readRequiredString } from '../stream-helpers';
import { BuiltinPredicate } from './predicate';

/** A WHERE clause in Hazelcast's predicate SQL dialect (e.g. `age > 30 AND active`), parsed on the member. */
export class SqlPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.SQL;
  constructor(public sql = '') {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.sql);
  }
  readData(input: ObjectDataInput): void {
    this.sql = readRequiredString(input, 'SqlPredicate');
  }
}

/** Matches entries whose value is an instance of the named Java class (or a subclass). */
export class InstanceOfPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.INSTANCE_OF;
  constructor(public className = '') {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.className);
  }
  readData(input: ObjectDataInput): void {
    this.className = readRequiredString(input, 'InstanceOfPredicate');
  }
}
