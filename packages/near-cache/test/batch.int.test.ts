import { getMap, type HazelcastClient } from '@hz/core-client';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nearCache } from '../src/index';
import { connect, shutdownAll, statsOf, untilCaching } from './helpers';
import { runConsistencyWorkload } from './workload';

// Members as in production: invalidations are batched (the harness turns batching off by default). A batch
// goes out when it holds 10 invalidations or a second passed, as one IMapBatchInvalidation event.
const cluster = useCluster({
  members: 3,
  properties: {
    'hazelcast.map.invalidation.batch.enabled': 'true',
    'hazelcast.map.invalidation.batch.size': '10',
    'hazelcast.map.invalidation.batchfrequency.seconds': '1',
  },
});

let reader: HazelcastClient;
let writer: HazelcastClient;
let observer: HazelcastClient;

beforeAll(async () => {
  reader = await connect(cluster.current, {
    plugins: [
      nearCache({ 'batch-*': {} }, { reconciliationIntervalSeconds: 1, minReconciliationIntervalSeconds: 1 }),
    ],
  });
  writer = await connect(cluster.current);
  observer = await connect(cluster.current);
});

afterAll(async () => {
  await shutdownAll(reader, writer, observer);
});

describe('batched invalidations', () => {
  it('drop every entry another client changed', async () => {
    const cached = getMap<string, string>(reader, 'batch-events');
    const written = getMap<string, string>(writer, 'batch-events');
    await untilCaching(cached);
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
    await written.putAll(keys.map((key) => [key, 'v1'] as [string, string]));
    // The batches of the putAll arrive within about a second; then all 100 keys are cached.
    await vi.waitFor(() => expect(statsOf(cached).invalidationRequests).toBeGreaterThanOrEqual(100), {
      timeout: 20_000,
    });
    for (const key of keys) expect(await cached.get(key)).toBe('v1');
    expect(statsOf(cached).ownedEntryCount).toBe(100);
    await Promise.all(keys.map((key) => written.set(key, 'v2')));
    await vi.waitFor(() => expect(statsOf(cached).ownedEntryCount).toBe(0), { timeout: 20_000 });
    expect(statsOf(cached).invalidations).toBe(100);
    for (const key of keys) expect(await cached.get(key)).toBe('v2');
  });

  it('keep 10,000 keys consistent under a writer (no stale value after a reconciliation)', async () => {
    const result = await runConsistencyWorkload({
      reader,
      writer,
      observer,
      mapName: 'batch-consistency',
      keyCount: 10_000,
      writes: 30_000,
    });
    expect(result.finalHits).toBeGreaterThan(1_000);
    expect(result.stats.invalidations).toBeGreaterThan(0);
  });
});
