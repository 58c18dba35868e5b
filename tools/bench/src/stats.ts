import type { RunResult } from './runner/scenario';

export type Metrics = {
  opsPerSec: number;
  p50Us: number;
  p99Us: number;
  p999Us: number;
  cpuMsPer1kOps: number;
  peakRssMb: number;
  peakHeapMb: number;
  writesPer1kOps: number;
};

export const METRIC_KEYS = [
  'opsPerSec',
  'p50Us',
  'p99Us',
  'p999Us',
  'cpuMsPer1kOps',
  'peakRssMb',
  'peakHeapMb',
  'writesPer1kOps',
] as const satisfies readonly (keyof Metrics)[];

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median of every rate/latency/CPU figure across rounds; memory is the peak of all rounds. */
export function summarizeRounds(rounds: readonly RunResult[]): Metrics {
  const pick = (key: Exclude<keyof RunResult, 'allocation'>) => rounds.map((r) => r[key]);
  return {
    opsPerSec: median(pick('opsPerSec')),
    p50Us: median(pick('p50Us')),
    p99Us: median(pick('p99Us')),
    p999Us: median(pick('p999Us')),
    cpuMsPer1kOps: median(pick('cpuMsPer1kOps')),
    peakRssMb: Math.max(...pick('peakRssMb')),
    peakHeapMb: Math.max(...pick('peakHeapMb')),
    writesPer1kOps: median(pick('writesPer1kOps')),
  };
}

/** ours / official per metric: > 1 is better for opsPerSec, < 1 is better for everything else. */
export function ratioOf(ours: Metrics, official: Metrics): Metrics {
  const ratio = {} as Metrics;
  for (const key of METRIC_KEYS) ratio[key] = official[key] === 0 ? Number.NaN : ours[key] / official[key];
  return ratio;
}
