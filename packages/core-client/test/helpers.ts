import type { Cluster } from '@hz-tools/cluster';
import { expect, vi } from 'vitest';
import { type ClientConfig, getMap, HazelcastClient, type LifecycleState } from '../src/index';
import { clientContext } from '../src/plugin';

/** A client of the test cluster, quiet unless something goes wrong. */
export function connect(cluster: Cluster, config: ClientConfig = {}): Promise<HazelcastClient> {
  return HazelcastClient.newHazelcastClient({
    clusterName: cluster.name,
    ...config,
    network: { clusterMembers: cluster.addresses, ...config.network },
    properties: { 'hazelcast.logging.level': 'ERROR', ...config.properties },
  });
}

/** Resolves when the client's lifecycle reaches `state`. */
export function lifecycleReaches(client: HazelcastClient, state: LifecycleState): Promise<void> {
  return new Promise((resolve) => {
    const id = client.getLifecycleService().addLifecycleListener((reached) => {
      if (reached !== state) return;
      client.getLifecycleService().removeLifecycleListener(id);
      resolve();
    });
  });
}

/**
 * A key whose partition the member `uuid` owns, as the members report it. Members assign partitions on
 * the first partition operation, so this makes one and waits for the partition table to arrive.
 */
export async function keyOwnedBy(client: HazelcastClient, uuid: string, prefix = 'key'): Promise<string> {
  const context = clientContext(client);
  await getMap(client, '__assign_partitions').get('any');
  await vi.waitFor(() => expect(context.partitions.owner(0)).toBeDefined(), {
    timeout: 10_000,
    interval: 50,
  });
  for (let i = 0; i < 100_000; i++) {
    const key = `${prefix}-${i}`;
    if (context.partitions.owner(context.partitionIdOf(context.toData(key))) === uuid) return key;
  }
  throw new Error(`no key owned by ${uuid}`);
}

/**
 * Resolves once every live member reports the cluster safe (no partition migration running or pending), as
 * its REST health endpoint says: after a member joins or dies, partitions move for a while, and a test that
 * picks keys by owner must not race those moves.
 */
export async function clusterSafe(cluster: Cluster): Promise<void> {
  await vi.waitFor(
    async () => {
      for (const member of cluster.liveMembers) {
        const response = await fetch(`http://127.0.0.1:${member.port}/hazelcast/health`);
        const health = (await response.json()) as { clusterSafe?: boolean; migrationQueueSize?: number };
        expect(health).toMatchObject({ clusterSafe: true, migrationQueueSize: 0 });
      }
    },
    { timeout: 60_000, interval: 100 },
  );
}
