import { describe, expect, it } from 'vitest';
import { InvalidConfigurationError } from '../errors/hazelcast-error';
import type { ClientConfig } from './client-config';
import { flakeIdGeneratorConfigFor, reliableTopicConfigFor, resolveClientConfig } from './resolve-config';

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
      ssl: {
        enabled: false,
        sslOptions: null,
        sslOptionsFactory: null,
        sslOptionsFactoryProperties: null,
        socketFactory: null,
      },
      hazelcastCloud: { discoveryToken: null },
      socketOptions: { noDelay: true, keepAlive: false, keepAliveInitialDelayMillis: 0 },
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
    'option without its unit',
    { connectionStrategy: { connectionRetry: { clusterConnectTimeout: 1000 } } },
    /unknown option connectionStrategy\.connectionRetry\.clusterConnectTimeout \(did you mean connectionStrategy\.connectionRetry\.clusterConnectTimeoutMillis\?\)/,
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
    'clusterMembers empty',
    { network: { clusterMembers: [] } },
    /network\.clusterMembers must be a non-empty array of addresses \(leave it out for 127\.0\.0\.1\), got an array \(\[\]\)/,
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
    /loadBalancer\.customLoadBalancer must be a load balancer \{ init\(cluster\), next\(\), nextDataMember\?\(\), canGetNextDataMember\?\(\) \}/,
  ],
  [
    'custom load balancer of the earlier next(members) shape',
    { loadBalancer: { customLoadBalancer: { next: (members: unknown[]) => members[0] } } },
    /a next\(members\) balancer of earlier @hz versions: keep the cluster init\(cluster\) receives and read cluster\.getMembers\(\) in next\(\)/,
  ],
  [
    "custom load balancer of the official client's shape",
    { loadBalancer: { customLoadBalancer: { initLoadBalancer() {}, next: () => null } } },
    /an official-client balancer's initLoadBalancer\(cluster, config\) is init\(cluster\) here/,
  ],
  [
    'custom load balancer with a nextDataMember that is not a method',
    { loadBalancer: { customLoadBalancer: { init() {}, next: () => null, nextDataMember: 1 } } },
    /loadBalancer\.customLoadBalancer\.nextDataMember must be a method, got number 1/,
  ],
  [
    'socket option Node cannot set',
    { network: { socketOptions: { sendBufferSize: 65536 } } },
    /network\.socketOptions\.sendBufferSize is not supported: Node's net cannot set SO_SNDBUF on a TCP socket; remove it/,
  ],
  [
    'socket option keep-alive delay without keep-alive',
    { network: { socketOptions: { keepAliveInitialDelayMillis: 30_000 } } },
    /network\.socketOptions\.keepAliveInitialDelayMillis \(30000\) needs network\.socketOptions\.keepAlive: true/,
  ],
  [
    'socket option keep-alive delay below a second',
    { network: { socketOptions: { keepAlive: true, keepAliveInitialDelayMillis: 500 } } },
    /keepAliveInitialDelayMillis must be 0 \(the system setting\) or at least 1000 \(the OS counts whole seconds\), got 500/,
  ],
  [
    'socket option misspelt',
    { network: { socketOptions: { keepAlve: true } } },
    /unknown option network\.socketOptions\.keepAlve \(did you mean network\.socketOptions\.keepAlive\?\)/,
  ],
  [
    'noDelay given twice, disagreeing',
    {
      network: { socketOptions: { noDelay: false } },
      properties: { 'hazelcast.client.socket.no.delay': true },
    },
    /network\.socketOptions\.noDelay \(false\) and properties\['hazelcast\.client\.socket\.no\.delay'\] \(true\) are the same switch and disagree/,
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
    { security: { tokn: { token: 'x' } } },
    /unknown option security\.tokn \(did you mean security\.token\?\); known options: usernamePassword, token, tokenProvider, custom/,
  ],
  [
    'backup acks not boolean',
    { backupAckToClientEnabled: 'no' },
    /backupAckToClientEnabled must be true or false, got "no"/,
  ],
  [
    'flake id prefetchCount 0',
    { flakeIdGenerators: { ids: { prefetchCount: 0 } } },
    /flakeIdGenerators\['ids'\]\.prefetchCount must be an integer in \[1, 100000\], got number 0/,
  ],
  [
    'flake id prefetchCount above 100000',
    { flakeIdGenerators: { ids: { prefetchCount: 100_001 } } },
    /flakeIdGenerators\['ids'\]\.prefetchCount must be an integer in \[1, 100000\], got number 100001/,
  ],
  [
    'negative flake id validity',
    { flakeIdGenerators: { 'ids-*': { prefetchValidityMillis: -1 } } },
    /flakeIdGenerators\['ids-\*'\]\.prefetchValidityMillis must be an integer >= 0, got number -1/,
  ],
  [
    'unknown overload policy',
    { reliableTopics: { news: { overloadPolicy: 'DROP' } } },
    /reliableTopics\['news'\]\.overloadPolicy must be one of "BLOCK", "ERROR", "DISCARD_OLDEST", "DISCARD_NEWEST", got "DROP"/,
  ],
  [
    'read batch size 0',
    { reliableTopics: { news: { readBatchSize: 0 } } },
    /reliableTopics\['news'\]\.readBatchSize must be an integer >= 1, got number 0/,
  ],
  [
    'misspelled reliable topic option',
    { reliableTopics: { news: { overloadpolicy: 'BLOCK' } } },
    /unknown option reliableTopics\['news'\]\.overloadpolicy \(did you mean reliableTopics\['news'\]\.overloadPolicy\?\)/,
  ],
  [
    'pattern with two wildcards',
    { reliableTopics: { '*news*': {} } },
    /reliableTopics\['\*news\*'\] must be a name or a pattern with at most one \* wildcard/,
  ],
  ['reliable topics not an object', { reliableTopics: [] }, /reliableTopics must be an object/],
];

describe('socket options', () => {
  it('take noDelay from either name, the same in both places', () => {
    const viaOption = resolveClientConfig({ network: { socketOptions: { noDelay: false } } });
    expect(viaOption.network.socketOptions.noDelay).toBe(false);
    expect(viaOption.properties['hazelcast.client.socket.no.delay']).toBe(false);
    const viaProperty = resolveClientConfig({ properties: { 'hazelcast.client.socket.no.delay': 'false' } });
    expect(viaProperty.network.socketOptions.noDelay).toBe(false);
    const both = resolveClientConfig({
      network: { socketOptions: { noDelay: false, keepAlive: true, keepAliveInitialDelayMillis: 30_000 } },
      properties: { 'hazelcast.client.socket.no.delay': false },
    });
    expect(both.network.socketOptions).toEqual({
      noDelay: false,
      keepAlive: true,
      keepAliveInitialDelayMillis: 30_000,
    });
    expect(Object.isFrozen(both.network.socketOptions)).toBe(true);
  });
});

describe('per-name sections (reliableTopics, flakeIdGenerators)', () => {
  it('fill in defaults for every entry and match names exactly, by the longest pattern, then default', () => {
    const config = resolveClientConfig({
      reliableTopics: {
        news: { readBatchSize: 5 },
        'news-*': { overloadPolicy: 'ERROR' },
        'news-sports-*': { overloadPolicy: 'DISCARD_OLDEST' },
        default: { readBatchSize: 50 },
      },
      flakeIdGenerators: { 'orders*': { prefetchCount: 1000 } },
    });
    expect(config.reliableTopics.news).toEqual({ readBatchSize: 5, overloadPolicy: 'BLOCK' });
    expect(reliableTopicConfigFor(config, 'news')).toEqual({ readBatchSize: 5, overloadPolicy: 'BLOCK' });
    expect(reliableTopicConfigFor(config, 'news-weather').overloadPolicy).toBe('ERROR');
    expect(reliableTopicConfigFor(config, 'news-sports-cup').overloadPolicy).toBe('DISCARD_OLDEST');
    expect(reliableTopicConfigFor(config, 'news@partition-key').readBatchSize).toBe(5);
    expect(reliableTopicConfigFor(config, 'other')).toEqual({ readBatchSize: 50, overloadPolicy: 'BLOCK' });
    expect(flakeIdGeneratorConfigFor(config, 'orders-eu')).toEqual({
      prefetchCount: 1000,
      prefetchValidityMillis: 600_000,
    });
    expect(flakeIdGeneratorConfigFor(config, 'invoices')).toEqual({
      prefetchCount: 100,
      prefetchValidityMillis: 600_000,
    });
    expect(Object.isFrozen(config.reliableTopics)).toBe(true);
    expect(Object.isFrozen(config.reliableTopics.news)).toBe(true);
  });

  it('a pattern needs the whole literal part in the name', () => {
    const config = resolveClientConfig({ reliableTopics: { 'ab*ba': { readBatchSize: 2 } } });
    expect(reliableTopicConfigFor(config, 'aba').readBatchSize).toBe(10);
    expect(reliableTopicConfigFor(config, 'abba').readBatchSize).toBe(2);
  });

  it('refuses a name two patterns match equally well, naming both', () => {
    const config = resolveClientConfig({ reliableTopics: { 'news-*': {}, '*-news': {} } });
    expect(() => reliableTopicConfigFor(config, 'news-news')).toThrow(InvalidConfigurationError);
    expect(() => reliableTopicConfigFor(config, 'news-news')).toThrow(
      /reliable topic "news-news" matches both "news-\*" and "\*-news" equally well/,
    );
  });
});

describe('resolveClientConfig rejects invalid configs', () => {
  it.each(badConfigs)('%s', (_name, config, message) => {
    expect(() => resolveClientConfig(config as ClientConfig)).toThrow(InvalidConfigurationError);
    expect(() => resolveClientConfig(config as ClientConfig)).toThrow(message);
  });
});

describe('security, TLS, statistics and cloud options', () => {
  it('resolves network.ssl with the official shape', () => {
    const config = resolveClientConfig({
      network: { ssl: { enabled: true, sslOptions: { ca: 'PEM', minVersion: 'TLSv1.2', servername: 'm1' } } },
    });
    expect(config.network.ssl.enabled).toBe(true);
    expect(config.network.ssl.sslOptions).toEqual({ ca: 'PEM', minVersion: 'TLSv1.2', servername: 'm1' });
  });

  it.each([
    [
      { sslOptions: { rejectUnauthorised: false } },
      /unknown option network\.ssl\.sslOptions\.rejectUnauthorised \(did you mean network\.ssl\.sslOptions\.rejectUnauthorized\?\)/,
    ],
    [
      { sslOptions: { minVersion: 'TLSv1.4' } },
      /network\.ssl\.sslOptions\.minVersion must be one of "TLSv1", "TLSv1\.1", "TLSv1\.2", "TLSv1\.3", got "TLSv1\.4"/,
    ],
    [
      { sslOptions: { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.2' } },
      /minVersion \(TLSv1\.3\) is newer than maxVersion \(TLSv1\.2\)/,
    ],
    [{ sslOptions: { ca: 42 } }, /network\.ssl\.sslOptions\.ca must be a string or Buffer \(PEM\)/],
    [
      { sslOptions: {}, sslOptionsFactoryProperties: { caPath: '/x' } },
      /sslOptions and network\.ssl\.sslOptionsFactory\/sslOptionsFactoryProperties exclude each other/,
    ],
    [
      { sslOptionsFactoryProperties: { caFile: '/x' } },
      /unknown option network\.ssl\.sslOptionsFactoryProperties\.caFile/,
    ],
    [
      { sslOptionsFactory: { init() {} } },
      /network\.ssl\.sslOptionsFactory must be an object with init\(properties\) and getSSLOptions\(\) methods/,
    ],
    [{ socketFactory: 'tls' }, /network\.ssl\.socketFactory must be a function/],
  ])('refuses a bad network.ssl: %o', (ssl, message) => {
    expect(() => resolveClientConfig({ network: { ssl } } as ClientConfig)).toThrow(message);
  });

  it('resolves a token, a token provider and custom credentials', () => {
    const provider = { token: () => 'x' };
    const config = resolveClientConfig({
      security: { token: { token: 'AAEC', encoding: 'BASE64' }, tokenProvider: provider, custom: { id: 1 } },
    });
    expect(config.security.token).toEqual(Buffer.from([0, 1, 2]));
    expect(config.security.tokenProvider).toBe(provider);
    expect(config.security.custom).toEqual({ id: 1 });
    expect(config.security.username).toBeNull();
    expect(() => resolveClientConfig({ security: { token: { token: '' } } })).toThrow(
      /security\.token\.token must be a non-empty string/,
    );
    expect(() =>
      resolveClientConfig({ security: { token: { token: 'x', encoding: 'HEX' } } } as never),
    ).toThrow(/security\.token\.encoding must be "ASCII" or "BASE64"/);
    expect(() => resolveClientConfig({ security: { tokenProvider: {} } } as never)).toThrow(
      /security\.tokenProvider must be an object with a token\(address\) method/,
    );
  });

  it('resolves statistics from the section or from the older properties, not both', () => {
    expect(resolveClientConfig().statistics).toEqual({ enabled: false, periodSeconds: 3 });
    expect(resolveClientConfig({ statistics: { enabled: true, periodSeconds: 5 } }).statistics).toEqual({
      enabled: true,
      periodSeconds: 5,
    });
    expect(
      resolveClientConfig({
        properties: {
          'hazelcast.client.statistics.enabled': 'true',
          'hazelcast.client.statistics.period.seconds': '7',
        },
      }).statistics,
    ).toEqual({ enabled: true, periodSeconds: 7 });
    expect(() =>
      resolveClientConfig({
        statistics: { enabled: true },
        properties: { 'hazelcast.client.statistics.enabled': true },
      }),
    ).toThrow(/statistics and properties\['hazelcast\.client\.statistics\.enabled'\] say the same/);
    expect(() => resolveClientConfig({ statistics: { periodSeconds: 0 } })).toThrow(
      /statistics\.periodSeconds must be a number >= 1/,
    );
  });

  it('resolves cloud discovery, which excludes clusterMembers and needs an https coordinator', () => {
    const config = resolveClientConfig({ network: { hazelcastCloud: { discoveryToken: 't' } } });
    expect(config.network.hazelcastCloud.discoveryToken).toBe('t');
    expect(config.properties['hazelcast.client.cloud.url']).toBe('https://api.cloud.hazelcast.com');
    expect(() =>
      resolveClientConfig({ network: { clusterMembers: ['a'], hazelcastCloud: { discoveryToken: 't' } } }),
    ).toThrow(/clusterMembers and network\.hazelcastCloud\.discoveryToken exclude each other/);
    expect(() =>
      resolveClientConfig({ properties: { 'hazelcast.client.cloud.url': 'http://coordinator' } }),
    ).toThrow(/must be an https:\/\/ URL/);
  });
});
