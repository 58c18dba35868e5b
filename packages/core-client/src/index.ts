// @hz/core-client: connections, cluster view, partitions, invocations, listeners, lifecycle and the AP data
// structures. Data structures are reached through free functions (getMap(client, name)) so a bundle holds
// only the structures it uses.

export type { DistributedObjectEvent, DistributedObjectListener } from './client/distributed-objects';
export { HazelcastClient } from './client/hazelcast-client';
export type { ClientPlugin } from './client/plugins';
export type {
  Cluster,
  Cluster as ClusterService,
  MemberSelector,
  MembershipListenerOptions,
} from './cluster/cluster';
export type {
  InitialMembershipEvent,
  Member,
  MembershipEvent,
  MembershipListener,
  MemberVersion,
} from './cluster/member';
export { MemberSelectors } from './cluster/member-selectors';
export type { PartitionService } from './cluster/partition-service';
export {
  type ItemEvent,
  ItemEventType,
  type ItemListener,
  type ItemListenerOptions,
} from './collection/item-listener';
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
  ResolvedSocketOptions,
  SocketOptions,
} from './config/client-config';
export { LoadBalancerType, ReconnectMode } from './config/client-config';
export { CLIENT_PROPERTIES, type ClientPropertyName } from './config/properties';
export type {
  SecurityConfig,
  StatisticsConfig,
  TokenCredentials,
  TokenProvider,
} from './config/security-config';
export type {
  SocketFactory,
  SocketFactoryRequest,
  SslConfig,
  SslOptions,
  SslOptionsFactory,
} from './config/ssl-config';
export {
  type ConnectionCloseEvent,
  type ConnectionOpenEvent,
  type DiagnosticChannelName,
  DiagnosticChannels,
  type InvocationEndEvent,
  type InvocationErrorEvent,
  type InvocationStartEvent,
  type ReconnectEndEvent,
  type ReconnectStartEvent,
} from './diagnostics/channels';
export * from './errors/hazelcast-error';
export {
  type ExecuteOptions,
  getExecutorService,
  type IExecutorService,
  type MemberResults,
  type MemberTarget,
} from './executor/index';
export { type FlakeIdGenerator, getFlakeIdGenerator } from './flake-id/index';
export type { LifecycleService } from './lifecycle/lifecycle-service';
export { LifecycleState } from './lifecycle/lifecycle-state';
export { getList, type IList } from './list/index';
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
export {
  getMultiMap,
  type MultiMap,
  type MultiMapEntryListener,
  type MultiMapEntryListenerOptions,
  type MultiMapLockOptions,
  type MultiMapTryLockOptions,
} from './multimap/index';
export { getPNCounter, type PNCounter } from './pn-counter/index';
export type { LockOptions, TryLockOptions } from './proxy/key-lock';
export { LockContext } from './proxy/lock-context';
export type { DistributedObject } from './proxy/proxy-manager';
export * from './query/index';
export {
  type BlockingOptions,
  getQueue,
  type IQueue,
  type QueueDrainOptions,
  type QueueOfferOptions,
  type QueuePollOptions,
} from './queue/index';
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
  getReplicatedMap,
  type ReplicatedMap,
  type ReplicatedMapEntryListener,
  type ReplicatedMapEntryListenerOptions,
  type ReplicatedMapPutOptions,
} from './replicatedmap/index';
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
// What a Map user needs of @hz/serialization, from this one package (see serialization-exports.ts).
export * from './serialization-exports';
export { getSet, type ISet } from './set/index';
export { getTopic, type ITopic, type Message, type MessageListener } from './topic/index';
export {
  newTransaction,
  runInTransaction,
  type Transaction,
  type TransactionalList,
  type TransactionalMap,
  type TransactionalMapPutOptions,
  type TransactionalMultiMap,
  type TransactionalObject,
  type TransactionalQueue,
  type TransactionalQueueWaitOptions,
  type TransactionalSet,
  type TransactionOptions,
  TransactionState,
  TransactionType,
} from './transaction/index';
export type { Address } from './util/address';
export { type HazelcastTypes, type Int64, type Int64Input, type Int64Type, int64Arg } from './util/int64';
export {
  AbstractLoadBalancer,
  type LoadBalancer,
  randomLoadBalancer,
  roundRobinLoadBalancer,
} from './util/load-balancer';
