// Predicates that compare one attribute of each entry with given values.
import type { ObjectDataInput, ObjectDataOutput } from '@hz/serialization';
import { PredicateClassId } from '../ids';
import { readObjects, readRequiredString, writeObjects } from '../stream-helpers';
import { BuiltinPredicate } from './predicate';

/** `attribute = value` (Java EqualPredicate; a null value matches entries whose attribute is null). */
export class EqualPredicate extends BuiltinPredicate {
  readonly classId: number = PredicateClassId.EQUAL;
  constructor(
    public attribute = '',
    public value: unknown = null,
  ) {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attribute);
    output.writeObject(this.value);
  }
  readData(input: ObjectDataInput): void {
    this.attribute = readRequiredString(input, 'EqualPredicate');
    this.value = input.readObject();
  }
}

/** `attribute != value`; same layout as EqualPredicate, as in Java where it is a subclass. */
export class NotEqualPredicate extends EqualPredicate {
  override readonly classId: number = PredicateClassId.NOT_EQUAL;
}

/** `attribute <, <=, >, >= value`: `less` picks the direction, `equal` makes it inclusive. */
export class GreaterLessPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.GREATER_LESS;
  constructor(
    public attribute = '',
    public value: unknown = null,
    public equal = false,
    public less = false,
  ) {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attribute);
    output.writeObject(this.value);
    output.writeBoolean(this.equal);
    output.writeBoolean(this.less);
  }
  readData(input: ObjectDataInput): void {
    this.attribute = readRequiredString(input, 'GreaterLessPredicate');
    this.value = input.readObject();
    this.equal = input.readBoolean();
    this.less = input.readBoolean();
  }
}

/** `from <= attribute <= to` (both ends inclusive, as Java's BetweenPredicate). */
export class BetweenPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.BETWEEN;
  constructor(
    public attribute = '',
    public from: unknown = null,
    public to: unknown = null,
  ) {
    super();
  }
  // Java writes `to` before `from`; the member reads them in that order.
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attribute);
    output.writeObject(this.to);
    output.writeObject(this.from);
  }
  readData(input: ObjectDataInput): void {
    this.attribute = readRequiredString(input, 'BetweenPredicate');
    this.to = input.readObject();
    this.from = input.readObject();
  }
}

/** SQL LIKE: `%` matches any run of characters, `_` one character, `\` escapes them. Case-sensitive. */
export class LikePredicate extends BuiltinPredicate {
  readonly classId: number = PredicateClassId.LIKE;
  constructor(
    public attribute = '',
    public expression = '',
  ) {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attribute);
    output.writeString(this.expression);
  }
  readData(input: ObjectDataInput): void {
    this.attribute = readRequiredString(input, 'LikePredicate');
    this.expression = readRequiredString(input, 'LikePredicate');
  }
}

/** LIKE ignoring case. */
export class ILikePredicate extends LikePredicate {
  override readonly classId: number = PredicateClassId.ILIKE;
}

/** The attribute matches a java.util.regex pattern (the whole value must match). */
export class RegexPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.REGEX;
  constructor(
    public attribute = '',
    public regex = '',
  ) {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attribute);
    output.writeString(this.regex);
  }
  readData(input: ObjectDataInput): void {
    this.attribute = readRequiredString(input, 'RegexPredicate');
    this.regex = readRequiredString(input, 'RegexPredicate');
  }
}

/** The attribute equals one of the values. */
export class InPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.IN;
  constructor(
    public attribute = '',
    public values: unknown[] = [],
  ) {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attribute);
    writeObjects(output, this.values);
  }
  readData(input: ObjectDataInput): void {
    this.attribute = readRequiredString(input, 'InPredicate');
    this.values = readObjects(input, 'InPredicate');
  }
}
