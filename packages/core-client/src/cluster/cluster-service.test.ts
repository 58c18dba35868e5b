import { describe, expect, it } from 'vitest';
import { consoleLogger } from '../logging/logger';
import { ClusterService } from './cluster-service';
import type { Member } from './member';

const member = (uuid: string, port: number): Member => ({
  uuid,
  address: { host: '127.0.0.1', port },
  liteMember: false,
  attributes: {},
  version: { major: 5, minor: 7, patch: 0 },
});
const a = member('a', 5701);
const b = member('b', 5702);
const c = member('c', 5703);

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
});
