// Bad predicate arguments fail where the predicate is built, with an error naming the argument.
import { describe, expect, it } from 'vitest';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import * as Predicates from './predicates';

type Call = () => unknown;
const loose = Predicates as unknown as Record<string, (...args: unknown[]) => unknown>;
const call =
  (name: string, ...args: unknown[]): Call =>
  () =>
    loose[name]?.(...args);

describe('predicate argument validation', () => {
  it.each<[string, Call, RegExp]>([
    ['between missing to', call('between', 'age', 5), /between: to must not be undefined/],
    ['between null from', call('between', 'age', null, 5), /between: from must not be null/],
    [
      'between numeric attribute',
      call('between', 7, 1, 2),
      /between: attribute must be a non-empty string, got number 7/,
    ],
    ['equal empty attribute', call('equal', '', 1), /equal: attribute must be a non-empty string, got ""/],
    ['equal blank attribute', call('equal', '  ', 1), /equal: attribute must be a non-empty string/],
    ['equal missing value', call('equal', 'a'), /equal: value is required/],
    ['notEqual missing value', call('notEqual', 'a'), /notEqual: value is required/],
    ['greaterThan null', call('greaterThan', 'a', null), /greaterThan: value must not be null/],
    ['greaterEqual undefined', call('greaterEqual', 'a'), /greaterEqual: value must not be undefined/],
    [
      'lessThan no attribute',
      call('lessThan', undefined, 1),
      /lessThan: attribute must be a non-empty string, got undefined/,
    ],
    [
      'lessEqual object attribute',
      call('lessEqual', {}, 1),
      /lessEqual: attribute must be a non-empty string, got Object/,
    ],
    ['like non-string', call('like', 'a', 5), /like: expression must be a string, got number 5/],
    ['ilike missing', call('ilike', 'a'), /ilike: expression must be a string, got undefined/],
    ['regex non-string', call('regex', 'a', /x/), /regex: pattern must be a string, got RegExp/],
    ['in undefined value', call('inPredicate', 'a', 1, undefined), /inPredicate: value #2 is required/],
    [
      'in no attribute',
      call('inPredicate', null),
      /inPredicate: attribute must be a non-empty string, got null/,
    ],
    ['sql empty', call('sql', ''), /sql: expression must not be empty/],
    ['sql non-string', call('sql', 42), /sql: expression must be a string/],
    ['instanceOf empty', call('instanceOf', ' '), /instanceOf: className must not be empty/],
    [
      'and with undefined',
      call('and', Predicates.alwaysTrue(), undefined),
      /and: predicate #2 must be a predicate object, got undefined/,
    ],
    ['or with string', call('or', 'a = 1'), /or: predicate #1 must be a predicate object, got "a = 1"/],
    ['not without predicate', call('not'), /not: predicate must be a predicate object, got undefined/],
    [
      'paging size 0',
      call('paging', Predicates.alwaysTrue(), 0),
      /paging: pageSize must be a positive integer, got number 0/,
    ],
    ['paging size fraction', call('paging', null, 1.5), /paging: pageSize must be a positive integer/],
    [
      'paging size missing',
      call('paging', null),
      /paging: pageSize must be a positive integer, got undefined/,
    ],
    ['paging bad predicate', call('paging', 'age > 1', 5), /paging: predicate must be a predicate object/],
    [
      'paging bad comparator',
      call('paging', null, 5, 'byName'),
      /paging: comparator must be a comparator object/,
    ],
    ['paging nested', call('paging', Predicates.paging(null, 2), 5), /cannot wrap another paging predicate/],
    // The members page only a query's outermost predicate: inside and/or/not it would be ignored.
    [
      'paging inside and',
      call('and', Predicates.sql('a > 1'), Predicates.paging(null, 2)),
      /and: predicate #2 is a paging predicate, which pages only a whole query; use paging\(and\(\.\.\.\), pageSize\) instead/,
    ],
    ['paging inside or', call('or', Predicates.paging(null, 2)), /or: predicate #1 is a paging predicate/],
    ['paging inside not', call('not', Predicates.paging(null, 2)), /not: predicate is a paging predicate/],
  ])('%s', (_name, build, message) => {
    expect(build).toThrow(IllegalArgumentError);
    expect(build).toThrow(message);
  });

  it('accepts what Java accepts: null equality, empty IN, empty LIKE pattern, no paging predicate', () => {
    expect(Predicates.equal('a', null).value).toBeNull();
    expect(Predicates.inPredicate('a').values).toEqual([]);
    expect(Predicates.like('a', '').expression).toBe('');
    expect(Predicates.paging(null, 10).getPredicate()).toBeNull();
  });
});
