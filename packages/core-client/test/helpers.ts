import type { Cluster } from '@hz-tools/cluster';
import { expect, vi } from 'vitest';
import {
  type ClientConfig,
  getMap,
  HazelcastClient,
  IllegalArgumentError,
  type LifecycleState,
} from '../src/index';
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

/**
 * Counts the messages the client sends to each member while `run` runs. It first waits until the client
 * has a connection to every member it knows: a smart client opens those in the background after start,
 * and a member without a connection yet would get its operations sent elsewhere.
 */
export async function messagesPerMember(
  client: HazelcastClient,
  run: () => Promise<void>,
): Promise<Map<string, number>> {
  const context = clientContext(client);
  const connectedToAll = () => {
    const connected = new Set(context.connections.activeConnections.map((c) => c.memberUuid));
    expect(context.clusterService.memberList.filter((m) => !connected.has(m.uuid))).toEqual([]);
  };
  await vi.waitFor(connectedToAll, { timeout: 30_000, interval: 50 });
  const connections = context.connections.activeConnections;
  const before = new Map(connections.map((c) => [c.memberUuid!, c.messagesSent]));
  await run();
  return new Map(connections.map((c) => [c.memberUuid!, c.messagesSent - before.get(c.memberUuid!)!]));
}

/**
 * The member that owns the partition of `key` (a key, or a structure's name), once the client knows it:
 * members assign partitions on the first partition operation and send the table to the client afterwards.
 */
export async function ownerOf(client: HazelcastClient, key: unknown): Promise<string> {
  const context = clientContext(client);
  const partitionId = context.partitionIdOf(context.toData(key));
  await vi.waitFor(() => expect(context.partitions.owner(partitionId)).toBeDefined(), {
    timeout: 30_000,
    interval: 50,
  });
  return context.partitions.owner(partitionId)!;
}

type ContextMethod = 'toData' | 'invokeOnKey' | 'invokeOnPartition' | 'registerListener';

/**
 * Spies on `methods` of the client's context, then makes the calls `attempts` returns: each must reject with
 * an IllegalArgumentError matching its message, and none of the spied methods may have been called (nothing
 * was serialized, sent or registered). `during` runs checks of its own while the spies are in place.
 */
export async function expectRefusedBeforeSending(
  client: HazelcastClient,
  methods: readonly ContextMethod[],
  attempts: () => Array<[Promise<unknown>, RegExp]>,
  during?: () => void,
): Promise<void> {
  const context = clientContext(client);
  const spies = methods.map((method) => vi.spyOn(context, method));
  try {
    // The calls are made after the spies are in place, and here, not in callbacks: a synchronous throw fails.
    for (const [attempt, message] of attempts()) {
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, String(message)).toBeInstanceOf(IllegalArgumentError);
      expect((error as Error).message).toMatch(message);
    }
    during?.();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
