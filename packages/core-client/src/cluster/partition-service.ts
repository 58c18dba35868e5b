import type { ClientContext } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';

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
    getPartitionId: (key) => {
      if (key === null || key === undefined) {
        throw new IllegalArgumentError(`PartitionService.getPartitionId: a key must not be ${key}`);
      }
      return context.partitionIdOf(context.toData(key));
    },
    getPartitionOwner: (partitionId) => {
      const count = context.partitions.partitionCount;
      // Before the first member list the count is unknown (0): every id is "not assigned yet".
      if (!Number.isInteger(partitionId) || partitionId < 0 || (count > 0 && partitionId >= count)) {
        throw new IllegalArgumentError(
          `PartitionService.getPartitionOwner: a partition id must be a whole number from 0 to ${count > 0 ? count - 1 : 'the partition count - 1'}, got ${typeof partitionId === 'number' ? partitionId : typeof partitionId}`,
        );
      }
      return context.partitions.owner(partitionId) ?? null;
    },
  };
}
