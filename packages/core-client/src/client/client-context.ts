import type { ClientMessage } from '@hz/protocol';
import type { ClusterService } from '../cluster/cluster-service';
import type { PartitionTable } from '../cluster/partition-table';
import type { ResolvedClientConfig } from '../config/resolve-config';
import type { InvocationService } from '../invocation/invocation-service';
import type { LifecycleService } from '../lifecycle/lifecycle-service';
import type { ListenerService } from '../listener/listener-service';
import type { Logger } from '../logging/logger';
import type { ConnectionManager } from '../network/connection-manager';
import type { ProxyManager } from '../proxy/proxy-manager';

/** A serialized value as it travels in codecs: the full Data bytes (header and payload). */
export type DataBytes = Buffer;

/**
 * Everything proxies and feature packages (@hz/cp, @hz/sql, @hz/near-cache) build on. Reached through the
 * documented `@hz/core-client/plugin` subpath, never through another package's internals.
 */
export interface ClientContext {
  readonly config: ResolvedClientConfig;
  readonly logger: Logger;
  readonly lifecycle: LifecycleService;
  readonly cluster: ClusterService;
  readonly partitions: PartitionTable;
  readonly connections: ConnectionManager;
  readonly invocations: InvocationService;
  readonly listeners: ListenerService;
  readonly proxies: ProxyManager;

  /** Serializes a value; throws HazelcastSerializationError naming the value's type when it cannot. */
  toData(value: unknown): DataBytes;
  /**
   * Deserializes a value. Compact schemas unknown to this client are fetched from the cluster first, so this
   * is async; values without Compact data resolve in the same tick.
   */
  toObject<T>(data: DataBytes | null): Promise<T | null>;
  /** The partition a serialized key belongs to. */
  partitionIdOf(data: DataBytes): number;

  invokeOnPartition(request: ClientMessage, partitionId: number, readOnly?: boolean): Promise<ClientMessage>;
  /** `timeoutMillis` overrides the invocation timeout (blocking operations such as lock). */
  invokeOnKey(
    request: ClientMessage,
    keyData: DataBytes,
    readOnly?: boolean,
    timeoutMillis?: number,
  ): Promise<ClientMessage>;
  invokeOnRandomTarget(request: ClientMessage, readOnly?: boolean): Promise<ClientMessage>;
  invokeOnMember(request: ClientMessage, memberUuid: string, readOnly?: boolean): Promise<ClientMessage>;
}
