import { isClusterSafe } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it, vi } from 'vitest';
import { getMap, type HazelcastClient, TargetDisconnectedError } from '../src/index';
import { clientContext } from '../src/plugin';
import { connect, keyOwnedBy } from './helpers';

// A write is acknowledged only when a replica other than a dead one confirmed it. These tests kill the
// member that answered while its backup cannot (or did not yet) ack, and check that no acknowledged write
// is missing afterwards, read back through a second client.

describe('the primary dies before its backup acked', () => {
  const cluster = useCluster({ members: 2 });

  it('does not resolve the write as a success: it fails, outcome unknown', async () => {
    // A long backup timeout: only the loss of the primary can settle the write here.
    const client = await connect(cluster.current, {
      properties: { 'hazelcast.client.operation.backup.timeout.millis': 120_000 },
    });
    const [primary, backup] = cluster.current.liveMembers;
    try {
      const key = await keyOwnedBy(client, primary!.uuid!);
      const invocations = clientContext(client).invocations;
      // The only backup of every partition the primary owns is on the other member: freeze it.
      await cluster.current.pauseMember(backup!);
      const write = getMap(client, 'lost-primary').set(key, 'v');
      write.catch(() => {}); // asserted below
      // The primary has answered and the write waits for an ack that cannot come; now kill the primary.
      await vi.waitFor(() => expect(invocations.heldResponseCount).toBe(1), {
        timeout: 30_000,
        interval: 10,
      });
      await cluster.current.terminateMember(primary!);
      await expect(write).rejects.toThrow(TargetDisconnectedError);
      await expect(write).rejects.toThrow(/left before 1 of 1 backup\(s\) confirmed/);
      expect(invocations.backupTimeoutCount).toBe(0);
    } finally {
      await cluster.current.resumeMember(backup!);
      await client.shutdown();
    }
  });
});

describe('a member is SIGKILLed under 10 writers, 20 times', () => {
  const cluster = useCluster({ members: 3 });

  it('loses no acknowledged write in any round (verified through a second client)', async () => {
    const writer = await connect(cluster.current);
    const reader = await connect(cluster.current);
    const rounds: { acknowledged: number; failed: number; answeredThenLost: number; missing: string[] }[] =
      [];
    try {
      for (let round = 0; round < 20; round++) {
        const map = getMap<string, number>(writer, `kill-round-${round}`);
        const acknowledged: string[] = [];
        let failed = 0;
        let answeredThenLost = 0; // the member answered, then died before its backup acked (the fixed case)
        let stop = false;
        const unexpected: string[] = [];
        const writers = Array.from({ length: 10 }, async (_, w) => {
          for (let i = 0; !stop; i++) {
            const key = `w${w}-${i}`;
            try {
              await map.set(key, i);
              acknowledged.push(key);
            } catch (error) {
              // Writes sent to the dead member fail with an unknown outcome; never count them. Anything
              // else is recorded (a writer that threw here would stop, and the round would only time out).
              if (!(error instanceof TargetDisconnectedError)) {
                unexpected.push(`round ${round}: ${(error as Error).name}: ${(error as Error).message}`);
              }
              failed++;
              if (/backup\(s\) confirmed/.test((error as Error).message)) answeredThenLost++;
            }
          }
        });
        await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThan(300), { timeout: 30_000 });
        // One backup tolerates one failure once the cluster is safe (every replica in place): wait for that,
        // as the previous round's replacement may still be receiving partitions.
        await vi.waitFor(
          async () => {
            for (const live of cluster.current.liveMembers) expect(await isClusterSafe(live.port)).toBe(true);
          },
          { timeout: 300_000, interval: 500 },
        );
        const victim = cluster.current.liveMembers[round % 3]!;
        await cluster.current.terminateMember(victim);
        const atKill = acknowledged.length;
        await vi.waitFor(
          () => {
            expect(unexpected.slice(0, 3)).toEqual([]);
            expect(acknowledged.length).toBeGreaterThan(atKill + 300);
          },
          // How soon writes to the dead member's partitions go on depends on the members' failure detection
          // and on the machine's load; the bound only stops a run that hangs.
          { timeout: 300_000 },
        );
        stop = true;
        await Promise.all(writers);
        expect(unexpected).toEqual([]);
        const found = new Map(
          await getMap<string, number>(reader, `kill-round-${round}`).getAll(acknowledged),
        );
        rounds.push({
          acknowledged: acknowledged.length,
          failed,
          answeredThenLost,
          missing: acknowledged.filter((key) => !found.has(key)),
        });
        // A replacement on a new port, once the others have removed the dead member (a member started
        // on the dead one's address before that may form a cluster of its own).
        await cluster.current.waitForClusterSize(2);
        await cluster.current.startMember();
      }
    } finally {
      await writer.shutdown();
      await reader.shutdown();
    }
    console.log(
      `kill rounds (acked/failed/answered then lost): ${rounds
        .map((r) => `${r.acknowledged}/${r.failed}/${r.answeredThenLost}`)
        .join(', ')}`,
    );
    expect(rounds.flatMap((r) => r.missing)).toEqual([]);
    // 20 kills, each followed by the member's removal and a replacement joining: about 6 s a round on
    // an idle machine, more on a loaded one. The bound only stops a hung run.
  }, 900_000);
});

describe('the first writes of a fresh client', () => {
  const cluster = useCluster({ members: 3 });

  it('never wait for the backup timeout: backup listeners are registered before start resolves', async () => {
    const timedOut: number[] = [];
    for (let i = 0; i < 20; i++) {
      const client: HazelcastClient = await connect(cluster.current);
      try {
        const map = getMap<string, number>(client, 'first-writes');
        // Right after start: keys on every member, each with a backup on another member.
        await Promise.all(Array.from({ length: 20 }, (_, k) => map.set(`c${i}-k${k}`, k)));
        timedOut.push(clientContext(client).invocations.backupTimeoutCount);
      } finally {
        await client.shutdown();
      }
    }
    expect(timedOut).toEqual(Array.from({ length: 20 }, () => 0));
  });
});
