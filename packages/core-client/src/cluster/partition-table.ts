import { ClientOfflineError } from '../errors/hazelcast-error';

/**
 * Which member owns which partition, as pushed by the cluster view listener. Updates carry a version;
 * an older or equal version never overwrites a newer table (events from two connections can interleave).
 */
export class PartitionTable {
  #owners: (string | undefined)[] = [];
  #version = -1;
  #partitionCount = 0;
  #connectionKey: string | undefined;

  get partitionCount(): number {
    return this.#partitionCount;
  }

  /** Set from the authentication response; a different count from another cluster is a config error. */
  setPartitionCount(count: number): boolean {
    if (this.#partitionCount === 0) {
      this.#partitionCount = count;
      return true;
    }
    return this.#partitionCount === count;
  }

  /** The member uuid that owns `partitionId`, if known. */
  owner(partitionId: number): string | undefined {
    return this.#owners[partitionId];
  }

  /**
   * Applies a partition table pushed on the connection `connectionKey`. A table from a new connection
   * (after a reconnect, versions restart) always applies; on the same connection only a newer version does.
   */
  apply(
    connectionKey: string,
    version: number,
    ownership: ReadonlyArray<readonly [string, readonly number[]]>,
  ): boolean {
    if (connectionKey === this.#connectionKey && version <= this.#version) return false;
    const owners: (string | undefined)[] = new Array(this.#partitionCount).fill(undefined);
    for (const [uuid, partitions] of ownership) {
      for (const partitionId of partitions) owners[partitionId] = uuid;
    }
    this.#owners = owners;
    this.#version = version;
    this.#connectionKey = connectionKey;
    return true;
  }

  /** Forgets owners (e.g. when connected to a different cluster); the count stays fixed per cluster. */
  reset(): void {
    this.#owners = [];
    this.#version = -1;
    this.#connectionKey = undefined;
  }

  /** Java's HashUtil.hashToIndex: the partition of a key whose Data partition hash is `hash`. */
  partitionIdForHash(hash: number): number {
    if (this.#partitionCount === 0) {
      throw new ClientOfflineError(
        'The client has not connected to the cluster yet, so the partition of a key is not known',
      );
    }
    return hash === -2147483648 ? 0 : Math.abs(hash) % this.#partitionCount;
  }
}
