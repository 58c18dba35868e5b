import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it, vi } from 'vitest';
import { getMap } from '../src/index';
import { connect, lifecycleReaches } from './helpers';

const cluster = useCluster({ members: 2 });

describe('entry listeners under failure', () => {
  it('keep reporting every key after a member is killed', async () => {
    const client = await connect(cluster.current);
    const writer = await connect(cluster.current);
    try {
      const added = new Set<string>();
      await getMap<string, number>(client, 'survives').addEntryListener({ added: (e) => added.add(e.key!) });
      await cluster.current.terminateMember(cluster.current.liveMembers[1]!);
      await cluster.current.waitForClusterSize(1);
      const keys = Array.from({ length: 50 }, (_, i) => `after-loss-${i}`);
      for (const key of keys) await getMap<string, number>(writer, 'survives').set(key, 1);
      await vi.waitFor(() => expect([...added].sort()).toEqual([...keys].sort()), { timeout: 15_000 });
    } finally {
      await client.shutdown();
      await writer.shutdown();
    }
  });

  it('are registered again on a restarted cluster', async () => {
    const client = await connect(cluster.current, {
      connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 } },
    });
    try {
      const added: string[] = [];
      await getMap<string, number>(client, 'restarted').addEntryListener({
        added: (e) => added.push(e.key!),
      });
      const reconnected = lifecycleReaches(client, 'DISCONNECTED').then(() =>
        lifecycleReaches(client, 'CONNECTED'),
      );
      await cluster.current.restart();
      await reconnected;
      const writer = await connect(cluster.current);
      try {
        // Re-registration runs in the background after CONNECTED: write new keys until events arrive.
        let attempt = 0;
        await vi.waitFor(
          async () => {
            await getMap<string, number>(writer, 'restarted').set(`k${attempt++}`, 1);
            expect(added.length).toBeGreaterThan(0);
          },
          { timeout: 15_000, interval: 200 },
        );
      } finally {
        await writer.shutdown();
      }
    } finally {
      await client.shutdown();
    }
  });
});
