import {
  type HazelcastClient,
  IndeterminateOperationStateError,
  LockContext,
  TargetDisconnectedError,
} from '@hz/core-client';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAtomicLong, getFencedLock } from '../src/index';
import { connect, cpXml, localMember } from './helpers';

// The leader of the CP group holding a counter and a lock is killed (SIGKILL) while two clients increment the
// counter and take turns on the lock from four async contexts. The group (3 CP members) elects a new leader
// and everything goes on. The members fail writes whose outcome they cannot know
// (fail-on-indeterminate-operation-state) instead of retrying them, so an increment is never applied twice
// silently: every increment the client saw succeed was applied once, and the ones that failed were applied
// at most once. Faster Raft failure detection keeps the test short.
const cluster = useCluster({
  members: 3,
  version: '5.4.0',
  cpMemberCount: 3,
  xml: cpXml(
    [
      '<fail-on-indeterminate-operation-state>true</fail-on-indeterminate-operation-state>',
      '<raft-algorithm>',
      '<leader-election-timeout-in-millis>1000</leader-election-timeout-in-millis>',
      '<leader-heartbeat-period-in-millis>500</leader-heartbeat-period-in-millis>',
      '<max-missed-leader-heartbeat-count>4</max-missed-leader-heartbeat-count>',
      '</raft-algorithm>',
    ].join(''),
  ),
});

let clients: HazelcastClient[] = [];
let observer: HazelcastClient;

beforeAll(async () => {
  clients = [await connect(cluster.current), await connect(cluster.current)];
  observer = await connect(cluster.current);
});

afterAll(async () => {
  await Promise.all([...clients, observer].filter(Boolean).map((c) => c.shutdown()));
});

describe('killing the CP group leader mid-run', () => {
  it('keeps increments and lock turns going: no increment lost or doubled, never two lock holders', async () => {
    const counterName = 'failover-counter';
    const lockName = 'failover-lock';
    let stop = false;
    const increments: bigint[] = [];
    let unknownOutcomes = 0;
    const unexpected: unknown[] = [];
    const fences: bigint[] = [];
    let holder: string | undefined;
    let overlaps = 0;

    const incrementing = clients.flatMap((c) =>
      Array.from({ length: 4 }, async () => {
        const counter = getAtomicLong(c, counterName);
        while (!stop) {
          try {
            increments.push(await counter.incrementAndGet());
          } catch (error) {
            // The member or the leader died before answering: the increment may or may not have happened.
            if (
              error instanceof TargetDisconnectedError ||
              error instanceof IndeterminateOperationStateError
            ) {
              unknownOutcomes++;
            } else {
              unexpected.push(error);
            }
          }
        }
      }),
    );
    const locking = clients.flatMap((c, i) =>
      Array.from({ length: 2 }, (_, j) =>
        LockContext.run(async () => {
          const me = `client ${i} context ${j}`;
          const lock = getFencedLock(c, lockName);
          while (!stop) {
            try {
              const fence = await lock.lock();
              if (holder !== undefined) overlaps++;
              holder = me;
              fences.push(fence);
              // The cluster agrees that this owner holds it, once.
              expect(await lock.getLockCount()).toBe(1);
              holder = undefined;
              await lock.unlock();
            } catch (error) {
              unexpected.push(error);
              holder = undefined;
            }
          }
        }),
      ),
    );

    const progress = { timeout: 120_000, interval: 100 };
    await vi.waitFor(() => {
      expect(increments.length).toBeGreaterThan(200);
      expect(fences.length).toBeGreaterThan(10);
    }, progress);
    const leader = await getAtomicLong(observer, counterName).apply<string>(localMember());
    const leaderMember = cluster.current.liveMembers.find((m) => m.uuid === leader);
    expect(leaderMember).toBeDefined();
    const before = { increments: increments.length, fences: fences.length };
    await cluster.current.terminateMember(leaderMember!);
    await vi.waitFor(() => {
      expect(increments.length).toBeGreaterThan(before.increments + 300);
      expect(fences.length).toBeGreaterThan(before.fences + 20);
    }, progress);
    stop = true;
    await Promise.all([...incrementing, ...locking]);

    const newLeader = await getAtomicLong(observer, counterName).apply<string>(localMember());
    expect(newLeader).not.toBe(leader);
    expect(cluster.current.liveMembers.map((m) => m.uuid)).toContain(newLeader);

    expect(unexpected).toEqual([]);
    // Every successful increment handed out a value of its own…
    expect(new Set(increments).size).toBe(increments.length);
    // …and the final value counts each of them once, plus at most the ones whose outcome is unknown.
    const final = await getAtomicLong(observer, counterName).get();
    expect(final >= BigInt(increments.length)).toBe(true);
    expect(final <= BigInt(increments.length + unknownOutcomes)).toBe(true);
    expect(increments.every((value) => value <= final)).toBe(true);

    expect(overlaps).toBe(0);
    // Fences grow with every new holder, in the order they got the lock.
    expect(fences.every((fence, i) => i === 0 || fence > fences[i - 1]!)).toBe(true);
    expect(await getFencedLock(observer, lockName).isLocked()).toBe(false);
  });
});
