// The predicate builders, with the official Node client's names. Each checks its arguments, so a mistake
// is reported here, naming the argument, rather than as a serialization or member error.
import { IllegalArgumentError } from '../errors/hazelcast-error';
import {
  BetweenPredicate,
  EqualPredicate,
  GreaterLessPredicate,
  ILikePredicate,
  InPredicate,
  LikePredicate,
  NotEqualPredicate,
  RegexPredicate,
} from './predicate/attribute-predicates';
import {
  AndPredicate,
  FalsePredicate,
  NotPredicate,
  OrPredicate,
  TruePredicate,
} from './predicate/logical-predicates';
import { PagingPredicate } from './predicate/paging-predicate';
import type { Predicate } from './predicate/predicate';
import { InstanceOfPredicate, SqlPredicate } from './predicate/text-predicates';
import {
  describeArgument,
  requireAttribute,
  requireComparable,
  requireDefined,
  requirePredicateLike,
  requireString,
} from './validate';

function requireText(operation: string, value: unknown, argument: string): string {
  const text = requireString(operation, value, argument);
  if (text.trim().length === 0) throw new IllegalArgumentError(`${operation}: ${argument} must not be empty`);
  return text;
}

/** A WHERE clause in Hazelcast's predicate SQL dialect, e.g. `sql('age > 30 AND name LIKE "J%"')`. */
export function sql(expression: string): SqlPredicate {
  return new SqlPredicate(requireText('sql', expression, 'expression'));
}

/** Matches entries every predicate matches. */
export function and(...predicates: Predicate[]): AndPredicate {
  return new AndPredicate(predicates.map((p, i) => operand('and', p, `predicate #${i + 1}`)));
}

/** Matches entries any predicate matches. */
export function or(...predicates: Predicate[]): OrPredicate {
  return new OrPredicate(predicates.map((p, i) => operand('or', p, `predicate #${i + 1}`)));
}

export function not(predicate: Predicate): NotPredicate {
  return new NotPredicate(operand('not', predicate, 'predicate'));
}

/**
 * A predicate inside and/or/not. A paging predicate there would be ignored by the members (they page only a
 * query's outermost predicate): the whole result would come back unpaged, so it is an error.
 */
function operand(operation: string, predicate: unknown, argument: string): object {
  const checked = requirePredicateLike(operation, predicate, argument);
  if (checked instanceof PagingPredicate) {
    throw new IllegalArgumentError(
      `${operation}: ${argument} is a paging predicate, which pages only a whole query; use paging(${operation}(...), pageSize) instead`,
    );
  }
  return checked;
}

/** `from <= attribute <= to`. */
export function between(attribute: string, from: unknown, to: unknown): BetweenPredicate {
  requireAttribute('between', attribute);
  requireComparable('between', from, 'from');
  requireComparable('between', to, 'to');
  return new BetweenPredicate(attribute, from, to);
}

/** `attribute = value`; null matches entries whose attribute is null. */
export function equal(attribute: string, value: unknown): EqualPredicate {
  requireAttribute('equal', attribute);
  requireDefined('equal', value, 'value');
  return new EqualPredicate(attribute, value);
}

export function notEqual(attribute: string, value: unknown): NotEqualPredicate {
  requireAttribute('notEqual', attribute);
  requireDefined('notEqual', value, 'value');
  return new NotEqualPredicate(attribute, value);
}

function comparison(operation: string, attribute: string, value: unknown, equal: boolean, less: boolean) {
  requireAttribute(operation, attribute);
  requireComparable(operation, value, 'value');
  return new GreaterLessPredicate(attribute, value, equal, less);
}

export function greaterThan(attribute: string, value: unknown): GreaterLessPredicate {
  return comparison('greaterThan', attribute, value, false, false);
}

export function greaterEqual(attribute: string, value: unknown): GreaterLessPredicate {
  return comparison('greaterEqual', attribute, value, true, false);
}

export function lessThan(attribute: string, value: unknown): GreaterLessPredicate {
  return comparison('lessThan', attribute, value, false, true);
}

export function lessEqual(attribute: string, value: unknown): GreaterLessPredicate {
  return comparison('lessEqual', attribute, value, true, true);
}

/** SQL LIKE, case-sensitive: `%` any run of characters, `_` one character, `\` escapes. */
export function like(attribute: string, expression: string): LikePredicate {
  requireAttribute('like', attribute);
  return new LikePredicate(attribute, requireString('like', expression, 'expression'));
}

/** SQL LIKE ignoring case. */
export function ilike(attribute: string, expression: string): ILikePredicate {
  requireAttribute('ilike', attribute);
  return new ILikePredicate(attribute, requireString('ilike', expression, 'expression'));
}

/** `attribute IN (values)`; named so because `in` is a keyword. */
export function inPredicate(attribute: string, ...values: unknown[]): InPredicate {
  requireAttribute('inPredicate', attribute);
  values.forEach((value, i) => {
    requireDefined('inPredicate', value, `value #${i + 1}`);
  });
  return new InPredicate(attribute, values);
}

/** Matches values that are instances of the fully qualified Java class (or its subclasses). */
export function instanceOf(className: string): InstanceOfPredicate {
  return new InstanceOfPredicate(requireText('instanceOf', className, 'className'));
}

/** The attribute fully matches a java.util.regex pattern. */
export function regex(attribute: string, pattern: string): RegexPredicate {
  requireAttribute('regex', attribute);
  return new RegexPredicate(attribute, requireString('regex', pattern, 'pattern'));
}

export function alwaysTrue(): TruePredicate {
  return new TruePredicate();
}

export function alwaysFalse(): FalsePredicate {
  return new FalsePredicate();
}

/**
 * Pages through the entries `predicate` matches (null: all entries), `pageSize` at a time, sorted by
 * `comparator` (a `Comparator<Map.Entry>` implemented on the member) or by natural order.
 */
export function paging(
  predicate: Predicate | null,
  pageSize: number,
  comparator: object | null = null,
): PagingPredicate {
  if (predicate !== null) requirePredicateLike('paging', predicate, 'predicate');
  if (predicate instanceof PagingPredicate) {
    throw new IllegalArgumentError('paging: a paging predicate cannot wrap another paging predicate');
  }
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize <= 0 || pageSize > 0x7fffffff) {
    throw new IllegalArgumentError(
      `paging: pageSize must be a positive integer, got ${describeArgument(pageSize)}`,
    );
  }
  if (comparator !== null) requirePredicateLike('paging', comparator, 'comparator', 'comparator');
  return new PagingPredicate(predicate, pageSize, comparator);
}

// The Python client's names (`greater`, `greater_or_equal`, `less`, `less_or_equal`, `in_`, `true`, `false`)
// in camelCase, next to the official Node.js client's: `Predicates.greater('age', 30)` and
// `Predicates.greaterThan('age', 30)` are the same predicate.

/** `attribute > value` (Python's `greater`; the same as greaterThan). */
export function greater(attribute: string, value: unknown): GreaterLessPredicate {
  return comparison('greater', attribute, value, false, false);
}

/** `attribute >= value` (Python's `greater_or_equal`; the same as greaterEqual). */
export function greaterOrEqual(attribute: string, value: unknown): GreaterLessPredicate {
  return comparison('greaterOrEqual', attribute, value, true, false);
}

/** `attribute < value` (Python's `less`; the same as lessThan). */
export function less(attribute: string, value: unknown): GreaterLessPredicate {
  return comparison('less', attribute, value, false, true);
}

/** `attribute <= value` (Python's `less_or_equal`; the same as lessEqual). */
export function lessOrEqual(attribute: string, value: unknown): GreaterLessPredicate {
  return comparison('lessOrEqual', attribute, value, true, true);
}

// `Predicates.in(...)`, `Predicates.true()`, `Predicates.false()`: Python's `in_`, `true` and `false`.
export { alwaysFalse as false, alwaysTrue as true, inPredicate as in };
