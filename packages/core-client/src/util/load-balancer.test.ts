import { describe, expect, it } from 'vitest';
import { ClusterService } from '../cluster/cluster-service';
import type { Member } from '../cluster/member';
import { consoleLogger } from '../logging/logger';
import { AbstractLoadBalancer, randomLoadBalancer, roundRobinLoadBalancer } from './load-balancer';

const member = (uuid: string, liteMember = false): Member => ({
  uuid,
  address: { host: '127.0.0.1', port: 5701 },
  liteMember,
  attributes: {},
  version: { major: 5, minor: 7, patch: 0 },
});

function clusterOf(...members: Member[]): ClusterService {
  const cluster = new ClusterService(consoleLogger('OFF'));
  cluster.apply(1, members);
  return cluster;
}

describe('load balancers', () => {
  it('round-robin picks every member in turn, and only data members for data operations', () => {
    const cluster = clusterOf(member('a'), member('lite', true), member('b'));
    const balancer = roundRobinLoadBalancer();
    balancer.init(cluster);
    const picks = Array.from({ length: 6 }, () => balancer.next()?.uuid);
    // Each member twice, in the cluster's order from wherever the balancer started.
    expect(new Set(picks)).toEqual(new Set(['a', 'lite', 'b']));
    expect(picks.slice(3)).toEqual(picks.slice(0, 3));
    expect(balancer.canGetNextDataMember?.()).toBe(true);
    const data = Array.from({ length: 4 }, () => balancer.nextDataMember?.()?.uuid);
    expect(new Set(data)).toEqual(new Set(['a', 'b']));
  });

  it('random never picks a lite member for data operations, and follows membership changes', () => {
    const cluster = clusterOf(member('a'), member('lite', true));
    const balancer = randomLoadBalancer();
    balancer.init(cluster);
    for (let i = 0; i < 50; i++) expect(balancer.nextDataMember?.()?.uuid).toBe('a');
    cluster.apply(2, [member('lite', true)]);
    expect(balancer.nextDataMember?.()).toBeNull();
    expect(balancer.next()?.uuid).toBe('lite');
    cluster.apply(3, []);
    expect(balancer.next()).toBeNull();
  });

  it('works before the first member list arrives (init is called before the client connects)', () => {
    const cluster = new ClusterService(consoleLogger('OFF'));
    const balancer = roundRobinLoadBalancer();
    balancer.init(cluster);
    expect(balancer.next()).toBeNull();
    cluster.apply(1, [member('a')]);
    expect(balancer.next()?.uuid).toBe('a');
  });

  it('lets a custom balancer build on AbstractLoadBalancer', () => {
    class Oldest extends AbstractLoadBalancer {
      next() {
        return this.members[0] ?? null;
      }
      nextDataMember() {
        return this.dataMembers[0] ?? null;
      }
    }
    const balancer = new Oldest();
    balancer.init(clusterOf(member('lite', true), member('a')));
    expect(balancer.next()?.uuid).toBe('lite');
    expect(balancer.nextDataMember()?.uuid).toBe('a');
  });
});
