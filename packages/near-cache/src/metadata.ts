import type { Uuid } from '@hz/protocol';

/**
 * What the client knows of one map's invalidations, per partition: the partition's UUID on its owner, the
 * last invalidation sequence seen, the sequence below which cached entries may be stale, and how many
 * invalidations were missed (gaps in the sequence).
 *
 * Every cached entry remembers the partition's `epoch` and `sequence` at the moment its read was reserved.
 * An entry is stale when the epoch moved on (the partition UUID changed: a restart, a member loss, or the
 * client dropped the partition itself because its events may be lost) or when its sequence is below the
 * stale sequence (the client found a gap before or at that point). Stale entries are dropped when read.
 */
export class InvalidationMetadata {
  readonly partitionCount: number;
  readonly #uuids: Array<Uuid | null>;
  /** Bumped whenever what was cached in the partition can no longer be trusted. */
  readonly epochs: Uint32Array;
  /** The last invalidation sequence seen (or reported by a member). */
  readonly sequences: Float64Array;
  /** Entries reserved at a sequence below this are stale. */
  readonly staleSequences: Float64Array;
  readonly #missed: Float64Array;
  #totalMissed = 0;
  /** Gaps detected so far (for the statistics). */
  missedInvalidations = 0;

  constructor(partitionCount: number) {
    this.partitionCount = partitionCount;
    this.#uuids = new Array<Uuid | null>(partitionCount).fill(null);
    this.epochs = new Uint32Array(partitionCount);
    this.sequences = new Float64Array(partitionCount);
    this.staleSequences = new Float64Array(partitionCount);
    this.#missed = new Float64Array(partitionCount);
  }

  /** Missed invalidations not repaired yet. */
  get pendingMisses(): number {
    return this.#totalMissed;
  }

  /** Whether an entry reserved at (`epoch`, `sequence`) of `partitionId` may be stale now. */
  isStale(partitionId: number, epoch: number, sequence: number): boolean {
    return this.epochs[partitionId] !== epoch || sequence < this.staleSequences[partitionId]!;
  }

  /** An invalidation event (or what a reconciliation reported): repairs the partition's UUID, then its sequence. */
  observe(
    partitionId: number,
    partitionUuid: Uuid | null,
    sequence: number,
    viaReconciliation: boolean,
  ): void {
    if (partitionId < 0 || partitionId >= this.partitionCount) return;
    if (partitionUuid !== null) this.checkUuid(partitionId, partitionUuid);
    this.checkSequence(partitionId, sequence, viaReconciliation);
  }

  /**
   * A new partition UUID means the partition's sequences restarted on a new owner (promotion after a member
   * loss, or a restarted cluster): nothing cached before can be trusted, and sequences count from zero.
   */
  checkUuid(partitionId: number, partitionUuid: Uuid): void {
    const current = this.#uuids[partitionId];
    if (current != null && sameUuid(current, partitionUuid)) return;
    this.#uuids[partitionId] = partitionUuid;
    this.#restart(partitionId);
  }

  /**
   * Moves the partition's sequence forward. An event's sequence must be the next one; a reconciliation
   * reports the latest, so everything after ours was missed.
   */
  checkSequence(partitionId: number, next: number, viaReconciliation: boolean): void {
    const current = this.sequences[partitionId]!;
    if (current >= next) return;
    this.sequences[partitionId] = next;
    const missed = viaReconciliation ? next - current : next - current - 1;
    if (missed > 0) {
      this.#missed[partitionId] = this.#missed[partitionId]! + missed;
      this.#totalMissed += missed;
      this.missedInvalidations += missed;
    }
  }

  /**
   * The first metadata of a partition (the listener just started, or the cluster is new): taken as is,
   * nothing counts as missed.
   */
  initialize(partitionId: number, partitionUuid: Uuid | null, sequence: number): void {
    if (partitionId < 0 || partitionId >= this.partitionCount) return;
    if (partitionUuid !== null) this.checkUuid(partitionId, partitionUuid);
    if (sequence > this.sequences[partitionId]!) this.sequences[partitionId] = sequence;
    this.#totalMissed -= this.#missed[partitionId]!;
    this.#missed[partitionId] = 0;
  }

  /** Every partition with a gap: entries reserved before its latest sequence become stale. */
  repairMisses(): number {
    if (this.#totalMissed === 0) return 0;
    let repaired = 0;
    for (let p = 0; p < this.partitionCount; p++) {
      if (this.#missed[p] === 0) continue;
      this.#missed[p] = 0;
      if (this.staleSequences[p]! < this.sequences[p]!) this.staleSequences[p] = this.sequences[p]!;
      repaired++;
    }
    this.#totalMissed = 0;
    return repaired;
  }

  /** Distrusts what is cached in `partitionId` (its events may have been lost), keeping its sequences. */
  distrust(partitionId: number): void {
    if (partitionId < 0 || partitionId >= this.partitionCount) return;
    this.epochs[partitionId] = this.epochs[partitionId]! + 1;
  }

  /** A new cluster: every partition starts over. */
  reset(): void {
    for (let p = 0; p < this.partitionCount; p++) {
      this.#uuids[p] = null;
      this.#restart(p);
    }
  }

  #restart(partitionId: number): void {
    this.epochs[partitionId] = this.epochs[partitionId]! + 1;
    this.sequences[partitionId] = 0;
    this.staleSequences[partitionId] = 0;
    this.#totalMissed -= this.#missed[partitionId]!;
    this.#missed[partitionId] = 0;
  }
}

function sameUuid(a: Uuid, b: Uuid): boolean {
  return (
    a.mostSignificantBits.high === b.mostSignificantBits.high &&
    a.mostSignificantBits.low === b.mostSignificantBits.low &&
    a.leastSignificantBits.high === b.leastSignificantBits.high &&
    a.leastSignificantBits.low === b.leastSignificantBits.low
  );
}

export { sameUuid };
