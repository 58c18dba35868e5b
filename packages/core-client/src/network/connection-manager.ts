import type { ClientMessage } from '@hz/protocol';
import { HazelcastProtocolError, randomUuid, type Uuid, uuidToString } from '@hz/protocol';
import { ClientAuthenticationCodec } from '@hz/protocol/codecs/client';
import type { ResolvedClientConfig } from '../config/resolve-config';
import {
  AuthenticationError,
  ClientNotActiveError,
  IllegalStateError,
  TargetDisconnectedError,
} from '../errors/hazelcast-error';
import type { InvocationRouting } from '../invocation/invocation-service';
import type { Logger } from '../logging/logger';
import { type Address, addressKey, candidateAddresses } from '../util/address';
import { Backoff } from '../util/backoff';
import type { BalancedMember } from '../util/load-balancer';
import { Connection } from './connection';
import { heartbeatVerdict } from './heartbeat';

/** Authentication status codes of Client.Authentication responses. */
const AuthenticationStatus = {
  AUTHENTICATED: 0,
  CREDENTIALS_FAILED: 1,
  SERIALIZATION_VERSION_MISMATCH: 2,
  NOT_ALLOWED_IN_CLUSTER: 3,
} as const;

/** Routing modes of protocol 2.8+ authentication. */
const RoutingMode = { UNISOCKET: 0, SMART: 1 } as const;

const CLIENT_TYPE = 'HZTS';
const CLIENT_VERSION = '5.7.0';
const SERIALIZATION_VERSION = 1;

export interface ConnectionManagerHooks {
  /** Invocation service hook: every message read from a connection. */
  onMessage(message: ClientMessage, connection: Connection): void;
  /** An authenticated connection joined the pool; `clusterChanged` on the first connection to a new cluster id. */
  onConnectionAdded(connection: Connection, clusterChanged: boolean): void;
  /**
   * Runs on an authenticated connection before it joins the pool, so nothing is routed to it until it
   * resolves (the client registers the backup-ack listener here). A rejection closes the connection.
   */
  prepareConnection(connection: Connection): Promise<void>;
  /** A pooled connection left the pool. */
  onConnectionRemoved(connection: Connection, reason: Error): void;
  /** Any connection closed, pooled or not (invocations sent on it must be settled). */
  onConnectionClosed(connection: Connection, reason: Error): void;
  /** The last connection closed (DISCONNECTED) / the first one opened (CONNECTED). */
  onDisconnected(): void;
  onConnected(): void;
  /** Reconnect mode OFF, or the reconnect gave up: the client must shut down. */
  onGiveUp(reason: Error): void;
  /** Authenticated with partitionCount; false if it differs from the known one. */
  onPartitionCount(count: number): boolean;
  members(): readonly BalancedMember[];
  memberAddress(uuid: string): Address | undefined;
  /** Turns an error response (e.g. to authentication) into the error to report. */
  decodeError(message: ClientMessage): Error;
  /** Sends a heartbeat ping on an idle connection. */
  ping(connection: Connection): void;
}

/**
 * Owns the connections to members: the first connection (with backoff over the configured addresses), a
 * connection to every member in smart mode, heartbeats, and reconnection after the cluster is lost.
 */
export class ConnectionManager {
  readonly clientUuid: Uuid = randomUuid();
  readonly #config: ResolvedClientConfig;
  readonly #logger: Logger;
  readonly #hooks: ConnectionManagerHooks;
  readonly #byMember = new Map<string, Connection>();
  readonly #connecting = new Map<string, Promise<Connection | undefined>>();
  #clusterId: string | undefined;
  #state: InvocationRouting['state'] = 'reconnecting';
  #heartbeat: NodeJS.Timeout | undefined;
  #memberConnector: NodeJS.Timeout | undefined;
  #reconnecting: Promise<void> | undefined;
  #shutdown = false;
  /** Aborted at shutdown: cancels connect attempts and backoff waits, so nothing keeps the process alive. */
  readonly #stopping = new AbortController();
  /** Connections opened but not (yet) in the pool: authenticating or being prepared. */
  readonly #unpooled = new Set<Connection>();

  constructor(config: ResolvedClientConfig, logger: Logger, hooks: ConnectionManagerHooks) {
    this.#config = config;
    this.#logger = logger;
    this.#hooks = hooks;
    if (config.connectionStrategy.asyncStart) this.#state = 'offline';
  }

  get state(): InvocationRouting['state'] {
    return this.#state;
  }

  get clusterId(): string | undefined {
    return this.#clusterId;
  }

  get activeConnections(): Connection[] {
    return [...this.#byMember.values()];
  }

  /** Connects to the cluster; with asyncStart the caller does not await this. */
  async start(): Promise<void> {
    await this.#connectToCluster();
    this.#startHeartbeat();
    if (this.#config.network.smartRouting) this.#startMemberConnector();
  }

  /** Closes every connection, pooled or not, and cancels every timer and connect attempt it owns. */
  shutdown(): void {
    this.#shutdown = true;
    this.#state = 'shutdown';
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    if (this.#memberConnector) clearInterval(this.#memberConnector);
    this.#stopping.abort(new ClientNotActiveError('The client is shutting down'));
    const reason = new ClientNotActiveError('The client is shutting down');
    for (const connection of [...this.#byMember.values(), ...this.#unpooled]) connection.close(reason);
    this.#byMember.clear();
    this.#unpooled.clear();
  }

  connectionForMember(uuid: string): Connection | undefined {
    const connection = this.#byMember.get(uuid);
    return connection?.alive ? connection : undefined;
  }

  anyConnection(): Connection | undefined {
    if (this.#config.network.smartRouting) {
      const member = this.#config.loadBalancer.next(this.#hooks.members());
      const connection = member && this.connectionForMember(member.uuid);
      if (connection) return connection;
    }
    for (const connection of this.#byMember.values()) if (connection.alive) return connection;
    return undefined;
  }

  /** Opens connections to members without one (smart routing); idempotent per member. */
  connectToMember(uuid: string, address: Address): Promise<Connection | undefined> {
    const existing = this.connectionForMember(uuid);
    if (existing) return Promise.resolve(existing);
    const key = addressKey(address);
    let pending = this.#connecting.get(key);
    if (!pending) {
      pending = this.#openAuthenticated(address)
        .catch((error: Error) => {
          this.#logger.debug('ConnectionManager', `could not connect to member ${key}: ${error.message}`);
          return undefined;
        })
        .finally(() => this.#connecting.delete(key));
      this.#connecting.set(key, pending);
    }
    return pending;
  }

  async #connectToCluster(): Promise<void> {
    const retry = this.#config.connectionStrategy.connectionRetry;
    const backoff = new Backoff(retry);
    backoff.reset(Date.now());
    for (;;) {
      if (this.#shutdown) throw new ClientNotActiveError('The client was shut down while connecting');
      for (const address of this.#initialAddresses()) {
        if (this.#shutdown) throw new ClientNotActiveError('The client was shut down while connecting');
        try {
          await this.#openAuthenticated(address);
          return;
        } catch (error) {
          if (error instanceof AuthenticationError) throw error;
          this.#logger.debug(
            'ConnectionManager',
            `could not connect to ${addressKey(address)}: ${(error as Error).message}`,
          );
        }
      }
      const delay = backoff.nextDelay(Date.now());
      if (delay === undefined) {
        throw new IllegalStateError(
          `Unable to connect to any cluster member within ${retry.clusterConnectTimeoutMillis} ms ` +
            `(tried ${this.#config.network.clusterMembers.join(', ')}; cluster name "${this.#config.clusterName}")`,
        );
      }
      this.#logger.info(
        'ConnectionManager',
        `unable to connect to the cluster; attempt ${backoff.attempt}, retrying in ${Math.round(delay)} ms`,
      );
      await abortableDelay(delay, this.#stopping.signal);
    }
  }

  /** Known members first (after a disconnect), then the configured addresses, shuffled if so configured. */
  #initialAddresses(): Address[] {
    const configured = this.#config.network.clusterMembers.flatMap(candidateAddresses);
    if (this.#config.properties['hazelcast.client.shuffle.member.list']) shuffle(configured);
    const known = this.#hooks.members().flatMap((m) => {
      const address = this.#hooks.memberAddress(m.uuid);
      return address ? [address] : [];
    });
    const seen = new Set<string>();
    return [...known, ...configured].filter((a) => {
      const key = addressKey(a);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  async #openAuthenticated(address: Address): Promise<Connection> {
    if (this.#shutdown) throw new ClientNotActiveError('The client was shut down while connecting');
    const connection = await Connection.open(
      address,
      {
        connectTimeoutMillis: this.#config.network.connectionTimeout,
        noDelay: this.#config.properties['hazelcast.client.socket.no.delay'],
        coalescingThresholdBytes: this.#config.properties['hazelcast.client.autopipelining.threshold.bytes'],
        coalesce: this.#config.properties['hazelcast.client.autopipelining.enabled'],
        signal: this.#stopping.signal,
      },
      {
        onMessage: (message, from) => this.#onMessage(message, from),
        onClose: (closed, reason) => this.#onClose(closed, reason),
      },
    );
    this.#unpooled.add(connection);
    try {
      const response = await this.#authenticate(connection);
      this.#check(connection, response);
      await this.#hooks.prepareConnection(connection);
      return this.#accept(connection, response);
    } catch (error) {
      connection.close(error instanceof Error ? error : new Error(String(error)));
      throw error;
    } finally {
      this.#unpooled.delete(connection);
    }
  }

  /** Authentication runs before the connection joins the pool, so it has its own tiny request/response path. */
  #pendingAuth = new Map<Connection, { resolve: (m: ClientMessage) => void; reject: (e: Error) => void }>();

  #authenticate(connection: Connection): Promise<ClientAuthenticationCodec.ResponseParameters> {
    const config = this.#config;
    const request = ClientAuthenticationCodec.encodeRequest(
      config.clusterName,
      config.security.username,
      config.security.password,
      this.clientUuid,
      CLIENT_TYPE,
      SERIALIZATION_VERSION,
      CLIENT_VERSION,
      config.instanceName,
      [...config.clientLabels],
      config.network.smartRouting ? RoutingMode.SMART : RoutingMode.UNISOCKET,
      false,
    );
    request.correlationId = 0;
    return new Promise<ClientMessage>((resolve, reject) => {
      const timeout = config.network.connectionTimeout;
      const timer =
        timeout > 0
          ? setTimeout(() => {
              this.#pendingAuth.delete(connection);
              reject(
                new TargetDisconnectedError(
                  `Authentication with ${connection} timed out after ${timeout} ms`,
                ),
              );
            }, timeout)
          : undefined;
      this.#pendingAuth.set(connection, {
        resolve: (message) => {
          if (timer) clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          if (timer) clearTimeout(timer);
          reject(error);
        },
      });
      connection.send(request);
    }).then((message) => {
      if (message.messageType === 0) throw this.#hooks.decodeError(message);
      return ClientAuthenticationCodec.decodeResponse(message);
    });
  }

  /** Throws unless the connection may join the pool; sets its member uuid and cluster id. */
  #check(connection: Connection, response: ClientAuthenticationCodec.ResponseParameters): void {
    const status = response.status;
    if (status !== AuthenticationStatus.AUTHENTICATED)
      throw authenticationError(status, this.#config.clusterName);
    if (this.#shutdown) throw new ClientNotActiveError('The client was shut down while connecting');
    if (!this.#hooks.onPartitionCount(response.partitionCount)) {
      throw new IllegalStateError(
        `Member ${connection} has ${response.partitionCount} partitions, but the client's cluster has a different count; ` +
          'the client cannot join two clusters',
      );
    }
    const memberUuid = response.memberUuid ? uuidToString(response.memberUuid) : undefined;
    const clusterId = response.clusterId ? uuidToString(response.clusterId) : undefined;
    if (!memberUuid || !clusterId)
      throw new AuthenticationError('Authentication response without member uuid or cluster id');
    if (this.#byMember.size > 0 && clusterId !== this.#clusterId) {
      throw new IllegalStateError(
        `Member ${connection} belongs to cluster ${clusterId}, not ${this.#clusterId}`,
      );
    }
    connection.memberUuid = memberUuid;
    connection.clusterId = clusterId;
  }

  /** Adds a checked and prepared connection to the pool. */
  #accept(connection: Connection, response: ClientAuthenticationCodec.ResponseParameters): Connection {
    // Checked again: the pool may have changed while the connection was being prepared.
    this.#check(connection, response);
    const memberUuid = connection.memberUuid as string;
    const clusterId = connection.clusterId as string;
    const wasDisconnected = this.#byMember.size === 0;
    const clusterChanged = this.#clusterId !== undefined && clusterId !== this.#clusterId;
    this.#clusterId = clusterId;
    const previous = this.#byMember.get(memberUuid);
    if (previous && previous !== connection)
      previous.close(new TargetDisconnectedError('Replaced by a newer connection'));
    this.#byMember.set(memberUuid, connection);
    this.#logger.info(
      'ConnectionManager',
      `Authenticated with server ${addressKey(connection.remoteAddress)}:${memberUuid}, server version: ${response.serverHazelcastVersion}, local address: client ${uuidToString(this.clientUuid)}`,
    );
    if (wasDisconnected) {
      this.#state = 'connected';
      this.#hooks.onConnected();
    }
    this.#hooks.onConnectionAdded(connection, clusterChanged);
    return connection;
  }

  #onMessage(message: ClientMessage, connection: Connection): void {
    const auth = this.#pendingAuth.get(connection);
    if (auth && message.correlationId === 0 && !message.isEvent) {
      this.#pendingAuth.delete(connection);
      auth.resolve(message);
      return;
    }
    this.#hooks.onMessage(message, connection);
  }

  #onClose(connection: Connection, reason: Error): void {
    if (reason instanceof HazelcastProtocolError && !this.#shutdown) {
      this.#logger.warn(
        'ConnectionManager',
        `${connection} broke the client protocol, closing the connection: ${reason.message}`,
      );
    }
    const auth = this.#pendingAuth.get(connection);
    if (auth) {
      this.#pendingAuth.delete(connection);
      auth.reject(reason);
    }
    this.#hooks.onConnectionClosed(connection, reason);
    const uuid = connection.memberUuid;
    if (!uuid || this.#byMember.get(uuid) !== connection) return;
    this.#byMember.delete(uuid);
    if (!this.#shutdown) {
      this.#logger.info('ConnectionManager', `Removed connection to ${connection}: ${reason.message}`);
    }
    this.#hooks.onConnectionRemoved(connection, reason);
    if (this.#byMember.size === 0 && !this.#shutdown) this.#onClusterLost(reason);
  }

  #onClusterLost(reason: Error): void {
    this.#hooks.onDisconnected();
    const mode = this.#config.connectionStrategy.reconnectMode;
    if (mode === 'OFF') {
      this.#state = 'shutdown';
      this.#hooks.onGiveUp(
        new ClientNotActiveError(`Lost the cluster and reconnectMode is OFF: ${reason.message}`, {
          cause: reason,
        }),
      );
      return;
    }
    this.#state = mode === 'ASYNC' ? 'offline' : 'reconnecting';
    this.#reconnecting ??= this.#connectToCluster()
      .catch((error: Error) => {
        if (!this.#shutdown) this.#hooks.onGiveUp(error);
      })
      .finally(() => {
        this.#reconnecting = undefined;
      });
  }

  #startHeartbeat(): void {
    const interval = this.#config.properties['hazelcast.client.heartbeat.interval'];
    const timeout = this.#config.properties['hazelcast.client.heartbeat.timeout'];
    this.#heartbeat = setInterval(
      () => {
        const now = Date.now();
        for (const connection of this.#byMember.values()) {
          const verdict = heartbeatVerdict(connection, now, interval, timeout);
          if (verdict === 'dead') {
            this.#logger.warn('ConnectionManager', `Heartbeat failed over the connection: ${connection}`);
            const silent = now - connection.lastResponseAt;
            const read = now - connection.lastReadAt;
            connection.close(
              new TargetDisconnectedError(
                `Heartbeat timed out: no response from ${connection} for ${silent} ms` +
                  (read < silent
                    ? ` (events still arrived ${read} ms ago: only the way to the member is broken)`
                    : ''),
              ),
            );
          } else if (verdict === 'ping') {
            this.#hooks.ping(connection);
          }
        }
      },
      Math.min(interval, timeout),
    );
    this.#heartbeat.unref();
  }

  /** Smart routing keeps a connection to every member; this retries the missing ones every second. */
  #startMemberConnector(): void {
    this.#memberConnector = setInterval(() => void this.connectToAllMembers(), 1_000);
    this.#memberConnector.unref();
  }

  /** Opens the missing member connections (smart routing); resolves when every attempt has finished. */
  async connectToAllMembers(): Promise<void> {
    if (this.#state !== 'connected' || !this.#config.network.smartRouting) return;
    const attempts: Promise<unknown>[] = [];
    for (const member of this.#hooks.members()) {
      if (this.#byMember.has(member.uuid)) continue;
      const address = this.#hooks.memberAddress(member.uuid);
      if (address) attempts.push(this.connectToMember(member.uuid, address));
    }
    await Promise.allSettled(attempts);
  }
}

function authenticationError(status: number, clusterName: string): AuthenticationError {
  switch (status) {
    case AuthenticationStatus.CREDENTIALS_FAILED:
      return new AuthenticationError(
        `Authentication failed: the member refused the client. Either the cluster name "${clusterName}" is not the ` +
          "cluster's name, or the credentials were refused: a member without security (Community Edition) " +
          'accepts no credentials at all, so remove `security` from the client config for such members.',
      );
    case AuthenticationStatus.SERIALIZATION_VERSION_MISMATCH:
      return new AuthenticationError(
        `Authentication failed: the member uses another serialization version than ${SERIALIZATION_VERSION}`,
      );
    case AuthenticationStatus.NOT_ALLOWED_IN_CLUSTER:
      return new AuthenticationError(
        'Authentication failed: the client is not allowed in the cluster (client filtering)',
      );
    default:
      return new AuthenticationError(`Authentication failed with unknown status ${status}`);
  }
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Waits `millis`, or rejects with the signal's reason as soon as it aborts (the timer is cleared then). */
function abortableDelay(millis: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, millis);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
