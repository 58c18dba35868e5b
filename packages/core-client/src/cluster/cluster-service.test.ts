import { describe, expect, it } from 'vitest';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { consoleLogger } from '../logging/logger';
import { ClusterService } from './cluster-service';
import type { Member } from './member';

const member = (uuid: string, port: number, liteMember = false): Member => ({
  uuid,
  address: { host: '127.0.0.1', port },
  liteMember,
  attributes: {},
  version: { major: 5, minor: 7, patch: 0 },
});
const a = member('a', 5701);
const b = member('b', 5702);
const c = member('c', 5703);
const lite = member('l', 5704, true);

describe('ClusterService', () => {
  it('gives initial listeners the first list, then reports joins and leaves', async () => {
    const service = new ClusterService(consoleLogger('OFF'));
    const events: string[] = [];
    service.addMembershipListener({
      init: (e) => events.push(`init ${e.members.map((m) => m.uuid).join(',')}`),
      memberAdded: (e) => events.push(`added ${e.member.uuid}`),
      memberRemoved: (e) => events.push(`removed ${e.member.uuid}`),
    });
    const initialized = service.whenInitialized();
    service.apply(1, [a, b]);
    await initialized;
    service.apply(2, [a, c]);
    expect(events).toEqual(['init a,b', 'removed b', 'added c']);
    expect(service.getMembers().map((m) => m.uuid)).toEqual(['a', 'c']);
  });

  it('ignores stale versions unless reset after a reconnect', () => {
    const service = new ClusterService(consoleLogger('OFF'));
    service.apply(5, [a, b]);
    expect(service.apply(4, [a])).toEqual({ added: [], removed: [] });
    expect(service.getMembers()).toHaveLength(2);
    const change = service.apply(1, [c], true);
    expect(change.removed.map((m) => m.uuid)).toEqual(['a', 'b']);
    expect(change.added.map((m) => m.uuid)).toEqual(['c']);
  });

  it('calls init at registration when the list is already known', () => {
    const service = new ClusterService(consoleLogger('OFF'));
    service.apply(1, [a]);
    const seen: number[] = [];
    service.addMembershipListener({ init: (e) => seen.push(e.members.length) });
    expect(seen).toEqual([1]);
  });

  it('finds members by uuid and address, counts them and filters them with a selector', () => {
    const service = new ClusterService(consoleLogger('OFF'));
    expect(service.size()).toBe(0);
    service.apply(1, [a, lite, b]);
    expect(service.size()).toBe(3);
    expect(service.getMemberByUuid('b')).toBe(b);
    expect(service.getMemberByUuid('nobody')).toBeNull();
    expect(service.getMemberByAddress('127.0.0.1:5704')).toBe(lite);
    expect(service.getMemberByAddress({ host: '127.0.0.1', port: 5702 })).toBe(b);
    expect(service.getMemberByAddress('127.0.0.1:6000')).toBeNull();
    expect(() => service.getMemberByAddress('127.0.0.1')).toThrow(IllegalArgumentError);
    expect(() => service.getMemberByAddress('127.0.0.1')).toThrow(/expected "host:port"/);
    expect(service.getMembers((m) => m.liteMember)).toEqual([lite]);
    expect(service.getMembers().map((m) => m.uuid)).toEqual(['a', 'l', 'b']);
    // A copy: changing it changes nothing in the client.
    service.getMembers().pop();
    expect(service.size()).toBe(3);
    expect(() => service.getMembers('lite' as never)).toThrow(/member selector must be a function/);
  });

  it('fires memberAdded for existing members when asked, once per registration, and removes listeners', () => {
    const service = new ClusterService(consoleLogger('OFF'));
    const early: string[] = [];
    // Before the first list: its members are reported as added when it arrives, once.
    service.addListener({ memberAdded: (e) => early.push(e.member.uuid) }, { fireForExisting: true });
    service.apply(1, [a, b]);
    expect(early).toEqual(['a', 'b']);
    const seen: string[] = [];
    const listener = { memberAdded: (e: { member: Member }) => seen.push(`added ${e.member.uuid}`) };
    const first = service.addListener(listener, { fireForExisting: true });
    expect(seen).toEqual(['added a', 'added b']);
    // No duplicate check: the same listener twice hears every change twice.
    const second = service.addListener(listener);
    service.apply(2, [a, b, c]);
    expect(seen).toEqual(['added a', 'added b', 'added c', 'added c']);
    expect(service.removeListener(first)).toBe(true);
    expect(service.removeMembershipListener(second)).toBe(true);
    expect(service.removeListener(second)).toBe(false);
    service.apply(3, [a, b, c, lite]);
    expect(seen).toHaveLength(4);
    const withInit: string[] = [];
    service.addListener(
      {
        init: (e) => withInit.push(`init ${e.members.length}`),
        memberAdded: (e) => withInit.push(e.member.uuid),
      },
      { fireForExisting: true },
    );
    expect(withInit).toEqual(['init 4', 'a', 'b', 'c', 'l']);
  });

  it('refuses listeners and options it cannot use, registering nothing', () => {
    const service = new ClusterService(consoleLogger('OFF'));
    expect(() => service.addListener({})).toThrow(/has none of memberAdded, memberRemoved, init/);
    expect(() => service.addListener({ memberAdded: 1 } as never)).toThrow(
      /listener\.memberAdded must be a function, got number/,
    );
    expect(() => service.addListener({ memberAdded() {} }, { fireForExisting: 'yes' } as never)).toThrow(
      /options\.fireForExisting must be a boolean, got string/,
    );
    expect(() => service.addListener({ memberAdded() {} }, { fireForExsting: true } as never)).toThrow(
      /unknown option "fireForExsting" \(known: fireForExisting\)/,
    );
    expect(() => service.addListener(null as never)).toThrow(IllegalArgumentError);
  });
});
