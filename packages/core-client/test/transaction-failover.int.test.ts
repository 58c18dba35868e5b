import { useCluster } from '@hz-tools/cluster/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  getMap,
  getQueue,
  type HazelcastClient,
  LockContext,
  newTransaction,
  runInTransaction,
  TransactionError,
  TransactionNotActiveError,
  TransactionState,
} from '../src/index';
import { clusterSafe, connect, keyOwnedBy } from './helpers';

// Members die under a running transaction. Each test kills one member; the next starts with a replacement,
// so every test begins with 3 members.
const cluster = useCluster({ members: 3 });
const SHOWS = { timeout: 30_000, interval: 50 };
const clients: HazelcastClient[] = [];

async function client(): Promise<HazelcastClient> {
  const created = await connect(cluster.current);
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
  if (cluster.current.liveMembers.length < 3) await cluster.current.startMember();
  // The replacement takes over partitions for a while: the next test picks keys by their owner.
  await clusterSafe(cluster.current);
});

function memberProcess(uuid: string) {
  const member = cluster.current.liveMembers.find((m) => m.uuid === uuid);
  if (!member) throw new Error(`no live member ${uuid}`);
  return member;
}

describe('Transactions when a member dies', () => {
  it('a TWO_PHASE transaction commits after a member other than its coordinator died', async () => {
    const [writer, observer] = [await client(), await client()];
    const members = cluster.current.liveMembers.map((m) => m.uuid!);
    // Keys per member, chosen while every member owns partitions.
    const keysOf = new Map<string, string[]>();
    await vi.waitFor(async () => {
      for (const [m, uuid] of members.entries()) {
        const keys: string[] = [];
        for (let i = 0; i < 10; i++) keys.push(await keyOwnedBy(writer, uuid, `m${m}k${i}-`));
        keysOf.set(uuid, keys);
      }
    }, SHOWS);
    const tx = newTransaction(writer, { type: 'TWO_PHASE', durability: 1 });
    await LockContext.run(async () => {
      await tx.begin();
      const coordinator = tx.memberUuid!;
      const [victim, third] = members.filter((uuid) => uuid !== coordinator) as [string, string];
      // Keys owned by the survivors: with one backup each and three members, the victim holds the backups of
      // about half of them (and, half the time, the copy of the transaction log that durability 1 asks for).
      const before = [...keysOf.get(coordinator)!.slice(0, 8), ...keysOf.get(third)!.slice(0, 8)];
      const queueName = keysOf.get(third)![9]!;
      const map = tx.getMap<string, string>('two-phase');
      for (const key of before) await map.put(key, `v-${key}`);
      await tx.getQueue<string>(queueName).offer('job');

      await cluster.current.terminateMember(memberProcess(victim));
      // Keys of partitions the victim owned, written after it died: the survivors own them now.
      const after = keysOf.get(victim)!.slice(0, 2);
      for (const key of after) await map.put(key, `v-${key}`);
      await tx.commit();
      expect(tx.state).toBe(TransactionState.COMMITTED);

      const seen = getMap<string, string>(observer, 'two-phase');
      for (const key of [...before, ...after]) expect(await seen.get(key)).toBe(`v-${key}`);
      expect(await seen.size()).toBe(before.length + after.length);
      expect(await getQueue<string>(observer, queueName).toArray()).toEqual(['job']);
      for (const key of before) expect(await seen.isLocked(key)).toBe(false);
    });
  });

  it('TWO_PHASE: a lock lost with its member fails the commit at prepare, and nothing at all is written', async () => {
    const [writer, observer] = [await client(), await client()];
    const members = cluster.current.liveMembers.map((m) => m.uuid!);
    // A member that replaced the last test's victim owns partitions once the migration reached it.
    const keys = new Map<string, string>();
    await vi.waitFor(async () => {
      for (const uuid of members) keys.set(uuid, await keyOwnedBy(writer, uuid, `p-${uuid.slice(0, 4)}`));
    }, SHOWS);
    const outcome = runInTransaction(writer, { type: 'TWO_PHASE' }, async (tx) => {
      const victim = members.find((uuid) => uuid !== tx.memberUuid)!;
      const map = tx.getMap<string, string>('prepare-fails');
      // Locks taken before prepare live on the key's owner only: the victim's dies with it.
      for (const key of keys.values()) await map.put(key, 'v');
      await cluster.current.terminateMember(memberProcess(victim));
    });
    const failure = await outcome.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransactionError);
    expect((failure as TransactionError).className).toBe('com.hazelcast.transaction.TransactionException');
    expect((failure as Error).message).toMatch(/Lock is not owned by the transaction/);
    // The prepare found the lost lock before anything was written: the survivors' keys are untouched.
    expect(await getMap(observer, 'prepare-fails').size()).toBe(0);
  });

  it('losing the connection to the coordinator rolls the transaction back: commit fails, nothing is written', async () => {
    const [writer, observer] = [await client(), await client()];
    const tx = newTransaction(writer);
    await LockContext.run(async () => {
      await tx.begin();
      const map = tx.getMap<string, string>('lost');
      await map.put('a', '1');
      await map.put('b', '2');
      await cluster.current.terminateMember(memberProcess(tx.memberUuid!));
      await vi.waitFor(() => expect(tx.state).toBe(TransactionState.ROLLED_BACK), SHOWS);
      const failure = await tx.commit().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TransactionNotActiveError);
      expect((failure as Error).message).toMatch(/was rolled back: the connection to its member .* was lost/);
      await expect(map.put('c', '3')).rejects.toBeInstanceOf(TransactionNotActiveError);
      await tx.rollback();
    });
    const seen = getMap<string, string>(observer, 'lost');
    expect(await seen.size()).toBe(0);
  });

  it('runInTransaction rejects, and commits nothing, when its member dies while the work runs', async () => {
    const [writer, observer] = [await client(), await client()];
    let puts = 0;
    const outcome = runInTransaction(writer, async (tx) => {
      const map = tx.getMap<string, string>('lost-helper');
      await map.put('a', '1');
      puts++;
      await cluster.current.terminateMember(memberProcess(tx.memberUuid!));
      // The next call on the dead connection fails; the helper rolls back (nothing to reach) and rethrows.
      await vi.waitFor(() => expect(tx.state).toBe(TransactionState.ROLLED_BACK), SHOWS);
      await map.put('b', '2');
      puts++;
    });
    await expect(outcome).rejects.toBeInstanceOf(TransactionNotActiveError);
    expect(puts).toBe(1);
    expect(await getMap(observer, 'lost-helper').size()).toBe(0);
  });
});
