import type { Address } from '../util/address';
import type { Member, MembershipListener } from './member';

/** Picks members: `getMembers(MemberSelectors.DATA_MEMBER_SELECTOR)`, or any `(member) => boolean`. */
export type MemberSelector = (member: Member) => boolean;

export interface MembershipListenerOptions {
  /**
   * Call `memberAdded` for every current member at registration, before `addListener` returns (the seeds'
   * `fire_for_existing`). Default false. Before the first member list has arrived there is nobody to
   * report yet; the members of that list are reported as added when it arrives, as for every listener.
   */
  fireForExisting?: boolean;
}

/**
 * The cluster as this client sees it: the members the cluster pushed (the oldest first, the same order on
 * every member), lookups, and membership listeners. Everything here reads the client's local view, so it is
 * synchronous, as in the seeds.
 */
export interface Cluster {
  /** The current members, oldest first; only those `memberSelector` accepts when one is given. */
  getMembers(memberSelector?: MemberSelector): Member[];
  /** The member with this uuid, or null when it is not in the cluster. */
  getMemberByUuid(uuid: string): Member | null;
  /** The member at `address` (`'host:port'`, `'[v6]:port'` or `{ host, port }`), or null. */
  getMemberByAddress(address: string | Address): Member | null;
  /** How many members the cluster has (0 before the first member list arrives). */
  size(): number;
  /**
   * Listens for members joining and leaving; returns the registration id. There is no duplicate check: a
   * listener registered twice hears every change twice. A listener with `init` (InitialMembershipListener)
   * first gets the current member list.
   */
  addListener(listener: MembershipListener, options?: MembershipListenerOptions): string;
  /** Removes a membership listener; false when the id is not registered (any more). */
  removeListener(registrationId: string): boolean;
  /** The official Node.js client's name for `addListener`. */
  addMembershipListener(listener: MembershipListener, options?: MembershipListenerOptions): string;
  /** The official Node.js client's name for `removeListener`. */
  removeMembershipListener(registrationId: string): boolean;
}
