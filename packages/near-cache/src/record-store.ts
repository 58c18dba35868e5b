import type { ResolvedMapConfig } from './config';
import type { InvalidationMetadata } from './metadata';

/** What `getNearCacheStats(map)` returns: a snapshot of one near cache's counters. */
export interface NearCacheStats {
  /** When the near cache was created (ms since the epoch). */
  readonly creationTime: number;
  /** Entries cached now. */
  readonly ownedEntryCount: number;
  /** Estimated bytes the cached keys and values take (serialized sizes plus a per-entry overhead). */
  readonly ownedEntryMemoryCost: number;
  /** Reads served from the cache. */
  readonly hits: number;
  /** Reads that went to the cluster. */
  readonly misses: number;
  /** Entries dropped to stay within `evictionMaxSize`. */
  readonly evictions: number;
  /** Entries dropped because their time to live or max idle passed. */
  readonly expirations: number;
  /** Entries dropped by an invalidation (a write through this client, or an event from the cluster). */
  readonly invalidations: number;
  /** Invalidations received or made, whether or not the key was cached. */
  readonly invalidationRequests: number;
  /** Entries dropped on read because the repair found they may be stale (missed invalidations, new partition owners). */
  readonly staleReads: number;
  /** Invalidation events the client detected it missed (gaps in the partitions' sequences). */
  readonly missedInvalidations: number;
  /** Completed reconciliations (metadata fetched from the members and applied). */
  readonly reconciliations: number;
  /** When the last reconciliation completed (ms since the epoch), or null. */
  readonly lastReconciliationTime: number | null;
}

/** Keys the cache can look up without serializing them (their serialized form is a function of the value). */
export type FastKey = string | number;

export function isFastKey(key: unknown): key is FastKey {
  if (typeof key === 'string') return true;
  // -0 and NaN would collide in a JS Map with keys that serialize differently.
  return typeof key === 'number' && !Number.isNaN(key) && !Object.is(key, -0);
}

/** A record reserved for a read in flight holds this until the read publishes its value. */
const PUBLISHED = 0;
export const NOT_RESERVED = 0;

/** Per-entry bookkeeping bytes added to the serialized sizes in ownedEntryMemoryCost (an estimate). */
const RECORD_OVERHEAD = 96;

export class NearCacheRecord {
  readonly dataId: string;
  readonly fastKey: FastKey | undefined;
  readonly partitionId: number;
  /** Partition epoch and sequence when the read was reserved. */
  readonly epoch: number;
  readonly sequence: number;
  reservation: number;
  /** BINARY: the value's Data (or null); OBJECT: the object (or null). */
  value: unknown = null;
  cost = 0;
  creationTime = 0;
  lastAccessTime = 0;
  accessTick = 0;
  hits = 0;
  /** Position in the store's record array (-1 once removed). */
  slot = -1;

  constructor(
    dataId: string,
    fastKey: FastKey | undefined,
    partitionId: number,
    epoch: number,
    sequence: number,
    reservation: number,
  ) {
    this.dataId = dataId;
    this.fastKey = fastKey;
    this.partitionId = partitionId;
    this.epoch = epoch;
    this.sequence = sequence;
    this.reservation = reservation;
  }
}

export interface StoreClock {
  now(): number;
  random(): number;
}

const systemClock: StoreClock = { now: Date.now, random: Math.random };

/**
 * The entries of one near cache: a map by serialized key, an index by plain key (strings and numbers, so a
 * hit needs no serialization), and an array for O(1) random sampling by the eviction.
 *
 * Reads follow the reservation protocol: a read that misses reserves the key before it asks the cluster and
 * publishes the answer only if its reservation is still there. Any invalidation removes the record,
 * reservation included, so an answer that raced with a change is never cached.
 */
export class RecordStore {
  readonly config: ResolvedMapConfig;
  readonly #byId = new Map<string, NearCacheRecord>();
  readonly #byFastKey = new Map<FastKey, NearCacheRecord>();
  readonly #records: NearCacheRecord[] = [];
  readonly #clock: StoreClock;
  readonly #expires: boolean;
  #metadata: InvalidationMetadata | null = null;
  #pool: NearCacheRecord[] = [];
  #nextReservation = 1;
  #tick = 0;
  #sweepCursor = 0;

  readonly creationTime: number;
  published = 0;
  memoryCost = 0;
  hits = 0;
  misses = 0;
  evictions = 0;
  expirations = 0;
  invalidations = 0;
  invalidationRequests = 0;
  staleReads = 0;

  constructor(config: ResolvedMapConfig, clock: StoreClock = systemClock) {
    this.config = config;
    this.#clock = clock;
    this.#expires = config.timeToLiveMillis > 0 || config.maxIdleMillis > 0;
    this.creationTime = clock.now();
  }

  /** Invalidation metadata for stale-read detection (maps with invalidateOnChange). */
  set metadata(metadata: InvalidationMetadata | null) {
    this.#metadata = metadata;
  }

  get metadata(): InvalidationMetadata | null {
    return this.#metadata;
  }

  /** Records, reserved ones included. */
  get size(): number {
    return this.#records.length;
  }

  get expires(): boolean {
    return this.#expires;
  }

  byFastKey(key: FastKey): NearCacheRecord | undefined {
    return this.#byFastKey.get(key);
  }

  byDataId(dataId: string): NearCacheRecord | undefined {
    return this.#byId.get(dataId);
  }

  /**
   * A cached value for `record`, or `undefined` (a miss: the record is reserved, expired or possibly stale;
   * the last two are dropped). Counts the hit; the caller counts a miss.
   */
  lookup(record: NearCacheRecord): { value: unknown } | undefined {
    if (record.reservation !== PUBLISHED) return undefined;
    const metadata = this.#metadata;
    if (metadata?.isStale(record.partitionId, record.epoch, record.sequence)) {
      this.#remove(record);
      this.staleReads++;
      return undefined;
    }
    if (this.#expires) {
      const now = this.#clock.now();
      if (this.#expired(record, now)) {
        this.#remove(record);
        this.expirations++;
        return undefined;
      }
      record.lastAccessTime = now;
    }
    record.accessTick = ++this.#tick;
    record.hits++;
    this.hits++;
    return record;
  }

  /**
   * Reserves `dataId` for a read about to go to the cluster. Returns the reservation, or NOT_RESERVED when
   * another read holds it, the key is cached already, or the cache is full under policy NONE.
   */
  reserve(dataId: string, fastKey: FastKey | undefined, partitionId: number): number {
    if (this.#byId.has(dataId)) return NOT_RESERVED;
    if (this.#records.length >= this.config.evictionMaxSize) {
      if (this.config.evictionPolicy === 'NONE') return NOT_RESERVED;
      this.#evictUntilBelowMax();
    }
    const metadata = this.#metadata;
    const reservation = this.#nextReservation++;
    const record = new NearCacheRecord(
      dataId,
      fastKey,
      partitionId,
      metadata === null ? 0 : metadata.epochs[partitionId]!,
      metadata === null ? 0 : metadata.sequences[partitionId]!,
      reservation,
    );
    this.#byId.set(dataId, record);
    if (fastKey !== undefined) this.#byFastKey.set(fastKey, record);
    record.slot = this.#records.length;
    this.#records.push(record);
    return reservation;
  }

  /** Publishes the value a reserved read got, if the reservation still holds; `cost` is its serialized size. */
  publish(dataId: string, reservation: number, value: unknown, cost: number): boolean {
    const record = this.#byId.get(dataId);
    if (record === undefined || record.reservation !== reservation || reservation === NOT_RESERVED) {
      return false;
    }
    const now = this.#clock.now();
    record.value = value;
    record.reservation = PUBLISHED;
    record.creationTime = now;
    record.lastAccessTime = now;
    record.accessTick = ++this.#tick;
    record.cost = cost + dataId.length + RECORD_OVERHEAD;
    this.published++;
    this.memoryCost += record.cost;
    return true;
  }

  /** Gives a reservation back (the read failed). */
  release(dataId: string, reservation: number): void {
    const record = this.#byId.get(dataId);
    if (record !== undefined && record.reservation === reservation && reservation !== NOT_RESERVED) {
      this.#remove(record);
    }
  }

  /** Drops the key (cached or reserved); counts an invalidation request when `count`. */
  invalidate(dataId: string, count = true): void {
    if (count) this.invalidationRequests++;
    const record = this.#byId.get(dataId);
    if (record === undefined) return;
    if (record.reservation === PUBLISHED) this.invalidations++;
    this.#remove(record);
  }

  /** Drops everything (map cleared, or a new cluster). */
  clear(countAsInvalidation = true): void {
    if (countAsInvalidation) {
      this.invalidationRequests++;
      this.invalidations += this.published;
    }
    this.#byId.clear();
    this.#byFastKey.clear();
    for (const record of this.#records) record.slot = -1;
    this.#records.length = 0;
    this.#pool = [];
    this.published = 0;
    this.memoryCost = 0;
  }

  /**
   * Drops expired entries, looking at up to `budget` records from where the last sweep stopped; returns how
   * many it dropped. Expired entries are also dropped when read or sampled by the eviction.
   */
  sweepExpired(budget: number): number {
    if (!this.#expires || this.#records.length === 0) return 0;
    const now = this.#clock.now();
    let dropped = 0;
    let looked = 0;
    if (this.#sweepCursor >= this.#records.length) this.#sweepCursor = 0;
    while (looked < budget && this.#records.length > 0) {
      if (this.#sweepCursor >= this.#records.length) {
        this.#sweepCursor = 0;
        if (looked >= this.#records.length) break;
      }
      const record = this.#records[this.#sweepCursor]!;
      looked++;
      if (record.reservation === PUBLISHED && this.#expired(record, now)) {
        // The last record moves into this slot: look at it next.
        this.#remove(record);
        this.expirations++;
        dropped++;
      } else {
        this.#sweepCursor++;
      }
    }
    return dropped;
  }

  #expired(record: NearCacheRecord, now: number): boolean {
    const { timeToLiveMillis, maxIdleMillis } = this.config;
    if (timeToLiveMillis > 0 && now - record.creationTime > timeToLiveMillis) return true;
    return maxIdleMillis > 0 && now - record.lastAccessTime > maxIdleMillis;
  }

  #evictUntilBelowMax(): void {
    // Reserved records are not candidates: when only those are left, the cache goes over by the reads in flight.
    let attempts = 0;
    while (this.#records.length >= this.config.evictionMaxSize && attempts++ < 4) {
      if (!this.#evictOne()) return;
    }
  }

  /** Samples records; drops expired ones among them, else the pool's best candidate. False if nothing could go. */
  #evictOne(): boolean {
    const sample = this.#sample();
    let expired = 0;
    const now = this.#expires ? this.#clock.now() : 0;
    const candidates: NearCacheRecord[] = [];
    for (const record of sample) {
      if (record.reservation !== PUBLISHED) continue;
      if (this.#expires && this.#expired(record, now)) {
        this.#remove(record);
        this.expirations++;
        expired++;
      } else {
        candidates.push(record);
      }
    }
    if (expired > 0) return true;
    const pool = this.#pool.filter((r) => r.slot >= 0 && r.reservation === PUBLISHED);
    for (const record of candidates) if (!pool.includes(record)) pool.push(record);
    if (pool.length === 0) {
      this.#pool = pool;
      return false;
    }
    const policy = this.config.evictionPolicy;
    if (policy === 'LRU') pool.sort((a, b) => a.accessTick - b.accessTick);
    else if (policy === 'LFU') pool.sort((a, b) => a.hits - b.hits || a.accessTick - b.accessTick);
    const victim = pool.shift()!;
    this.#pool = pool.slice(0, this.config.evictionSamplingPoolSize);
    this.#remove(victim);
    this.evictions++;
    return true;
  }

  #sample(): NearCacheRecord[] {
    const records = this.#records;
    const count = this.config.evictionSamplingCount;
    if (records.length <= count) return records.slice();
    const picked = new Set<NearCacheRecord>();
    // Distinct random records: `count` is small next to the store, so a few retries at most.
    for (let tries = 0; picked.size < count && tries < count * 4; tries++) {
      picked.add(records[Math.floor(this.#clock.random() * records.length)]!);
    }
    return [...picked];
  }

  #remove(record: NearCacheRecord): void {
    const slot = record.slot;
    if (slot < 0) return;
    this.#byId.delete(record.dataId);
    if (record.fastKey !== undefined && this.#byFastKey.get(record.fastKey) === record) {
      this.#byFastKey.delete(record.fastKey);
    }
    const last = this.#records.pop()!;
    if (last !== record) {
      this.#records[slot] = last;
      last.slot = slot;
    }
    record.slot = -1;
    if (record.reservation === PUBLISHED) {
      this.published--;
      this.memoryCost -= record.cost;
    }
  }
}
