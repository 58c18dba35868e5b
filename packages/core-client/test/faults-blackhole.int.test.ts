import { useCluster } from '@hz-tools/cluster/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMap, type HazelcastClient, TargetDisconnectedError } from '../src/index';
import { clientContext } from '../src/plugin';
import { connectionTo, keysOwnedBy, memberAndProxy, settleWithin } from './faults-helpers';
import { connect } from './helpers';

// Clients reach every member through a fault proxy of ours that the member advertises (advanced
// networking, client endpoint public address), so smart routing goes through the proxies. A black hole
// drops bytes and closes silently: the client gets no RST and no FIN, only silence.
const cluster = useCluster({ members: 3, proxied: true });

const HEARTBEAT_TIMEOUT = 5_000;
const INVOCATION_TIMEOUT = 20_000;
const FAST_FAILURE = {
  network: { connectionTimeout: 3_000 },
  properties: {
    'hazelcast.client.heartbeat.interval': 1_000,
    'hazelcast.client.heartbeat.timeout': HEARTBEAT_TIMEOUT,
    'hazelcast.client.invocation.timeout.millis': INVOCATION_TIMEOUT,
  },
};
/** Nothing may still be pending this long after the fault: far above heartbeat plus invocation timeout. */
const LIVENESS_BOUND = HEARTBEAT_TIMEOUT + INVOCATION_TIMEOUT + 30_000;
const WAIT = { timeout: 60_000, interval: 50 };

const clients: HazelcastClient[] = [];

async function client(config: Parameters<typeof connect>[1] = FAST_FAILURE): Promise<HazelcastClient> {
  const created = await connect(cluster.current, config);
  clients.push(created);
  return created;
}

afterEach(async () => {
  for (const proxy of cluster.current.proxies) proxy.heal();
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
});

/** A smart client connected to all three members, and the member to cut off (not the first one). */
async function setUp(name: string) {
  const smart = await client();
  await vi.waitFor(() => expect(clientContext(smart).connections.activeConnections).toHaveLength(3), WAIT);
  const [first, victim] = smart.getCluster().getMembers();
  const { proxy } = memberAndProxy(cluster.current, victim!.uuid);
  const map = getMap<string, string>(smart, name);
  const keys = await keysOwnedBy(smart, victim!.uuid, 20, name);
  const [elsewhere] = await keysOwnedBy(smart, first!.uuid, 1, `${name}-other`);
  await map.putAll(keys.map((key) => [key, `old-${key}`]));
  return { smart, victim: victim!, proxy, map, keys, elsewhere: elsewhere! };
}

describe('a black-holed member (no RST, no FIN)', () => {
  it('is dropped by the heartbeat; reads retry elsewhere, writes fail as indeterminate, nothing hangs; the client reconnects when the path is back', async () => {
    const { smart, victim, proxy, map, keys, elsewhere } = await setUp('bh-both');
    const before = connectionTo(smart, victim.uuid)!;
    proxy.blackhole();

    const reads = keys.slice(0, 10).map((key) => map.get(key));
    const writes = keys.slice(10).map((key) => map.set(key, `new-${key}`));
    // The other members are not affected while the heartbeat has not noticed yet.
    await map.set(elsewhere, 'fine');
    expect(await map.get(elsewhere)).toBe('fine');

    const [readResults, writeResults] = await Promise.all([
      settleWithin(reads, LIVENESS_BOUND, 'reads on the black-holed member'),
      settleWithin(writes, LIVENESS_BOUND, 'writes on the black-holed member'),
    ]);
    // The heartbeat closed the connection: no FIN or RST ever came from the member's side.
    expect(before.alive).toBe(false);
    expect(before.closeReason?.message).toMatch(/Heartbeat timed out/);
    // Reads are safe to send twice: they went through another member, which forwarded them.
    expect(readResults).toEqual(
      keys.slice(0, 10).map((key) => ({ status: 'fulfilled', value: `old-${key}` })),
    );
    // Writes sent on the dead connection may or may not have run: the client says so, it does not guess.
    for (const result of writeResults) {
      expect(result.status).toBe('rejected');
      const error = (result as PromiseRejectedResult).reason as Error;
      expect(error).toBeInstanceOf(TargetDisconnectedError);
      expect(error.message).toMatch(/may or may not have run/);
    }

    // While the path is down, the member's partitions are still served through the others.
    expect(connectionTo(smart, victim.uuid)).toBeUndefined();
    expect(await map.get(keys[0]!)).toBe(`old-${keys[0]}`);
    await map.set(keys[10]!, 'written while cut off');

    proxy.heal();
    await vi.waitFor(() => expect(connectionTo(smart, victim.uuid)).toBeDefined(), WAIT);
    const after = connectionTo(smart, victim.uuid)!;
    expect(after).not.toBe(before);
    const sent = after.messagesSent;
    expect(await map.get(keys[1]!)).toBe(`old-${keys[1]}`);
    // Smart routing uses the new connection again for the member's keys.
    expect(after.messagesSent).toBeGreaterThan(sent);

    // Read back through another client: the black hole swallowed the writes' requests, so none ran.
    const reader = getMap<string, string>(await client(), 'bh-both');
    const stored = new Map(await reader.getAll(keys.slice(10)));
    expect(stored.get(keys[10]!)).toBe('written while cut off');
    for (const key of keys.slice(11)) expect(stored.get(key)).toBe(`old-${key}`);
    expect(proxy.stats.clientToServer.bytesDropped).toBeGreaterThan(0);
  });

  it('with only the answers lost: the writes ran on the member, the client reports them as indeterminate', async () => {
    const { smart, victim, proxy, map, keys } = await setUp('bh-answers');
    const before = connectionTo(smart, victim.uuid)!;
    proxy.blackhole({ direction: 'serverToClient' });

    const reads = keys.slice(0, 10).map((key) => map.get(key));
    const writes = keys.slice(10).map((key) => map.set(key, `new-${key}`));
    const [readResults, writeResults] = await Promise.all([
      settleWithin(reads, LIVENESS_BOUND, 'reads without answers'),
      settleWithin(writes, LIVENESS_BOUND, 'writes without answers'),
    ]);
    expect(before.closeReason?.message).toMatch(/Heartbeat timed out/);
    expect(readResults).toEqual(
      keys.slice(0, 10).map((key) => ({ status: 'fulfilled', value: `old-${key}` })),
    );
    for (const result of writeResults) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(TargetDisconnectedError);
    }

    proxy.heal();
    await vi.waitFor(() => expect(connectionTo(smart, victim.uuid)).toBeDefined(), WAIT);
    // The requests did arrive: every write ran although its caller was told it may not have.
    const reader = getMap<string, string>(await client(), 'bh-answers');
    const stored = new Map(await reader.getAll(keys.slice(10)));
    for (const key of keys.slice(10)) expect(stored.get(key)).toBe(`new-${key}`);
  });

  it('with only the requests lost while the member keeps sending events: the connection is still found dead, nothing hangs', async () => {
    const { smart, victim, proxy, map, keys } = await setUp('bh-requests');
    const [first] = smart.getCluster().getMembers();
    let events = 0;
    await map.addEntryListener({ updated: () => events++ }, { includeValue: false });
    // A unisocket client through another member's proxy keeps updating the cut-off member's keys, so the
    // member keeps pushing events to the smart client over the direction that still works.
    const writer = getMap<string, string>(
      await client({
        ...FAST_FAILURE,
        network: {
          ...FAST_FAILURE.network,
          smartRouting: false,
          clusterMembers: [memberAndProxy(cluster.current, first!.uuid).proxy.address],
        },
      }),
      'bh-requests',
    );
    let writing = true;
    const writerLoop = (async () => {
      for (let i = 0; writing; i++) await writer.set(keys[i % keys.length]!, `tick-${i}`);
    })();
    await vi.waitFor(() => expect(events).toBeGreaterThan(0), WAIT);

    const before = connectionTo(smart, victim.uuid)!;
    proxy.blackhole({ direction: 'clientToServer' });
    const eventsAtCut = events;
    const reads = keys.slice(0, 10).map((key) => map.get(key));
    try {
      const results = await settleWithin(reads, LIVENESS_BOUND, 'reads whose requests are lost');
      // Events kept arriving on the connection, yet it was found dead: the member answered no ping.
      expect(events).toBeGreaterThan(eventsAtCut);
      expect(before.alive).toBe(false);
      expect(before.closeReason?.message).toMatch(/Heartbeat timed out/);
      for (const result of results) {
        expect(result.status).toBe('fulfilled');
        expect((result as PromiseFulfilledResult<string | null>).value).toMatch(/^(old|tick)-/);
      }
    } finally {
      writing = false;
      await writerLoop;
    }
  });
});
