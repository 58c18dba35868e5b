import type { Cluster } from '../cluster/cluster';
import type { Member } from '../cluster/member';

/**
 * Chooses the member for operations that have no partition (smart routing only; a unisocket client sends
 * everything through its one connection). The seeds' interface: `init(cluster)` once when the client is
 * created, then `next()` for any operation and `nextDataMember()` for those that need a member holding data
 * (lite members own no partitions; SQL cannot run on them). Return `null` when no member fits.
 */
export interface LoadBalancer {
  /** Called once, when the client is created (before it connects): keep the cluster to read members from. */
  init(cluster: Cluster): void;
  /** The member for the next operation, or null when there is none. */
  next(): Member | null;
  /** The data member for the next data operation, or null when there is none. */
  nextDataMember?(): Member | null;
  /** Whether `nextDataMember()` is implemented; without it the client picks a data member itself. */
  canGetNextDataMember?(): boolean;
}

/**
 * A base for balancers: keeps the current members and data members (updated by a membership listener
 * registered in `init`), so `next()` and `nextDataMember()` only choose.
 */
export abstract class AbstractLoadBalancer implements LoadBalancer {
  #members: readonly Member[] = [];
  #dataMembers: readonly Member[] = [];

  init(cluster: Cluster): void {
    const refresh = () => {
      this.#members = cluster.getMembers();
      this.#dataMembers = this.#members.filter((member) => !member.liteMember);
    };
    cluster.addListener({ memberAdded: refresh, memberRemoved: refresh });
    refresh();
  }

  /** Every current member, oldest first. */
  protected get members(): readonly Member[] {
    return this.#members;
  }

  /** The current members that are not lite members. */
  protected get dataMembers(): readonly Member[] {
    return this.#dataMembers;
  }

  abstract next(): Member | null;
  abstract nextDataMember(): Member | null;

  canGetNextDataMember(): boolean {
    return true;
  }
}

class RoundRobinLoadBalancer extends AbstractLoadBalancer {
  // Clients start at different members, so many clients do not all hit the oldest member first.
  #index = Math.floor(Math.random() * 1_000);
  #dataIndex = this.#index;

  next(): Member | null {
    const members = this.members;
    if (members.length === 0) return null;
    this.#index = (this.#index + 1) % Number.MAX_SAFE_INTEGER;
    return members[this.#index % members.length] ?? null;
  }

  nextDataMember(): Member | null {
    const members = this.dataMembers;
    if (members.length === 0) return null;
    this.#dataIndex = (this.#dataIndex + 1) % Number.MAX_SAFE_INTEGER;
    return members[this.#dataIndex % members.length] ?? null;
  }
}

class RandomLoadBalancer extends AbstractLoadBalancer {
  next(): Member | null {
    return pickRandom(this.members);
  }

  nextDataMember(): Member | null {
    return pickRandom(this.dataMembers);
  }
}

function pickRandom(members: readonly Member[]): Member | null {
  return members.length === 0 ? null : (members[Math.floor(Math.random() * members.length)] ?? null);
}

/** Each member in turn (the default, `loadBalancer.type: 'ROUND_ROBIN'`); data operations skip lite members. */
export function roundRobinLoadBalancer(): LoadBalancer {
  return new RoundRobinLoadBalancer();
}

/** A random member each time (`loadBalancer.type: 'RANDOM'`); data operations skip lite members. */
export function randomLoadBalancer(): LoadBalancer {
  return new RandomLoadBalancer();
}
