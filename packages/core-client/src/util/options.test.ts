import { describe, expect, it } from 'vitest';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { checkOptions } from './options';

const KNOWN = ['timeoutMillis', 'durability', 'type'] as const;

describe('checkOptions', () => {
  it('passes absent options and objects with known keys through', () => {
    expect(checkOptions(undefined, KNOWN, 'newTransaction')).toBeUndefined();
    expect(checkOptions(null, KNOWN, 'newTransaction')).toBeUndefined();
    const options = { timeoutMillis: 5, type: undefined };
    expect(checkOptions(options, KNOWN, 'newTransaction')).toBe(options);
    // Inherited keys are not the caller's: only own keys are checked.
    expect(checkOptions(Object.create({ other: 1 }) as object, KNOWN, 'newTransaction')).toBeDefined();
  });

  it('refuses what is not an object, naming the call and the keys it takes', () => {
    for (const [value, shown] of [
      [1000, 'number 1000'],
      ['1000', 'the string "1000"'],
      [true, 'boolean true'],
      [[1], 'an array'],
      [() => 1, 'a function'],
    ] as const) {
      expect(() => checkOptions(value as never, KNOWN, 'newTransaction')).toThrow(IllegalArgumentError);
      expect(() => checkOptions(value as never, KNOWN, 'newTransaction')).toThrow(
        `newTransaction: the options must be an object { timeoutMillis, durability, type }, got ${shown}`,
      );
    }
  });

  it('refuses an unknown key, suggesting the one meant', () => {
    const cases: Array<[string, string | undefined]> = [
      ['timeout', 'timeoutMillis'],
      ['transactionType', 'type'],
      ['durabilty', 'durability'],
      ['xyz', undefined],
    ];
    for (const [key, meant] of cases) {
      expect(() => checkOptions({ [key]: 1 }, KNOWN, 'newTransaction')).toThrow(
        `newTransaction: unknown option "${key}"${meant ? ` (did you mean "${meant}"?)` : ''}; known options: timeoutMillis, durability, type`,
      );
    }
  });
});
