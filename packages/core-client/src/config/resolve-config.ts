import type { SerializationConfig } from '@hz/serialization';
import type { ClientPlugin } from '../client/plugins';
import type { MembershipListener } from '../cluster/member';
import { InvalidConfigurationError } from '../errors/hazelcast-error';
import type { LifecycleState } from '../lifecycle/lifecycle-state';
import type { Logger } from '../logging/logger';
import { type LoadBalancer, randomLoadBalancer, roundRobinLoadBalancer } from '../util/load-balancer';
import { configForName } from './name-matcher';
import { CLIENT_PROPERTIES, type ClientProperties, type ClientPropertyName } from './properties';
import {
  boolean,
  choice,
  custom,
  number,
  perName,
  type SectionInput,
  type SectionOutput,
  section,
  string,
  stringArray,
} from './schema';
import {
  type ResolvedSecurityConfig,
  resolveSecurity,
  resolveStatistics,
  type SecurityConfig,
  type StatisticsConfig,
} from './security-config';
import { sslSection } from './ssl-config';
import {
  checkKeys,
  describe,
  fail,
  isPlainObject,
  optBoolean,
  optChoice,
  optNumber,
  optString,
} from './validate';

let clientCounter = 0;

const connectionRetry = {
  initialBackoffMillis: number(1_000, { min: 0 }),
  maxBackoffMillis: number(30_000, { min: 0 }),
  /** Each backoff is the previous one times this. */
  multiplier: number(1.05, { min: 1 }),
  /** Random spread of each backoff, in [0, 1]. */
  jitter: number(0, { min: 0, max: 1 }),
  /** Give up connecting after this long; -1 retries forever. */
  clusterConnectTimeoutMillis: number(-1, { min: 0, orMinusOne: true }),
};

const CLUSTER_MEMBERS = stringArray(['127.0.0.1'], checkAddress);

const network = {
  /** `host` or `host:port`; a host without a port tries 5701, 5702 and 5703. Default `['127.0.0.1']`. */
  // An empty list would leave nothing to try: refused here rather than as a connect timeout later.
  clusterMembers: custom<string[], readonly string[]>((value, path) => {
    if (Array.isArray(value) && value.length === 0) {
      fail(path, 'a non-empty array of addresses (leave it out for 127.0.0.1)', value);
    }
    return CLUSTER_MEMBERS.parse(value, path);
  }),
  /** Connect to every member and send keyed operations to the partition owner. Default true. */
  smartRouting: boolean(true),
  /** Retry non-read-only operations after a connection loss too (they may run twice). Default false. */
  redoOperation: boolean(false),
  /** TCP connect plus authentication timeout per attempt. Default 5000; 0 means no timeout. */
  connectionTimeout: number(5_000, { min: 0, integer: true }),
  /** TLS to the members (official Node.js client shape); see the README's TLS section. */
  ssl: sslSection,
  /** Hazelcast Cloud: find the members through the coordinator with this token (instead of clusterMembers). */
  hazelcastCloud: section({
    discoveryToken: custom<string, string | null>((value, path) =>
      value === undefined || value === null ? null : optString(value, path, ''),
    ),
  }),
  /**
   * Options set on every connection's socket: what Node's `net` allows of the seeds' `socket_options`
   * (`TCP_NODELAY`, `SO_KEEPALIVE` and its idle time). See SocketOptions.
   */
  socketOptions: custom<SocketOptions, ResolvedSocketOptions>(resolveSocketOptions),
};

/**
 * Socket options of every connection to a member: the seeds' `socket_options` (`setsockopt` tuples), as far
 * as Node's `net` can set them. Node sets no buffer sizes (`SO_SNDBUF`, `SO_RCVBUF`), linger, address reuse
 * or keep-alive probe interval and count on a TCP socket: those are refused with an error that says so.
 */
export interface SocketOptions {
  /**
   * `TCP_NODELAY`: send small messages at once instead of waiting to batch them (Nagle). Default true. The
   * same switch as the property `hazelcast.client.socket.no.delay`; give one of them (both must agree).
   */
  noDelay?: boolean;
  /** `SO_KEEPALIVE`: the OS probes an idle connection and closes it when the peer is gone. Default false. */
  keepAlive?: boolean;
  /**
   * `TCP_KEEPIDLE`: how long a connection is idle before the first keep-alive probe, in milliseconds (the
   * OS counts whole seconds). 0 (the default) keeps the system's setting (often two hours). Needs
   * `keepAlive: true`.
   */
  keepAliveInitialDelayMillis?: number;
}

export interface ResolvedSocketOptions {
  readonly noDelay: boolean;
  readonly keepAlive: boolean;
  readonly keepAliveInitialDelayMillis: number;
}

/** Socket options of the seeds' list that Node's `net` cannot set, with what to do instead. */
const UNSUPPORTED_SOCKET_OPTIONS: Readonly<Record<string, string>> = {
  sendBufferSize: "Node's net cannot set SO_SNDBUF on a TCP socket",
  receiveBufferSize: "Node's net cannot set SO_RCVBUF on a TCP socket",
  lingerSeconds: "Node's net cannot set SO_LINGER",
  reuseAddress: "Node's net cannot set SO_REUSEADDR on a client socket",
  keepAliveIntervalMillis: "Node's net cannot set TCP_KEEPINTVL (the OS setting applies)",
  keepAliveCount: "Node's net cannot set TCP_KEEPCNT (the OS setting applies)",
};

const socketOptionFields = {
  noDelay: custom<boolean, boolean | undefined>((value, path) =>
    value === undefined ? undefined : optBoolean(value, path, true),
  ),
  keepAlive: boolean(false),
  keepAliveInitialDelayMillis: number(0, { min: 0, integer: true }),
};

function resolveSocketOptions(value: unknown, path: string): ResolvedSocketOptions {
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const reason = UNSUPPORTED_SOCKET_OPTIONS[key];
      if (reason) {
        throw new InvalidConfigurationError(
          `Invalid configuration: ${path}.${key} is not supported: ${reason}; remove it`,
        );
      }
    }
  }
  const resolved = section(socketOptionFields).parse(value, path);
  const delay = resolved.keepAliveInitialDelayMillis;
  if (delay > 0 && !resolved.keepAlive) {
    throw new InvalidConfigurationError(
      `Invalid configuration: ${path}.keepAliveInitialDelayMillis (${delay}) needs ${path}.keepAlive: true`,
    );
  }
  if (delay > 0 && delay < 1_000) {
    throw new InvalidConfigurationError(
      `Invalid configuration: ${path}.keepAliveInitialDelayMillis must be 0 (the system setting) or at least 1000 (the OS counts whole seconds), got ${delay}`,
    );
  }
  // noDelay stays undefined here when not given: resolveClientConfig settles it with the property.
  return resolved as ResolvedSocketOptions;
}

const connectionStrategy = {
  /** Resolve `newHazelcastClient` before the cluster is reached; operations fail with ClientOfflineError until then. */
  asyncStart: boolean(false),
  /** ON: wait and reconnect; ASYNC: fail fast with ClientOfflineError while reconnecting; OFF: shut down. */
  reconnectMode: choice(['ON', 'OFF', 'ASYNC'], 'ON'),
  connectionRetry: section(connectionRetry, (retry, path) => {
    if (retry.maxBackoffMillis < retry.initialBackoffMillis) {
      throw new InvalidConfigurationError(
        `Invalid configuration: ${path}.maxBackoffMillis (${retry.maxBackoffMillis}) must be >= initialBackoffMillis (${retry.initialBackoffMillis})`,
      );
    }
  }),
};

const loadBalancer = {
  type: choice(['ROUND_ROBIN', 'RANDOM'], 'ROUND_ROBIN'),
  /** Your own balancer; takes precedence over `type`. */
  customLoadBalancer: custom<LoadBalancer, LoadBalancer | undefined>(resolveLoadBalancer),
};

const statistics = {
  enabled: boolean(false),
  periodSeconds: number(3, { min: 1 }),
};

const usernamePassword = {
  username: custom<string, string>((value, path) => optString(value ?? null, path, '')),
  password: custom<string, string>((value, path) => optString(value ?? null, path, '', true)),
};

const reliableTopic = {
  /** Messages a listener reads per request (at least one; more when available). Default 10. */
  readBatchSize: number(10, { min: 1, integer: true }),
  /**
   * What `publish` does when the topic's ringbuffer is full of messages still within their TTL: BLOCK waits
   * for space, ERROR fails with TopicOverloadError, DISCARD_OLDEST overwrites the oldest message,
   * DISCARD_NEWEST drops the new one. Default BLOCK.
   */
  overloadPolicy: choice(['BLOCK', 'ERROR', 'DISCARD_OLDEST', 'DISCARD_NEWEST'], 'BLOCK'),
};

const flakeIdGenerator = {
  /** Ids fetched per request to a member, 1..100000. Default 100. */
  prefetchCount: number(100, { min: 1, max: 100_000, integer: true }),
  /** How long fetched ids stay usable, in milliseconds; 0 keeps them forever. Default 600000 (10 minutes). */
  prefetchValidityMillis: number(600_000, { min: 0, integer: true }),
};

/**
 * The client configuration: every option, its default and its check, in one table. It has the shape and
 * defaults of the official Node.js client's `ClientConfig`, so an application moves over with import changes
 * only. Every field is optional; durations are milliseconds unless a name says seconds.
 */
const clientConfig = {
  /** Name of the cluster to join; members refuse clients with another name. Default `'dev'`. */
  clusterName: string('dev'),
  /** Name of this client instance, shown in Management Center. Default `hz.client_<n>`. */
  instanceName: string(() => `hz.client_${clientCounter++}`),
  /** Labels sent to the cluster on authentication. */
  clientLabels: stringArray([]),
  network: section(network),
  connectionStrategy: section(connectionStrategy),
  loadBalancer: custom<SectionInput<typeof loadBalancer>, LoadBalancer>((value, path) => {
    const resolved = section(loadBalancer).parse(value, path);
    return (
      resolved.customLoadBalancer ??
      (resolved.type === 'RANDOM' ? randomLoadBalancer() : roundRobinLoadBalancer())
    );
  }),
  /** Passed to @hz/serialization, which validates it (unknown options are errors there too). */
  serialization: custom<SerializationConfig, Readonly<SerializationConfig>>((value, path) => {
    if (value !== undefined && !isPlainObject(value)) fail(path, 'an object', value);
    return Object.freeze({ ...(value as SerializationConfig | undefined) });
  }),
  /** Members send backup acks straight to the client (smart routing only). Default true. */
  backupAckToClientEnabled: boolean(true),
  /** Tuning properties, keyed by their `hazelcast.client.*` names (see `CLIENT_PROPERTIES`). */
  properties: custom<Record<string, string | number | boolean>, ClientProperties>(resolveProperties),
  lifecycleListeners: custom<
    Array<(state: LifecycleState) => void>,
    ReadonlyArray<(state: LifecycleState) => void>
  >((value, path) => functionArray(value, path)),
  /** Membership listeners registered before the client connects, so they see the first member list. */
  membershipListeners: custom<MembershipListener[], readonly MembershipListener[]>(
    resolveMembershipListeners,
  ),
  customLogger: custom<Logger, Logger | undefined>(resolveLogger),
  /**
   * Credentials for members with security enabled (Enterprise); Community members refuse any. A token
   * (`tokenProvider`, then `token`) wins over `custom`, which wins over `usernamePassword`.
   */
  security: custom<SecurityConfig, ResolvedSecurityConfig>((value, path) =>
    resolveSecurity(value, path, (up, at) => section(usernamePassword).parse(up, at)),
  ),
  /**
   * Client statistics sent to the cluster every `periodSeconds` (Management Center shows them). The older
   * properties `hazelcast.client.statistics.enabled` / `.period.seconds` say the same; give one or the other.
   */
  statistics: custom<StatisticsConfig, { readonly enabled: boolean; readonly periodSeconds: number }>(
    (value, path) => section(statistics).parse(value, path),
  ),
  /**
   * How 64-bit results (counters, sequences, ids, aggregations, entry-view times) come back: `'bigint'`
   * (default) or long.js `'Long'`; with `'Long'`, register the type too (see HazelcastTypes).
   */
  int64Type: choice(['bigint', 'Long'], 'bigint'),
  /**
   * Reliable topic settings by topic name; keys are names or patterns with one `*` (`'news-*'`), and a
   * `default` entry applies to topics nothing else matches.
   */
  reliableTopics: perName(reliableTopic),
  /** Flake id generator settings by generator name, matched like `reliableTopics`. */
  flakeIdGenerators: perName(flakeIdGenerator),
  /** Plug-ins set up with the client, e.g. `nearCache({...})` from @hz/near-cache. */
  plugins: custom<ClientPlugin[], readonly ClientPlugin[]>(resolvePlugins),
};

/** The client configuration a user writes (see the table above for every option and its default). */
export type ClientConfig = SectionInput<typeof clientConfig>;
/** A validated config with every default filled in. */
export type ResolvedClientConfig = SectionOutput<typeof clientConfig>;
export type ClientNetworkConfig = SectionInput<typeof network>;
export type ConnectionStrategyConfig = SectionInput<typeof connectionStrategy>;
export type ConnectionRetryConfig = SectionInput<typeof connectionRetry>;
export type LoadBalancerConfig = SectionInput<typeof loadBalancer>;
export type ReliableTopicConfig = SectionInput<typeof reliableTopic>;
export type ResolvedReliableTopicConfig = SectionOutput<typeof reliableTopic>;
export type FlakeIdGeneratorConfig = SectionInput<typeof flakeIdGenerator>;
export type ResolvedFlakeIdGeneratorConfig = SectionOutput<typeof flakeIdGenerator>;

/**
 * Validates a user config and fills in defaults. Every invalid value is rejected with an
 * InvalidConfigurationError naming the option and what it accepts; unknown options are rejected too, with
 * the closest known name, because a silently ignored typo (`smartRoutng: false`) is worse than an error.
 */
export function resolveClientConfig(input: ClientConfig | undefined = {}): ResolvedClientConfig {
  if (!isPlainObject(input)) fail('config', 'an object', input);
  const resolved = section(clientConfig).parse(input, '');
  const network = input.network as Record<string, unknown> | undefined;
  if (resolved.network.hazelcastCloud.discoveryToken !== null && network?.clusterMembers !== undefined) {
    throw new InvalidConfigurationError(
      'Invalid configuration: network.clusterMembers and network.hazelcastCloud.discoveryToken exclude each ' +
        'other (the coordinator tells the member addresses); give one',
    );
  }
  if (!resolved.properties['hazelcast.client.cloud.url'].startsWith('https://')) {
    throw new InvalidConfigurationError(
      `Invalid configuration: properties['hazelcast.client.cloud.url'] must be an https:// URL, got "${resolved.properties['hazelcast.client.cloud.url']}"`,
    );
  }
  const effectiveStatistics = resolveStatistics(input, resolved.statistics, resolved.properties);
  const withStatistics =
    effectiveStatistics === resolved.statistics
      ? resolved
      : Object.freeze({ ...resolved, statistics: effectiveStatistics });
  return settleNoDelay(withStatistics, input.properties?.[NO_DELAY_PROPERTY] !== undefined);
}

const NO_DELAY_PROPERTY = 'hazelcast.client.socket.no.delay';

/**
 * `network.socketOptions.noDelay` and the property `hazelcast.client.socket.no.delay` are one switch (the
 * seeds' name and the official Node client's): either may be given, both must agree, and the resolved
 * config carries the value in both places.
 */
function settleNoDelay(resolved: ResolvedClientConfig, propertyGiven: boolean): ResolvedClientConfig {
  const options = resolved.network.socketOptions;
  const property = resolved.properties[NO_DELAY_PROPERTY];
  const given = options.noDelay as boolean | undefined;
  if (given !== undefined && propertyGiven && given !== property) {
    throw new InvalidConfigurationError(
      `Invalid configuration: network.socketOptions.noDelay (${given}) and properties['${NO_DELAY_PROPERTY}'] (${property}) are the same switch and disagree; give one of them`,
    );
  }
  const noDelay = given ?? property;
  return Object.freeze({
    ...resolved,
    network: Object.freeze({
      ...resolved.network,
      socketOptions: Object.freeze({ ...options, noDelay }),
    }),
    properties: Object.freeze({ ...resolved.properties, [NO_DELAY_PROPERTY]: noDelay }),
  });
}

function checkAddress(address: string, path: string): void {
  const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+)(?::(\d+))?$/.exec(address);
  const port = match?.[2] === undefined ? undefined : Number(match[2]);
  if (!match || (port !== undefined && (port < 1 || port > 65_535))) {
    fail(path, 'an address "host" or "host:port" (port 1-65535)', address);
  }
}

function resolveProperties(value: unknown, path: string): ClientProperties {
  if (value !== undefined && !isPlainObject(value)) fail(path, 'an object', value);
  const given = (value ?? {}) as Record<string, unknown>;
  const known = Object.keys(CLIENT_PROPERTIES) as ClientPropertyName[];
  checkKeys(given, path, known);
  const resolved: Record<string, number | boolean | string> = {};
  for (const name of known) {
    const spec = CLIENT_PROPERTIES[name] as (typeof CLIENT_PROPERTIES)[ClientPropertyName] & {
      unsupported?: string;
    };
    const raw = given[name];
    const propertyPath = `${path}['${name}']`;
    if (raw !== undefined && spec.unsupported) {
      throw new InvalidConfigurationError(
        `Invalid configuration: ${propertyPath} is not supported yet (${spec.unsupported}); remove it`,
      );
    }
    if (raw === undefined) {
      resolved[name] = spec.default;
    } else if (spec.kind === 'int') {
      const parsed = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
      resolved[name] = optNumber(parsed, propertyPath, spec.default, { min: spec.min, integer: true });
    } else if (spec.kind === 'boolean') {
      const parsed = raw === 'true' ? true : raw === 'false' ? false : raw;
      resolved[name] = optBoolean(parsed, propertyPath, spec.default);
    } else if (spec.kind === 'string') {
      resolved[name] = optString(raw, propertyPath, spec.default);
    } else {
      resolved[name] = optChoice(raw, propertyPath, spec.choices, spec.default);
    }
  }
  return Object.freeze(resolved) as ClientProperties;
}

function functionArray<F>(value: unknown, path: string): readonly F[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'an array of functions', value);
  value.forEach((item, index) => {
    if (typeof item !== 'function') fail(`${path}[${index}]`, 'a function', item);
  });
  return Object.freeze([...(value as F[])]);
}

function resolveMembershipListeners(value: unknown, path: string): readonly MembershipListener[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'an array of { memberAdded?, memberRemoved? }', value);
  return value.map((listener, index) => {
    const at = `${path}[${index}]`;
    if (!isPlainObject(listener)) fail(at, 'an object { memberAdded?, memberRemoved? }', listener);
    checkKeys(listener, at, ['memberAdded', 'memberRemoved']);
    const { memberAdded, memberRemoved } = listener;
    if (memberAdded === undefined && memberRemoved === undefined) {
      fail(at, 'an object with memberAdded and/or memberRemoved', listener);
    }
    for (const [key, fn] of [
      ['memberAdded', memberAdded],
      ['memberRemoved', memberRemoved],
    ] as const) {
      if (fn !== undefined && typeof fn !== 'function') fail(`${at}.${key}`, 'a function', fn);
    }
    return listener as MembershipListener;
  });
}

/** The seeds' LoadBalancer shape; the message says how to move a balancer of another shape over. */
function resolveLoadBalancer(value: unknown, path: string): LoadBalancer | undefined {
  if (value === undefined) return undefined;
  const shape =
    'a load balancer { init(cluster), next(), nextDataMember?(), canGetNextDataMember?() } (see AbstractLoadBalancer)';
  if (typeof value !== 'object' || value === null) fail(path, shape, value);
  const balancer = value as Record<string, unknown>;
  if (typeof balancer.next !== 'function' || typeof balancer.init !== 'function') {
    const hint =
      typeof balancer.initLoadBalancer === 'function'
        ? "; an official-client balancer's initLoadBalancer(cluster, config) is init(cluster) here"
        : typeof balancer.next === 'function'
          ? '; a next(members) balancer of earlier @hz versions: keep the cluster init(cluster) receives and read cluster.getMembers() in next()'
          : '';
    throw new InvalidConfigurationError(
      `Invalid configuration: ${path} must be ${shape}, got ${describe(value)}${hint}`,
    );
  }
  for (const optional of ['nextDataMember', 'canGetNextDataMember']) {
    if (balancer[optional] !== undefined && typeof balancer[optional] !== 'function') {
      fail(`${path}.${optional}`, 'a method', balancer[optional]);
    }
  }
  return value as LoadBalancer;
}

function resolveLogger(value: unknown, path: string): Logger | undefined {
  if (value === undefined) return undefined;
  const methods = ['error', 'warn', 'info', 'debug', 'trace'];
  if (typeof value !== 'object' || value === null) fail(path, 'a logger object', value);
  const missing = methods.filter((m) => typeof (value as Record<string, unknown>)[m] !== 'function');
  if (missing.length > 0) {
    throw new InvalidConfigurationError(
      `Invalid configuration: ${path} must have the methods ${methods.join(', ')}; missing ${missing.join(', ')} on ${describe(value)}`,
    );
  }
  return value as Logger;
}

function resolvePlugins(value: unknown, path: string): readonly ClientPlugin[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    fail(path, 'an array of plug-ins (e.g. nearCache({...}) from @hz/near-cache)', value);
  const names = new Set<string>();
  return Object.freeze(
    value.map((plugin, index) => {
      const at = `${path}[${index}]`;
      if (
        typeof plugin !== 'object' ||
        plugin === null ||
        typeof plugin.name !== 'string' ||
        typeof plugin.setup !== 'function'
      ) {
        fail(at, 'a plug-in { name, setup(host) } (e.g. nearCache({...}) from @hz/near-cache)', plugin);
      }
      if (names.has(plugin.name)) {
        throw new InvalidConfigurationError(
          `Invalid configuration: ${at} is a second "${plugin.name}" plug-in; give each plug-in once`,
        );
      }
      names.add(plugin.name);
      return plugin as ClientPlugin;
    }),
  );
}

/** The reliable topic settings of topic `name` (see `reliableTopics`), with the defaults filled in. */
export function reliableTopicConfigFor(
  config: ResolvedClientConfig,
  name: string,
): ResolvedReliableTopicConfig {
  return (
    configForName(config.reliableTopics, name, 'reliable topic') ??
    section(reliableTopic).parse(undefined, 'reliableTopics')
  );
}

/** The flake id generator settings of generator `name` (see `flakeIdGenerators`), with the defaults filled in. */
export function flakeIdGeneratorConfigFor(
  config: ResolvedClientConfig,
  name: string,
): ResolvedFlakeIdGeneratorConfig {
  return (
    configForName(config.flakeIdGenerators, name, 'flake id generator') ??
    section(flakeIdGenerator).parse(undefined, 'flakeIdGenerators')
  );
}
