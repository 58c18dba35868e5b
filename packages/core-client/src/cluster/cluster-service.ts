import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { Logger } from '../logging/logger';
import { type Address, addressKey } from '../util/address';
import type { Cluster, MemberSelector, MembershipListenerOptions } from './cluster';
import { type Member, type MembershipListener, memberToString } from './member';

/**
 * The member list the cluster pushes through the cluster view listener, and membership listeners on it.
 * Versions only move forward, except after a reconnect to a (possibly restarted) cluster, where the caller
 * passes `reset` so the new view replaces the old one and the difference is reported as events. Users see
 * it as a `Cluster` (`client.getCluster()`).
 */
export class ClusterService implements Cluster {
  readonly #logger: Logger;
  readonly #listeners = new Map<string, MembershipListener>();
  /** Listeners with an `init` that also want `memberAdded` for the members `init` got. */
  readonly #fireForExisting = new Set<string>();
  #members: readonly Member[] = [];
  #version = -1;
  #nextId = 0;
  #initialized = false;
  readonly #initialWaiters: Array<() => void> = [];

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** @internal The current members, oldest first (the member order the cluster uses); no copy. */
  get memberList(): readonly Member[] {
    return this.#members;
  }

  getMembers(memberSelector?: MemberSelector): Member[] {
    if (memberSelector === undefined) return [...this.#members];
    if (typeof memberSelector !== 'function') {
      throw new IllegalArgumentError(
        `Cluster.getMembers: the member selector must be a function (member) => boolean, got ${memberSelector === null ? 'null' : typeof memberSelector}`,
      );
    }
    return this.#members.filter((member) => memberSelector(member));
  }

  /** @internal The member with this uuid, or undefined. */
  getMember(uuid: string): Member | undefined {
    return this.#members.find((m) => m.uuid === uuid);
  }

  getMemberByUuid(uuid: string): Member | null {
    if (typeof uuid !== 'string') {
      throw new IllegalArgumentError(
        `Cluster.getMemberByUuid: the uuid must be a string, got ${typeof uuid}`,
      );
    }
    return this.getMember(uuid.toLowerCase()) ?? null;
  }

  getMemberByAddress(address: string | Address): Member | null {
    const key = addressKey(parseMemberAddress(address));
    return this.#members.find((m) => addressKey(m.address) === key) ?? null;
  }

  size(): number {
    return this.#members.length;
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
   * InitialMembershipListener, so no change can slip between reading the list and listening; with
   * `fireForExisting`, `memberAdded` hears of every current member.
   */
  addListener(listener: MembershipListener, options?: MembershipListenerOptions): string {
    const fireForExisting = checkListener(listener, options);
    const id = `membership-${this.#nextId++}`;
    this.#listeners.set(id, listener);
    if (fireForExisting) this.#fireForExisting.add(id);
    if (!this.#initialized) return id;
    const members = this.#members;
    if (listener.init) this.#call(() => listener.init?.({ members }));
    if (fireForExisting && listener.memberAdded) {
      for (const member of members) this.#call(() => listener.memberAdded?.({ member, members }));
    }
    return id;
  }

  removeListener(registrationId: string): boolean {
    this.#fireForExisting.delete(registrationId);
    return this.#listeners.delete(registrationId);
  }

  addMembershipListener(listener: MembershipListener, options?: MembershipListenerOptions): string {
    return this.addListener(listener, options);
  }

  removeMembershipListener(registrationId: string): boolean {
    return this.removeListener(registrationId);
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
      // Members init already listed are not reported again as added, unless the listener asked for it.
      for (const [id, listener] of this.#listeners) {
        if (listener.init && !this.#fireForExisting.has(id)) continue;
        for (const member of added)
          this.#call(() => listener.memberAdded?.({ member, members: this.#members }));
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

/** Validates a listener and its options; returns `fireForExisting`. Bad input registers nothing. */
function checkListener(
  listener: MembershipListener,
  options: MembershipListenerOptions | undefined,
): boolean {
  const callbacks = ['init', 'memberAdded', 'memberRemoved'] as const;
  if (typeof listener !== 'object' || listener === null) {
    throw new IllegalArgumentError(
      `Cluster.addListener: the listener must be an object { memberAdded?, memberRemoved?, init? }, got ${listener === null ? 'null' : typeof listener}`,
    );
  }
  const given = callbacks.filter((name) => listener[name] !== undefined);
  if (given.length === 0) {
    throw new IllegalArgumentError(
      'Cluster.addListener: the listener has none of memberAdded, memberRemoved, init',
    );
  }
  for (const name of given) {
    if (typeof listener[name] !== 'function') {
      throw new IllegalArgumentError(
        `Cluster.addListener: listener.${name} must be a function, got ${typeof listener[name]}`,
      );
    }
  }
  if (options === undefined) return false;
  if (typeof options !== 'object' || options === null) {
    throw new IllegalArgumentError(
      `Cluster.addListener: options must be an object { fireForExisting? }, got ${options === null ? 'null' : typeof options}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== 'fireForExisting') {
      throw new IllegalArgumentError(`Cluster.addListener: unknown option "${key}" (known: fireForExisting)`);
    }
  }
  const { fireForExisting } = options;
  if (fireForExisting !== undefined && typeof fireForExisting !== 'boolean') {
    throw new IllegalArgumentError(
      `Cluster.addListener: options.fireForExisting must be a boolean, got ${typeof fireForExisting}`,
    );
  }
  return fireForExisting ?? false;
}

/** `'host:port'`, `'[v6]:port'` or `{ host, port }`; the port is required (a member has exactly one). */
function parseMemberAddress(address: string | Address): Address {
  if (typeof address === 'string') {
    const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(address.trim());
    if (match) return { host: (match[1] ?? match[2]) as string, port: Number(match[3]) };
  } else if (
    typeof address === 'object' &&
    address !== null &&
    typeof address.host === 'string' &&
    Number.isInteger(address.port)
  ) {
    return address;
  }
  throw new IllegalArgumentError(
    `Cluster.getMemberByAddress: expected "host:port", "[v6]:port" or { host, port }, got ${typeof address === 'string' ? JSON.stringify(address) : address === null ? 'null' : typeof address}`,
  );
}

function describeMembers(members: readonly Member[]): string {
  const lines = members.map((m) => `\t${memberToString(m)}`);
  return `\n\nMembers [${members.length}] {\n${lines.join('\n')}\n}\n`;
}

export function memberAddressKey(member: Member): string {
  return addressKey(member.address);
}
