/** The member view a load balancer chooses from (kept minimal so custom balancers are easy to write). */
export interface BalancedMember {
  readonly uuid: string;
  readonly address: string;
}

/**
 * Chooses the member for operations that have no partition (smart routing). `next` receives the current
 * members, so a balancer needs no membership bookkeeping of its own.
 */
export interface LoadBalancer {
  next(members: readonly BalancedMember[]): BalancedMember | undefined;
}

export function roundRobinLoadBalancer(): LoadBalancer {
  let index = Math.floor(Math.random() * 1_000);
  return {
    next(members) {
      if (members.length === 0) return undefined;
      index = (index + 1) % Number.MAX_SAFE_INTEGER;
      return members[index % members.length];
    },
  };
}

export function randomLoadBalancer(): LoadBalancer {
  return {
    next(members) {
      return members.length === 0 ? undefined : members[Math.floor(Math.random() * members.length)];
    },
  };
}
