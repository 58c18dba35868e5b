import { type ClientConfig, HazelcastClient, type IMap, type LifecycleState } from '@hz/core-client';
import type { Cluster } from '@hz-tools/cluster';
import { expect, vi } from 'vitest';
import { getNearCacheStats, type NearCacheStats } from '../src/index';

/** A client of the test cluster, quiet unless something goes wrong. */
export function connect(cluster: Cluster, config: ClientConfig = {}): Promise<HazelcastClient> {
  return HazelcastClient.newHazelcastClient({
    clusterName: cluster.name,
    ...config,
    network: { clusterMembers: cluster.addresses, ...config.network },
    properties: { 'hazelcast.logging.level': 'ERROR', ...config.properties },
  });
}

/** The near-cache statistics of `map`, which must have a near cache. */
export function statsOf<K, V>(map: IMap<K, V>): NearCacheStats {
  const stats = getNearCacheStats(map);
  expect(stats, `map ${map.getName()} has no near cache`).not.toBeNull();
  return stats!;
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
 * Waits until the near cache of `map` caches reads: its invalidation listener is registered and its first
 * metadata arrived (the first reconciliation). Until then reads go to the cluster.
 */
export async function untilCaching<K, V>(map: IMap<K, V>): Promise<void> {
  await vi.waitFor(() => expect(statsOf(map).reconciliations).toBeGreaterThan(0), {
    timeout: 30_000,
    interval: 20,
  });
}

/** Shuts down every client, also when one of them fails to. */
export async function shutdownAll(...clients: Array<HazelcastClient | undefined>): Promise<void> {
  await Promise.allSettled(clients.map((client) => client?.shutdown()));
}
