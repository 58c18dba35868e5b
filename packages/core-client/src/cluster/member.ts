import type { Address } from '../util/address';

/** A cluster member as the client sees it (from the cluster view the members push). */
export interface Member {
  readonly uuid: string;
  readonly address: Address;
  readonly liteMember: boolean;
  readonly attributes: Readonly<Record<string, string>>;
  readonly version: { readonly major: number; readonly minor: number; readonly patch: number };
}

export interface MembershipEvent {
  readonly member: Member;
  /** The member list after the change. */
  readonly members: readonly Member[];
}

/** Called once with the current members when registered with `{ initial: true }` (InitialMembershipListener). */
export interface InitialMembershipEvent {
  readonly members: readonly Member[];
}

export interface MembershipListener {
  init?(event: InitialMembershipEvent): void;
  memberAdded?(event: MembershipEvent): void;
  memberRemoved?(event: MembershipEvent): void;
}

export function memberToString(member: Member): string {
  return `Member [${member.address.host}]:${member.address.port} - ${member.uuid}${member.liteMember ? ' lite' : ''}`;
}
