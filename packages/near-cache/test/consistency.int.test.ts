import { getMap, type HazelcastClient } from '@hz/core-client';
import { clientContext } from '@hz/core-client/plugin';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nearCache } from '../src/index';
import { connect, lifecycleReaches, shutdownAll, statsOf, untilCaching } from './helpers';
import { runConsistencyWorkload } from './workload';

// Issue 16's consistency runs on a real 3-member cluster: 10,000 keys changed by a writer while a reader
// with a near cache reads them in a loop; afterwards (writer stopped, a reconciliation passed) the reader
// serves no stale value. Then the same with invalidation events lost (the reader's connection to a member
// breaks mid-run), with a member killed mid-run (promotion, new partition owners), and a cluster restart.
// The harness disables member-side invalidation batching by default; batch.int.test.ts turns it on.
const cluster = useCluster({ members: 3 });

const KEYS = 10_000;
const WRITES = 30_000;

let reader: HazelcastClient;
let writer: HazelcastClient;
let observer: HazelcastClient;

beforeAll(async () => {
  reader = await connect(cluster.current, {
    plugins: [
      nearCache(
        { 'consistency-*': {} },
        // Reconcile every second (the minimum must allow it), so "the interval passed" is quick to await.
        { reconciliationIntervalSeconds: 1, minReconciliationIntervalSeconds: 1 },
      ),
    ],
    connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 1_000 } },
  });
  writer = await connect(cluster.current, {
    connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 1_000 } },
  });
  observer = await connect(cluster.current, {
    connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 1_000 } },
  });
});

afterAll(async () => {
  await shutdownAll(reader, writer, observer);
});

describe('a reader with a near cache while a writer changes 10,000 keys', () => {
  it('serves no stale value once the writer stopped and a reconciliation passed', async () => {
    const result = await runConsistencyWorkload({
      reader,
      writer,
      observer,
      mapName: 'consistency-steady',
      keyCount: KEYS,
      writes: WRITES,
    });
    // The comparison itself was served by the near cache (it would prove little otherwise).
    expect(result.finalHits).toBeGreaterThan(KEYS / 10);
    expect(result.stats.invalidations).toBeGreaterThan(0);
  });

  it('repairs what it missed while its connection to a member was broken', async () => {
    const context = clientContext(reader);
    let broken = '';
    const result = await runConsistencyWorkload({
      reader,
      writer,
      observer,
      mapName: 'consistency-tcp-fault',
      keyCount: KEYS,
      writes: WRITES,
      midRun: async () => {
        // A TCP fault between the reader and one member: the member's events for the reader are lost until
        // the client reconnects and registers its listener again (the writer is unaffected).
        const member = reader.getCluster().getMembers()[1]!;
        broken = member.uuid;
        context.connections.connectionForMember(member.uuid)?.close(new Error('test: TCP fault'));
        await vi.waitFor(
          () => expect(context.connections.connectionForMember(member.uuid)?.alive).toBe(true),
          {
            timeout: 30_000,
            interval: 20,
          },
        );
      },
    });
    expect(broken).not.toBe('');
    // Events were lost and detected (sequence gaps), and entries that may have missed one were dropped.
    expect(result.stats.missedInvalidations).toBeGreaterThan(0);
    expect(result.stats.staleReads).toBeGreaterThan(0);
    expect(result.finalHits).toBeGreaterThan(KEYS / 10);
  });

  it('repairs after a member is killed mid-run (its partitions move to new owners)', async () => {
    const victim = cluster.current.liveMembers[2]!;
    const result = await runConsistencyWorkload({
      reader,
      writer,
      observer,
      mapName: 'consistency-member-loss',
      keyCount: KEYS,
      writes: WRITES,
      midRun: async () => {
        await cluster.current.terminateMember(victim);
        await vi.waitFor(() => expect(reader.getCluster().getMembers()).toHaveLength(2), {
          timeout: 60_000,
          interval: 50,
        });
      },
    });
    expect(result.stats.staleReads).toBeGreaterThan(0);
    expect(result.finalHits).toBeGreaterThan(KEYS / 10);
  });
});

describe('a cluster restart', () => {
  it('leaves nothing cached that the new cluster does not have, and invalidation works there', async () => {
    const cached = getMap<string, string>(reader, 'consistency-restart');
    const written = getMap<string, string>(writer, 'consistency-restart');
    await untilCaching(cached);
    await written.set('k', 'before');
    await vi.waitFor(async () => expect(await cached.get('k')).toBe('before'));
    expect(await cached.get('k')).toBe('before');
    expect(statsOf(cached).ownedEntryCount).toBe(1);

    const readerBack = lifecycleReaches(reader, 'DISCONNECTED').then(() =>
      lifecycleReaches(reader, 'CONNECTED'),
    );
    const writerBack = lifecycleReaches(writer, 'DISCONNECTED').then(() =>
      lifecycleReaches(writer, 'CONNECTED'),
    );
    await cluster.current.restart();
    await Promise.all([readerBack, writerBack]);
    // Both clients know the whole new cluster (and so are on the same one).
    const size = cluster.current.liveMembers.length;
    await vi.waitFor(
      () => {
        expect(reader.getCluster().getMembers()).toHaveLength(size);
        expect(writer.getCluster().getMembers()).toHaveLength(size);
      },
      { timeout: 60_000, interval: 50 },
    );

    // The restarted cluster is empty: the value cached before must not come back.
    expect(await cached.get('k')).toBeNull();
    // Caching resumes once the listener is registered on the new cluster and a reconciliation ran there;
    // then a change on the new cluster reaches the cache.
    const since = statsOf(cached).reconciliations;
    await vi.waitFor(() => expect(statsOf(cached).reconciliations).toBeGreaterThan(since), {
      timeout: 30_000,
    });
    expect(await cached.get('k')).toBeNull();
    await written.set('k', 'after');
    expect(await getMap<string, string>(observer, 'consistency-restart').get('k')).toBe('after');
    await vi.waitFor(async () => expect(await cached.get('k')).toBe('after'), { timeout: 30_000 });
    expect(await cached.get('k')).toBe('after');
  });
});
