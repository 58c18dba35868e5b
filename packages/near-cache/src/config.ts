import { InvalidConfigurationError } from '@hz/core-client';
import {
  checkKeys,
  invalidConfig,
  isPlainObject,
  optBoolean,
  optChoice,
  optNumber,
  type ResolvedClientConfig,
} from '@hz/core-client/plugin';

/** Which entry a full near cache drops to make room: least recently used, least frequently used, any. */
export const EvictionPolicy = {
  /** Never evicts by size: once `evictionMaxSize` entries are cached, new keys are not cached. */
  NONE: 'NONE',
  LRU: 'LRU',
  LFU: 'LFU',
  RANDOM: 'RANDOM',
} as const;
export type EvictionPolicy = (typeof EvictionPolicy)[keyof typeof EvictionPolicy];

/** How values are kept: serialized (read back on every hit) or as the deserialized object (shared). */
export const InMemoryFormat = {
  BINARY: 'BINARY',
  OBJECT: 'OBJECT',
} as const;
export type InMemoryFormat = (typeof InMemoryFormat)[keyof typeof InMemoryFormat];

/** The near cache of one map (or of every map a wildcard pattern matches), with the official Node.js client's names. */
export interface NearCacheMapConfig {
  /** Drop entries the cluster reports changed (by any client or member). Default true. */
  invalidateOnChange?: boolean;
  /** `'BINARY'` (default): keep serialized values; `'OBJECT'`: keep the objects (every hit returns the same one). */
  inMemoryFormat?: InMemoryFormat;
  /** Seconds an entry stays cached after it was read from the cluster; 0 (default): no limit. */
  timeToLiveSeconds?: number;
  /** Seconds an entry stays cached without being read; 0 (default): no limit. */
  maxIdleSeconds?: number;
  /** Which entry a full cache evicts: `'LRU'` (default), `'LFU'`, `'RANDOM'`, or `'NONE'` (stop caching new keys). */
  evictionPolicy?: EvictionPolicy;
  /** Entries the cache holds at most. Default `Number.MAX_SAFE_INTEGER` (as the official Node.js client). */
  evictionMaxSize?: number;
  /** Entries sampled per eviction (expired ones among them are removed first). Default 8. */
  evictionSamplingCount?: number;
  /** Eviction candidates kept between evictions, best first. Default 16. */
  evictionSamplingPoolSize?: number;
}

/**
 * Near caches by map name. A name may hold one `*` wildcard (`'ref-*'`); an exact name wins over patterns,
 * and the pattern matching the most characters wins over shorter ones, as in Hazelcast's config.
 */
export type NearCacheMapsConfig = Readonly<Record<string, NearCacheMapConfig>>;

/**
 * Repair settings shared by every near cache of the client. Each defaults to the client property of the same
 * meaning (`hazelcast.invalidation.*`), so a setting here overrides the property.
 */
export interface NearCacheRepairConfig {
  /**
   * Seconds between reconciliations: the client fetches every member's invalidation metadata (partition UUIDs
   * and sequences) and drops entries whose invalidations it missed. 0 disables the periodic run. Default:
   * `hazelcast.invalidation.reconciliation.interval.seconds` (60).
   */
  reconciliationIntervalSeconds?: number;
  /** The least non-zero interval allowed. Default: `hazelcast.invalidation.min.reconciliation.interval.seconds` (30). */
  minReconciliationIntervalSeconds?: number;
  /**
   * Missed invalidations (sequence gaps) tolerated before the client drops the affected entries without
   * waiting for the next reconciliation (which repairs every gap it finds). Default:
   * `hazelcast.invalidation.max.tolerated.miss.count` (10).
   */
  maxToleratedMissCount?: number;
}

export interface ResolvedMapConfig {
  /** The config key that matched (the name itself or a pattern). */
  readonly pattern: string;
  readonly invalidateOnChange: boolean;
  readonly inMemoryFormat: InMemoryFormat;
  readonly timeToLiveMillis: number;
  readonly maxIdleMillis: number;
  readonly evictionPolicy: EvictionPolicy;
  readonly evictionMaxSize: number;
  readonly evictionSamplingCount: number;
  readonly evictionSamplingPoolSize: number;
}

export interface ResolvedRepairConfig {
  readonly reconciliationIntervalMillis: number;
  readonly maxToleratedMissCount: number;
}

export const PLUGIN_NAME = 'near-cache';
const ROOT = `plugins[${PLUGIN_NAME}]`;

const MAP_OPTIONS = [
  'invalidateOnChange',
  'inMemoryFormat',
  'timeToLiveSeconds',
  'maxIdleSeconds',
  'evictionPolicy',
  'evictionMaxSize',
  'evictionSamplingCount',
  'evictionSamplingPoolSize',
] as const;

const REPAIR_OPTIONS = [
  'reconciliationIntervalSeconds',
  'minReconciliationIntervalSeconds',
  'maxToleratedMissCount',
] as const;

const POLICIES = Object.values(EvictionPolicy);
const FORMATS = Object.values(InMemoryFormat);

/** Validates every map's config; the errors name the path, e.g. `plugins[near-cache]['prices'].evictionPolicy`. */
export function resolveMapsConfig(input: unknown): ReadonlyMap<string, ResolvedMapConfig> {
  if (!isPlainObject(input)) {
    invalidConfig(ROOT, "an object of near-cache configs by map name ({ 'prices': { … } })", input);
  }
  const resolved = new Map<string, ResolvedMapConfig>();
  for (const [pattern, config] of Object.entries(input)) {
    const path = `${ROOT}[${JSON.stringify(pattern).replaceAll('"', "'")}]`;
    if (pattern.length === 0) invalidConfig(`${ROOT} key`, 'a map name or a pattern with one *', pattern);
    if (pattern.indexOf('*') !== pattern.lastIndexOf('*')) {
      invalidConfig(`${ROOT} key`, 'a map name or a pattern with at most one * wildcard', pattern);
    }
    resolved.set(pattern, resolveMapConfig(pattern, config, path));
  }
  return resolved;
}

function resolveMapConfig(pattern: string, input: unknown, path: string): ResolvedMapConfig {
  if (input === undefined || input === null) input = {};
  if (!isPlainObject(input)) invalidConfig(path, 'an object of near-cache options', input);
  checkKeys(input, path, MAP_OPTIONS);
  const seconds = (name: 'timeToLiveSeconds' | 'maxIdleSeconds') =>
    optNumber(input[name], `${path}.${name}`, 0, { min: 0 }) * 1000;
  const count = (name: string, fallback: number) =>
    optNumber(input[name], `${path}.${name}`, fallback, {
      min: 1,
      max: Number.MAX_SAFE_INTEGER,
      integer: true,
    });
  return Object.freeze({
    pattern,
    invalidateOnChange: optBoolean(input.invalidateOnChange, `${path}.invalidateOnChange`, true),
    inMemoryFormat: optChoice(input.inMemoryFormat, `${path}.inMemoryFormat`, FORMATS, 'BINARY'),
    timeToLiveMillis: seconds('timeToLiveSeconds'),
    maxIdleMillis: seconds('maxIdleSeconds'),
    evictionPolicy: optChoice(input.evictionPolicy, `${path}.evictionPolicy`, POLICIES, 'LRU'),
    evictionMaxSize: count('evictionMaxSize', Number.MAX_SAFE_INTEGER),
    evictionSamplingCount: count('evictionSamplingCount', 8),
    evictionSamplingPoolSize: count('evictionSamplingPoolSize', 16),
  });
}

/** Checks the plug-in's own repair settings (their defaults come from the client properties at setup). */
export function checkRepairConfig(input: unknown): NearCacheRepairConfig {
  if (input === undefined) return {};
  if (!isPlainObject(input)) invalidConfig(`${ROOT} options`, 'an object of repair settings', input);
  checkKeys(input, ROOT, REPAIR_OPTIONS);
  for (const name of REPAIR_OPTIONS) {
    optNumber(input[name], `${ROOT}.${name}`, 0, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
  }
  return { ...input } as NearCacheRepairConfig;
}

/** The repair settings of one client: the plug-in's own, else the client properties. */
export function resolveRepairConfig(
  own: NearCacheRepairConfig,
  properties: ResolvedClientConfig['properties'],
): ResolvedRepairConfig {
  const fromProperty = (name: string) => `properties['${name}']`;
  const intervalName = 'hazelcast.invalidation.reconciliation.interval.seconds';
  const minName = 'hazelcast.invalidation.min.reconciliation.interval.seconds';
  const interval = own.reconciliationIntervalSeconds ?? properties[intervalName];
  const min = own.minReconciliationIntervalSeconds ?? properties[minName];
  if (interval !== 0 && interval < min) {
    const intervalPath =
      own.reconciliationIntervalSeconds === undefined
        ? fromProperty(intervalName)
        : `${ROOT}.reconciliationIntervalSeconds`;
    const minPath =
      own.minReconciliationIntervalSeconds === undefined
        ? fromProperty(minName)
        : `${ROOT}.minReconciliationIntervalSeconds`;
    throw new InvalidConfigurationError(
      `Invalid configuration: ${intervalPath} must be 0 (no periodic reconciliation) or at least ${minPath} (${min} seconds), got ${interval}`,
    );
  }
  return Object.freeze({
    reconciliationIntervalMillis: interval * 1000,
    maxToleratedMissCount:
      own.maxToleratedMissCount ?? properties['hazelcast.invalidation.max.tolerated.miss.count'],
  });
}

/**
 * The config of map `name`: its exact entry, else the pattern matching the most characters (Hazelcast's
 * matching-point rule). Two patterns that match equally well are a configuration error.
 */
export function configFor(
  configs: ReadonlyMap<string, ResolvedMapConfig>,
  name: string,
): ResolvedMapConfig | undefined {
  const exact = configs.get(name);
  if (exact) return exact;
  let best: ResolvedMapConfig | undefined;
  let bestPoint = -1;
  let tie: string | undefined;
  for (const [pattern, config] of configs) {
    const point = matchingPoint(pattern, name);
    if (point > bestPoint) {
      best = config;
      bestPoint = point;
      tie = undefined;
    } else if (point === bestPoint && point >= 0) {
      tie = pattern;
    }
  }
  if (best && tie !== undefined) {
    throw new InvalidConfigurationError(
      `Invalid configuration: map ${name} matches both ${ROOT}['${best.pattern}'] and ${ROOT}['${tie}'] equally well; make one of them more specific`,
    );
  }
  return best;
}

function matchingPoint(pattern: string, name: string): number {
  const star = pattern.indexOf('*');
  if (star < 0) return -1;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  if (name.length < head.length + tail.length) return -1;
  if (!name.startsWith(head) || !name.endsWith(tail)) return -1;
  return head.length + tail.length;
}
