import type { Logger } from '../logging/logger';
import { addressKey } from '../util/address';
import { type Member, type MembershipListener, memberToString } from './member';

/**
 * The member list the cluster pushes through the cluster view listener, and membership listeners on it.
 * Versions only move forward, except after a reconnect to a (possibly restarted) cluster, where the caller
 * passes `reset` so the new view replaces the old one and the difference is reported as events.
 */
export class ClusterService {
  readonly #logger: Logger;
  readonly #listeners = new Map<string, MembershipListener>();
  #members: readonly Member[] = [];
  #version = -1;
  #nextId = 0;
  #initialized = false;
  readonly #initialWaiters: Array<() => void> = [];

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** The current members, oldest first (the member order the cluster uses). */
  getMembers(): readonly Member[] {
    return this.#members;
  }

  getMember(uuid: string): Member | undefined {
    return this.#members.find((m) => m.uuid === uuid);
  }

  /** True once the first member list has arrived. */
  get initialized(): boolean {
    return this.#initialized;
  }

  /** Resolves when the first member list has arrived. */
  whenInitialized(): Promise<void> {
    if (this.#initialized) return Promise.resolve();
    return new Promise((resolve) => this.#initialWaiters.push(resolve));
  }

  /**
   * Adds a listener. With an `init` method it first gets the current members (if known), as Java's
   * InitialMembershipListener, so no change can slip between reading the list and listening.
   */
  addMembershipListener(listener: MembershipListener): string {
    const id = `membership-${this.#nextId++}`;
    this.#listeners.set(id, listener);
    if (listener.init && this.#initialized) this.#call(() => listener.init?.({ members: this.#members }));
    return id;
  }

  removeMembershipListener(id: string): boolean {
    return this.#listeners.delete(id);
  }

  /** @internal Applies a member-list event; returns the members that joined and left. */
  apply(version: number, members: readonly Member[], reset = false): { added: Member[]; removed: Member[] } {
    if (!reset && version <= this.#version) return { added: [], removed: [] };
    const previous = new Map(this.#members.map((m) => [m.uuid, m]));
    const current = new Set(members.map((m) => m.uuid));
    const removed = this.#members.filter((m) => !current.has(m.uuid));
    const added = members.filter((m) => !previous.has(m.uuid));
    this.#members = Object.freeze([...members]);
    this.#version = version;
    const first = !this.#initialized;
    this.#initialized = true;
    this.#logger.info('ClusterService', describeMembers(members));
    if (first) {
      for (const listener of this.#listeners.values()) {
        if (listener.init) this.#call(() => listener.init?.({ members: this.#members }));
      }
      for (const resolve of this.#initialWaiters.splice(0)) resolve();
      // Members already present before a listener's init are not reported again as added.
      if (this.#listeners.size > 0) {
        for (const listener of this.#listeners.values()) {
          if (listener.init) continue;
          for (const member of added)
            this.#call(() => listener.memberAdded?.({ member, members: this.#members }));
        }
      }
      return { added, removed };
    }
    for (const member of removed) {
      for (const listener of this.#listeners.values()) {
        this.#call(() => listener.memberRemoved?.({ member, members: this.#members }));
      }
    }
    for (const member of added) {
      for (const listener of this.#listeners.values()) {
        this.#call(() => listener.memberAdded?.({ member, members: this.#members }));
      }
    }
    return { added, removed };
  }

  #call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#logger.warn('ClusterService', 'membership listener threw', error);
    }
  }
}

function describeMembers(members: readonly Member[]): string {
  const lines = members.map((m) => `\t${memberToString(m)}`);
  return `\n\nMembers [${members.length}] {\n${lines.join('\n')}\n}\n`;
}

export function memberAddressKey(member: Member): string {
  return addressKey(member.address);
}
