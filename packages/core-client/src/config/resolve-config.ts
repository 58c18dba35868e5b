import type { SerializationConfig } from '@hz/serialization';
import { InvalidConfigurationError } from '../errors/hazelcast-error';
import type { LifecycleState } from '../lifecycle/lifecycle-state';
import type { Logger } from '../logging/logger';
import { type LoadBalancer, randomLoadBalancer, roundRobinLoadBalancer } from '../util/load-balancer';
import type { ClientConfig, MembershipListenerConfig, ReconnectMode } from './client-config';
import { CLIENT_PROPERTIES, type ClientProperties, type ClientPropertyName } from './properties';
import {
  checkKeys,
  describe,
  fail,
  isPlainObject,
  optBoolean,
  optChoice,
  optFunctionArray,
  optNumber,
  optString,
  optStringArray,
  section,
} from './validate';

/** A validated config with every default filled in. */
export interface ResolvedClientConfig {
  readonly clusterName: string;
  readonly instanceName: string;
  readonly clientLabels: readonly string[];
  readonly network: {
    readonly clusterMembers: readonly string[];
    readonly smartRouting: boolean;
    readonly redoOperation: boolean;
    readonly connectionTimeout: number;
  };
  readonly connectionStrategy: {
    readonly asyncStart: boolean;
    readonly reconnectMode: ReconnectMode;
    readonly connectionRetry: {
      readonly initialBackoffMillis: number;
      readonly maxBackoffMillis: number;
      readonly multiplier: number;
      readonly jitter: number;
      readonly clusterConnectTimeoutMillis: number;
    };
  };
  readonly loadBalancer: LoadBalancer;
  readonly serialization: Readonly<SerializationConfig>;
  readonly backupAckToClientEnabled: boolean;
  readonly properties: ClientProperties;
  readonly lifecycleListeners: ReadonlyArray<(state: LifecycleState) => void>;
  readonly membershipListeners: readonly MembershipListenerConfig[];
  readonly customLogger: Logger | undefined;
  readonly security: { readonly username: string | null; readonly password: string | null };
}

const TOP_LEVEL_KEYS = [
  'clusterName',
  'instanceName',
  'clientLabels',
  'network',
  'connectionStrategy',
  'loadBalancer',
  'serialization',
  'backupAckToClientEnabled',
  'properties',
  'lifecycleListeners',
  'membershipListeners',
  'customLogger',
  'security',
] as const;

let clientCounter = 0;

/**
 * Validates a user config and fills in defaults. Every invalid value is rejected with an
 * InvalidConfigurationError naming the option and what it accepts; unknown options are rejected too, with
 * the closest known name, because a silently ignored typo (`smartRoutng: false`) is worse than an error.
 */
export function resolveClientConfig(input: ClientConfig | undefined = {}): ResolvedClientConfig {
  if (!isPlainObject(input)) fail('config', 'an object', input);
  const config = input as Record<string, unknown>;
  checkKeys(config, '', TOP_LEVEL_KEYS);

  const network = section(config.network, 'network');
  checkKeys(network, 'network', ['clusterMembers', 'smartRouting', 'redoOperation', 'connectionTimeout']);
  const clusterMembers = optStringArray(network.clusterMembers, 'network.clusterMembers', ['127.0.0.1']);
  for (const [index, address] of clusterMembers.entries())
    checkAddress(address, `network.clusterMembers[${index}]`);

  const strategy = section(config.connectionStrategy, 'connectionStrategy');
  checkKeys(strategy, 'connectionStrategy', ['asyncStart', 'reconnectMode', 'connectionRetry']);
  const retry = section(strategy.connectionRetry, 'connectionStrategy.connectionRetry');
  const retryPath = 'connectionStrategy.connectionRetry';
  checkKeys(retry, retryPath, [
    'initialBackoffMillis',
    'maxBackoffMillis',
    'multiplier',
    'jitter',
    'clusterConnectTimeoutMillis',
  ]);
  const initialBackoffMillis = optNumber(
    retry.initialBackoffMillis,
    `${retryPath}.initialBackoffMillis`,
    1_000,
    {
      min: 0,
    },
  );
  const maxBackoffMillis = optNumber(retry.maxBackoffMillis, `${retryPath}.maxBackoffMillis`, 30_000, {
    min: 0,
  });
  if (maxBackoffMillis < initialBackoffMillis) {
    throw new InvalidConfigurationError(
      `Invalid configuration: ${retryPath}.maxBackoffMillis (${maxBackoffMillis}) must be >= initialBackoffMillis (${initialBackoffMillis})`,
    );
  }

  const labels = optStringArray(config.clientLabels, 'clientLabels', []);

  return Object.freeze({
    clusterName: optString(config.clusterName, 'clusterName', 'dev'),
    instanceName: optString(config.instanceName, 'instanceName', `hz.client_${clientCounter++}`),
    clientLabels: labels,
    network: Object.freeze({
      clusterMembers,
      smartRouting: optBoolean(network.smartRouting, 'network.smartRouting', true),
      redoOperation: optBoolean(network.redoOperation, 'network.redoOperation', false),
      connectionTimeout: optNumber(network.connectionTimeout, 'network.connectionTimeout', 5_000, {
        min: 0,
        integer: true,
      }),
    }),
    connectionStrategy: Object.freeze({
      asyncStart: optBoolean(strategy.asyncStart, 'connectionStrategy.asyncStart', false),
      reconnectMode: optChoice(
        strategy.reconnectMode,
        'connectionStrategy.reconnectMode',
        ['ON', 'OFF', 'ASYNC'],
        'ON',
      ),
      connectionRetry: Object.freeze({
        initialBackoffMillis,
        maxBackoffMillis,
        multiplier: optNumber(retry.multiplier, `${retryPath}.multiplier`, 1.05, { min: 1 }),
        jitter: optNumber(retry.jitter, `${retryPath}.jitter`, 0, { min: 0, max: 1 }),
        clusterConnectTimeoutMillis: optNumber(
          retry.clusterConnectTimeoutMillis,
          `${retryPath}.clusterConnectTimeoutMillis`,
          -1,
          { min: 0, orMinusOne: true },
        ),
      }),
    }),
    loadBalancer: resolveLoadBalancer(config.loadBalancer),
    serialization: Object.freeze({
      ...section(config.serialization, 'serialization'),
    }) as SerializationConfig,
    backupAckToClientEnabled: optBoolean(config.backupAckToClientEnabled, 'backupAckToClientEnabled', true),
    properties: resolveProperties(config.properties),
    lifecycleListeners: optFunctionArray<(state: LifecycleState) => void>(
      config.lifecycleListeners,
      'lifecycleListeners',
    ),
    membershipListeners: resolveMembershipListeners(config.membershipListeners),
    customLogger: resolveLogger(config.customLogger),
    security: resolveSecurity(config.security),
  });
}

function checkAddress(address: string, path: string): void {
  const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+)(?::(\d+))?$/.exec(address);
  const port = match?.[2] === undefined ? undefined : Number(match[2]);
  if (!match || (port !== undefined && (port < 1 || port > 65_535))) {
    fail(path, 'an address "host" or "host:port" (port 1-65535)', address);
  }
}

function resolveLoadBalancer(value: unknown): LoadBalancer {
  const config = section(value, 'loadBalancer');
  checkKeys(config, 'loadBalancer', ['type', 'customLoadBalancer']);
  const custom = config.customLoadBalancer;
  if (custom !== undefined) {
    if (!isPlainObject(custom) || typeof custom.next !== 'function') {
      fail('loadBalancer.customLoadBalancer', 'an object with a next(members) method', custom);
    }
    return custom as unknown as LoadBalancer;
  }
  const type = optChoice(config.type, 'loadBalancer.type', ['ROUND_ROBIN', 'RANDOM'], 'ROUND_ROBIN');
  return type === 'RANDOM' ? randomLoadBalancer() : roundRobinLoadBalancer();
}

function resolveProperties(value: unknown): ClientProperties {
  const given = section(value, 'properties');
  const known = Object.keys(CLIENT_PROPERTIES) as ClientPropertyName[];
  checkKeys(given, 'properties', known);
  const resolved: Record<string, number | boolean | string> = {};
  for (const name of known) {
    const spec = CLIENT_PROPERTIES[name];
    const raw = given[name];
    const path = `properties['${name}']`;
    if (raw === undefined) {
      resolved[name] = spec.default;
    } else if (spec.kind === 'int') {
      const number = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
      resolved[name] = optNumber(number, path, spec.default, { min: spec.min, integer: true });
    } else if (spec.kind === 'boolean') {
      const bool = raw === 'true' ? true : raw === 'false' ? false : raw;
      resolved[name] = optBoolean(bool, path, spec.default);
    } else {
      resolved[name] = optChoice(raw, path, spec.choices, spec.default);
    }
  }
  return Object.freeze(resolved) as ClientProperties;
}

function resolveMembershipListeners(value: unknown): MembershipListenerConfig[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    fail('membershipListeners', 'an array of { memberAdded?, memberRemoved? }', value);
  return value.map((listener, index) => {
    const path = `membershipListeners[${index}]`;
    if (!isPlainObject(listener)) fail(path, 'an object { memberAdded?, memberRemoved? }', listener);
    checkKeys(listener, path, ['memberAdded', 'memberRemoved']);
    const { memberAdded, memberRemoved } = listener;
    if (memberAdded === undefined && memberRemoved === undefined) {
      fail(path, 'an object with memberAdded and/or memberRemoved', listener);
    }
    for (const [key, fn] of [
      ['memberAdded', memberAdded],
      ['memberRemoved', memberRemoved],
    ] as const) {
      if (fn !== undefined && typeof fn !== 'function') fail(`${path}.${key}`, 'a function', fn);
    }
    return listener as MembershipListenerConfig;
  });
}

function resolveLogger(value: unknown): Logger | undefined {
  if (value === undefined) return undefined;
  const methods = ['error', 'warn', 'info', 'debug', 'trace'];
  if (typeof value !== 'object' || value === null) fail('customLogger', 'a logger object', value);
  const missing = methods.filter((m) => typeof (value as Record<string, unknown>)[m] !== 'function');
  if (missing.length > 0) {
    throw new InvalidConfigurationError(
      `Invalid configuration: customLogger must have the methods ${methods.join(', ')}; missing ${missing.join(', ')} on ${describe(value)}`,
    );
  }
  return value as Logger;
}

function resolveSecurity(value: unknown): ResolvedClientConfig['security'] {
  const security = section(value, 'security');
  checkKeys(security, 'security', ['usernamePassword']);
  if (security.usernamePassword === undefined) return Object.freeze({ username: null, password: null });
  const credentials = section(security.usernamePassword, 'security.usernamePassword');
  checkKeys(credentials, 'security.usernamePassword', ['username', 'password']);
  return Object.freeze({
    username: optString(credentials.username ?? null, 'security.usernamePassword.username', ''),
    password: optString(credentials.password ?? null, 'security.usernamePassword.password', '', true),
  });
}
