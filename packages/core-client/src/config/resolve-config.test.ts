import { describe, expect, it } from 'vitest';
import { InvalidConfigurationError } from '../errors/hazelcast-error';
import type { ClientConfig } from './client-config';
import { resolveClientConfig } from './resolve-config';

describe('resolveClientConfig defaults', () => {
  it('fills in the official client defaults', () => {
    const config = resolveClientConfig();
    expect(config.clusterName).toBe('dev');
    expect(config.instanceName).toMatch(/^hz\.client_\d+$/);
    expect(config.network).toEqual({
      clusterMembers: ['127.0.0.1'],
      smartRouting: true,
      redoOperation: false,
      connectionTimeout: 5000,
    });
    expect(config.connectionStrategy).toEqual({
      asyncStart: false,
      reconnectMode: 'ON',
      connectionRetry: {
        initialBackoffMillis: 1000,
        maxBackoffMillis: 30000,
        multiplier: 1.05,
        jitter: 0,
        clusterConnectTimeoutMillis: -1,
      },
    });
    expect(config.backupAckToClientEnabled).toBe(true);
    expect(config.properties['hazelcast.client.heartbeat.interval']).toBe(5000);
    expect(config.properties['hazelcast.client.heartbeat.timeout']).toBe(60000);
    expect(config.properties['hazelcast.client.invocation.timeout.millis']).toBe(120000);
    expect(config.properties['hazelcast.client.operation.fail.on.indeterminate.state']).toBe(false);
    expect(config.properties['hazelcast.logging.level']).toBe('INFO');
  });

  it('numbers client instances so default names differ', () => {
    const first = resolveClientConfig().instanceName;
    const second = resolveClientConfig().instanceName;
    expect(first).not.toBe(second);
  });

  it('keeps given values and accepts string property values as Java configs write them', () => {
    const config = resolveClientConfig({
      clusterName: 'prod',
      network: { clusterMembers: ['10.0.0.1:5701', 'db-host'], smartRouting: false, connectionTimeout: 0 },
      connectionStrategy: {
        reconnectMode: 'ASYNC',
        connectionRetry: { jitter: 0.5, clusterConnectTimeoutMillis: 0 },
      },
      properties: {
        'hazelcast.client.heartbeat.interval': '1000',
        'hazelcast.client.operation.fail.on.indeterminate.state': 'true',
      },
    });
    expect(config.clusterName).toBe('prod');
    expect(config.network.clusterMembers).toEqual(['10.0.0.1:5701', 'db-host']);
    expect(config.network.smartRouting).toBe(false);
    expect(config.connectionStrategy.reconnectMode).toBe('ASYNC');
    expect(config.connectionStrategy.connectionRetry.jitter).toBe(0.5);
    expect(config.properties['hazelcast.client.heartbeat.interval']).toBe(1000);
    expect(config.properties['hazelcast.client.operation.fail.on.indeterminate.state']).toBe(true);
  });

  it('accepts the near-cache repair properties (@hz/near-cache takes its defaults from them)', () => {
    expect(resolveClientConfig().properties).toMatchObject({
      'hazelcast.invalidation.reconciliation.interval.seconds': 60,
      'hazelcast.invalidation.min.reconciliation.interval.seconds': 30,
      'hazelcast.invalidation.max.tolerated.miss.count': 10,
    });
    const config = resolveClientConfig({
      properties: {
        'hazelcast.invalidation.reconciliation.interval.seconds': '0',
        'hazelcast.invalidation.min.reconciliation.interval.seconds': 5,
        'hazelcast.invalidation.max.tolerated.miss.count': 0,
      },
    });
    expect(config.properties).toMatchObject({
      'hazelcast.invalidation.reconciliation.interval.seconds': 0,
      'hazelcast.invalidation.min.reconciliation.interval.seconds': 5,
      'hazelcast.invalidation.max.tolerated.miss.count': 0,
    });
    expect(() =>
      resolveClientConfig({ properties: { 'hazelcast.invalidation.max.tolerated.miss.count': -1 } }),
    ).toThrow(
      /properties\['hazelcast\.invalidation\.max\.tolerated\.miss\.count'\] must be an integer >= 0, got number -1/,
    );
  });

  it('returns a frozen config', () => {
    const config = resolveClientConfig();
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.network)).toBe(true);
    expect(Object.isFrozen(config.properties)).toBe(true);
  });
});

const badConfigs: Array<[string, unknown, RegExp]> = [
  ['config not an object', 'dev', /config must be an object, got "dev"/],
  [
    'unknown top-level key with suggestion',
    { clustername: 'x' },
    /unknown option clustername \(did you mean clusterName\?\)/,
  ],
  ['empty cluster name', { clusterName: '' }, /clusterName must be a non-empty string, got ""/],
  ['cluster name not a string', { clusterName: 42 }, /clusterName must be a non-empty string, got number 42/],
  ['network not an object', { network: [] }, /network must be an object, got an array/],
  [
    'typo in network',
    { network: { smartRoutng: false } },
    /unknown option network\.smartRoutng \(did you mean network\.smartRouting\?\)/,
  ],
  [
    'smartRouting not boolean',
    { network: { smartRouting: 'yes' } },
    /network\.smartRouting must be true or false, got "yes"/,
  ],
  [
    'clusterMembers not array',
    { network: { clusterMembers: '127.0.0.1' } },
    /network\.clusterMembers must be an array of strings/,
  ],
  [
    'clusterMembers bad entry',
    { network: { clusterMembers: ['a', 5] } },
    /network\.clusterMembers\[1\] must be a non-empty string, got number 5/,
  ],
  [
    'clusterMembers bad port',
    { network: { clusterMembers: ['host:99999'] } },
    /network\.clusterMembers\[0\] must be an address "host" or "host:port" \(port 1-65535\), got "host:99999"/,
  ],
  [
    'negative connection timeout',
    { network: { connectionTimeout: -5 } },
    /network\.connectionTimeout must be an integer >= 0, got number -5/,
  ],
  [
    'reconnect mode unknown',
    { connectionStrategy: { reconnectMode: 'SOMETIMES' } },
    /connectionStrategy\.reconnectMode must be one of "ON", "OFF", "ASYNC", got "SOMETIMES"/,
  ],
  [
    'asyncStart not boolean',
    { connectionStrategy: { asyncStart: 1 } },
    /connectionStrategy\.asyncStart must be true or false, got number 1/,
  ],
  [
    'negative backoff',
    { connectionStrategy: { connectionRetry: { initialBackoffMillis: -1 } } },
    /connectionRetry\.initialBackoffMillis must be a number >= 0, got number -1/,
  ],
  [
    'multiplier below 1',
    { connectionStrategy: { connectionRetry: { multiplier: 0.5 } } },
    /connectionRetry\.multiplier must be a number >= 1, got number 0\.5/,
  ],
  [
    'jitter above 1',
    { connectionStrategy: { connectionRetry: { jitter: 2 } } },
    /connectionRetry\.jitter must be a number in \[0, 1\], got number 2/,
  ],
  [
    'connect timeout -2',
    { connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: -2 } } },
    /clusterConnectTimeoutMillis must be a number >= 0 or -1, got number -2/,
  ],
  [
    'max backoff below initial',
    { connectionStrategy: { connectionRetry: { initialBackoffMillis: 5000, maxBackoffMillis: 10 } } },
    /maxBackoffMillis \(10\) must be >= initialBackoffMillis \(5000\)/,
  ],
  [
    'load balancer type unknown',
    { loadBalancer: { type: 'LEAST_USED' } },
    /loadBalancer\.type must be one of "ROUND_ROBIN", "RANDOM", got "LEAST_USED"/,
  ],
  [
    'custom load balancer without next',
    { loadBalancer: { customLoadBalancer: {} } },
    /loadBalancer\.customLoadBalancer must be an object with a next\(members\) method/,
  ],
  [
    'unknown property',
    { properties: { 'hazelcast.client.heartbeat.intervall': 5 } },
    /unknown option properties\.hazelcast\.client\.heartbeat\.intervall \(did you mean properties\.hazelcast\.client\.heartbeat\.interval\?\)/,
  ],
  [
    'property not a number',
    { properties: { 'hazelcast.client.invocation.timeout.millis': 'soon' } },
    /properties\['hazelcast\.client\.invocation\.timeout\.millis'\] must be an integer >= 1, got "soon"/,
  ],
  [
    'property zero',
    { properties: { 'hazelcast.client.heartbeat.timeout': 0 } },
    /properties\['hazelcast\.client\.heartbeat\.timeout'\] must be an integer >= 1, got number 0/,
  ],
  [
    'boolean property wrong',
    { properties: { 'hazelcast.client.operation.fail.on.indeterminate.state': 'maybe' } },
    /must be true or false, got "maybe"/,
  ],
  [
    'logging level unknown',
    { properties: { 'hazelcast.logging.level': 'LOUD' } },
    /properties\['hazelcast\.logging\.level'\] must be one of "OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", got "LOUD"/,
  ],
  [
    'lifecycle listener not a function',
    { lifecycleListeners: ['x'] },
    /lifecycleListeners\[0\] must be a function, got "x"/,
  ],
  [
    'membership listener empty',
    { membershipListeners: [{}] },
    /membershipListeners\[0\] must be an object with memberAdded and\/or memberRemoved/,
  ],
  [
    'membership listener not a function',
    { membershipListeners: [{ memberAdded: 1 }] },
    /membershipListeners\[0\]\.memberAdded must be a function, got number 1/,
  ],
  ['labels not strings', { clientLabels: [1] }, /clientLabels\[0\] must be a non-empty string, got number 1/],
  [
    'logger missing methods',
    { customLogger: { info() {} } },
    /customLogger must have the methods error, warn, info, debug, trace; missing error, warn, debug, trace/,
  ],
  [
    'credentials without a username',
    { security: { usernamePassword: { password: 'x' } } },
    /security\.usernamePassword\.username must be a non-empty string, got null/,
  ],
  [
    'unknown security option',
    { security: { token: 'x' } },
    /unknown option security\.token; known options: usernamePassword/,
  ],
  [
    'backup acks not boolean',
    { backupAckToClientEnabled: 'no' },
    /backupAckToClientEnabled must be true or false, got "no"/,
  ],
];

describe('resolveClientConfig rejects invalid configs', () => {
  it.each(badConfigs)('%s', (_name, config, message) => {
    expect(() => resolveClientConfig(config as ClientConfig)).toThrow(InvalidConfigurationError);
    expect(() => resolveClientConfig(config as ClientConfig)).toThrow(message);
  });
});
