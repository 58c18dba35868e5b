import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it } from 'vitest';
import { getMap } from '../src/index';
import { clientContext } from '../src/plugin';
import { connect } from './helpers';

const cluster = useCluster({ members: 2 });
const SOAK_MILLIS = Number(process.env.HZ_SOAK_MILLIS ?? 30_000);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('bounded soak', () => {
  it(`keeps heap and handles flat over ${SOAK_MILLIS / 1000} s of mixed load`, {
    timeout: SOAK_MILLIS + 60_000,
  }, async () => {
    const client = await connect(cluster.current);
    try {
      const map = getMap<string, string>(client, 'soak');
      const value = 'x'.repeat(1024);
      const deadline = Date.now() + SOAK_MILLIS;
      const samples: Array<{ heap: number; handles: number }> = [];
      let operations = 0;
      const worker = async (id: number) => {
        for (let i = 0; Date.now() < deadline; i++) {
          const key = `k${id}-${i % 500}`;
          const roll = i % 10;
          if (roll < 4) await map.get(key);
          else if (roll < 8) await map.set(key, value);
          else await map.delete(key);
          operations++;
        }
      };
      const sampler = (async () => {
        while (Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, SOAK_MILLIS / 10));
          samples.push({ heap: heapAfterGc(), handles: process.getActiveResourcesInfo().length });
        }
      })();
      await Promise.all([...Array.from({ length: 32 }, (_, id) => worker(id)), sampler]);
      expect(operations).toBeGreaterThan(10_000);
      expect(clientContext(client).invocations.pendingCount).toBe(0);
      // Compare the second half with the first samples after warm-up: growth would show as a trend.
      const warm = samples.slice(1, 3);
      const late = samples.slice(-2);
      const warmHeap = Math.max(...warm.map((s) => s.heap));
      const lateHeap = Math.max(...late.map((s) => s.heap));
      expect(lateHeap).toBeLessThan(warmHeap * 1.25 + 4 * 1024 * 1024);
      expect(Math.max(...late.map((s) => s.handles))).toBeLessThanOrEqual(
        Math.max(...warm.map((s) => s.handles)) + 2,
      );
      console.log(
        `soak: ${operations} ops in ${SOAK_MILLIS} ms; heap after GC ${mb(warmHeap)} -> ${mb(lateHeap)} MiB; ` +
          `handles ${warm.map((s) => s.handles).join(',')} -> ${late.map((s) => s.handles).join(',')}`,
      );
    } finally {
      await client.shutdown();
    }
  });
});

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
