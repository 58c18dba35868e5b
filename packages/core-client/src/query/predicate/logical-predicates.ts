// Predicates that combine other predicates, and the two constants.
import type { ObjectDataInput, ObjectDataOutput } from '@hz/serialization';
import { PredicateClassId } from '../ids';
import { readObjects, writeObjects } from '../stream-helpers';
import { BuiltinPredicate, type Predicate } from './predicate';

/** Matches when every sub-predicate matches (an empty AND matches everything, as in Java). */
export class AndPredicate extends BuiltinPredicate {
  readonly classId: number = PredicateClassId.AND;
  constructor(public predicates: Predicate[] = []) {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    writeObjects(output, this.predicates);
  }
  readData(input: ObjectDataInput): void {
    this.predicates = readObjects(input, 'AndPredicate') as Predicate[];
  }
}

/** Matches when any sub-predicate matches (an empty OR matches nothing). */
export class OrPredicate extends AndPredicate {
  override readonly classId: number = PredicateClassId.OR;
  override readData(input: ObjectDataInput): void {
    this.predicates = readObjects(input, 'OrPredicate') as Predicate[];
  }
}

export class NotPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.NOT;
  constructor(public predicate: Predicate | null = null) {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeObject(this.predicate);
  }
  readData(input: ObjectDataInput): void {
    this.predicate = input.readObject<Predicate | null>();
  }
}

/** Matches every entry. Has no fields. */
export class TruePredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.TRUE;
  writeData(_output: ObjectDataOutput): void {}
  readData(_input: ObjectDataInput): void {}
}

/** Matches no entry. Has no fields. */
export class FalsePredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.FALSE;
  writeData(_output: ObjectDataOutput): void {}
  readData(_input: ObjectDataInput): void {}
}
