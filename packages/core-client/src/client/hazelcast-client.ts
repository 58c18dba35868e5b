import {
  ClientAddClusterViewListenerCodec,
  ClientLocalBackupListenerCodec,
  type ClientMessage,
  ClientPingCodec,
  FrameFlags,
  uuidToString,
} from '@hz/protocol';
import { HeapData, SerializationService, TypeId } from '@hz/serialization';
import type { Cluster } from '../cluster/cluster';
import { ClusterService } from '../cluster/cluster-service';
import type { Member } from '../cluster/member';
import { type PartitionService, partitionService } from '../cluster/partition-service';
import { PartitionTable } from '../cluster/partition-table';
import type { ClientConfig } from '../config/client-config';
import { type ResolvedClientConfig, resolveClientConfig } from '../config/resolve-config';
import {
  AuthenticationError,
  ClientNotActiveError,
  IllegalStateError,
  InvalidConfigurationError,
} from '../errors/hazelcast-error';
import { ServerErrorTable } from '../errors/server-error';
import type { InvocationOptions, InvocationTarget } from '../invocation/invocation';
import { InvocationService } from '../invocation/invocation-service';
import { LifecycleService } from '../lifecycle/lifecycle-service';
import { LifecycleState } from '../lifecycle/lifecycle-state';
import { ListenerService } from '../listener/listener-service';
import { consoleLogger, type Logger } from '../logging/logger';
import type { Connection } from '../network/connection';
import { CLIENT_TYPE, CLIENT_VERSION, ConnectionManager } from '../network/connection-manager';
import { currentThreadId } from '../proxy/lock-context';
import { type DistributedObject, ProxyManager } from '../proxy/proxy-manager';
import type { StatisticsHost, StatisticsService } from '../statistics/statistics-service';
import type { Address } from '../util/address';
import { int64Result } from '../util/int64';
import { optionalFeatures } from '../util/optional-features';
import type { ClientContext, DataBytes, InvokeOptions, PluginHost } from './client-context';
import type { ClientSerializationFormat, FormatClientSupport } from './compact-support';
import { registerContext } from './context-of';
import {
  addDistributedObjectListener,
  type DistributedObjectListener,
  getDistributedObjects,
} from './distributed-objects';
import { type ClientPlugin, PluginEventHub } from './plugins';

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
  /** Compact's schema replication, when the program registered Compact. */
  readonly #formatSupport: FormatClientSupport | undefined;
  readonly #events: PluginEventHub;
  readonly #plugins = new Map<string, { plugin: ClientPlugin<unknown>; state: unknown }>();
  readonly #shutdownSteps: Array<(signal: AbortSignal) => Promise<void>> = [];
  #clusterViewConnection: Connection | undefined;
  #shutdownPromise: Promise<void> | undefined;
  /** Client statistics (`statistics.enabled`): loaded and started once the client has started. */
  readonly #statisticsHost: StatisticsHost | undefined;
  #statistics: StatisticsService | undefined;
  /** Loaded at start when statistics are enabled (see util/optional-features). */
  #statisticsService: (new (host: StatisticsHost) => StatisticsService) | undefined;

  private constructor(config: ResolvedClientConfig) {
    this.#config = config;
    this.#logger =
      config.customLogger ?? consoleLogger(config.properties['hazelcast.logging.level'] as 'INFO');
    const logger = this.#logger;
    this.#events = new PluginEventHub((event, error) =>
      logger.warn('HazelcastClient', `a plug-in's ${event} handler threw`, error),
    );
    this.#lifecycle = new LifecycleService(this.#logger, [
      ...config.lifecycleListeners,
      (state) => this.#events.emit('lifecycle', state),
    ]);
    this.#cluster = new ClusterService(this.#logger);
    for (const listener of config.membershipListeners) this.#cluster.addListener(listener);
    this.#cluster.addListener({
      memberAdded: ({ member }) => this.#events.emit('memberAdded', member),
      memberRemoved: ({ member }) => this.#events.emit('memberRemoved', member),
    });
    // The seeds' contract: the balancer gets the cluster once, before the client connects.
    config.loadBalancer.init(this.#cluster);
    const partitions = new PartitionTable();
    const serialization = serializationService(config.serialization);
    let support: FormatClientSupport | undefined;
    for (const format of config.serialization.formats ?? []) {
      const client = (format as Partial<ClientSerializationFormat>).client;
      if (client) support = client(serialization, () => this.#context);
      else if (format.name === 'Compact') {
        throw new InvalidConfigurationError(
          "serialization.formats: use compactSerialization from '@hz/core-client' (the one from " +
            "'@hz/serialization' cannot send Compact schemas to the cluster)",
        );
      }
    }
    this.#formatSupport = support;
    const serverErrors = new ServerErrorTable();
    const smart = config.network.smartRouting;
    const partitionIdOf = (data: DataBytes) =>
      partitions.partitionIdForHash(new HeapData(data).getPartitionHash());

    this.#connections = new ConnectionManager(config, this.#logger, {
      onMessage: (message) => this.#onMessage(message),
      onConnectionAdded: (connection, clusterChanged, previous) =>
        this.#onConnectionAdded(connection, clusterChanged, previous),
      prepareConnection: (connection) => this.#prepareConnection(connection),
      onConnectionClosed: (connection, reason) => this.#invocations.connectionClosed(connection, reason),
      onConnectionRemoved: (connection, reason) => {
        listeners.connectionRemoved(connection);
        if (connection === this.#clusterViewConnection) {
          this.#clusterViewConnection = undefined;
          const next = this.#connections.activeConnections[0];
          if (next) this.#listenToClusterView(next);
        }
        // Closing connections at shutdown is not a loss a plug-in must react to.
        if (connection.memberUuid && !this.#shutdownPromise) {
          this.#events.emit('connectionLost', { memberUuid: connection.memberUuid, reason });
        }
      },
      onConnected: () => this.#lifecycle.emit('CONNECTED'),
      onDisconnected: () => this.#lifecycle.emit('DISCONNECTED'),
      onGiveUp: (reason) => {
        this.#logger.error('HazelcastClient', `giving up on the cluster: ${reason.message}`);
        void this.shutdown();
      },
      onPartitionCount: (count) => partitions.setPartitionCount(count),
      members: () => this.#cluster.memberList,
      memberAddress: (uuid) => this.#cluster.getMember(uuid)?.address,
      decodeError: (message) => serverErrors.decode(message).error,
      credentialsData: (credentials) => {
        const data = serialization.toData(credentials);
        const type = data.getType();
        if (type === TypeId.COMPACT || type === TypeId.COMPACT_WITH_SCHEMA) {
          // The member would need the schema, and schemas can only be sent after authentication.
          throw new AuthenticationError(
            'security.custom is a Compact object; Compact credentials cannot be sent, because the member ' +
              'cannot have their schema before the client has authenticated. Use an IdentifiedDataSerializable ' +
              'or Portable credentials class',
          );
        }
        return data.toBuffer();
      },
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
        // Unisocket: the one connection carries operations for every member; that member runs them on
        // the target (as for partitions).
        connectionForMember: (uuid) =>
          connections.connectionForMember(uuid) ?? (smart ? undefined : connections.anyConnection()),
        anyConnection: (dataMember) => connections.anyConnection(dataMember),
      },
      decodeError: (message) => serverErrors.decode(message),
      logger: this.#logger,
      invocationTimeoutMillis: config.properties['hazelcast.client.invocation.timeout.millis'],
      retryPauseMillis: config.properties['hazelcast.client.invocation.retry.pause.millis'],
      backupTimeoutMillis: config.properties['hazelcast.client.operation.backup.timeout.millis'],
      failOnIndeterminateState: config.properties['hazelcast.client.operation.fail.on.indeterminate.state'],
      maxConcurrentInvocations: config.properties['hazelcast.client.max.concurrent.invocations'],
      cleanResourcesMillis: config.properties['hazelcast.client.internal.clean.resources.millis'],
      redoOperation: config.network.redoOperation,
      clientName: config.instanceName,
      markBackupAware:
        smart && config.backupAckToClientEnabled
          ? (request) => request.setInitialFlag(FrameFlags.BACKUP_AWARE)
          : undefined,
    });
    const connections = this.#connections;
    const invocations = this.#invocations;
    if (config.statistics.enabled) {
      this.#statisticsHost = {
        clientName: config.instanceName,
        clientType: CLIENT_TYPE,
        clientVersion: CLIENT_VERSION,
        periodSeconds: config.statistics.periodSeconds,
        logger: this.#logger,
        connection: () => connections.anyConnection(),
        bytesTransferred: () => connections.bytesTransferred,
        collectPlugins: (sink) => this.#events.emit('collectMetrics', sink),
        send: (connection, request) =>
          invocations.invoke(request, { target: { kind: 'connection', connection } }),
      };
    }

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
    const proxies = new ProxyManager({
      host: () => this.#context,
      logger: this.#logger,
      watchDestroyed: (onDestroyed) =>
        addDistributedObjectListener(this.#context, (event) => {
          if (event.eventType === 'DESTROYED') onDestroyed(event.serviceName, event.name);
        }),
    });

    /** Invocations wait for new Compact schemas to reach the cluster before their data does. */
    const invoke = (
      request: ClientMessage,
      target: InvocationTarget,
      options: InvokeOptions | undefined,
    ): Promise<ClientMessage> => {
      const invocation: InvocationOptions = {
        target,
        readOnly: options?.retryable ?? request.retryable,
        timeoutMillis: options?.timeoutMillis,
        signal: options?.signal,
      };
      const gate = support?.gate;
      return gate
        ? gate.then(() => invocations.invoke(request, invocation))
        : invocations.invoke(request, invocation);
    };
    // One immutable target per partition, made on first use: a key operation allocates none.
    const partitionTargets: InvocationTarget[] = [];
    const partitionTarget = (partitionId: number): InvocationTarget =>
      (partitionTargets[partitionId] ??= { kind: 'partition', partitionId });
    const lifecycle = this.#lifecycle;
    const cluster = this.#cluster;
    const events = this.#events;

    this.#context = {
      config,
      logger: this.#logger,
      clientUuid: uuidToString(connections.clientUuid),
      cluster: {
        getMembers: () => [...cluster.getMembers()],
        getMember: (uuid) => cluster.getMember(uuid),
        get clusterId() {
          return connections.clusterId;
        },
        connectedMemberUuids: () => connections.activeConnections.flatMap((c) => c.memberUuid ?? []),
        partitionCount: () => partitions.partitionCount,
        partitionOwner: (partitionId) => partitions.owner(partitionId),
      },
      lifecycle: {
        get state() {
          return lifecycle.state;
        },
        isRunning: () => lifecycle.isRunning(),
      },
      proxies,
      proxyManager: proxies,
      clusterService: cluster,
      lifecycleService: lifecycle,
      partitions,
      connections,
      invocations,
      listeners,
      addDataSerializableFactories: (factories) => serialization.addDataSerializableFactories(factories),
      toData: (value) => {
        const data = serialization.toData(value);
        support?.afterWrite();
        return data.toBuffer();
      },
      toObject: <T>(data: DataBytes | null): Promise<T | null> => {
        if (data === null) return Promise.resolve(null);
        if (support) return support.read(() => serialization.toObject<T>(new HeapData(data)));
        try {
          return Promise.resolve(serialization.toObject<T>(new HeapData(data)));
        } catch (error) {
          return Promise.reject(error);
        }
      },
      partitionIdOf,
      invokeOnPartition: (request, partitionId, options) => {
        request.partitionId = partitionId;
        return invoke(request, partitionTarget(partitionId), options);
      },
      invokeOnKey: (request, keyData, options) => {
        const partitionId = partitionIdOf(keyData);
        request.partitionId = partitionId;
        return invoke(request, partitionTarget(partitionId), options);
      },
      invokeOnRandomTarget: (request, options) =>
        invoke(request, { kind: 'any', dataMember: options?.dataMember ?? false }, options),
      invokeOnMember: (request, uuid, options) => invoke(request, { kind: 'member', uuid }, options),
      // A listener added after shutdown began would be registered on no member and never fire: refuse it.
      registerListener: (spec) =>
        lifecycle.state === LifecycleState.SHUTTING_DOWN || lifecycle.state === LifecycleState.SHUTDOWN
          ? Promise.reject(new ClientNotActiveError('The client is shut down'))
          : listeners.registerListener(spec),
      deregisterListener: (id) => listeners.deregisterListener(id),
      currentThreadId,
      int64: (value) => int64Result(value, config.int64Type),
      on: (event, handler) => events.on(event, handler),
      onShutdown: (step) => {
        this.#shutdownSteps.push(step);
      },
      decorateProxy: (serviceName, decorator) => proxies.decorate(serviceName, decorator),
      registerServerError: (code, factory) => serverErrors.register(code, factory),
      attachPlugin: <S>(plugin: ClientPlugin<S>): S => this.#attach(plugin),
    };
    registerContext(this, this.#context);
    for (const plugin of config.plugins) this.#attach(plugin);
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

  /** The members, member lookups and membership listeners (the seeds' `cluster_service`). */
  getCluster(): Cluster {
    return this.#cluster;
  }

  getPartitionService(): PartitionService {
    return partitionService(this.#context);
  }

  /**
   * Every distributed object in the cluster, as proxies of this client: of the kind its getter returns for
   * every kind this program has used (getMap, getQueue, …), a plain DistributedObject for the others.
   */
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

  /**
   * Shuts the client down: SHUTTING_DOWN, then the plug-ins' shutdown steps (they can still invoke; bounded
   * by `hazelcast.client.plugin.shutdown.timeout.millis`), then every connection closes and every pending
   * operation fails with ClientNotActiveError (DISCONNECTED), then SHUTDOWN. Idempotent.
   */
  shutdown(): Promise<void> {
    this.#shutdownPromise ??= (async () => {
      const wasConnected = this.#connections.activeConnections.length > 0;
      this.#lifecycle.emit('SHUTTING_DOWN');
      this.#statistics?.stop();
      await this.#runShutdownSteps();
      this.#invocations.shutdown();
      this.#connections.shutdown();
      if (wasConnected) this.#lifecycle.emit('DISCONNECTED');
      this.#lifecycle.emit('SHUTDOWN');
    })();
    return this.#shutdownPromise;
  }

  /** `await using client = await HazelcastClient.newHazelcastClient()` shuts it down at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.shutdown();
  }

  #attach<S>(plugin: ClientPlugin<S>): S {
    const existing = this.#plugins.get(plugin.name);
    if (existing) {
      if (existing.plugin !== plugin && existing.plugin.setup !== plugin.setup) {
        throw new IllegalStateError(
          `Another plug-in named "${plugin.name}" is already set up on this client`,
        );
      }
      return existing.state as S;
    }
    if (this.#shutdownPromise) throw new ClientNotActiveError('The client is shut down');
    const state = plugin.setup(this.#context as PluginHost);
    this.#plugins.set(plugin.name, { plugin: plugin as ClientPlugin<unknown>, state });
    return state;
  }

  async #runShutdownSteps(): Promise<void> {
    if (this.#shutdownSteps.length === 0) return;
    const bound = this.#config.properties['hazelcast.client.plugin.shutdown.timeout.millis'];
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.#logger.warn('HazelcastClient', `plug-in shutdown steps did not finish within ${bound} ms`);
        controller.abort(new ClientNotActiveError('The client shutdown bound passed'));
        resolve();
      }, bound);
    });
    const steps = this.#shutdownSteps.map(async (step) => {
      try {
        await step(controller.signal);
      } catch (error) {
        this.#logger.warn('HazelcastClient', 'a plug-in shutdown step failed', error);
      }
    });
    await Promise.race([Promise.all(steps), expired]);
    clearTimeout(timer);
  }

  async #start(): Promise<void> {
    // Same order as the Java client: the client is STARTED before it is CONNECTED.
    this.#lifecycle.emit('STARTING');
    this.#lifecycle.emit('STARTED');
    if (this.#statisticsHost) {
      // Loaded before connecting, so a program that cannot load it fails at once.
      try {
        this.#statisticsService = (await optionalFeatures('statistics')).StatisticsService;
      } catch (error) {
        await this.shutdown();
        throw error;
      }
    }
    const started = this.#connections.start();
    if (this.#config.connectionStrategy.asyncStart) {
      started.then(
        () => {
          this.#events.emit('started');
          void this.#startStatistics();
        },
        (error: Error) => {
          if (this.#shutdownPromise) return; // shut down by the user while connecting
          this.#logger.error('HazelcastClient', `could not connect to the cluster: ${error.message}`);
          void this.shutdown();
        },
      );
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
    this.#events.emit('started');
    await this.#startStatistics();
  }

  async #startStatistics(): Promise<void> {
    const host = this.#statisticsHost;
    if (!host || this.#statistics || this.#shutdownPromise) return;
    const StatisticsService = this.#statisticsService;
    if (!StatisticsService) return;
    this.#statistics = new StatisticsService(host);
    this.#statistics.start();
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

  #onConnectionAdded(connection: Connection, clusterChanged: boolean, previousClusterId?: string): void {
    const context = this.#context;
    if (clusterChanged) {
      this.#logger.info(
        'HazelcastClient',
        `connected to a new cluster (id ${connection.clusterId}); rebuilding state`,
      );
      context.partitions.reset();
      context.proxyManager.recreateAll();
      this.#formatSupport?.resendAll();
      this.#events.emit('clusterChanged', {
        previousClusterId: previousClusterId ?? '',
        clusterId: connection.clusterId ?? '',
      });
    }
    if (!this.#clusterViewConnection?.alive) this.#listenToClusterView(connection);
    context.listeners.connectionAdded(connection);
    if (connection.memberUuid) this.#events.emit('connectionAdded', { memberUuid: connection.memberUuid });
  }

  /**
   * Before a connection carries invocations, its member must know where to send backup acks: a write whose
   * backup lands on a member without this listener would wait for the backup timeout. So the listener is
   * registered here, before the connection joins the pool (and before newHazelcastClient resolves).
   */
  async #prepareConnection(connection: Connection): Promise<void> {
    if (!this.#config.network.smartRouting || !this.#config.backupAckToClientEnabled) return;
    const timeout = this.#config.network.connectionTimeout;
    await this.#invocations.invoke(ClientLocalBackupListenerCodec.encodeRequest(), {
      target: { kind: 'connection', connection },
      readOnly: true,
      eventHandler: (event) => this.#onMessage(event),
      ...(timeout > 0 ? { timeoutMillis: timeout } : {}),
    });
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

/**
 * The client's serialization service. An invalid `serialization` option is a configuration error like any
 * other (InvalidConfigurationError, its path under `serialization.`), not a serialization error.
 */
function serializationService(config: ResolvedClientConfig['serialization']): SerializationService {
  try {
    return new SerializationService(config);
  } catch (error) {
    const message = (error as Error).message;
    const prefix = 'Invalid serialization config: ';
    if (!message?.startsWith(prefix)) throw error;
    throw new InvalidConfigurationError(
      `Invalid configuration: serialization: ${message.slice(prefix.length)}`,
      {
        cause: error,
      },
    );
  }
}
