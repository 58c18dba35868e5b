import type { Member } from '@hz/core-client';

/**
 * The member to run a query on: a data member (lite members cannot run SQL) from the larger group of
 * members sharing a major.minor version (the newer group on a tie), as the other Hazelcast clients choose
 * during a rolling upgrade, among the members this client has a connection to. `undefined` when no data
 * member is connected.
 */
export function memberForQuery(
  members: readonly Member[],
  connected: ReadonlySet<string>,
  random: () => number = Math.random,
): Member | undefined {
  const groups = new Map<string, { version: Member['version']; members: Member[] }>();
  for (const member of members) {
    if (member.liteMember) continue;
    const key = `${member.version.major}.${member.version.minor}`;
    let group = groups.get(key);
    if (!group) {
      group = { version: member.version, members: [] };
      groups.set(key, group);
    }
    group.members.push(member);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      b.members.length - a.members.length ||
      b.version.major - a.version.major ||
      b.version.minor - a.version.minor,
  );
  for (const group of ordered) {
    const reachable = group.members.filter((m) => connected.has(m.uuid));
    if (reachable.length > 0) return reachable[Math.floor(random() * reachable.length)];
  }
  return undefined;
}

/** Whether the cluster has a data (non-lite) member at all. */
export function hasDataMember(members: readonly Member[]): boolean {
  return members.some((m) => !m.liteMember);
}
