/** One point of a soak run, taken every few seconds. */
export interface SoakSample {
  /** Milliseconds since the load started. */
  readonly atMs: number;
  /** Operations completed per second since the previous sample. */
  readonly opsPerSecond: number;
  /** Operations that failed since the previous sample. */
  readonly failures: number;
  /** `process.memoryUsage().heapUsed` right after two full garbage collections. */
  readonly heapAfterGc: number;
  readonly rss: number;
  /** `process.getActiveResourcesInfo().length`: timers, sockets, immediates… */
  readonly handles: number;
  /** Open TCP sockets of the process. */
  readonly sockets: number;
  /** Member connections of the client under load. */
  readonly connections: number;
}

export interface GrowthLimits {
  /** Share of the run (from the start) left out as warm-up; default 0.25. */
  warmupFraction: number;
  /** The late heap median may exceed the early one by this factor… (default 1.2) */
  maxHeapRatio: number;
  /** …or by this many bytes, whichever is more (small heaps are noisy); default 4 MiB. */
  heapSlackBytes: number;
  /** The late maximum of handles and of sockets may exceed the early maximum by this many; default 3. */
  handleSlack: number;
}

export const DEFAULT_GROWTH_LIMITS: GrowthLimits = {
  warmupFraction: 0.25,
  maxHeapRatio: 1.2,
  heapSlackBytes: 4 * 1024 * 1024,
  handleSlack: 3,
};

/** What the growth check found; `ok` is false with the reasons when something grows. */
export interface GrowthVerdict {
  readonly ok: boolean;
  readonly reasons: readonly string[];
  /** Least-squares slope of heap after GC after the warm-up, bytes per minute. */
  readonly heapSlopePerMinute: number;
  /** Median heap after GC of the last third over the first third (after the warm-up). */
  readonly heapRatio: number;
  readonly earlyHeapMedian: number;
  readonly lateHeapMedian: number;
  /** Slopes per minute of handle and socket counts after the warm-up. */
  readonly handleSlopePerMinute: number;
  readonly socketSlopePerMinute: number;
  readonly earlyHandlesMax: number;
  readonly lateHandlesMax: number;
  readonly earlySocketsMax: number;
  readonly lateSocketsMax: number;
}

/**
 * Looks for growth in a soak run: after the warm-up, the samples are split in thirds; the last third may
 * not hold more heap (median after GC) than the first by more than the limits allow, nor more handles or
 * sockets (maximum) than the first plus a slack. Member restarts make the counts move by a connection or
 * two; a leak makes them climb. The slopes are reported for the record, the verdict rests on these ratios.
 */
export function analyseGrowth(
  samples: readonly SoakSample[],
  limits: Partial<GrowthLimits> = {},
): GrowthVerdict {
  const { warmupFraction, maxHeapRatio, heapSlackBytes, handleSlack } = {
    ...DEFAULT_GROWTH_LIMITS,
    ...limits,
  };
  if (samples.length < 6) {
    throw new RangeError(`a growth check needs at least 6 samples, got ${samples.length}`);
  }
  const warmup = Math.max(1, Math.floor(samples.length * warmupFraction));
  const steady = samples.slice(warmup);
  const third = Math.max(1, Math.floor(steady.length / 3));
  const early = steady.slice(0, third);
  const late = steady.slice(-third);

  const earlyHeapMedian = median(early.map((s) => s.heapAfterGc));
  const lateHeapMedian = median(late.map((s) => s.heapAfterGc));
  const heapRatio = lateHeapMedian / earlyHeapMedian;
  const earlyHandlesMax = Math.max(...early.map((s) => s.handles));
  const lateHandlesMax = Math.max(...late.map((s) => s.handles));
  const earlySocketsMax = Math.max(...early.map((s) => s.sockets));
  const lateSocketsMax = Math.max(...late.map((s) => s.sockets));

  const reasons: string[] = [];
  const heapLimit = Math.max(earlyHeapMedian * maxHeapRatio, earlyHeapMedian + heapSlackBytes);
  if (lateHeapMedian > heapLimit) {
    reasons.push(
      `heap after GC grew from ${mib(earlyHeapMedian)} to ${mib(lateHeapMedian)} MiB (x${heapRatio.toFixed(2)}; ` +
        `limit ${mib(heapLimit)} MiB)`,
    );
  }
  if (lateHandlesMax > earlyHandlesMax + handleSlack) {
    reasons.push(`active handles grew from at most ${earlyHandlesMax} to ${lateHandlesMax}`);
  }
  if (lateSocketsMax > earlySocketsMax + handleSlack) {
    reasons.push(`open sockets grew from at most ${earlySocketsMax} to ${lateSocketsMax}`);
  }
  return {
    ok: reasons.length === 0,
    reasons,
    heapSlopePerMinute: slopePerMinute(steady, (s) => s.heapAfterGc),
    heapRatio,
    earlyHeapMedian,
    lateHeapMedian,
    handleSlopePerMinute: slopePerMinute(steady, (s) => s.handles),
    socketSlopePerMinute: slopePerMinute(steady, (s) => s.sockets),
    earlyHandlesMax,
    lateHandlesMax,
    earlySocketsMax,
    lateSocketsMax,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Least-squares slope of `pick(sample)` against time, per minute. */
export function slopePerMinute(samples: readonly SoakSample[], pick: (s: SoakSample) => number): number {
  const n = samples.length;
  if (n < 2) return 0;
  const xs = samples.map((s) => s.atMs / 60_000);
  const ys = samples.map(pick);
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    covariance += (xs[i]! - meanX) * (ys[i]! - meanY);
    variance += (xs[i]! - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

export function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
