import type { Address } from '../util/address';

/** The Hazelcast codebase version of a member, e.g. 5.7.0. */
export interface MemberVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** A cluster member as the client sees it (from the cluster view the members push). */
export interface Member {
  /** The member's uuid, lowercase with dashes (every member id in the API is this string). */
  readonly uuid: string;
  /** Where clients reach it. */
  readonly address: Address;
  /** A lite member owns no partitions: it holds no data (SQL cannot run on it). */
  readonly liteMember: boolean;
  /** `<member-attributes>` of the member's config. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly version: MemberVersion;
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
