import { describe, expect, it } from 'vitest';
import { benchValue } from './runner/scenario';
import { filterScenarios, fullScenarios, quickScenarios } from './scenarios';

describe('scenarios', () => {
  it('covers set/get/mix x 3 sizes x 3 concurrencies plus the two batches', () => {
    const all = fullScenarios();
    expect(all).toHaveLength(33);
    expect(new Set(all.map((s) => s.name)).size).toBe(33);
    expect(all.filter((s) => s.batch === 100).map((s) => s.op)).toEqual(['putAll', 'getAll']);
    expect(all.map((s) => s.name)).toContain('mix 10KB c=1');
  });

  it('keeps the headline scenarios in --quick: value kinds, sizes and a round trip at 1 in flight', () => {
    expect(quickScenarios().map((s) => s.name)).toEqual([
      'set 1KB c=256',
      'get 1KB c=256',
      'set 1KB string c=256',
      'get 1KB string c=256',
      'set 1KB object c=256',
      'get 1KB object c=256',
      'set 100B c=256',
      'get 100B c=256',
      'set 10KB c=256',
      'get 10KB c=256',
      'get 1KB c=1',
      'mix 1KB c=32',
    ]);
  });

  it('makes values of about the asked size for every kind', () => {
    expect((benchValue('buffer', 1024) as Buffer).length).toBe(1024);
    expect((benchValue('string', 100) as string).length).toBe(100);
    expect(JSON.stringify(benchValue('object', 1024)).length).toBe(1024);
  });

  it('filters by name fragment', () => {
    expect(filterScenarios(fullScenarios(), ['getAll']).map((s) => s.name)).toEqual(['getAll x100 1KB c=32']);
    expect(filterScenarios(quickScenarios(), [])).toHaveLength(12);
  });
});
