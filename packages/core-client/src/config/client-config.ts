import type { SerializationConfig } from '@hz/serialization';
import type { MembershipEvent } from '../cluster/member';
import type { LifecycleState } from '../lifecycle/lifecycle-state';
import type { Logger } from '../logging/logger';
import type { LoadBalancer } from '../util/load-balancer';

/**
 * Client configuration, with the shape and defaults of the official Node.js client's `ClientConfig`, so an
 * application moves over with import changes only. Every field is optional; durations are milliseconds.
 */
export interface ClientConfig {
  /** Name of the cluster to join; members refuse clients with another name. Default `'dev'`. */
  clusterName?: string;
  /** Name of this client instance, shown in Management Center. Default `hz.client_<n>`. */
  instanceName?: string;
  /** Labels sent to the cluster on authentication. */
  clientLabels?: string[];
  network?: ClientNetworkConfig;
  connectionStrategy?: ConnectionStrategyConfig;
  loadBalancer?: LoadBalancerConfig;
  /** Passed to @hz/serialization, which validates it (unknown options are errors there too). */
  serialization?: SerializationConfig;
  /** Members send backup acks straight to the client (smart routing only). Default true. */
  backupAckToClientEnabled?: boolean;
  /** Tuning properties, keyed by their `hazelcast.client.*` names (see `CLIENT_PROPERTIES`). */
  properties?: Record<string, string | number | boolean>;
  lifecycleListeners?: Array<(state: LifecycleState) => void>;
  membershipListeners?: MembershipListenerConfig[];
  customLogger?: Logger;
  /** Credentials for members with security enabled (Enterprise); Community members refuse any. */
  security?: ClientSecurityConfig;
}

export interface ClientSecurityConfig {
  usernamePassword?: { username: string; password: string };
}

export interface ClientNetworkConfig {
  /** `host` or `host:port`; a host without a port tries 5701, 5702 and 5703. Default `['127.0.0.1']`. */
  clusterMembers?: string[];
  /** Connect to every member and send keyed operations to the partition owner. Default true. */
  smartRouting?: boolean;
  /** Retry non-read-only operations after a connection loss too (they may run twice). Default false. */
  redoOperation?: boolean;
  /** TCP connect plus authentication timeout per attempt. Default 5000; 0 means no timeout. */
  connectionTimeout?: number;
}

export const ReconnectMode = { ON: 'ON', OFF: 'OFF', ASYNC: 'ASYNC' } as const;
export type ReconnectMode = (typeof ReconnectMode)[keyof typeof ReconnectMode];

export interface ConnectionStrategyConfig {
  /** Resolve `newHazelcastClient` before the cluster is reached; operations fail with ClientOfflineError until then. */
  asyncStart?: boolean;
  /** ON: wait and reconnect; ASYNC: fail fast with ClientOfflineError while reconnecting; OFF: shut down. */
  reconnectMode?: ReconnectMode;
  connectionRetry?: ConnectionRetryConfig;
}

export interface ConnectionRetryConfig {
  initialBackoffMillis?: number;
  maxBackoffMillis?: number;
  multiplier?: number;
  /** Random spread of each backoff, in [0, 1]. */
  jitter?: number;
  /** Give up connecting after this long; -1 retries forever. */
  clusterConnectTimeoutMillis?: number;
}

export const LoadBalancerType = { ROUND_ROBIN: 'ROUND_ROBIN', RANDOM: 'RANDOM' } as const;
export type LoadBalancerType = (typeof LoadBalancerType)[keyof typeof LoadBalancerType];

export interface LoadBalancerConfig {
  type?: LoadBalancerType;
  customLoadBalancer?: LoadBalancer;
}

export interface MembershipListenerConfig {
  memberAdded?: (event: MembershipEvent) => void;
  memberRemoved?: (event: MembershipEvent) => void;
}
