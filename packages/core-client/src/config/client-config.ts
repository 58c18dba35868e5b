// The client config types are derived from the option table in resolve-config.ts (one source for types,
// defaults, key lists and choices); this module names them and holds the choice constants.
export type {
  ClientConfig,
  ClientNetworkConfig,
  ConnectionRetryConfig,
  ConnectionStrategyConfig,
  FlakeIdGeneratorConfig,
  LoadBalancerConfig,
  ReliableTopicConfig,
  ResolvedClientConfig,
  ResolvedSocketOptions,
  SocketOptions,
} from './resolve-config';

import type { MembershipListener } from '../cluster/member';

export const ReconnectMode = { ON: 'ON', OFF: 'OFF', ASYNC: 'ASYNC' } as const;
export type ReconnectMode = (typeof ReconnectMode)[keyof typeof ReconnectMode];

export const LoadBalancerType = { ROUND_ROBIN: 'ROUND_ROBIN', RANDOM: 'RANDOM' } as const;
export type LoadBalancerType = (typeof LoadBalancerType)[keyof typeof LoadBalancerType];

/** A membership listener given in the config (registered before the client connects). */
export type MembershipListenerConfig = Pick<MembershipListener, 'memberAdded' | 'memberRemoved'>;
