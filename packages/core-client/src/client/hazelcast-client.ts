import { type ClientMessage, FrameFlags, uuidToString } from '@hz/protocol';
import {
  ClientAddClusterViewListenerCodec,
  ClientLocalBackupListenerCodec,
  ClientPingCodec,
} from '@hz/protocol/codecs/client';
import { HeapData, SchemaRegistry, SerializationService } from '@hz/serialization';
import { ClusterService } from '../cluster/cluster-service';
import type { Member } from '../cluster/member';
import { type PartitionService, partitionService } from '../cluster/partition-service';
import { PartitionTable } from '../cluster/partition-table';
import type { ClientConfig } from '../config/client-config';
import { type ResolvedClientConfig, resolveClientConfig } from '../config/resolve-config';
import { ClientNotActiveError } from '../errors/hazelcast-error';
import { decodeServerError } from '../errors/server-error';
import type { InvocationOptions } from '../invocation/invocation';
import { InvocationService } from '../invocation/invocation-service';
import { LifecycleService } from '../lifecycle/lifecycle-service';
import { ListenerService } from '../listener/listener-service';
import { consoleLogger, type Logger } from '../logging/logger';
import type { Connection } from '../network/connection';
import { ConnectionManager } from '../network/connection-manager';
import type { DistributedObject } from '../proxy/proxy-manager';
import { ProxyManager } from '../proxy/proxy-manager';
import { queryResultFactories } from '../query/query-results';
import type { Address } from '../util/address';
import type { ClientContext, DataBytes } from './client-context';
import {
  addDistributedObjectListener,
  type DistributedObjectListener,
  getDistributedObjects,
} from './distributed-objects';
import { SchemaReplication } from './schema-replication';

/**
 * The client. Create it with `HazelcastClient.newHazelcastClient(config)`, reach data structures with the
 * free functions (`getMap(client, name)`), and `shutdown()` it when done.
 */
export class HazelcastClient {
  readonly #config: ResolvedClientConfig;
  readonly #context: ClientContext;
  readonly #logger: Logger;
  readonly #lifecycle: LifecycleService;
  readonly #cluster: ClusterService;
  readonly #connections: ConnectionManager;
  readonly #invocations: InvocationService;
  readonly #schemaReplication: SchemaReplication;
  #clusterViewConnection: Connection | undefined;
  #shutdownPromise: Promise<void> | undefined;

  private constructor(config: ResolvedClientConfig) {
    this.#config = config;
    this.#logger =
      config.customLogger ?? consoleLogger(config.properties['hazelcast.logging.level'] as 'INFO');
    this.#lifecycle = new LifecycleService(this.#logger, config.lifecycleListeners);
    this.#cluster = new ClusterService(this.#logger);
    for (const listener of config.membershipListeners) this.#cluster.addMembershipListener(listener);
    const partitions = new PartitionTable();
    const schemas = new SchemaRegistry();
    // Query results (distinct sets, maxBy/minBy entries) come back as Java IDS objects: read them always.
    const serialization = new SerializationService(
      {
        ...config.serialization,
        dataSerializableFactories: {
          ...queryResultFactories(),
          ...config.serialization.dataSerializableFactories,
        },
      },
      schemas,
    );
    const replication = new SchemaReplication(schemas, () => this.#context);
    this.#schemaReplication = replication;
    /** Invocations wait for new Compact schemas to reach the cluster before their data does. */
    const invoke = (request: ClientMessage, options: InvocationOptions): Promise<ClientMessage> => {
      const gate = replication.gate;
      return gate
        ? gate.then(() => invocations.invoke(request, options))
        : invocations.invoke(request, options);
    };
    const smart = config.network.smartRouting;
    const partitionIdOf = (data: DataBytes) =>
      partitions.partitionIdForHash(new HeapData(data).getPartitionHash());

    this.#connections = new ConnectionManager(config, this.#logger, {
      onMessage: (message) => this.#onMessage(message),
      onConnectionAdded: (connection, clusterChanged) => this.#onConnectionAdded(connection, clusterChanged),
      onConnectionRemoved: (connection, reason) => {
        this.#invocations.connectionClosed(connection, reason);
        listeners.connectionRemoved(connection);
        if (connection === this.#clusterViewConnection) {
          this.#clusterViewConnection = undefined;
          const next = this.#connections.activeConnections[0];
          if (next) this.#listenToClusterView(next);
        }
      },
      onConnected: () => this.#lifecycle.emit('CONNECTED'),
      onDisconnected: () => this.#lifecycle.emit('DISCONNECTED'),
      onGiveUp: (reason) => {
        this.#logger.error('HazelcastClient', `giving up on the cluster: ${reason.message}`);
        void this.shutdown();
      },
      onPartitionCount: (count) => partitions.setPartitionCount(count),
      members: () =>
        this.#cluster
          .getMembers()
          .map((m) => ({ uuid: m.uuid, address: `${m.address.host}:${m.address.port}` })),
      memberAddress: (uuid) => this.#cluster.getMember(uuid)?.address,
      decodeError: (message) => decodeServerError(message).error,
      ping: (connection) => {
        this.#invocations
          .invoke(ClientPingCodec.encodeRequest(), {
            target: { kind: 'connection', connection },
            readOnly: true,
          })
          .catch(() => {});
      },
    });

    this.#invocations = new InvocationService({
      routing: {
        get state() {
          return connections.state;
        },
        connectionForPartition: (partitionId) => {
          if (!smart) return undefined;
          const owner = partitions.owner(partitionId);
          return owner ? connections.connectionForMember(owner) : undefined;
        },
        connectionForMember: (uuid) => connections.connectionForMember(uuid),
        anyConnection: () => connections.anyConnection(),
      },
      decodeError: decodeServerError,
      logger: this.#logger,
      invocationTimeoutMillis: config.properties['hazelcast.client.invocation.timeout.millis'],
      retryPauseMillis: config.properties['hazelcast.client.invocation.retry.pause.millis'],
      backupTimeoutMillis: config.properties['hazelcast.client.operation.backup.timeout.millis'],
      failOnIndeterminateState: config.properties['hazelcast.client.operation.fail.on.indeterminate.state'],
      maxConcurrentInvocations: config.properties['hazelcast.client.max.concurrent.invocations'],
      cleanResourcesMillis: config.properties['hazelcast.client.internal.clean.resources.millis'],
      redoOperation: config.network.redoOperation,
      markBackupAware:
        smart && config.backupAckToClientEnabled
          ? (request) => request.setInitialFlag(FrameFlags.BACKUP_AWARE)
          : undefined,
    });
    const connections = this.#connections;
    const invocations = this.#invocations;

    const listeners = new ListenerService(
      {
        smart,
        connections: () => connections.activeConnections,
        invokeOnConnection: (connection, request, eventHandler) =>
          invocations.invoke(request, {
            target: { kind: 'connection', connection },
            eventHandler,
            readOnly: true,
          }),
      },
      this.#logger,
    );
    const proxies = new ProxyManager(() => this.#context);

    this.#context = {
      config,
      logger: this.#logger,
      lifecycle: this.#lifecycle,
      cluster: this.#cluster,
      partitions,
      connections,
      invocations,
      listeners,
      proxies,
      toData: (value) => {
        const data = serialization.toData(value);
        replication.afterWrite();
        return data.toBuffer();
      },
      toObject: <T>(data: DataBytes | null): Promise<T | null> =>
        data === null
          ? Promise.resolve(null)
          : replication.read(() => serialization.toObject<T>(new HeapData(data))),
      partitionIdOf,
      invokeOnPartition: (request, partitionId, readOnly = false) => {
        request.partitionId = partitionId;
        return invoke(request, { target: { kind: 'partition', partitionId }, readOnly });
      },
      invokeOnKey: (request, keyData, readOnly = false, timeoutMillis) => {
        const partitionId = partitionIdOf(keyData);
        request.partitionId = partitionId;
        return invoke(request, { target: { kind: 'partition', partitionId }, readOnly, timeoutMillis });
      },
      invokeOnRandomTarget: (request, readOnly = false) =>
        invoke(request, { target: { kind: 'any' }, readOnly }),
      invokeOnMember: (request, uuid, readOnly = false) =>
        invoke(request, { target: { kind: 'member', uuid }, readOnly }),
    };
  }

  /** Creates a client and, unless `connectionStrategy.asyncStart` is set, resolves once it is connected. */
  static async newHazelcastClient(config?: ClientConfig): Promise<HazelcastClient> {
    const client = new HazelcastClient(resolveClientConfig(config));
    await client.#start();
    return client;
  }

  getName(): string {
    return this.#config.instanceName;
  }

  getLifecycleService(): LifecycleService {
    return this.#lifecycle;
  }

  getCluster(): ClusterService {
    return this.#cluster;
  }

  getPartitionService(): PartitionService {
    return partitionService(this.#context);
  }

  /** Every distributed object in the cluster (maps, queues, …), as proxies of this client. */
  getDistributedObjects(): Promise<DistributedObject[]> {
    return getDistributedObjects(this.#context);
  }

  /** Tells `listener` about every object created or destroyed in the cluster; returns the registration id. */
  addDistributedObjectListener(listener: DistributedObjectListener): Promise<string> {
    return addDistributedObjectListener(this.#context, listener);
  }

  removeDistributedObjectListener(registrationId: string): Promise<boolean> {
    return this.#context.listeners.deregisterListener(registrationId);
  }

  /** @internal Used by proxies and feature packages through `@hz/core-client/plugin`. */
  get context(): ClientContext {
    return this.#context;
  }

  /** Closes every connection and fails every pending operation with ClientNotActiveError. Idempotent. */
  shutdown(): Promise<void> {
    this.#shutdownPromise ??= (async () => {
      this.#lifecycle.emit('SHUTTING_DOWN');
      this.#invocations.shutdown();
      this.#connections.shutdown();
      this.#lifecycle.emit('SHUTDOWN');
    })();
    return this.#shutdownPromise;
  }

  async #start(): Promise<void> {
    // Same order as the Java client: the client is STARTED before it is CONNECTED.
    this.#lifecycle.emit('STARTING');
    this.#lifecycle.emit('STARTED');
    const started = this.#connections.start();
    if (this.#config.connectionStrategy.asyncStart) {
      started.catch((error: Error) => {
        this.#logger.error('HazelcastClient', `could not connect to the cluster: ${error.message}`);
        void this.shutdown();
      });
      return;
    }
    try {
      await started;
      await this.#untilShutdown(this.#cluster.whenInitialized(), 'before the first member list arrived');
      // Like the Java client, a smart client starts with a connection to every member it can reach.
      await this.#connections.connectToAllMembers();
    } catch (error) {
      await this.shutdown();
      throw error;
    }
  }

  /** `promise`, unless the client shuts down first (e.g. it gave up reconnecting): then a clear rejection. */
  #untilShutdown<T>(promise: Promise<T>, when: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = this.#lifecycle.addLifecycleListener((state) => {
        if (state !== 'SHUTDOWN') return;
        reject(new ClientNotActiveError(`The client shut down ${when}`));
      });
      promise.then(resolve, reject).finally(() => this.#lifecycle.removeLifecycleListener(id));
    });
  }

  #onMessage(message: ClientMessage): void {
    if (message.isBackupEvent) {
      ClientLocalBackupListenerCodec.handleEvent(message, {
        onBackup: (event) => this.#invocations.backupAcked(event.sourceInvocationCorrelationId.toNumber()),
      });
      return;
    }
    this.#invocations.handleMessage(message);
  }

  #onConnectionAdded(connection: Connection, clusterChanged: boolean): void {
    const context = this.#context;
    if (clusterChanged) {
      this.#logger.info(
        'HazelcastClient',
        `connected to a new cluster (id ${connection.clusterId}); rebuilding state`,
      );
      context.partitions.reset();
      context.proxies.recreateAll();
      this.#schemaReplication.resendAll();
    }
    if (!this.#clusterViewConnection?.alive) this.#listenToClusterView(connection);
    if (this.#config.network.smartRouting && this.#config.backupAckToClientEnabled) {
      this.#invocations
        .invoke(ClientLocalBackupListenerCodec.encodeRequest(), {
          target: { kind: 'connection', connection },
          readOnly: true,
          eventHandler: (event) => this.#onMessage(event),
        })
        .catch((error: Error) =>
          this.#logger.debug('HazelcastClient', `backup listener on ${connection}: ${error.message}`),
        );
    }
    context.listeners.connectionAdded(connection);
  }

  #listenToClusterView(connection: Connection): void {
    this.#clusterViewConnection = connection;
    let first = true;
    this.#invocations
      .invoke(ClientAddClusterViewListenerCodec.encodeRequest(), {
        target: { kind: 'connection', connection },
        readOnly: true,
        eventHandler: (event) =>
          ClientAddClusterViewListenerCodec.handleEvent(event, {
            onMembersView: ({ version, memberInfos }) => {
              const members: Member[] = memberInfos.flatMap((info) =>
                info.uuid === null
                  ? []
                  : [
                      {
                        uuid: uuidToString(info.uuid),
                        address: { host: info.address.host, port: info.address.port } satisfies Address,
                        liteMember: info.liteMember,
                        attributes: Object.fromEntries(info.attributes),
                        version: {
                          major: info.version.major,
                          minor: info.version.minor,
                          patch: info.version.patch,
                        },
                      },
                    ],
              );
              this.#cluster.apply(version, members, first);
              first = false;
              void this.#connections.connectToAllMembers();
            },
            onPartitionsView: ({ version, partitions }) => {
              this.#context.partitions.apply(
                String(connection.id),
                version,
                partitions.map(([uuid, ids]) => [uuidToString(uuid), ids] as const),
              );
            },
          }),
      })
      .catch((error: Error) => {
        if (!(error instanceof ClientNotActiveError)) {
          this.#logger.warn(
            'HazelcastClient',
            `cluster view listener on ${connection} failed: ${error.message}`,
          );
        }
      });
  }
}
