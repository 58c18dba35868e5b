// Aggregators must serialize exactly as the official client (and Java) write them: attribute path, then
// the empty running state of the Java class.
import { SerializationService } from '@hz/serialization';
import { describe, expect, it } from 'vitest';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import * as Aggregators from './aggregators';
import { type Any, official, officialHex } from './test-support/official-client';

const ours = new SerializationService();
const hex = (value: unknown) => ours.toData(value).toBuffer().toString('hex');

// Our name -> the official client's class (its `distinct()` drops the attribute, so classes are used).
const OFFICIAL_CLASS: Record<string, string> = {
  count: 'CountAggregator',
  distinct: 'DistinctValuesAggregator',
  doubleAvg: 'DoubleAverageAggregator',
  doubleSum: 'DoubleSumAggregator',
  fixedPointSum: 'FixedPointSumAggregator',
  floatingPointSum: 'FloatingPointSumAggregator',
  intAvg: 'IntegerAverageAggregator',
  intSum: 'IntegerSumAggregator',
  longAvg: 'LongAverageAggregator',
  longSum: 'LongSumAggregator',
  max: 'MaxAggregator',
  min: 'MinAggregator',
  numberAvg: 'NumberAverageAggregator',
};

type Builder = (attributePath?: string) => unknown;

describe('aggregators are byte-identical to the official client', () => {
  const names = Object.keys(OFFICIAL_CLASS);
  it.each(names.flatMap((name) => [[name, undefined] as const, [name, 'person.age'] as const]))(
    '%s(%s)',
    (name, attribute) => {
      const build = (Aggregators as unknown as Record<string, Builder>)[name] as Builder;
      const OfficialClass = official().AggregatorClasses[OFFICIAL_CLASS[name] as string] as new (
        path?: string,
      ) => Any;
      expect(hex(build(attribute))).toBe(officialHex(new OfficialClass(attribute)));
    },
  );

  it('the official names integerAvg/integerSum are the same aggregators', () => {
    expect(hex(Aggregators.integerAvg('a'))).toBe(hex(Aggregators.intAvg('a')));
    expect(hex(Aggregators.integerSum())).toBe(officialHex(official().Aggregators.integerSum()));
  });
});

describe('aggregators match the bytes Java writes', () => {
  // Golden bytes from Hazelcast 5.7.0's own serialization service (Aggregators.maxBy("age"), ...).
  it.each([
    [
      'maxBy',
      () => Aggregators.maxBy('age'),
      '00000000fffffffe01ffffffe300000011000000036167650000000000000000',
    ],
    [
      'minBy',
      () => Aggregators.minBy('name'),
      '00000000fffffffe01ffffffe300000012000000046e616d650000000000000000',
    ],
    [
      'count',
      () => Aggregators.count('age'),
      '00000000fffffffe01ffffffe300000004000000036167650000000000000000',
    ],
    ['count()', () => Aggregators.count(), '00000000fffffffe01ffffffe300000004ffffffff0000000000000000'],
    [
      'distinct',
      () => Aggregators.distinct('name'),
      '00000000fffffffe01ffffffe300000005000000046e616d6500000000',
    ],
    [
      'numberAvg',
      () => Aggregators.numberAvg('x'),
      '00000000fffffffe01ffffffe300000010000000017800000000000000000000000000000000',
    ],
    ['max', () => Aggregators.max('x'), '00000000fffffffe01ffffffe30000000e000000017800000000'],
    [
      'longAvg()',
      () => Aggregators.longAvg(),
      '00000000fffffffe01ffffffe30000000cffffffff00000000000000000000000000000000',
    ],
  ])('%s', (_name, build, javaHex) => {
    expect(hex(build())).toBe(javaHex);
  });
});

describe('aggregator arguments', () => {
  it.each(['', '   ', 5, null])('refuses attribute path %j', (attribute) => {
    expect(() => Aggregators.count(attribute as string)).toThrow(IllegalArgumentError);
    expect(() => Aggregators.count(attribute as string)).toThrow(
      /count: attributePath must be a non-empty string/,
    );
  });

  it('maxBy and minBy require the attribute they compare by', () => {
    expect(() => Aggregators.maxBy(undefined as unknown as string)).toThrow(/maxBy: attributePath/);
    expect(() => Aggregators.minBy('')).toThrow(/minBy: attributePath/);
  });
});
