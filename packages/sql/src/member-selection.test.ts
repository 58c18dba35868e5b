import type { Member } from '@hz/core-client';
import { describe, expect, it } from 'vitest';
import { hasDataMember, memberForQuery } from './member-selection';

function member(uuid: string, minor: number, lite = false): Member {
  return {
    uuid,
    address: { host: '127.0.0.1', port: 5701 } as Member['address'],
    liteMember: lite,
    attributes: {},
    version: { major: 5, minor, patch: 0 },
  };
}

const all = (...members: Member[]) => new Set(members.map((m) => m.uuid));

describe('memberForQuery', () => {
  it('skips lite members', () => {
    const lite = member('lite', 7, true);
    const data = member('data', 7);
    for (const r of [0, 0.5, 0.99]) expect(memberForQuery([lite, data], all(lite, data), () => r)).toBe(data);
    expect(memberForQuery([lite], all(lite))).toBeUndefined();
    expect(hasDataMember([lite])).toBe(false);
    expect(hasDataMember([lite, data])).toBe(true);
  });

  it('picks from the larger same-version group, the newer one on a tie, patch versions ignored', () => {
    const old1 = member('old1', 6);
    const old2 = member('old2', 6);
    const new1 = { ...member('new1', 7), version: { major: 5, minor: 7, patch: 3 } };
    expect(memberForQuery([old1, old2, new1], all(old1, old2, new1), () => 0.99)).toBe(old2);
    expect(memberForQuery([old1, new1], all(old1, new1), () => 0)).toBe(new1);
    const new2 = member('new2', 7);
    expect(memberForQuery([old1, new1, new2], all(old1, new1, new2), () => 0.6)).toBe(new2);
  });

  it('only picks members it is connected to, falling back to the other group', () => {
    const a = member('a', 6);
    const b = member('b', 6);
    const c = member('c', 7);
    expect(memberForQuery([a, b, c], new Set(['b', 'c']), () => 0)).toBe(b);
    expect(memberForQuery([a, b, c], new Set(['c']), () => 0)).toBe(c);
    expect(memberForQuery([a, b, c], new Set(), () => 0)).toBeUndefined();
  });

  it('spreads queries over the members of the group', () => {
    const members = [member('a', 7), member('b', 7), member('c', 7)];
    const picked = [0, 0.4, 0.8].map((r) => memberForQuery(members, all(...members), () => r)?.uuid);
    expect(picked).toEqual(['a', 'b', 'c']);
  });
});
