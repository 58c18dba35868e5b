import {
  type HazelcastClient,
  IndeterminateOperationStateError,
  UnsupportedOperationError,
} from '@hz/core-client';
import type { ClientPlugin, PluginHost } from '@hz/core-client/plugin';
import { attachPlugin } from '@hz/core-client/plugin';
import { ErrorCodes, type RaftGroupId } from '@hz/protocol';
import { CPGroupCreateCPGroupCodec } from '@hz/protocol/codecs/cp-group';
import {
  CPGroupDestroyedError,
  CPSubsystemNotAvailableError,
  LockAcquireLimitReachedError,
  LockOwnershipLostError,
  SessionExpiredError,
  WaitKeyCancelledError,
} from './errors';

/**
 * What @hz/cp keeps per client: the ids of the CP groups its objects live in, and (created by the first
 * session-aware object) the CP session manager. Everything is dropped when the client connects to a
 * restarted cluster, whose groups and sessions are new.
 */
export interface CpState {
  readonly host: PluginHost;
  /** Bumped when the client reaches a different cluster: group ids, sessions and thread ids of the old one are void. */
  readonly generation: number;
  /** The id of CP group `groupName`, asked of the cluster once (`proxyName` is what the request carries). */
  groupId(proxyName: string, groupName: string, kind: string): Promise<RaftGroupId>;
  /** Forgets a group id the cluster reported destroyed, so the next call asks again. */
  forgetGroup(groupName: string): void;
  /** Per-client services other @hz/cp modules attach lazily (the session manager), by key. */
  readonly extensions: Map<string, unknown>;
}

const PLUGIN_NAME = '@hz/cp';

/** States by host, so a proxy factory given only the host (getDistributedObjects) finds its client's state. */
const states = new WeakMap<PluginHost, CpState>();

const cpPlugin: ClientPlugin<CpState> = {
  name: PLUGIN_NAME,
  setup(host) {
    host.registerServerError(ErrorCodes.SESSION_EXPIRED_EXCEPTION, SessionExpiredError);
    host.registerServerError(ErrorCodes.WAIT_KEY_CANCELLED_EXCEPTION, WaitKeyCancelledError);
    host.registerServerError(ErrorCodes.LOCK_ACQUIRE_LIMIT_REACHED_EXCEPTION, LockAcquireLimitReachedError);
    host.registerServerError(ErrorCodes.LOCK_OWNERSHIP_LOST_EXCEPTION, LockOwnershipLostError);
    host.registerServerError(ErrorCodes.CP_GROUP_DESTROYED_EXCEPTION, CPGroupDestroyedError);
    // CP members report a write whose outcome they cannot know (its leader failed mid-way, with
    // fail-on-indeterminate-operation-state) with this code; the core has the class but no mapping for it.
    host.registerServerError(ErrorCodes.INDETERMINATE_OPERATION_STATE, IndeterminateOperationStateError);
    const state = new ClientCpState(host);
    host.on('clusterChanged', () => state.clusterChanged());
    states.set(host, state);
    return state;
  },
};

class ClientCpState implements CpState {
  readonly host: PluginHost;
  readonly extensions = new Map<string, unknown>();
  #generation = 0;
  readonly #groups = new Map<string, Promise<RaftGroupId>>();

  constructor(host: PluginHost) {
    this.host = host;
  }

  get generation(): number {
    return this.#generation;
  }

  groupId(proxyName: string, groupName: string, kind: string): Promise<RaftGroupId> {
    const cached = this.#groups.get(groupName);
    if (cached) return cached;
    const generation = this.#generation;
    const resolved = this.host.invokeOnRandomTarget(CPGroupCreateCPGroupCodec.encodeRequest(proxyName)).then(
      (response) => CPGroupCreateCPGroupCodec.decodeResponse(response).groupId,
      (error: unknown) => {
        if (this.#groups.get(groupName) === resolved) this.#groups.delete(groupName);
        throw translateCpError(this.host, error, kind, proxyName);
      },
    );
    if (generation === this.#generation) this.#groups.set(groupName, resolved);
    return resolved;
  }

  forgetGroup(groupName: string): void {
    this.#groups.delete(groupName);
  }

  clusterChanged(): void {
    this.#generation++;
    this.#groups.clear();
    for (const extension of this.extensions.values()) {
      (extension as { clusterChanged?: () => void }).clusterChanged?.();
    }
  }
}

/** @hz/cp's state of `client`, set up on first use. */
export function cpState(client: HazelcastClient): CpState {
  return attachPlugin(client, cpPlugin);
}

/** The state of the client `host` belongs to (proxy factories receive only the host). */
export function cpStateOfHost(host: PluginHost): CpState {
  const state = states.get(host);
  if (!state) throw new Error('@hz/cp: no CP state for this client (a proxy was built before the plug-in)');
  return state;
}

/**
 * A member without a CP Subsystem (Community Edition 5.5 and later) answers every CP request with an
 * UnsupportedOperationException whose text blames the client; this says what is really the matter.
 */
export function translateCpError(host: PluginHost, error: unknown, kind: string, name: string): unknown {
  if (!(error instanceof UnsupportedOperationError) || error instanceof CPSubsystemNotAvailableError) {
    return error;
  }
  const text = `${error.serverMessage ?? error.message}`;
  if (!/\bCP\b/.test(text)) return error;
  const member = host.cluster.getMembers()[0];
  const version = member
    ? `${member.version.major}.${member.version.minor}.${member.version.patch}`
    : 'unknown';
  return new CPSubsystemNotAvailableError(
    `${kind} ${name}: the CP Subsystem is not available on this cluster (its members run Hazelcast ${version}). ` +
      'Hazelcast Community Edition has no CP Subsystem since 5.5 (it is an Enterprise feature there); use ' +
      'Community Edition 5.4 or older with cp-member-count set, or Hazelcast Enterprise with a license that ' +
      `enables CP. The member said: "${text}"`,
    { cause: error },
  );
}
