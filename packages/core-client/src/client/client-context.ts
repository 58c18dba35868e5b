import type { ClientMessage } from '@hz/protocol';
import type { IdentifiedDataSerializableFactory } from '@hz/serialization';
import type Long from 'long';
import type { ClusterService } from '../cluster/cluster-service';
import type { Member } from '../cluster/member';
import type { PartitionTable } from '../cluster/partition-table';
import type { ResolvedClientConfig } from '../config/resolve-config';
import type { ServerErrorFactory } from '../errors/server-error';
import type { InvocationService } from '../invocation/invocation-service';
import type { LifecycleService } from '../lifecycle/lifecycle-service';
import type { LifecycleState } from '../lifecycle/lifecycle-state';
import type { ListenerService, ListenerSpec } from '../listener/listener-service';
import type { Logger } from '../logging/logger';
import type { ConnectionManager } from '../network/connection-manager';
import type { DistributedObject, ProxyManager, ProxyRegistry } from '../proxy/proxy-manager';
import type { MetricsSink } from '../statistics/metrics';
import type { Int64 } from '../util/int64';
import type { ClientPlugin } from './plugins';

/** A serialized value as it travels in codecs: the full Data bytes (header and payload). */
export type DataBytes = Buffer;

/** Per-call options of an invocation. */
export interface InvokeOptions {
  /**
   * Overrides the invocation timeout. Blocking calls (take, lock, acquire) pass `Infinity`: they wait as
   * long as the member makes them wait and are never cut off by `hazelcast.client.invocation.timeout.millis`.
   */
  timeoutMillis?: number;
  /** Gives up waiting for the response: the call rejects with AbortError (the member may still run it). */
  signal?: AbortSignal;
  /**
   * Safe to send twice after a connection loss. Defaults to the request's own flag, which the generated
   * encoders set from the protocol definition.
   */
  retryable?: boolean;
  /**
   * `invokeOnRandomTarget` only: send it to a member that holds data, never to a lite member (the load
   * balancer's `nextDataMember()`; SQL needs this). Without a data member in the cluster any member is used.
   */
  dataMember?: boolean;
}

/** What a plug-in hears about the client and the cluster. Handlers must not throw (errors are logged). */
export interface PluginEvents {
  /** `newHazelcastClient` is about to resolve: the client is connected and knows the members. */
  started: () => void;
  /** The client reconnected to a different cluster (a restart, or another cluster id): server state is gone. */
  clusterChanged: (event: { readonly previousClusterId: string; readonly clusterId: string }) => void;
  memberAdded: (member: Member) => void;
  memberRemoved: (member: Member) => void;
  /** A connection to `memberUuid` joined the pool (its listeners are being registered). */
  connectionAdded: (event: { readonly memberUuid: string }) => void;
  /** The connection to `memberUuid` closed; invocations sent on it were retried or failed. */
  connectionLost: (event: { readonly memberUuid: string; readonly reason: Error }) => void;
  lifecycle: (state: LifecycleState) => void;
  /**
   * Client statistics are being collected (`statistics.enabled`): add this plug-in's metrics to `sink`
   * (the near cache adds its hits, misses, … per map). Runs every statistics period; keep it cheap.
   */
  collectMetrics: (sink: MetricsSink) => void;
}

/** The cluster as a plug-in sees it. */
export interface ClusterView {
  /** Current members, in the cluster's order (the oldest first). */
  getMembers(): Member[];
  getMember(uuid: string): Member | undefined;
  /** The id of the cluster the client is connected to (undefined before the first connection). */
  readonly clusterId: string | undefined;
  /** Members this client has an open connection to right now. */
  connectedMemberUuids(): string[];
  /** The partition count (0 before the first connection). */
  partitionCount(): number;
  /** The member owning `partitionId`, as the members last reported it. */
  partitionOwner(partitionId: number): string | undefined;
}

/**
 * What a plug-in (`@hz/cp`, `@hz/sql`, `@hz/near-cache`, or one of your own) receives: the client's
 * services as interfaces. Reached through `@hz/core-client/plugin`; applications do not need it.
 */
export interface PluginHost {
  readonly config: ResolvedClientConfig;
  readonly logger: Logger;
  /** The uuid this client authenticates with (members know it by this id). */
  readonly clientUuid: string;
  readonly cluster: ClusterView;
  readonly lifecycle: { readonly state: LifecycleState | undefined; isRunning(): boolean };
  /** The per-client proxy cache, also for objects that do not live behind Client.CreateProxy (CP). */
  readonly proxies: ProxyRegistry;

  /** Serializes a value; throws HazelcastSerializationError naming the value's type when it cannot. */
  toData(value: unknown): DataBytes;
  /**
   * Deserializes a value. Compact schemas unknown to this client are fetched from the cluster first, so this
   * is async; values without Compact data resolve in the same tick.
   */
  toObject<T>(data: DataBytes | null): Promise<T | null>;
  /** The partition a serialized key belongs to. */
  partitionIdOf(data: DataBytes): number;

  invokeOnPartition(
    request: ClientMessage,
    partitionId: number,
    options?: InvokeOptions,
  ): Promise<ClientMessage>;
  /** Routed to the owner of the key's partition. */
  invokeOnKey(request: ClientMessage, keyData: DataBytes, options?: InvokeOptions): Promise<ClientMessage>;
  invokeOnMember(request: ClientMessage, memberUuid: string, options?: InvokeOptions): Promise<ClientMessage>;
  /** Any member (the load balancer picks one). */
  invokeOnRandomTarget(request: ClientMessage, options?: InvokeOptions): Promise<ClientMessage>;

  /** Registers a listener on every member (smart) or the one connection; it follows reconnects. */
  registerListener(spec: ListenerSpec): Promise<string>;
  deregisterListener(registrationId: string): Promise<boolean>;

  /** The lock owner id of the current async flow (see LockContext). */
  currentThreadId(): Long;
  /** A 64-bit wire value as this client returns 64-bit results (`int64Type`: bigint or Long). */
  int64(value: Long): Int64;

  /** Subscribes to a client event; returns the function that unsubscribes. */
  on<E extends keyof PluginEvents>(event: E, handler: PluginEvents[E]): () => void;
  /**
   * A step run when the client shuts down: after SHUTTING_DOWN, while connections are still open (so it can
   * still invoke), awaited, and bounded by `hazelcast.client.plugin.shutdown.timeout.millis`; `signal`
   * aborts when the bound passes.
   */
  onShutdown(step: (signal: AbortSignal) => Promise<void>): void;
  /**
   * Wraps the proxies of `serviceName` this client creates from now on; the decorator returns the proxy
   * unchanged for names it does not own.
   */
  decorateProxy(serviceName: string, decorator: (proxy: DistributedObject) => DistributedObject): void;
  /** Maps a member error code onto a client error class (e.g. CP's session errors). */
  registerServerError(errorCode: number, factory: ServerErrorFactory): void;
}

/**
 * Package-internal: the host plus the services the core's own proxies and tests reach into. Never exported from a
 * package entry point's types except through `@hz/core-client/plugin`'s `clientContext` for tests.
 */
export interface ClientContext extends PluginHost {
  readonly clusterService: ClusterService;
  readonly partitions: PartitionTable;
  readonly connections: ConnectionManager;
  readonly invocations: InvocationService;
  readonly listeners: ListenerService;
  readonly proxyManager: ProxyManager;
  readonly lifecycleService: LifecycleService;
  /** Adds IdentifiedDataSerializable factories for ids without one (query results, on first use). */
  addDataSerializableFactories(factories: Record<number, IdentifiedDataSerializableFactory>): void;
  /** Sets `plugin` up for this client once; returns its per-client state. */
  attachPlugin<S>(plugin: ClientPlugin<S>): S;
}
