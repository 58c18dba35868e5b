import type { RaftGroupId } from '@hz/protocol';

/** A map key of a CP group id (name, seed and id: a re-created group with the same name is another group). */
export function groupKey(groupId: RaftGroupId): string {
  return `${groupId.name}/${groupId.seed.toString()}/${groupId.id.toString()}`;
}
