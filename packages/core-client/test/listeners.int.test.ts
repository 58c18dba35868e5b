import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DistributedObjectEvent, getMap, type HazelcastClient } from '../src/index';
import { connect, lifecycleReaches } from './helpers';

const cluster = useCluster({ members: 2 });

for (const smartRouting of [true, false]) {
  describe(`distributed object listeners, ${smartRouting ? 'smart' : 'unisocket'}`, () => {
    let client: HazelcastClient;
    let other: HazelcastClient;

    beforeAll(async () => {
      client = await connect(cluster.current, {
        network: { smartRouting },
        connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 } },
      });
      other = await connect(cluster.current);
    });

    afterAll(async () => {
      await client?.shutdown();
      await other?.shutdown();
    });

    it('reports objects created and destroyed by another client, once each', async () => {
      const events: DistributedObjectEvent[] = [];
      const id = await client.addDistributedObjectListener((event) => events.push(event));
      const name = `observed-${smartRouting}`;
      await getMap(other, name).set('k', 'v');
      await vi.waitFor(() =>
        expect(events.map((e) => `${e.eventType} ${e.name}`)).toContain(`CREATED ${name}`),
      );
      await getMap(other, name).destroy();
      await vi.waitFor(() =>
        expect(events.map((e) => `${e.eventType} ${e.name}`)).toContain(`DESTROYED ${name}`),
      );
      expect(events.filter((e) => e.name === name)).toHaveLength(2);
      expect(await client.removeDistributedObjectListener(id)).toBe(true);
      await getMap(other, `${name}-after-removal`).set('k', 'v');
      // The listener is gone: a later creation that the other client sees is not reported.
      const seenByOther: string[] = [];
      const otherId = await other.addDistributedObjectListener((e) => seenByOther.push(e.name));
      await getMap(other, `${name}-later`).set('k', 'v');
      await vi.waitFor(() => expect(seenByOther).toContain(`${name}-later`));
      expect(events.map((e) => e.name)).not.toContain(`${name}-later`);
      await other.removeDistributedObjectListener(otherId);
    });

    it('lists distributed objects and partition owners', async () => {
      const name = `listed-${smartRouting}`;
      await getMap(client, name).set('k', 'v');
      // The list comes from one member, which learns of an object another member created a moment later
      // (members share new proxies with each other asynchronously): ask until that member knows it.
      await vi.waitFor(async () => {
        const objects = await client.getDistributedObjects();
        expect(objects.map((o) => o.getName())).toContain(name);
      });
      const partitions = client.getPartitionService();
      expect(partitions.getPartitionCount()).toBe(271);
      const partitionId = partitions.getPartitionId('k');
      expect(partitionId).toBeGreaterThanOrEqual(0);
      expect(partitionId).toBeLessThan(271);
      await vi.waitFor(() => expect(partitions.getPartitionOwner(partitionId)).not.toBeNull());
      // Member ids are uuid strings everywhere: the owner is one, and the cluster knows it by that uuid.
      const owner = partitions.getPartitionOwner(partitionId)!;
      expect(cluster.current.liveMembers.map((m) => m.uuid)).toContain(owner);
      expect(client.getCluster().getMemberByUuid(owner)?.uuid).toBe(owner);
      // Ids outside the table and null keys are errors, not "no owner" or a partition of null.
      for (const bad of [-1, 271, 1.5, Number.NaN, '3']) {
        expect(() => partitions.getPartitionOwner(bad as number)).toThrow(
          /getPartitionOwner: a partition id must be a whole number from 0 to 270, got/,
        );
      }
      expect(() => partitions.getPartitionId(null)).toThrow(/getPartitionId: a key must not be null/);
    });
  });
}

describe('listeners after a whole-cluster restart', () => {
  it('are registered again and fire on the new cluster', async () => {
    const client = await connect(cluster.current, {
      connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 } },
    });
    try {
      const created: string[] = [];
      await client.addDistributedObjectListener((e) => {
        if (e.eventType === 'CREATED') created.push(e.name);
      });
      const reconnected = lifecycleReaches(client, 'DISCONNECTED').then(() =>
        lifecycleReaches(client, 'CONNECTED'),
      );
      await cluster.current.restart();
      await reconnected;
      const observer = await connect(cluster.current);
      try {
        // Re-registration runs in the background after CONNECTED: create new objects until one is reported.
        let attempt = 0;
        await vi.waitFor(
          async () => {
            await getMap(observer, `after-restart-${attempt++}`).set('k', 'v');
            expect(created.some((name) => name.startsWith('after-restart-'))).toBe(true);
          },
          { timeout: 15_000, interval: 200 },
        );
      } finally {
        await observer.shutdown();
      }
    } finally {
      await client.shutdown();
    }
  });
});
