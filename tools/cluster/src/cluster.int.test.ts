import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from './cluster';
import { isMemberReady, readClusterSize } from './health';
import { runPython } from './python-oracle';

// Harness self-test: the members' own REST health endpoints, not the harness's bookkeeping, must agree
// on the cluster size after start and after a member is killed.
describe('a 3-member 5.7.0 cluster', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start({ members: 3, namePrefix: 'harness-self-test' });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('forms one cluster of 3, as every member reports', async () => {
    expect(cluster.liveMembers).toHaveLength(3);
    for (const member of cluster.liveMembers) {
      expect(await isMemberReady(member.port)).toBe(true);
      expect(await readClusterSize(member.port)).toBe(3);
    }
  });

  it('shrinks to 2 when a member is killed', async () => {
    const victim = cluster.liveMembers[2]!;
    await cluster.terminateMember(victim);
    expect(cluster.members.find((m) => m.pid === victim.pid)?.state).toBe('exited');
    await cluster.waitForClusterSize(2);
    for (const member of cluster.liveMembers) {
      expect(await readClusterSize(member.port)).toBe(2);
    }
  });

  it('grows back to 3 when a member is started', async () => {
    const added = await cluster.startMember();
    expect(added.uuid).toMatch(/^[0-9a-f-]{36}$/);
    for (const member of cluster.liveMembers) {
      expect(await readClusterSize(member.port)).toBe(3);
    }
  });

  it('pauses and resumes a member by signal', async () => {
    const member = cluster.liveMembers[0]!;
    await cluster.pauseMember(member);
    try {
      expect(cluster.kernelState(member)).toBe('T');
      // A stopped JVM accepts TCP connections (the kernel does) but never answers.
      const answer = await Promise.race([
        readClusterSize(member.port).then(() => 'answered'),
        new Promise((resolvePromise) => setTimeout(resolvePromise, 1_000, 'silent')),
      ]);
      expect(answer).toBe('silent');
    } finally {
      await cluster.resumeMember(member);
    }
    expect(cluster.kernelState(member)).not.toBe('T');
    expect(await readClusterSize(member.port)).toBe(3);
  });

  it('shuts a member down gracefully', async () => {
    const member = cluster.liveMembers[1]!;
    await cluster.shutdownMember(member);
    await cluster.waitForClusterSize(2);
    expect(await readClusterSize(cluster.liveMembers[0]!.port)).toBe(2);
  });
});

describe('a whole-cluster restart', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start({ members: 2, namePrefix: 'harness-restart' });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('brings the same addresses back with new member uuids', async () => {
    const before = cluster.liveMembers;
    await cluster.restart();
    const after = cluster.liveMembers;
    expect(after.map((m) => m.port)).toEqual(before.map((m) => m.port));
    for (const member of after) {
      expect(before.map((m) => m.uuid)).not.toContain(member.uuid);
      expect(await readClusterSize(member.port)).toBe(2);
    }
  });
});

// Lite members and member attributes, as an independent client (the official Python client) sees them in
// the member list the cluster sends.
describe('lite members and member attributes', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await Cluster.start({ members: 2, liteMembers: 1, namePrefix: 'harness-lite' });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  const listMembers = () =>
    runPython<Array<{ uuid: string; lite: boolean; attributes: Record<string, string> }>>(
      cluster,
      [
        'result = [{"uuid": str(m.uuid), "lite": m.lite_member, "attributes": m.attributes}',
        '          for m in client.cluster_service.get_members()]',
      ].join('\n'),
    );

  it('starts the last of `members` as a lite member', async () => {
    const [data, lite] = cluster.liveMembers;
    expect([data!.lite, lite!.lite]).toEqual([false, true]);
    const seen = await listMembers();
    expect(seen).toEqual([
      { uuid: data!.uuid, lite: false, attributes: {} },
      { uuid: lite!.uuid, lite: true, attributes: {} },
    ]);
    expect(await readClusterSize(lite!.port)).toBe(2);
  });

  it('starts one more lite member with attributes, and brings it back as the same kind on its port', async () => {
    const added = await cluster.startMember({ lite: true, attributes: { zone: 'b', role: 'compute' } });
    expect(added.lite).toBe(true);
    const seen = await listMembers();
    expect(seen.find((m) => m.uuid === added.uuid)).toEqual({
      uuid: added.uuid,
      lite: true,
      attributes: { zone: 'b', role: 'compute' },
    });
    expect(seen.filter((m) => m.lite)).toHaveLength(2);
    // Back on the same port, a member comes back as what it was unless told otherwise.
    await cluster.terminateMember(added);
    await cluster.waitForClusterSize(2);
    const again = await cluster.startMember({ port: added.port });
    expect(again.lite).toBe(true);
    expect((await listMembers()).find((m) => m.uuid === again.uuid)?.attributes).toEqual({
      zone: 'b',
      role: 'compute',
    });
  });

  it('refuses more lite members than members', async () => {
    await expect(Cluster.start({ members: 1, liteMembers: 2 })).rejects.toThrow(
      /liteMembers must be an integer from 0 to members \(1\), got 2/,
    );
  });
});
