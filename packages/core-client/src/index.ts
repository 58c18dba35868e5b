// @hz/core-client: connections, cluster view, partitions, invocations, listeners, lifecycle and the AP data
// structures. Data structures are reached through free functions (getMap(client, name)) so a bundle holds
// only the structures it uses.

export type { DistributedObjectEvent, DistributedObjectListener } from './client/distributed-objects';
export { HazelcastClient } from './client/hazelcast-client';
export type { ClientPlugin } from './client/plugins';
export type { ClusterService } from './cluster/cluster-service';
export type { InitialMembershipEvent, Member, MembershipEvent, MembershipListener } from './cluster/member';
export type { PartitionService } from './cluster/partition-service';
export type {
  ClientConfig,
  ClientNetworkConfig,
  ConnectionRetryConfig,
  ConnectionStrategyConfig,
  FlakeIdGeneratorConfig,
  LoadBalancerConfig,
  MembershipListenerConfig,
  ReliableTopicConfig,
  ResolvedClientConfig,
} from './config/client-config';
export { LoadBalancerType, ReconnectMode } from './config/client-config';
export { CLIENT_PROPERTIES, type ClientPropertyName } from './config/properties';
export * from './errors/hazelcast-error';
export { type FlakeIdGenerator, getFlakeIdGenerator } from './flake-id/index';
export type { LifecycleService } from './lifecycle/lifecycle-service';
export { LifecycleState } from './lifecycle/lifecycle-state';
export {
  consoleLogger,
  type Logger,
  LogLevel,
  type LogLevelName,
  type PinoLike,
  pinoLogger,
} from './logging/logger';
export {
  type EntryEvent,
  EntryEventType,
  type EntryListener,
  type EntryListenerOptions,
  type EntryView,
  getMap,
  type IMap,
  type IndexConfig,
  IndexType,
  type MapEvent,
  type MapPutOptions,
  type ServerSideObject,
  UniqueKeyTransformation,
} from './map/index';
export { getPNCounter, type PNCounter } from './pn-counter/index';
export { LockContext } from './proxy/lock-context';
export type { DistributedObject } from './proxy/proxy-manager';
export * from './query/index';
export {
  getReliableTopic,
  type ReliableMessage,
  type ReliableMessageIterator,
  type ReliableMessageListener,
  type ReliableMessagesOptions,
  type ReliablePublishOptions,
  type ReliableTopic,
  TopicOverloadPolicy,
} from './reliable-topic/index';
export {
  getRingbuffer,
  OverflowPolicy,
  type ReadResult,
  RINGBUFFER_MAX_BATCH_SIZE,
  type Ringbuffer,
  type RingbufferAddOptions,
  type RingbufferReadManyOptions,
  type RingbufferReadOneOptions,
} from './ringbuffer/index';
export { getTopic, type ITopic, type Message, type MessageListener } from './topic/index';
export { type HazelcastTypes, type Int64, type Int64Input, type Int64Type, int64Arg } from './util/int64';
export {
  type BalancedMember,
  type LoadBalancer,
  randomLoadBalancer,
  roundRobinLoadBalancer,
} from './util/load-balancer';
