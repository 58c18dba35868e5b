import type { ClientContext } from '../client/client-context';

/** Which partition a key is in and which member owns it, as the cluster reports. */
export interface PartitionService {
  getPartitionCount(): number;
  /** The partition of a key: a number from 0 to `getPartitionCount() - 1`. */
  getPartitionId(key: unknown): number;
  /**
   * The uuid of the member owning the partition, or null while partitions are not assigned yet (members
   * assign them on first use). Look the member up with `getCluster().getMemberByUuid(uuid)`.
   */
  getPartitionOwner(partitionId: number): string | null;
}

export function partitionService(context: ClientContext): PartitionService {
  return {
    getPartitionCount: () => context.partitions.partitionCount,
    getPartitionId: (key) => context.partitionIdOf(context.toData(key)),
    getPartitionOwner: (partitionId) => context.partitions.owner(partitionId) ?? null,
  };
}
