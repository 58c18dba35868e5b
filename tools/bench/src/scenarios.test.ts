import { describe, expect, it } from 'vitest';
import { filterScenarios, fullScenarios, quickScenarios } from './scenarios';

describe('scenarios', () => {
  it('covers set/get/mix x 3 sizes x 3 concurrencies plus the two batches', () => {
    const all = fullScenarios();
    expect(all).toHaveLength(29);
    expect(new Set(all.map((s) => s.name)).size).toBe(29);
    expect(all.filter((s) => s.batch === 100).map((s) => s.op)).toEqual(['putAll', 'getAll']);
    expect(all.map((s) => s.name)).toContain('mix 10KB c=1');
  });

  it('keeps the headline 1 KB c=256 scenarios in --quick', () => {
    expect(quickScenarios().map((s) => s.name)).toEqual(['set 1KB c=256', 'get 1KB c=256', 'mix 1KB c=32']);
  });

  it('filters by name fragment', () => {
    expect(filterScenarios(fullScenarios(), ['getAll']).map((s) => s.name)).toEqual(['getAll x100 1KB c=32']);
    expect(filterScenarios(quickScenarios(), [])).toHaveLength(3);
  });
});
