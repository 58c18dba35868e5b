import { useCluster } from '@hz-tools/cluster/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getExecutorService, getMap, type HazelcastClient, TargetDisconnectedError } from '../src/index';
import { clientContext } from '../src/plugin';
import { gatedTask, memberUuidTask, TXEXEC_FACTORY_XML } from './executor-tasks';
import { clusterSafe, connect, keyOwnedBy } from './helpers';

// A member dies while it runs a task: the call fails with a clear error instead of waiting for an answer
// that will never come (executor calls have no invocation timeout). Each test kills one member and the
// next starts with a replacement, so the cluster has 3 members at every start.
const cluster = useCluster({ members: 3, xml: TXEXEC_FACTORY_XML });
const STARTS = { timeout: 30_000, interval: 50 };
const clients: HazelcastClient[] = [];

async function client(smartRouting: boolean): Promise<HazelcastClient> {
  const created = await connect(cluster.current, { network: { smartRouting } });
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
  if (cluster.current.liveMembers.length < 3) await cluster.current.startMember();
  // The replacement takes over partitions for a while: the next test picks keys by their owner.
  await clusterSafe(cluster.current);
});

/** Starts a gated task through `run`, waits until it runs on `victim`, kills `victim`, returns the outcome. */
async function killWhileRunning(
  observer: HazelcastClient,
  gates: string,
  victimUuid: string,
  run: () => Promise<unknown>,
): Promise<unknown> {
  const outcome = run().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const seen = getMap<string, string>(observer, gates);
  await vi.waitFor(async () => expect(await seen.get('g-started')).toBe(victimUuid), STARTS);
  const victim = cluster.current.liveMembers.find((m) => m.uuid === victimUuid)!;
  await cluster.current.terminateMember(victim);
  return outcome;
}

describe('Executor: the member running a task dies', () => {
  it('executeOnMember (smart routing) rejects with TargetDisconnectedError', async () => {
    const [runner, observer] = [await client(true), await client(true)];
    const victim = cluster.current.liveMembers[2]!.uuid!;
    const executor = getExecutorService(runner, 'failover-smart');
    const outcome = await killWhileRunning(observer, 'gates-smart', victim, () =>
      executor.executeOnMember(victim, gatedTask('gates-smart', 'g')),
    );
    expect(outcome).toEqual({ error: expect.any(TargetDisconnectedError) });
    expect(((outcome as { error: Error }).error as Error).message).toMatch(/may or may not have run/);
    // The executor still works on the survivors, once the client's member list has dropped the victim.
    await vi.waitFor(() => expect(runner.getCluster().getMembers()).toHaveLength(2), STARTS);
    const survivors = await executor.executeOnAllMembers<string>(memberUuidTask());
    expect([...survivors.keys()].sort()).toEqual(cluster.current.liveMembers.map((m) => m.uuid).sort());
    expect([...survivors.values()].every((o) => o.status === 'fulfilled')).toBe(true);
  });

  it('executeOnKeyOwner (smart routing) rejects with TargetDisconnectedError when the owner dies', async () => {
    const [runner, observer] = [await client(true), await client(true)];
    const victim = cluster.current.liveMembers[1]!.uuid!;
    const key = await keyOwnedBy(runner, victim, 'owned');
    const executor = getExecutorService(runner, 'failover-key');
    const outcome = await killWhileRunning(observer, 'gates-key', victim, () =>
      executor.executeOnKeyOwner(key, gatedTask('gates-key', 'g')),
    );
    expect(outcome).toEqual({ error: expect.any(TargetDisconnectedError) });
  });

  it('executeOnMember (unisocket: another member forwards the task) rejects with TargetDisconnectedError', async () => {
    const [runner, observer] = [await client(false), await client(true)];
    const connectedTo = clientContext(runner).cluster.connectedMemberUuids();
    expect(connectedTo).toHaveLength(1);
    const victim = cluster.current.liveMembers.find((m) => m.uuid !== connectedTo[0])!.uuid!;
    const executor = getExecutorService(runner, 'failover-unisocket');
    const outcome = await killWhileRunning(observer, 'gates-unisocket', victim, () =>
      executor.executeOnMember(victim, gatedTask('gates-unisocket', 'g')),
    );
    expect(outcome).toEqual({ error: expect.any(TargetDisconnectedError) });
    expect(((outcome as { error: Error }).error as Error).message).toMatch(
      new RegExp(`${victim} left the cluster while it ran the task; the task may or may not have run`),
    );
  });
});
