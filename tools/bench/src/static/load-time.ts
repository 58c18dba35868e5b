import { runInFreshProcess } from '../fork-runner';
import { median } from '../stats';

export interface LoadTimeReport {
  readonly runs: number;
  readonly oursMedianMs: number;
  readonly officialMedianMs: number;
  readonly ratio: number;
  readonly oursSamplesMs: number[];
  readonly officialSamplesMs: number[];
}

/** Median import time of each client, alternating fresh processes so disk cache state is shared fairly. */
export async function measureLoadTime(runs: number): Promise<LoadTimeReport> {
  const ours: number[] = [];
  const official: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push((await runInFreshProcess<{ elapsedMs: number }>('loadTime', { client: 'ours' })).elapsedMs);
    official.push(
      (await runInFreshProcess<{ elapsedMs: number }>('loadTime', { client: 'official' })).elapsedMs,
    );
  }
  const oursMedianMs = median(ours);
  const officialMedianMs = median(official);
  return {
    runs,
    oursMedianMs,
    officialMedianMs,
    ratio: oursMedianMs / officialMedianMs,
    oursSamplesMs: ours,
    officialSamplesMs: official,
  };
}
