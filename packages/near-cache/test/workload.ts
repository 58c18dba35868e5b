import { getMap, type HazelcastClient } from '@hz/core-client';
import { expect, vi } from 'vitest';
import type { NearCacheStats } from '../src/index';
import { statsOf, untilCaching } from './helpers';

export interface WorkloadOptions {
  /** The client with the near cache. */
  readonly reader: HazelcastClient;
  /** Another client that changes the keys. */
  readonly writer: HazelcastClient;
  /** A third client without near cache, to read what the cluster holds. */
  readonly observer: HazelcastClient;
  readonly mapName: string;
  readonly keyCount: number;
  /** Writes the writer makes in total (each a `set` of a random key to a new value). */
  readonly writes: number;
  /** Runs once a third of the writes are done, while both loops keep going (a fault to inject). */
  readonly midRun?: () => Promise<void>;
}

export interface WorkloadResult {
  /** The reader's statistics once every key was compared. */
  readonly stats: NearCacheStats;
  /** Reads of the final comparison served by the near cache. */
  readonly finalHits: number;
  readonly failedWrites: number;
}

const READ_FLOWS = 4;
const WRITE_FLOWS = 16;

/**
 * The consistency workload of issue 16: a writer changes `keyCount` keys while the reader reads them in a
 * loop through its near cache. After the writer stops and the reader completed a reconciliation that started
 * after that, every key the reader returns must equal what a client without near cache reads.
 */
export async function runConsistencyWorkload(options: WorkloadOptions): Promise<WorkloadResult> {
  const { reader, writer, observer, mapName, keyCount, writes } = options;
  const cached = getMap<string, string>(reader, mapName);
  const written = getMap<string, string>(writer, mapName);
  const plain = getMap<string, string>(observer, mapName);
  const keys = Array.from({ length: keyCount }, (_, i) => `key-${i}`);
  await written.putAll(keys.map((key) => [key, `${key}:0`] as [string, string]));
  await untilCaching(cached);

  let writing = true;
  let readErrors = 0;
  const readers = Array.from({ length: READ_FLOWS }, async (_, flow) => {
    // Each flow sweeps every key, from its own starting point, until the writer is done.
    let i = (flow * keyCount) / READ_FLOWS;
    while (writing) {
      try {
        await cached.get(keys[i % keyCount]!);
      } catch {
        readErrors++;
      }
      // A hit resolves without I/O: a loop of hits alone would never let the writers' I/O (or any timer) run.
      if (++i % 64 === 0) await new Promise(setImmediate);
    }
  });

  let issued = 0;
  let failedWrites = 0;
  let faultInjected: Promise<void> | undefined;
  const writers = Array.from({ length: WRITE_FLOWS }, async () => {
    while (issued < writes) {
      const version = ++issued;
      if (version === Math.floor(writes / 3) && options.midRun) faultInjected = options.midRun();
      const key = keys[Math.floor(Math.random() * keyCount)]!;
      try {
        await written.set(key, `${key}:${version}`);
      } catch {
        // A write cut off by a member loss may or may not have happened: the comparison reads the truth.
        failedWrites++;
      }
    }
  });
  try {
    await Promise.all(writers);
    await faultInjected;
  } finally {
    writing = false;
    await Promise.all(readers);
  }
  expect(readErrors, 'reads through the near cache failed').toBe(0);

  // A reconciliation that started after the last write completed, then every key compared.
  const after = statsOf(cached).reconciliations;
  await vi.waitFor(() => expect(statsOf(cached).reconciliations).toBeGreaterThanOrEqual(after + 2), {
    timeout: 60_000,
    interval: 50,
  });
  const truth = new Map(await plain.getAll(keys));
  expect(truth.size).toBe(keyCount);
  const hitsBefore = statsOf(cached).hits;
  const stale: string[] = [];
  for (let start = 0; start < keyCount; start += 500) {
    const chunk = keys.slice(start, start + 500);
    const values = await Promise.all(chunk.map((key) => cached.get(key)));
    chunk.forEach((key, i) => {
      if (values[i] !== truth.get(key))
        stale.push(`${key}: near cache ${values[i]}, cluster ${truth.get(key)}`);
    });
  }
  expect(stale.slice(0, 10), `${stale.length} stale value(s)`).toEqual([]);
  const stats = statsOf(cached);
  return { stats, finalHits: stats.hits - hitsBefore, failedWrites };
}
