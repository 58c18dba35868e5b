// Every predicate must serialize to the bytes the official Node client produces for the same predicate
// (and so to what the member's PredicateDataSerializerHook reads).
import { SerializationService, typed } from '@hz/serialization';
import Long from 'long';
import { describe, expect, it } from 'vitest';
import * as Predicates from './predicates';
import { type Any, official, officialHex } from './test-support/official-client';

const ours = new SerializationService();
const hex = (value: unknown) => ours.toData(value).toBuffer().toString('hex');

describe('predicates are byte-identical to the official client', () => {
  const O = () => official().Predicates;
  const oLong = (value: Long) => official().Long.fromBits(value.low, value.high);
  const big = Long.fromString('-9007199254740993');

  const cases: Array<[string, () => unknown, () => Any]> = [
    [
      'sql',
      () => Predicates.sql('age > 30 AND name LIKE "J%"'),
      () => O().sql('age > 30 AND name LIKE "J%"'),
    ],
    ['equal string', () => Predicates.equal('name', 'Jo'), () => O().equal('name', 'Jo')],
    ['equal number', () => Predicates.equal('age', 42), () => O().equal('age', 42)],
    ['equal null', () => Predicates.equal('name', null), () => O().equal('name', null)],
    ['equal Long', () => Predicates.equal('id', big), () => O().equal('id', oLong(big))],
    ['equal boolean', () => Predicates.equal('active', true), () => O().equal('active', true)],
    ['notEqual', () => Predicates.notEqual('__key', 'k1'), () => O().notEqual('__key', 'k1')],
    ['greaterThan', () => Predicates.greaterThan('age', 18), () => O().greaterThan('age', 18)],
    ['greaterEqual', () => Predicates.greaterEqual('age', 18.5), () => O().greaterEqual('age', 18.5)],
    ['lessThan', () => Predicates.lessThan('name', 'M'), () => O().lessThan('name', 'M')],
    ['lessEqual', () => Predicates.lessEqual('this', -1), () => O().lessEqual('this', -1)],
    ['between', () => Predicates.between('age', 10, 20), () => O().between('age', 10, 20)],
    ['between strings', () => Predicates.between('n', 'a', 'f'), () => O().between('n', 'a', 'f')],
    ['like', () => Predicates.like('name', 'J_h%'), () => O().like('name', 'J_h%')],
    ['ilike', () => Predicates.ilike('name', 'j%'), () => O().ilike('name', 'j%')],
    [
      'regex',
      () => Predicates.regex('email', '.*@example\\.com'),
      () => O().regex('email', '.*@example\\.com'),
    ],
    ['in', () => Predicates.inPredicate('age', 1, 2, 3), () => O().inPredicate('age', 1, 2, 3)],
    ['in mixed', () => Predicates.inPredicate('v', 'a', null, 2), () => O().inPredicate('v', 'a', null, 2)],
    ['in none', () => Predicates.inPredicate('v'), () => O().inPredicate('v')],
    ['instanceOf', () => Predicates.instanceOf('java.lang.String'), () => O().instanceOf('java.lang.String')],
    ['alwaysTrue', () => Predicates.alwaysTrue(), () => O().alwaysTrue()],
    ['alwaysFalse', () => Predicates.alwaysFalse(), () => O().alwaysFalse()],
    ['not', () => Predicates.not(Predicates.equal('a', 1)), () => O().not(O().equal('a', 1))],
    [
      'and',
      () => Predicates.and(Predicates.equal('a', 1), Predicates.like('b', 'x%'), Predicates.alwaysTrue()),
      () => O().and(O().equal('a', 1), O().like('b', 'x%'), O().alwaysTrue()),
    ],
    ['and empty', () => Predicates.and(), () => O().and()],
    [
      'or nested',
      () => Predicates.or(Predicates.and(Predicates.sql('a = 1')), Predicates.not(Predicates.alwaysFalse())),
      () => O().or(O().and(O().sql('a = 1')), O().not(O().alwaysFalse())),
    ],
    [
      'unicode attribute and value',
      () => Predicates.equal('名前', 'ünïcødé 🚀'),
      () => O().equal('名前', 'ünïcødé 🚀'),
    ],
    ['paging', () => Predicates.paging(Predicates.equal('a', 1), 7), () => O().paging(O().equal('a', 1), 7)],
  ];

  it.each(cases)('%s', (_name, build, buildOfficial) => {
    expect(hex(build())).toBe(officialHex(buildOfficial()));
  });

  it('paging with page, iteration type, comparator and anchors', () => {
    const comparator = Predicates.sql('x = 1'); // any IDS object stands in for a member-side comparator
    const mine = Predicates.paging(Predicates.alwaysTrue(), 3, comparator).nextPage().nextPage();
    mine.setIterationType('VALUE');
    mine.setAnchorList([
      { page: 0, key: 'k3', value: 3 },
      { page: 1, key: 'k6', value: 6 },
    ]);
    const theirs = O().paging(O().alwaysTrue(), 3, O().sql('x = 1')).nextPage().nextPage();
    theirs.setIterationType('VALUE');
    theirs.setAnchorList([
      [0, ['k3', 3]],
      [1, ['k6', 6]],
    ]);
    expect(hex(mine)).toBe(officialHex(theirs));
  });

  it('matches the bytes Java itself writes (Java-typed ints)', () => {
    // Golden bytes from Java: Predicates.between("age", 10, 20) with Integer bounds.
    expect(hex(Predicates.between('age', typed(10, 'int'), typed(20, 'int')))).toBe(
      '00000000fffffffe01ffffffec0000000200000003616765fffffff900000014fffffff90000000a',
    );
    // Predicates.greaterEqual("name", "m").
    expect(hex(Predicates.greaterEqual('name', 'm'))).toBe(
      '00000000fffffffe01ffffffec00000004000000046e616d65fffffff5000000016d0100',
    );
  });
});

describe("the Python client's predicate names", () => {
  it('build the same predicates as the official Node.js names', () => {
    expect(Predicates.greater('age', 30)).toEqual(Predicates.greaterThan('age', 30));
    expect(Predicates.greaterOrEqual('age', 30)).toEqual(Predicates.greaterEqual('age', 30));
    expect(Predicates.less('age', 30)).toEqual(Predicates.lessThan('age', 30));
    expect(Predicates.lessOrEqual('age', 30)).toEqual(Predicates.lessEqual('age', 30));
    expect(Predicates.in('age', 1, 2)).toEqual(Predicates.inPredicate('age', 1, 2));
    expect(Predicates.true()).toEqual(Predicates.alwaysTrue());
    expect(Predicates.false()).toEqual(Predicates.alwaysFalse());
    expect(Predicates.less('age', 30)).not.toEqual(Predicates.lessOrEqual('age', 30));
    expect(() => Predicates.greater('', 1)).toThrow(/greater: attribute must be a non-empty string/);
  });
});
