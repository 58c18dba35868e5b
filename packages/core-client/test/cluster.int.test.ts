// The cluster service and the load balancers as the seeds document them, on a cluster with a lite member
// (and, later, a member with attributes). Member values are checked against the harness and against the
// official Python client's member list.
import { ClientGetDistributedObjectsCodec } from '@hz/protocol';
import { runPython } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Cluster,
  getMap,
  type HazelcastClient,
  IllegalArgumentError,
  type LoadBalancer,
  type Member,
  MemberSelectors,
} from '../src/index';
import { pluginHost } from '../src/plugin';
import { connect, messagesPerMember } from './helpers';

// One data member and one lite member; a data member with attributes joins during the tests (3 at most).
const cluster = useCluster({ members: 2, liteMembers: 1 });

/** No heartbeat pings during a test, so message counts per connection are exactly the test's requests. */
const quiet = {
  'hazelcast.client.heartbeat.interval': 600_000,
  'hazelcast.client.heartbeat.timeout': 900_000,
};

/** Sends `count` partition-less requests (optionally for a data member); returns how many each member got. */
async function spread(
  client: HazelcastClient,
  count: number,
  dataMember: boolean,
): Promise<Map<string, number>> {
  return messagesPerMember(client, async () => {
    for (let i = 0; i < count; i++) {
      await pluginHost(client).invokeOnRandomTarget(ClientGetDistributedObjectsCodec.encodeRequest(), {
        dataMember,
      });
    }
  });
}

describe('the cluster service', () => {
  let client: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  it('has members with address, uuid, attributes, liteMember and version, oldest first, as the Python client sees them', async () => {
    const [data, lite] = cluster.current.liveMembers;
    const members = client.getCluster().getMembers();
    expect(members.map((m) => m.uuid)).toEqual([data!.uuid, lite!.uuid]);
    const [major, minor, patch] = cluster.current.version.split('.').map(Number);
    expect(members[1]).toEqual({
      uuid: lite!.uuid,
      address: { host: '127.0.0.1', port: lite!.port },
      liteMember: true,
      attributes: {},
      version: { major, minor, patch },
    });
    expect(members[0]!.liteMember).toBe(false);
    const python = await runPython<Array<{ uuid: string; port: number; lite: boolean }>>(
      cluster.current,
      'result = [{"uuid": str(m.uuid), "port": m.address.port, "lite": m.lite_member} for m in client.cluster_service.get_members()]',
    );
    expect(python).toEqual(members.map((m) => ({ uuid: m.uuid, port: m.address.port, lite: m.liteMember })));
  });

  it('finds members by uuid and by address, and knows the cluster size', () => {
    const cluster$ = client.getCluster();
    const [data, lite] = cluster.current.liveMembers;
    expect(cluster$.size()).toBe(2);
    expect(cluster$.getMemberByUuid(lite!.uuid!)?.liteMember).toBe(true);
    expect(cluster$.getMemberByUuid(data!.uuid!.toUpperCase())?.uuid).toBe(data!.uuid);
    expect(cluster$.getMemberByUuid('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(cluster$.getMemberByAddress(lite!.address)?.uuid).toBe(lite!.uuid);
    expect(cluster$.getMemberByAddress({ host: '127.0.0.1', port: data!.port })?.uuid).toBe(data!.uuid);
    expect(cluster$.getMemberByAddress('127.0.0.1:1')).toBeNull();
    expect(() => cluster$.getMemberByAddress('127.0.0.1')).toThrow(IllegalArgumentError);
  });

  it('fires memberAdded for existing members, then for a member that joins; selects by kind and attributes', async () => {
    const cluster$ = client.getCluster();
    const added: string[] = [];
    const removed: string[] = [];
    let joined: (member: Member) => void = () => {};
    const joining = new Promise<Member>((resolve) => {
      joined = resolve;
    });
    const id = cluster$.addListener(
      {
        memberAdded: ({ member }) => {
          added.push(member.uuid);
          if (added.length === 3) joined(member);
        },
        memberRemoved: ({ member }) => removed.push(member.uuid),
      },
      { fireForExisting: true },
    );
    // Before addListener returned: every current member, oldest first.
    expect(added).toEqual(cluster.current.liveMembers.map((m) => m.uuid));
    const plain: string[] = [];
    const plainId = cluster$.addMembershipListener({ memberAdded: ({ member }) => plain.push(member.uuid) });
    expect(plain).toEqual([]);

    const started = await cluster.current.startMember({ attributes: { zone: 'b', tier: 'gold' } });
    const member = await joining;
    expect(member.uuid).toBe(started.uuid);
    expect(member.attributes).toEqual({ zone: 'b', tier: 'gold' });
    expect(plain).toEqual([started.uuid]);

    const [data, lite] = cluster.current.liveMembers;
    const uuids = (selected: Member[]) => selected.map((m) => m.uuid);
    expect(uuids(cluster$.getMembers())).toEqual([data!.uuid, lite!.uuid, started.uuid]);
    expect(uuids(cluster$.getMembers(MemberSelectors.DATA_MEMBER_SELECTOR))).toEqual([
      data!.uuid,
      started.uuid,
    ]);
    expect(uuids(cluster$.getMembers(MemberSelectors.LITE_MEMBER_SELECTOR))).toEqual([lite!.uuid]);
    expect(uuids(cluster$.getMembers(MemberSelectors.attribute('zone', 'b')))).toEqual([started.uuid]);
    expect(uuids(cluster$.getMembers(MemberSelectors.attribute('zone', 'a')))).toEqual([]);
    expect(uuids(cluster$.getMembers((m) => m.address.port === lite!.port))).toEqual([lite!.uuid]);

    expect(cluster$.removeListener(plainId)).toBe(true);
    await cluster.current.shutdownMember(started);
    await cluster.current.waitForClusterSize(2);
    await expect.poll(() => removed, { timeout: 30_000 }).toEqual([started.uuid]);
    expect(plain).toEqual([started.uuid]);
    expect(cluster$.removeMembershipListener(id)).toBe(true);
    expect(cluster$.removeListener(id)).toBe(false);
  });
});

describe('load balancers with a lite member in the cluster', () => {
  it('round-robin visits every member, and never the lite member for data operations', async () => {
    const client = await connect(cluster.current, { properties: quiet });
    try {
      const [data, lite] = cluster.current.liveMembers;
      const any = await spread(client, 20, false);
      expect(any.get(data!.uuid!)).toBe(10);
      expect(any.get(lite!.uuid!)).toBe(10);
      const dataOnly = await spread(client, 20, true);
      expect(dataOnly.get(data!.uuid!)).toBe(20);
      expect(dataOnly.get(lite!.uuid!)).toBe(0);
      // Data lives on data members only; keyed operations work as ever.
      await getMap<string, string>(client, 'with-lite').set('k', 'v');
      expect(await getMap<string, string>(client, 'with-lite').get('k')).toBe('v');
    } finally {
      await client.shutdown();
    }
  });

  it('random picks both members, and never the lite member for data operations', async () => {
    const client = await connect(cluster.current, { loadBalancer: { type: 'RANDOM' }, properties: quiet });
    try {
      const [data, lite] = cluster.current.liveMembers;
      const dataOnly = await spread(client, 30, true);
      expect(dataOnly.get(data!.uuid!)).toBe(30);
      expect(dataOnly.get(lite!.uuid!)).toBe(0);
      // 60 fair coin flips all landing on one side happen once in 2^59 runs.
      const any = await spread(client, 60, false);
      expect(any.get(data!.uuid!)).toBeGreaterThan(0);
      expect(any.get(lite!.uuid!)).toBeGreaterThan(0);
      expect(any.get(data!.uuid!)! + any.get(lite!.uuid!)!).toBe(60);
    } finally {
      await client.shutdown();
    }
  });

  it("routes through a custom balancer written against the seeds' interface", async () => {
    const calls: string[] = [];
    /** Sends everything to the newest member, data operations to the oldest data member. */
    class NewestFirst implements LoadBalancer {
      #cluster: Cluster | undefined;
      init(cluster: Cluster): void {
        calls.push('init');
        this.#cluster = cluster;
      }
      next(): Member | null {
        calls.push('next');
        return this.#cluster?.getMembers().at(-1) ?? null;
      }
      nextDataMember(): Member | null {
        calls.push('nextDataMember');
        return this.#cluster?.getMembers(MemberSelectors.DATA_MEMBER_SELECTOR)[0] ?? null;
      }
      canGetNextDataMember(): boolean {
        return true;
      }
    }
    const balancer = new NewestFirst();
    const client = await connect(cluster.current, {
      loadBalancer: { customLoadBalancer: balancer },
      properties: quiet,
    });
    try {
      expect(calls.filter((c) => c === 'init')).toHaveLength(1);
      const [data, lite] = cluster.current.liveMembers;
      calls.length = 0;
      const any = await spread(client, 5, false);
      expect(any.get(lite!.uuid!)).toBe(5);
      expect(calls).toEqual(Array(5).fill('next'));
      calls.length = 0;
      const dataOnly = await spread(client, 5, true);
      expect(dataOnly.get(data!.uuid!)).toBe(5);
      expect(calls).toEqual(Array(5).fill('nextDataMember'));
    } finally {
      await client.shutdown();
    }
  });

  it('picks a data member itself when a custom balancer cannot, and a unisocket client never asks it', async () => {
    let nextCalls = 0;
    const liteOnly: LoadBalancer = {
      init() {},
      next: () => {
        nextCalls++;
        return null;
      },
      canGetNextDataMember: () => false,
    };
    const smart = await connect(cluster.current, {
      loadBalancer: { customLoadBalancer: liteOnly },
      properties: quiet,
    });
    try {
      const [data, lite] = cluster.current.liveMembers;
      const dataOnly = await spread(smart, 10, true);
      expect(dataOnly.get(data!.uuid!)).toBe(10);
      expect(dataOnly.get(lite!.uuid!)).toBe(0);
    } finally {
      await smart.shutdown();
    }
    nextCalls = 0;
    const unisocket = await connect(cluster.current, {
      network: { smartRouting: false },
      loadBalancer: { customLoadBalancer: liteOnly },
    });
    try {
      await getMap(unisocket, 'unisocket-lb').size();
      await unisocket.getDistributedObjects();
      expect(nextCalls).toBe(0);
    } finally {
      await unisocket.shutdown();
    }
  });

  it('refuses a balancer of another shape with an error naming the expected one', async () => {
    await expect(
      connect(cluster.current, { loadBalancer: { customLoadBalancer: { next: () => null } as never } }),
    ).rejects.toThrow(/customLoadBalancer must be a load balancer \{ init\(cluster\), next\(\)/);
  });
});
