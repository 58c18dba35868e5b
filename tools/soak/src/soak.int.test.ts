import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it } from 'vitest';
import { mib } from './growth';
import { runSoak } from './soak';

// The CI soak: two minutes of mixed Map and Queue load (and the entry events it causes) from one client,
// a graceful member restart every 40 s. It fails on growth of heap after GC, handles or sockets (ratios of
// the late samples to the early ones, after a warm-up), on a lost acknowledged write, on an unhandled
// rejection and on any error a caller must never see. `pnpm soak --minutes N` runs the same thing longer.
const cluster = useCluster({ members: 3 });
const MINUTES = Number(process.env.HZ_SOAK_MINUTES ?? 2);

describe('soak', () => {
  it(`runs ${MINUTES} min of mixed load with member restarts without growing or losing a write`, {
    timeout: MINUTES * 60_000 + 300_000,
  }, async () => {
    const report = await runSoak({
      cluster: cluster.current,
      durationMs: MINUTES * 60_000,
      restartEveryMs: (MINUTES * 60_000) / 3,
      sampleEveryMs: 5_000,
      log: (line) => console.log(`[soak] ${line}`),
    });
    const g = report.growth;
    console.log(
      `soak: ${report.operations} operations, failures ${JSON.stringify(report.failures)}, ${report.restarts.length} restarts; ` +
        `heap after GC ${mib(g.earlyHeapMedian)} -> ${mib(g.lateHeapMedian)} MiB (slope ${(g.heapSlopePerMinute / 1024).toFixed(0)} KiB/min), ` +
        `handles max ${g.earlyHandlesMax} -> ${g.lateHandlesMax}, sockets max ${g.earlySocketsMax} -> ${g.lateSocketsMax}`,
    );
    expect(report.unexpectedErrors).toEqual([]);
    expect(report.unhandledRejections).toEqual([]);
    expect(report.restarts.length).toBeGreaterThanOrEqual(2);
    expect(report.operations).toBeGreaterThan(0);
    expect(report.events).toBeGreaterThan(0);
    expect(report.queuePolled).toBeGreaterThan(0);
    expect(report.published).toBeGreaterThan(0);
    expect(report.messages).toBeGreaterThan(0);
    expect(report.ledgerKeys).toBeGreaterThan(0);
    expect(report.lostWrites).toEqual([]);
    expect(g.reasons).toEqual([]);
    // Back to a connection per member at the end.
    expect(report.samples.at(-1)?.connections).toBe(3);
  });
});
