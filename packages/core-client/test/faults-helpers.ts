import type { Cluster, FaultProxy } from '@hz-tools/cluster';
import { expect, vi } from 'vitest';
import { getMap, type HazelcastClient } from '../src/index';
import type { Connection } from '../src/network/connection';
import { clientContext } from '../src/plugin';

/** `count` keys whose partitions the member `uuid` owns, as the client's partition table says. */
export async function keysOwnedBy(
  client: HazelcastClient,
  uuid: string,
  count: number,
  prefix = 'key',
): Promise<string[]> {
  const context = clientContext(client);
  await getMap(client, '__assign_partitions').get('any');
  await vi.waitFor(() => expect(context.partitions.owner(0)).toBeDefined(), {
    timeout: 10_000,
    interval: 50,
  });
  const keys: string[] = [];
  for (let i = 0; keys.length < count && i < 1_000_000; i++) {
    const key = `${prefix}-${i}`;
    if (context.partitions.owner(context.partitionIdOf(context.toData(key))) === uuid) keys.push(key);
  }
  if (keys.length < count) throw new Error(`only ${keys.length} keys owned by ${uuid}`);
  return keys;
}

/** The client's pooled connection to the member `uuid`, if it has one. */
export function connectionTo(client: HazelcastClient, uuid: string): Connection | undefined {
  return clientContext(client).connections.connectionForMember(uuid);
}

/** The member of `cluster` with this uuid, and the fault proxy in front of it (a `proxied` cluster). */
export function memberAndProxy(cluster: Cluster, uuid: string): { port: number; proxy: FaultProxy } {
  const member = cluster.liveMembers.find((m) => m.uuid === uuid);
  if (!member) throw new Error(`no live member ${uuid}`);
  return { port: member.port, proxy: cluster.proxyOf(member) };
}

/**
 * Settles `promises`, or fails the test if one is still pending after `boundMs`: a liveness bound (the
 * operations must not hang), far above the time they are specified to take, never a performance figure.
 */
export async function settleWithin<T>(
  promises: readonly Promise<T>[],
  boundMs: number,
  what: string,
): Promise<PromiseSettledResult<T>[]> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still pending after ${boundMs} ms (hung)`)), boundMs);
  });
  try {
    return await Promise.race([Promise.allSettled(promises), hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** Counts unhandled rejections while `fn` runs (and a turn after), so a test can assert there were none. */
export async function countingUnhandledRejections<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; unhandled: unknown[] }> {
  const unhandled: unknown[] = [];
  const onRejection = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onRejection);
  try {
    const result = await fn();
    await new Promise((resolve) => setImmediate(resolve));
    return { result, unhandled };
  } finally {
    process.off('unhandledRejection', onRejection);
  }
}
