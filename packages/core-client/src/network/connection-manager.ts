import {
  ClientAuthenticationCodec,
  ClientAuthenticationCustomCodec,
  type ClientMessage,
  HazelcastProtocolError,
  randomUuid,
  type Uuid,
  uuidToString,
} from '@hz/protocol';
import type { Member } from '../cluster/member';
import type { ResolvedClientConfig } from '../config/resolve-config';
import { diagnosticChannels } from '../diagnostics/channels';
import {
  AuthenticationError,
  ClientNotActiveError,
  IllegalStateError,
  TargetDisconnectedError,
  TlsError,
} from '../errors/hazelcast-error';
import type { InvocationRouting } from '../invocation/invocation-service';
import type { Logger } from '../logging/logger';
import { type Address, addressKey } from '../util/address';
import { Backoff } from '../util/backoff';
import { optionalFeatures } from '../util/optional-features';
import { type AddressProvider, configuredAddresses } from './address-provider';
import { Connection } from './connection';
import { heartbeatVerdict } from './heartbeat';
import { createConnector, type SocketConnector, tcpConnector } from './socket-connector';

/** Authentication status codes of Client.Authentication responses. */
const AuthenticationStatus = {
  AUTHENTICATED: 0,
  CREDENTIALS_FAILED: 1,
  SERIALIZATION_VERSION_MISMATCH: 2,
  NOT_ALLOWED_IN_CLUSTER: 3,
} as const;

/** Routing modes of protocol 2.8+ authentication. */
const RoutingMode = { UNISOCKET: 0, SMART: 1 } as const;

export const CLIENT_TYPE = 'HZTS';
export const CLIENT_VERSION = '5.7.0';
const SERIALIZATION_VERSION = 1;

export interface ConnectionManagerHooks {
  /** Invocation service hook: every message read from a connection. */
  onMessage(message: ClientMessage, connection: Connection): void;
  /**
   * An authenticated connection joined the pool; `clusterChanged` on the first connection to a new cluster
   * id, whose predecessor is `previousClusterId`.
   */
  onConnectionAdded(connection: Connection, clusterChanged: boolean, previousClusterId?: string): void;
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
  /** The current members (the cluster's view). */
  members(): readonly Member[];
  memberAddress(uuid: string): Address | undefined;
  /** Turns an error response (e.g. to authentication) into the error to report. */
  decodeError(message: ClientMessage): Error;
  /** Sends a heartbeat ping on an idle connection. */
  ping(connection: Connection): void;
  /** Serializes custom credentials (`security.custom`) for Client.AuthenticationCustom. */
  credentialsData(credentials: unknown): Buffer;
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
  /** TCP, or TLS with `network.ssl` (set up in start()). */
  #connector: SocketConnector = tcpConnector;
  /** The configured addresses, or Hazelcast Cloud discovery (set up in start()). */
  #addresses: AddressProvider;
  /** Bytes moved by connections that have closed (client statistics add the open ones). */
  #closedBytes = { read: 0, written: 0 };

  constructor(config: ResolvedClientConfig, logger: Logger, hooks: ConnectionManagerHooks) {
    this.#config = config;
    this.#logger = logger;
    this.#hooks = hooks;
    this.#addresses = configuredAddresses(config);
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

  /** `tcp`, or `tls` with `network.ssl`. */
  get transport(): 'tcp' | 'tls' {
    return this.#connector.kind;
  }

  /** Bytes read and written on every connection so far (client statistics). */
  get bytesTransferred(): { read: number; written: number } {
    let { read, written } = this.#closedBytes;
    for (const connection of this.#byMember.values()) {
      read += connection.bytesRead;
      written += connection.bytesWritten;
    }
    return { read, written };
  }

  /** Connects to the cluster; with asyncStart the caller does not await this. */
  async start(): Promise<void> {
    this.#connector = await createConnector(this.#config.network.ssl);
    const token = this.#config.network.hazelcastCloud.discoveryToken;
    if (token !== null) {
      const features = await optionalFeatures('network.hazelcastCloud');
      this.#addresses = features.cloudDiscovery(this.#config, token, this.#logger);
    }
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

  /**
   * The connection for an operation without a partition: the load balancer's member (smart routing), or
   * any open connection. `dataMember`: a member that is not a lite member, whenever one is connected.
   */
  anyConnection(dataMember = false): Connection | undefined {
    if (this.#config.network.smartRouting) {
      const member = this.#balancedMember(dataMember);
      const connection = member && this.connectionForMember(member.uuid);
      if (connection) return connection;
    }
    if (dataMember) {
      for (const member of this.#hooks.members()) {
        if (member.liteMember) continue;
        const connection = this.connectionForMember(member.uuid);
        if (connection) return connection;
      }
    }
    for (const connection of this.#byMember.values()) if (connection.alive) return connection;
    return undefined;
  }

  #balancedMember(dataMember: boolean): Member | null {
    const balancer = this.#config.loadBalancer;
    try {
      if (!dataMember) return balancer.next();
      return balancer.nextDataMember && balancer.canGetNextDataMember?.() ? balancer.nextDataMember() : null;
    } catch (error) {
      // A custom balancer that throws must not fail the operation: any connection will do.
      this.#logger.warn('ConnectionManager', 'the load balancer threw; using any connection', error);
      return null;
    }
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
          // A TLS failure is a setup problem, not a passing one: say so loudly.
          if (error instanceof TlsError) this.#logger.warn('ConnectionManager', error.message);
          else
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
    let lastError: Error | undefined;
    for (;;) {
      if (this.#shutdown) throw new ClientNotActiveError('The client was shut down while connecting');
      for (const address of await this.#initialAddresses()) {
        if (this.#shutdown) throw new ClientNotActiveError('The client was shut down while connecting');
        try {
          await this.#openAuthenticated(address);
          return;
        } catch (error) {
          // Wrong credentials or a TLS setup the member refuses: retrying cannot help.
          if (error instanceof AuthenticationError || error instanceof TlsError) throw error;
          lastError = error as Error;
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
            `(tried ${this.#triedAddresses}; cluster name "${this.#config.clusterName}")` +
            (lastError ? `; last error: ${lastError.message}` : ''),
          lastError ? { cause: lastError } : undefined,
        );
      }
      this.#logger.info(
        'ConnectionManager',
        `unable to connect to the cluster; attempt ${backoff.attempt}, retrying in ${Math.round(delay)} ms`,
      );
      await abortableDelay(delay, this.#stopping.signal);
    }
  }

  #triedAddresses = '';

  /** Known members first (after a disconnect), then the configured addresses, shuffled if so configured. */
  async #initialAddresses(): Promise<Address[]> {
    const configured = await this.#addresses.initialAddresses();
    this.#triedAddresses =
      this.#config.network.hazelcastCloud.discoveryToken !== null
        ? `the addresses Hazelcast Cloud discovery returned: ${configured.map(addressKey).join(', ') || 'none'}`
        : this.#config.network.clusterMembers.join(', ');
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

  async #openAuthenticated(memberAddress: Address): Promise<Connection> {
    if (this.#shutdown) throw new ClientNotActiveError('The client was shut down while connecting');
    const address = await this.#addresses.translate(memberAddress);
    if (!address) {
      throw new TargetDisconnectedError(
        `No public address is known for member address ${addressKey(memberAddress)}`,
      );
    }
    const connection = await Connection.open(
      address,
      {
        connector: this.#connector,
        connectTimeoutMillis: this.#config.network.connectionTimeout,
        noDelay: this.#config.network.socketOptions.noDelay,
        keepAlive: this.#config.network.socketOptions.keepAlive,
        keepAliveInitialDelayMillis: this.#config.network.socketOptions.keepAliveInitialDelayMillis,
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

  /**
   * The credentials bytes for Client.AuthenticationCustom, or null for Client.Authentication: a token (from
   * the provider, or the configured one) wins over custom credentials, which win over username/password.
   */
  async #customCredentials(address: Address): Promise<Buffer | null> {
    const security = this.#config.security;
    if (security.tokenProvider) {
      const provider = security.tokenProvider;
      const timeout = this.#config.network.connectionTimeout;
      let timer: NodeJS.Timeout | undefined;
      const token = await Promise.race([
        Promise.resolve().then(() => provider.token({ host: address.host, port: address.port })),
        new Promise<never>((_, reject) => {
          if (timeout > 0) {
            timer = setTimeout(
              () =>
                reject(
                  new TargetDisconnectedError(`security.tokenProvider gave no token within ${timeout} ms`),
                ),
              timeout,
            );
          }
        }),
      ]).finally(() => clearTimeout(timer));
      if (typeof token === 'string') return Buffer.from(token, 'utf8');
      if (token instanceof Uint8Array) return Buffer.from(token.buffer, token.byteOffset, token.byteLength);
      throw new AuthenticationError(
        `security.tokenProvider.token() must return a string, Buffer or Uint8Array; got ${token === null ? 'null' : typeof token}`,
      );
    }
    if (security.token) return security.token;
    if (security.custom !== null) return this.#hooks.credentialsData(security.custom);
    return null;
  }

  async #authenticate(connection: Connection): Promise<ClientAuthenticationCodec.ResponseParameters> {
    const config = this.#config;
    const credentials = await this.#customCredentials(connection.remoteAddress);
    const routing = config.network.smartRouting ? RoutingMode.SMART : RoutingMode.UNISOCKET;
    const request =
      credentials === null
        ? ClientAuthenticationCodec.encodeRequest(
            config.clusterName,
            config.security.username,
            config.security.password,
            this.clientUuid,
            CLIENT_TYPE,
            SERIALIZATION_VERSION,
            CLIENT_VERSION,
            config.instanceName,
            [...config.clientLabels],
            routing,
            false,
          )
        : ClientAuthenticationCustomCodec.encodeRequest(
            config.clusterName,
            credentials,
            this.clientUuid,
            CLIENT_TYPE,
            SERIALIZATION_VERSION,
            CLIENT_VERSION,
            config.instanceName,
            [...config.clientLabels],
            routing,
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
      return credentials === null
        ? ClientAuthenticationCodec.decodeResponse(message)
        : ClientAuthenticationCustomCodec.decodeResponse(message);
    });
  }

  /** Throws unless the connection may join the pool; sets its member uuid and cluster id. */
  #check(connection: Connection, response: ClientAuthenticationCodec.ResponseParameters): void {
    const status = response.status;
    if (status !== AuthenticationStatus.AUTHENTICATED)
      throw authenticationError(status, this.#config.clusterName, credentialKind(this.#config));
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
    const existing = this.#byMember.get(memberUuid);
    if (existing && existing !== connection && existing.alive) {
      // A second connection to a member already connected (e.g. the member connector, still holding the
      // member list from before a restart, dialled the address the reconnect already used): keep the one
      // that carries invocations; replacing it would fail them.
      connection.close(new TargetDisconnectedError(`Already connected to member ${memberUuid}`));
      return existing;
    }
    const wasDisconnected = this.#byMember.size === 0;
    const previousClusterId = this.#clusterId;
    const clusterChanged = previousClusterId !== undefined && clusterId !== previousClusterId;
    this.#clusterId = clusterId;
    const previous = this.#byMember.get(memberUuid);
    if (previous && previous !== connection)
      previous.close(new TargetDisconnectedError('Replaced by a newer connection'));
    this.#byMember.set(memberUuid, connection);
    this.#logger.info(
      'ConnectionManager',
      `Authenticated with server ${addressKey(connection.remoteAddress)}:${memberUuid}, server version: ${response.serverHazelcastVersion}, local address: ${connection.localAddress}, client ${uuidToString(this.clientUuid)}`,
    );
    if (wasDisconnected) {
      this.#state = 'connected';
      this.#hooks.onConnected();
    }
    const open = diagnosticChannels().connectionOpen;
    if (open.hasSubscribers) open.publish(this.#connectionEvent(connection));
    this.#hooks.onConnectionAdded(connection, clusterChanged, previousClusterId);
    return connection;
  }

  #connectionEvent(connection: Connection) {
    return {
      clientName: this.#config.instanceName,
      connectionId: connection.id,
      memberUuid: connection.memberUuid ?? '',
      remoteAddress: addressKey(connection.remoteAddress),
      transport: this.#connector.kind,
    };
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
    const close = diagnosticChannels().connectionClose;
    if (close.hasSubscribers) close.publish({ ...this.#connectionEvent(connection), reason });
    this.#byMember.delete(uuid);
    this.#closedBytes = {
      read: this.#closedBytes.read + connection.bytesRead,
      written: this.#closedBytes.written + connection.bytesWritten,
    };
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
    if (this.#reconnecting) return;
    const channels = diagnosticChannels();
    const traced = channels.reconnectStart.hasSubscribers || channels.reconnectEnd.hasSubscribers;
    const startedAt = Date.now();
    const clientName = this.#config.instanceName;
    if (traced) channels.reconnectStart.publish({ clientName, reason });
    const ended = (connected: boolean, error: Error | null) => {
      if (traced) {
        channels.reconnectEnd.publish({
          clientName,
          connected,
          error,
          durationMillis: Date.now() - startedAt,
        });
      }
    };
    this.#reconnecting = this.#connectToCluster()
      .then(
        () => ended(true, null),
        (error: Error) => {
          ended(false, error);
          if (!this.#shutdown) this.#hooks.onGiveUp(error);
        },
      )
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

/** Which credentials the client sends, for error messages. */
function credentialKind(config: ResolvedClientConfig): string | null {
  const security = config.security;
  if (security.tokenProvider) return 'the token from security.tokenProvider';
  if (security.token) return 'the token credentials (security.token)';
  if (security.custom !== null) return 'the custom credentials (security.custom)';
  if (security.username !== null || security.password !== null)
    return 'the username/password credentials (security.usernamePassword)';
  return null;
}

function authenticationError(
  status: number,
  clusterName: string,
  credentials: string | null,
): AuthenticationError {
  switch (status) {
    case AuthenticationStatus.CREDENTIALS_FAILED:
      if (credentials === null) {
        return new AuthenticationError(
          `Authentication failed: the member refused the client: the cluster name "${clusterName}" is not the ` +
            "cluster's name (the client sent no credentials).",
        );
      }
      return new AuthenticationError(
        `Authentication failed: the member refused ${credentials}, or the cluster name "${clusterName}" is not ` +
          "the cluster's name. A member without security (Community Edition) accepts no credentials at all, " +
          'tokens included: remove `security` from the client config for such members.',
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
