import { describe, expect, it } from 'vitest';
import type { RunResult } from './runner/scenario';
import { median, ratioOf, summarizeRounds } from './stats';

function round(opsPerSec: number, p99Us: number, peakRssMb: number): RunResult {
  return {
    operations: opsPerSec,
    elapsedMs: 1000,
    opsPerSec,
    cpuMsPer1kOps: 10,
    p50Us: 100,
    p99Us,
    p999Us: p99Us * 2,
    maxUs: p99Us * 3,
    peakRssMb,
    peakHeapMb: peakRssMb / 4,
    writesPer1kOps: 50,
  };
}

describe('stats', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('summarizes rounds with medians for rates and the peak for memory', () => {
    const summary = summarizeRounds([round(100, 900, 50), round(300, 700, 80), round(200, 800, 60)]);
    expect(summary.opsPerSec).toBe(200);
    expect(summary.p99Us).toBe(800);
    expect(summary.peakRssMb).toBe(80);
    expect(summary.peakHeapMb).toBe(20);
  });

  it('divides ours by official per metric', () => {
    const ours = summarizeRounds([round(300, 500, 40)]);
    const official = summarizeRounds([round(200, 1000, 80)]);
    const ratio = ratioOf(ours, official);
    expect(ratio.opsPerSec).toBe(1.5);
    expect(ratio.p99Us).toBe(0.5);
    expect(ratio.peakRssMb).toBe(0.5);
  });
});
