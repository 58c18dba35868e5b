import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  getExecutorService,
  getMap,
  type HazelcastClient,
  HazelcastError,
  IllegalArgumentError,
  RejectedExecutionError,
} from '../src/index';
import { clientContext } from '../src/plugin';
import {
  failingTask,
  gatedTask,
  localKeyTask,
  markingRunnable,
  memberUuidTask,
  TXEXEC_FACTORY_XML,
} from './executor-tasks';
import { connect, keyOwnedBy } from './helpers';

// Tasks are our own Java classes (tools/cluster/java/dev/hz/testing/txexec, factory 75) on the members.
const cluster = useCluster({ members: 3, xml: TXEXEC_FACTORY_XML });
/** How long a task's side effect may take to show on a loaded machine. */
const SHOWS = { timeout: 20_000, interval: 50 };

let observer: HazelcastClient;

beforeAll(async () => {
  observer = await connect(cluster.current);
});

afterAll(async () => {
  await observer?.shutdown();
});

const uuids = () => cluster.current.liveMembers.map((member) => member.uuid!);

for (const smartRouting of [true, false]) {
  describe(`Executor, ${smartRouting ? 'smart' : 'unisocket'} routing, 3 members`, () => {
    let client: HazelcastClient;

    beforeAll(async () => {
      client = await connect(cluster.current, { network: { smartRouting } });
    });

    afterAll(async () => {
      await client?.shutdown();
    });

    it('executeOnKeyOwner runs the task on the member that holds the key (it reads member-local data)', async () => {
      const mapName = `local-${smartRouting}`;
      const map = getMap<string, string>(client, mapName);
      const executor = getExecutorService(client, `key-owner-${smartRouting}`);
      for (const owner of uuids()) {
        const key = await keyOwnedBy(client, owner, `k-${owner.slice(0, 8)}`);
        await map.set(key, 'v');
        // The owner as a second client sees it.
        const partitions = observer.getPartitionService();
        expect(partitions.getPartitionOwner(partitions.getPartitionId(key))).toBe(owner);
        const [ranOn, ownsKey, ownedEntries] = (await executor.executeOnKeyOwner<[string, boolean, bigint]>(
          key,
          localKeyTask(mapName, key),
        ))!;
        expect(ranOn).toBe(owner);
        // Only the owner's local key set holds the key: the task really read that member's own data.
        expect(ownsKey).toBe(true);
        expect(Number(ownedEntries)).toBeGreaterThanOrEqual(1);
        for (const other of uuids().filter((uuid) => uuid !== owner)) {
          const [elsewhere, ownsThere] = (await executor.executeOnMember<[string, boolean, bigint]>(
            other,
            localKeyTask(mapName, key),
          ))!;
          expect(elsewhere).toBe(other);
          expect(ownsThere).toBe(false);
        }
      }
    });

    it('executeOnMember, executeOnMembers and executeOnAllMembers give each member its own result', async () => {
      const executor = getExecutorService(client, `members-${smartRouting}`);
      const members = client.getCluster().getMembers();
      expect(members.map((m) => m.uuid).sort()).toEqual(uuids().sort());
      for (const member of members) {
        expect(await executor.executeOnMember<string>(member, memberUuidTask())).toBe(member.uuid);
        expect(await executor.executeOnMember<string>(member.uuid, memberUuidTask())).toBe(member.uuid);
      }
      const two = [members[2]!, members[0]!.uuid];
      const some = await executor.executeOnMembers<string>(two, memberUuidTask());
      expect([...some.keys()]).toEqual([members[2]!.uuid, members[0]!.uuid]);
      for (const [uuid, outcome] of some) expect(outcome).toEqual({ status: 'fulfilled', value: uuid });
      expect((await executor.executeOnMembers(new Set<string>(), memberUuidTask())).size).toBe(0);

      const all = await executor.executeOnAllMembers<string>(memberUuidTask());
      expect([...all.keys()]).toEqual(members.map((m) => m.uuid));
      for (const [uuid, outcome] of all) expect(outcome).toEqual({ status: 'fulfilled', value: uuid });
    });

    it('a Runnable runs once on every member and resolves null; a second client sees what each run wrote', async () => {
      const mapName = `marks-${smartRouting}`;
      const executor = getExecutorService(client, `runnable-${smartRouting}`);
      const results = await executor.executeOnAllMembers(markingRunnable(mapName));
      for (const outcome of results.values()) expect(outcome).toEqual({ status: 'fulfilled', value: null });
      const marks = getMap<string, string>(observer, mapName);
      expect((await marks.keySet()).sort()).toEqual(uuids().sort());
      expect(await marks.values()).toEqual(['ran', 'ran', 'ran']);
    });

    it("a task that throws rejects with the Java exception's class and message", async () => {
      const executor = getExecutorService(client, `failing-${smartRouting}`);
      const failure = await executor.executeOnKeyOwner('any-key', failingTask('no luck with order 42')).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(HazelcastError);
      expect(failure).toMatchObject({
        className: 'dev.hz.testing.txexec.TaskFailedException',
        serverMessage: 'no luck with order 42',
      });
      expect((failure as Error).message).toContain('dev.hz.testing.txexec.TaskFailedException');
      expect((failure as Error).message).toContain('no luck with order 42');

      // Per member: every member's failure is its own outcome; none hides another.
      const all = await executor.executeOnAllMembers(failingTask('everywhere'));
      expect(all.size).toBe(3);
      for (const outcome of all.values()) {
        expect(outcome.status).toBe('rejected');
        expect((outcome as PromiseRejectedResult).reason).toMatchObject({
          className: 'dev.hz.testing.txexec.TaskFailedException',
          serverMessage: 'everywhere',
        });
      }
    });

    it('shutdown lets a running task finish and refuses new ones with RejectedExecutionError', async () => {
      const name = `stopping-${smartRouting}`;
      const gates = `gates-${smartRouting}`;
      const executor = getExecutorService(client, name);
      const seen = getMap<string, string>(observer, gates);
      // Members keep the shut-down state each on their own: a unisocket client reaches only its member.
      const reached = smartRouting ? uuids() : clientContext(client).cluster.connectedMemberUuids();
      expect(reached.length).toBeGreaterThan(0);
      const target = reached[reached.length - 1]!;
      expect(await executor.isShutdown()).toBe(false);
      const running = executor.executeOnMember<string>(target, gatedTask(gates, 'before'));
      const finished = running.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      await vi.waitFor(async () => expect(await seen.get('before-started')).toBe(target), SHOWS);

      await executor.shutdown();
      expect(await executor.isShutdown()).toBe(true);
      const refused = await executor.executeOnMember(target, memberUuidTask()).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(RejectedExecutionError);
      expect((refused as Error).message).toContain(name);
      if (smartRouting) {
        // Every member refuses, and another client sees the executor shut down too.
        expect(await getExecutorService(observer, name).isShutdown()).toBe(true);
        const refusedEverywhere = await executor.executeOnAllMembers(memberUuidTask());
        expect(refusedEverywhere.size).toBe(3);
        for (const outcome of refusedEverywhere.values()) {
          expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(RejectedExecutionError);
        }
        await expect(executor.executeOnKeyOwner('k', memberUuidTask())).rejects.toBeInstanceOf(
          RejectedExecutionError,
        );
      }

      // The task submitted before the shutdown still completes.
      await seen.set('before-open', 'yes');
      expect(await finished).toEqual({ value: 'done before' });
    });

    it('an aborted call rejects with AbortError and the member interrupts the task', async () => {
      const gates = `abort-gates-${smartRouting}`;
      const executor = getExecutorService(client, `aborted-${smartRouting}`);
      const seen = getMap<string, string>(observer, gates);
      const target = uuids()[1]!;
      const controller = new AbortController();
      const call = executor.executeOnMember(target, gatedTask(gates, 'g'), { signal: controller.signal });
      await vi.waitFor(async () => expect(await seen.get('g-started')).toBe(target), SHOWS);
      controller.abort();
      await expect(call).rejects.toBeInstanceOf(AbortError);
      // The cancellation reached the member: the task was interrupted there (it never saw its gate open).
      await vi.waitFor(async () => expect(await seen.get('g-interrupted')).toBe(target), SHOWS);
      expect(await seen.containsKey('g-open')).toBe(false);
    });

    it('bad input is refused before anything is sent', async () => {
      const executor = getExecutorService(client, `bad-${smartRouting}`);
      const bad = executor as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      await expect(bad.executeOnKeyOwner!('k', null)).rejects.toThrow(IllegalArgumentError);
      await expect(bad.executeOnKeyOwner!('k', 'not a task')).rejects.toThrow(
        /Executor bad-.*task must be an object/,
      );
      await expect(bad.executeOnKeyOwner!(null, memberUuidTask())).rejects.toThrow(/a key must not be null/);
      await expect(
        executor.executeOnMember('00000000-0000-0000-0000-000000000001', memberUuidTask()),
      ).rejects.toThrow(/member 00000000-0000-0000-0000-000000000001 is not in the cluster/);
      await expect(bad.executeOnMember!('nonsense', memberUuidTask())).rejects.toThrow(
        /a member must be a Member .* or a member uuid, got string "nonsense"/,
      );
      await expect(bad.executeOnMembers!('abc', memberUuidTask())).rejects.toThrow(IllegalArgumentError);
      await expect(bad.executeOnAllMembers!(memberUuidTask(), { signal: 'soon' })).rejects.toThrow(
        /signal must be an AbortSignal/,
      );
      // A plain object would go as JSON, which no member can run: refused with the reason, not the
      // member's bare "IllegalArgumentException: HazelcastJsonValue".
      await expect(executor.executeOnKeyOwner('k', { run: 'x' })).rejects.toThrow(
        /Executor bad-.*: the task must be an object the member knows .* got a plain object, which would go as JSON/,
      );
      await expect(bad.executeOnAllMembers!(memberUuidTask(), 1000)).rejects.toThrow(
        /Executor bad-.*: the options must be an object \{ signal \}, got number 1000/,
      );
      await expect(bad.executeOnAllMembers!(memberUuidTask(), { timeout: 5 })).rejects.toThrow(
        /unknown option "timeout"; known options: signal/,
      );
      const aborted = AbortSignal.abort();
      await expect(
        executor.executeOnKeyOwner('k', memberUuidTask(), { signal: aborted }),
      ).rejects.toBeInstanceOf(AbortError);
    });
  });
}
