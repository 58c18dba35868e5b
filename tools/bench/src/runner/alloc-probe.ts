import { PerformanceObserver, performance } from 'node:perf_hooks';

/** Bytes one operation allocates, measured in a window without any garbage collection. */
export interface AllocationResult {
  /** JS heap bytes per operation (objects, closures, promises, strings). */
  readonly heapBytesPerOp: number;
  /** ArrayBuffer bytes per operation (Buffer contents: slabs of Node's pool, socket reads, large values). */
  readonly arrayBufferBytesPerOp: number;
  /** Operations in the window. */
  readonly ops: number;
}

/** Node flags the probe needs: gc() to start clean, and a young generation no window fills up. */
export const ALLOCATION_PROBE_FLAGS = ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'];

/**
 * Runs `ops` operations `concurrency` at a time between two heap readings, with no garbage collection in
 * between (checked with a gc PerformanceObserver; a window that saw one is repeated with fewer operations),
 * so the difference is what the operations allocated: a deterministic figure, unlike CPU time on a busy
 * machine. Everything the process allocates counts, the load loop's own few objects included (the same
 * for both clients).
 */
export async function allocationProbe(
  operation: (random: number) => Promise<unknown>,
  concurrency: number,
  ops: number,
): Promise<AllocationResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench: the allocation probe needs node --expose-gc');
  const gcStarts: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcStarts.push(entry.startTime);
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    for (let n = ops; n >= 100; n = Math.floor(n / 2)) {
      gc();
      gc();
      const windowStart = performance.now();
      const before = process.memoryUsage();
      let started = 0;
      const worker = async (seed: number): Promise<void> => {
        let state = seed * 2_654_435_761 + 1;
        while (started < n) {
          started++;
          state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
          await operation(state);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i + 1)));
      const after = process.memoryUsage();
      const windowEnd = performance.now();
      // Observer entries arrive asynchronously; give them a moment before judging the window.
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (gcStarts.some((t) => t >= windowStart && t <= windowEnd)) continue;
      return {
        heapBytesPerOp: (after.heapUsed - before.heapUsed) / n,
        arrayBufferBytesPerOp: (after.arrayBuffers - before.arrayBuffers) / n,
        ops: n,
      };
    }
    throw new Error('bench: every allocation window saw a garbage collection');
  } finally {
    observer.disconnect();
  }
}
