import type { IMap, Member } from '@hz/core-client';
import type { ClientPlugin, DistributedObject, PluginHost } from '@hz/core-client/plugin';
import { MapFetchNearCacheInvalidationMetadataCodec, type Uuid, uuidFromString } from '@hz/protocol';
import {
  checkRepairConfig,
  configFor,
  type NearCacheMapsConfig,
  type NearCacheRepairConfig,
  PLUGIN_NAME,
  type ResolvedMapConfig,
  type ResolvedRepairConfig,
  resolveMapsConfig,
  resolveRepairConfig,
} from './config';
import { NearCachedMap, type NearCacheHost } from './near-cached-map';

const MAP_SERVICE_NAME = 'hz:impl:mapService';
/** How often expired entries are swept, and how many records one sweep looks at per map. */
const SWEEP_MILLIS = 1_000;
const SWEEP_BUDGET = 10_000;
/** A reconciliation that reached no member is tried again after this long. */
const RETRY_MILLIS = 1_000;
/** A member that does not answer (paused, overloaded) must not hold up the other members' metadata for long. */
const FETCH_TIMEOUT_MILLIS = 15_000;
/** setInterval's largest delay. */
const MAX_TIMER_MILLIS = 2_147_483_647;

/** The per-client state of the plug-in: the near-cached maps and the repair that keeps them honest. */
export class NearCacheManager implements NearCacheHost {
  readonly host: PluginHost;
  readonly clientUuid: Uuid;
  readonly maxToleratedMissCount: number;
  readonly #configs: ReadonlyMap<string, ResolvedMapConfig>;
  readonly #repair: ResolvedRepairConfig;
  readonly #maps = new Map<string, NearCachedMap<unknown, unknown>>();
  #reconciliationTimer: NodeJS.Timeout | undefined;
  #sweepTimer: NodeJS.Timeout | undefined;
  #soon: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;

  constructor(
    host: PluginHost,
    configs: ReadonlyMap<string, ResolvedMapConfig>,
    repair: ResolvedRepairConfig,
  ) {
    this.host = host;
    this.clientUuid = uuidFromString(host.clientUuid);
    this.#configs = configs;
    this.#repair = repair;
    this.maxToleratedMissCount = repair.maxToleratedMissCount;
    host.decorateProxy(MAP_SERVICE_NAME, (proxy) => this.#decorate(proxy));
    host.on('clusterChanged', () => {
      for (const map of this.#maps.values()) map.clusterChanged();
    });
    host.on('connectionLost', ({ memberUuid }) => this.#memberLost(memberUuid));
    host.on('memberRemoved', (member: Member) => this.#memberLost(member.uuid));
    host.on('connectionAdded', () => {
      for (const map of this.#maps.values()) map.retryListener();
    });
    host.onShutdown(async () => this.close());
  }

  get repair(): ResolvedRepairConfig {
    return this.#repair;
  }

  /** The near-cached map named `name`, if this client has one. */
  map(name: string): NearCachedMap<unknown, unknown> | undefined {
    return this.#maps.get(name);
  }

  forget(map: NearCachedMap<unknown, unknown>): void {
    if (this.#maps.get(map.getName()) === map) this.#maps.delete(map.getName());
  }

  /** Runs a reconciliation soon; requests made while one runs are served by one more run after it. */
  requestReconciliation(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#soon) return;
    this.#soon = setTimeout(() => {
      this.#soon = undefined;
      void this.reconcile();
    }, 0);
    this.#soon.unref();
  }

  /**
   * Fetches the invalidation metadata of every listening map from every connected member (each reports the
   * partitions it owns) and applies it: new partition UUIDs distrust what was cached, sequences ahead of ours
   * are missed invalidations, and every partition with a miss gets its stale sequence moved up. Maps whose
   * listener just started take the metadata as their starting point and start caching.
   */
  reconcile(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#reconcileOnce().finally(() => {
      this.#running = undefined;
      if (this.#again && !this.#closed) {
        this.#again = false;
        this.requestReconciliation();
      }
    });
    return this.#running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#reconciliationTimer);
    clearInterval(this.#sweepTimer);
    clearTimeout(this.#soon);
    this.#reconciliationTimer = undefined;
    this.#sweepTimer = undefined;
    this.#soon = undefined;
  }

  async #reconcileOnce(): Promise<void> {
    const maps = [...this.#maps.values()].filter((map) => map.listening);
    if (maps.length === 0 || this.#closed) return;
    for (const map of maps) map.ensureMetadata();
    const generations = new Map(maps.map((map) => [map, map.generation] as const));
    const initializing = new Set(maps.filter((map) => map.initializing));
    const byName = new Map(maps.map((map) => [map.getName(), map] as const));
    const names = [...byName.keys()];
    const members = this.host.cluster.connectedMemberUuids();
    let answered = 0;
    await Promise.all(
      members.map(async (memberUuid) => {
        let response: MapFetchNearCacheInvalidationMetadataCodec.ResponseParameters;
        try {
          const request = MapFetchNearCacheInvalidationMetadataCodec.encodeRequest(
            names,
            uuidFromString(memberUuid),
          );
          response = MapFetchNearCacheInvalidationMetadataCodec.decodeResponse(
            await this.host.invokeOnMember(request, memberUuid, { timeoutMillis: FETCH_TIMEOUT_MILLIS }),
          );
        } catch (error) {
          this.host.logger.debug(
            'NearCache',
            `could not fetch invalidation metadata from member ${memberUuid}: ${(error as Error).message}`,
          );
          return;
        }
        answered++;
        this.#apply(response, byName, initializing, generations);
      }),
    );
    if (answered === 0) {
      // Nobody answered (no connection right now): the maps waiting to start must not wait for the next period.
      if (initializing.size > 0 && !this.#closed) {
        setTimeout(() => this.requestReconciliation(), RETRY_MILLIS).unref();
      }
      return;
    }
    const now = Date.now();
    for (const map of maps) {
      if (generations.get(map) !== map.generation) continue;
      if (initializing.has(map)) map.markReady(map.generation);
      else map.metadata?.repairMisses();
      map.reconciliations++;
      map.lastReconciliationTime = now;
    }
  }

  #apply(
    response: MapFetchNearCacheInvalidationMetadataCodec.ResponseParameters,
    byName: ReadonlyMap<string, NearCachedMap<unknown, unknown>>,
    initializing: ReadonlySet<NearCachedMap<unknown, unknown>>,
    generations: ReadonlyMap<NearCachedMap<unknown, unknown>, number>,
  ): void {
    const current = [...byName.values()].filter((map) => generations.get(map) === map.generation);
    for (const map of current) {
      const metadata = map.metadata;
      if (metadata === null) continue;
      const fresh = initializing.has(map);
      for (const [partitionId, partitionUuid] of response.partitionUuidList) {
        if (fresh) metadata.initialize(partitionId, partitionUuid, 0);
        else if (partitionId >= 0 && partitionId < metadata.partitionCount) {
          metadata.checkUuid(partitionId, partitionUuid);
        }
      }
    }
    for (const [name, sequences] of response.namePartitionSequenceList) {
      const map = byName.get(name);
      if (map === undefined || generations.get(map) !== map.generation) continue;
      const metadata = map.metadata;
      if (metadata === null) continue;
      const fresh = initializing.has(map);
      for (const [partitionId, sequence] of sequences) {
        if (fresh) metadata.initialize(partitionId, null, sequence.toNumber());
        else metadata.observe(partitionId, null, sequence.toNumber(), true);
      }
    }
  }

  #decorate(proxy: DistributedObject): DistributedObject {
    const config = configFor(this.#configs, proxy.getName());
    if (config === undefined) return proxy;
    const map = new NearCachedMap(this, proxy as IMap<unknown, unknown>, config);
    this.#maps.set(map.getName(), map);
    if (config.invalidateOnChange) this.#startReconciliationTimer();
    if (map.store.expires) this.#startSweepTimer();
    return map;
  }

  #startReconciliationTimer(): void {
    const interval = this.#repair.reconciliationIntervalMillis;
    if (this.#reconciliationTimer || interval === 0 || this.#closed) return;
    this.#reconciliationTimer = setInterval(
      () => this.requestReconciliation(),
      Math.min(interval, MAX_TIMER_MILLIS),
    );
    this.#reconciliationTimer.unref();
  }

  #startSweepTimer(): void {
    if (this.#sweepTimer || this.#closed) return;
    this.#sweepTimer = setInterval(() => {
      for (const map of this.#maps.values()) map.store.sweepExpired(SWEEP_BUDGET);
    }, SWEEP_MILLIS);
    this.#sweepTimer.unref();
  }

  partitionsOf(memberUuid: string): number[] {
    const cluster = this.host.cluster;
    const count = cluster.partitionCount();
    const smart = this.host.config.network.smartRouting;
    const partitions: number[] = [];
    for (let p = 0; p < count; p++) {
      // Unisocket: every event came through that one connection.
      if (!smart || cluster.partitionOwner(p) === memberUuid) partitions.push(p);
    }
    return partitions;
  }

  /** A member's connection broke or it left: its invalidations may be lost, so its partitions are distrusted. */
  #memberLost(memberUuid: string): void {
    if (this.#maps.size === 0) return;
    const partitions = this.partitionsOf(memberUuid);
    for (const map of this.#maps.values()) map.memberLost(memberUuid, partitions);
  }
}

/**
 * The near-cache plug-in: `newHazelcastClient({ plugins: [nearCache({ 'prices': {…}, 'ref-*': {…} })] })`
 * gives the maps so named a near cache, with no other change to the code that uses them
 * (`getMap(client, 'prices')`). The config is checked here, so a wrong option fails before any connection;
 * `repair` overrides the client's `hazelcast.invalidation.*` properties.
 */
export function nearCache(
  maps: NearCacheMapsConfig,
  repair?: NearCacheRepairConfig,
): ClientPlugin<NearCacheManager> {
  const configs = resolveMapsConfig(maps);
  const own = checkRepairConfig(repair);
  return {
    name: PLUGIN_NAME,
    setup(host) {
      return new NearCacheManager(host, configs, resolveRepairConfig(own, host.config.properties));
    },
  };
}
