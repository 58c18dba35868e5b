/**
 * The tuning properties the client understands, under the official clients' names, with their defaults.
 * Values may be given as numbers/booleans or as the strings Java-style configs use ("5000", "true").
 */
type PropertySpec = (
  | { kind: 'int'; default: number; min: number; allowMinusOne?: boolean }
  | { kind: 'boolean'; default: boolean }
  | { kind: 'choice'; default: string; choices: readonly string[] }
  | { kind: 'string'; default: string }
) & {
  /** Known but not implemented: setting it is an error that says so (a silently ignored setting is a bug). */
  unsupported?: string;
};

export const CLIENT_PROPERTIES = {
  'hazelcast.client.heartbeat.interval': { kind: 'int', default: 5_000, min: 1 },
  'hazelcast.client.heartbeat.timeout': { kind: 'int', default: 60_000, min: 1 },
  'hazelcast.client.invocation.timeout.millis': { kind: 'int', default: 120_000, min: 1 },
  'hazelcast.client.invocation.retry.pause.millis': { kind: 'int', default: 1_000, min: 1 },
  'hazelcast.client.internal.clean.resources.millis': { kind: 'int', default: 100, min: 1 },
  'hazelcast.client.operation.backup.timeout.millis': { kind: 'int', default: 5_000, min: 1 },
  'hazelcast.client.operation.fail.on.indeterminate.state': { kind: 'boolean', default: false },
  // Bounds the invocations waiting for a response, so a producer faster than the cluster gets a clear
  // HazelcastOverloadError instead of growing memory without limit.
  'hazelcast.client.max.concurrent.invocations': { kind: 'int', default: 65_536, min: 1 },
  'hazelcast.client.autopipelining.enabled': { kind: 'boolean', default: true },
  'hazelcast.client.autopipelining.threshold.bytes': { kind: 'int', default: 65_536, min: 1_024 },
  'hazelcast.client.socket.no.delay': { kind: 'boolean', default: true },
  'hazelcast.client.shuffle.member.list': { kind: 'boolean', default: true },
  // The older names of `statistics.enabled` / `statistics.periodSeconds` (give one or the other).
  'hazelcast.client.statistics.enabled': { kind: 'boolean', default: false },
  'hazelcast.client.statistics.period.seconds': { kind: 'int', default: 3, min: 1 },
  // Base URL of the Hazelcast Cloud coordinator (network.hazelcastCloud.discoveryToken); https only.
  'hazelcast.client.cloud.url': { kind: 'string', default: 'https://api.cloud.hazelcast.com' },
  // Attempts to send a new Compact schema until every member has it.
  'hazelcast.client.schema.max.put.retry.count': { kind: 'int', default: 100, min: 1 },
  // Near-cache repair (@hz/near-cache): how often a near cache reconciles its invalidation metadata with
  // the members (0: never), the least non-zero interval allowed, and how many missed invalidations it
  // tolerates before it drops the affected entries at once. The near-cache plug-in's own settings override them.
  'hazelcast.invalidation.reconciliation.interval.seconds': { kind: 'int', default: 60, min: 0 },
  'hazelcast.invalidation.min.reconciliation.interval.seconds': { kind: 'int', default: 30, min: 0 },
  'hazelcast.invalidation.max.tolerated.miss.count': { kind: 'int', default: 10, min: 0 },
  // How long shutdown() waits for plug-ins' shutdown steps (closing CP sessions, cancelling SQL cursors).
  'hazelcast.client.plugin.shutdown.timeout.millis': { kind: 'int', default: 5_000, min: 1 },
  'hazelcast.logging.level': {
    kind: 'choice',
    default: 'INFO',
    choices: ['OFF', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'],
  },
} as const satisfies Record<string, PropertySpec>;

export type ClientPropertyName = keyof typeof CLIENT_PROPERTIES;

/** Resolved property values: numbers, booleans and choice strings, every property present. */
export type ClientProperties = {
  readonly [K in ClientPropertyName]: (typeof CLIENT_PROPERTIES)[K]['kind'] extends 'int'
    ? number
    : (typeof CLIENT_PROPERTIES)[K]['kind'] extends 'boolean'
      ? boolean
      : string;
};
