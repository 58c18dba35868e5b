import { describe, expect, it } from 'vitest';
import { analyseGrowth, median, type SoakSample, slopePerMinute } from './growth';

const MiB = 1024 * 1024;

function run(count: number, shape: (i: number) => Partial<SoakSample>): SoakSample[] {
  return Array.from({ length: count }, (_, i) => ({
    atMs: i * 10_000,
    opsPerSecond: 1_000,
    failures: 0,
    heapAfterGc: 40 * MiB,
    rss: 200 * MiB,
    handles: 20,
    sockets: 6,
    connections: 3,
    ...shape(i),
  }));
}

describe('analyseGrowth', () => {
  it('passes a flat run, with noise and a restart dip in the counts', () => {
    const verdict = analyseGrowth(
      run(40, (i) => ({
        heapAfterGc: (40 + (i % 3)) * MiB,
        sockets: i % 10 === 5 ? 5 : 6,
        handles: i % 10 === 5 ? 19 : 20,
      })),
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.reasons).toEqual([]);
    expect(verdict.heapRatio).toBeCloseTo(1, 1);
  });

  it('fails a heap that keeps climbing after the warm-up, and says by how much', () => {
    const verdict = analyseGrowth(run(40, (i) => ({ heapAfterGc: (40 + i) * MiB })));
    expect(verdict.ok).toBe(false);
    expect(verdict.reasons[0]).toMatch(/heap after GC grew from 5\d\.\d to 7\d\.\d MiB/);
    // 1 MiB per sample, 6 samples a minute.
    expect(verdict.heapSlopePerMinute / MiB).toBeCloseTo(6, 5);
  });

  it('ignores growth during the warm-up', () => {
    const verdict = analyseGrowth(run(40, (i) => ({ heapAfterGc: (i < 10 ? 10 + i * 3 : 40) * MiB })));
    expect(verdict.ok).toBe(true);
  });

  it('tolerates a few MiB on a small heap but not a real ratio', () => {
    expect(analyseGrowth(run(40, (i) => ({ heapAfterGc: (i < 25 ? 8 : 11) * MiB }))).ok).toBe(true);
    expect(analyseGrowth(run(40, (i) => ({ heapAfterGc: (i < 25 ? 8 : 14) * MiB }))).ok).toBe(false);
  });

  it('fails handles or sockets that climb (a leaked timer or connection per restart)', () => {
    const handles = analyseGrowth(run(40, (i) => ({ handles: 20 + Math.floor(i / 4) })));
    expect(handles.ok).toBe(false);
    expect(handles.reasons).toEqual([expect.stringMatching(/active handles grew from at most \d+ to \d+/)]);
    expect(handles.handleSlopePerMinute).toBeCloseTo(1.5, 0);
    const sockets = analyseGrowth(run(40, (i) => ({ sockets: 6 + Math.floor(i / 5) })));
    expect(sockets.reasons).toEqual([expect.stringMatching(/open sockets grew/)]);
  });

  it('needs enough samples to say anything', () => {
    expect(() => analyseGrowth(run(5, () => ({})))).toThrow(/at least 6 samples/);
  });
});

describe('statistics helpers', () => {
  it('median and slope', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(
      slopePerMinute(
        run(7, (i) => ({ handles: 2 * i })),
        (s) => s.handles,
      ),
    ).toBeCloseTo(12, 5);
    expect(
      slopePerMinute(
        run(1, () => ({})),
        (s) => s.handles,
      ),
    ).toBe(0);
  });
});
