import type { ClientContext } from '../client/client-context';
import type { Member } from './member';

/** Which partition a key is in and which member owns it, as the cluster reports. */
export interface PartitionService {
  getPartitionCount(): number;
  getPartitionId(key: unknown): number;
  /** The owner, or undefined while partitions are not assigned yet (they are on first use). */
  getPartitionOwner(partitionId: number): Member | undefined;
}

export function partitionService(context: ClientContext): PartitionService {
  return {
    getPartitionCount: () => context.partitions.partitionCount,
    getPartitionId: (key) => context.partitionIdOf(context.toData(key)),
    getPartitionOwner: (partitionId) => {
      const uuid = context.partitions.owner(partitionId);
      return uuid === undefined ? undefined : context.clusterService.getMember(uuid);
    },
  };
}
