import { setTimeout } from 'node:timers/promises';
import { isClusterSafe } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it, vi } from 'vitest';
import { ClientNotActiveError, getMap, HazelcastError, type MembershipEvent } from '../src/index';
import { clientContext } from '../src/plugin';
import { countingUnhandledRejections } from './faults-helpers';
import { connect } from './helpers';

const cluster = useCluster({ members: 3 });
const WRITERS = 10;
const WAIT = { timeout: 120_000, interval: 100 };

describe('a rolling restart of every member under load', () => {
  it('loses no acknowledged write, leaves no unhandled rejection, and listeners still fire afterwards', {
    timeout: 900_000,
  }, async () => {
    const c = cluster.current;
    const { result, unhandled } = await countingUnhandledRejections(async () => {
      const removed: MembershipEvent[] = [];
      const client = await connect(c, {
        membershipListeners: [{ memberRemoved: (event) => removed.push(event) }],
      });
      try {
        const map = getMap<string, number>(client, 'rolling');
        const added = new Set<string>();
        await map.addEntryListener(
          { added: (event) => event.key !== null && added.add(event.key) },
          { includeValue: false },
        );

        // Every writer sets its own keys one after the other; a key counts once its set resolved. A failed
        // set (the member left while it was in flight) is tried again with the same key and value.
        const acknowledged = new Map<string, number>();
        const failures = new Map<string, number>();
        const unexpected: unknown[] = [];
        let writing = true;
        const writers = Array.from({ length: WRITERS }, async (_, writer) => {
          for (let seq = 0; writing; ) {
            const key = `w${writer}-${seq}`;
            try {
              await map.set(key, seq);
              acknowledged.set(key, seq);
              seq++;
            } catch (error) {
              // Only the client's own errors may reach the caller, each a HazelcastError; and the client must
              // never give up (ClientNotActiveError) during a rolling restart.
              if (!(error instanceof HazelcastError) || error instanceof ClientNotActiveError) {
                unexpected.push(error);
                return;
              }
              failures.set(error.name, (failures.get(error.name) ?? 0) + 1);
              // A writer's retry back-off (not a wait for an event): a failing call must not spin.
              await setTimeout(20);
            }
          }
        });
        const stopWriters = async () => {
          writing = false;
          await Promise.all(writers);
          expect(unexpected).toEqual([]);
        };

        const originals = c.liveMembers;
        try {
          for (const member of originals) {
            // As operators do it: the next member leaves only once the cluster is safe again.
            await vi.waitFor(async () => {
              for (const live of c.liveMembers) expect(await isClusterSafe(live.port)).toBe(true);
            }, WAIT);
            const before = acknowledged.size;
            await c.shutdownMember(member);
            await c.startMember({ port: member.port });
            await vi.waitFor(
              () => expect(clientContext(client).connections.activeConnections).toHaveLength(3),
              WAIT,
            );
            // The writers kept going through each step.
            await vi.waitFor(() => expect(acknowledged.size).toBeGreaterThan(before + WRITERS), WAIT);
          }
        } finally {
          await stopWriters();
        }

        // Every member is new; the client saw each old one leave.
        const uuids = new Set(
          client
            .getCluster()
            .getMembers()
            .map((m) => m.uuid),
        );
        for (const member of originals) expect(uuids.has(member.uuid!)).toBe(false);
        expect(removed.map((e) => e.member.uuid).sort()).toEqual(originals.map((m) => m.uuid).sort());

        // Read every acknowledged key back through another client.
        const reader = await connect(c);
        try {
          const readerMap = getMap<string, number>(reader, 'rolling');
          const keys = [...acknowledged.keys()];
          const lost: string[] = [];
          for (let i = 0; i < keys.length; i += 1_000) {
            const chunk = keys.slice(i, i + 1_000);
            const stored = new Map(await readerMap.getAll(chunk));
            for (const key of chunk) if (stored.get(key) !== acknowledged.get(key)) lost.push(key);
          }
          expect(lost).toEqual([]);

          // The listener registered before the restarts still fires for writes made afterwards.
          const after = Array.from({ length: 20 }, (_, i) => `after-${i}`);
          await Promise.all(after.map((key, i) => readerMap.set(key, i)));
          await vi.waitFor(() => {
            for (const key of after) expect(added.has(key)).toBe(true);
          }, WAIT);
        } finally {
          await reader.shutdown();
        }
        return { acknowledged: acknowledged.size, failures: Object.fromEntries(failures) };
      } finally {
        await client.shutdown();
      }
    });
    expect(unhandled).toEqual([]);
    console.log(
      `rolling restart: ${result.acknowledged} acknowledged writes, all read back; not acknowledged: ${JSON.stringify(result.failures)}`,
    );
  });
});
