import { ClientNotActiveError } from '@hz/core-client';
import type { PluginHost } from '@hz/core-client/plugin';
import type { RaftGroupId } from '@hz/protocol';
import {
  CPSessionCloseSessionCodec,
  CPSessionCreateSessionCodec,
  CPSessionGenerateThreadIdCodec,
  CPSessionHeartbeatSessionCodec,
} from '@hz/protocol/codecs/cp-session';
import Long from 'long';
import type { CpState } from './cp-plugin';
import { CPGroupDestroyedError, SessionExpiredError } from './errors';
import { groupKey } from './group-key';

/** The session id of calls made without a session (sessionless semaphores, and "no session yet"). */
export const NO_SESSION_ID: Long = /* @__PURE__ */ Long.fromInt(-1);

interface Session {
  readonly id: Long;
  readonly groupId: RaftGroupId;
  readonly ttlMillis: number;
  /** Locks held, permits held and calls in flight that need the session: heartbeats run while > 0. */
  acquired: number;
  /** When the cluster last confirmed the session (creation or heartbeat). */
  aliveAt: number;
}

/**
 * CP sessions of one client: one per CP group, created by the first call that needs one (concurrent first
 * calls share one creation), kept alive by heartbeats at the period the cluster gives while anything holds
 * it, and left to expire on the cluster once nothing does. Closed when the client shuts down.
 */
export class SessionManager {
  readonly #host: PluginHost;
  readonly #state: CpState;
  readonly #sessions = new Map<string, Session>();
  readonly #creating = new Map<string, Promise<Session>>();
  #heartbeat: NodeJS.Timeout | undefined;
  #heartbeatMillis = Number.POSITIVE_INFINITY;
  #closed = false;

  constructor(state: CpState) {
    this.#state = state;
    this.#host = state.host;
    this.#host.onShutdown((signal) => this.#close(signal));
  }

  /** The session this client has in `groupId` right now, or NO_SESSION_ID. */
  sessionId(groupId: RaftGroupId): Long {
    return this.#sessions.get(groupKey(groupId))?.id ?? NO_SESSION_ID;
  }

  /** A session of `groupId` (created if needed) marked as used `count` more times; resolves with its id. */
  async acquire(groupId: RaftGroupId, count = 1): Promise<Long> {
    if (this.#closed) throw new ClientNotActiveError('The client is shutting down: no new CP session');
    const key = groupKey(groupId);
    const existing = this.#sessions.get(key);
    const session = existing && this.#usable(existing) ? existing : await this.#create(groupId, key);
    session.acquired += count;
    return session.id;
  }

  /** Gives back `count` uses of `sessionId` (a negative count adds uses, e.g. permits drained). */
  release(groupId: RaftGroupId, sessionId: Long, count = 1): void {
    const session = this.#sessions.get(groupKey(groupId));
    if (session?.id.equals(sessionId)) session.acquired = Math.max(0, session.acquired - count);
  }

  /** The cluster said `sessionId` is gone: the next call creates a new session. */
  invalidate(groupId: RaftGroupId, sessionId: Long): void {
    const key = groupKey(groupId);
    if (this.#sessions.get(key)?.id.equals(sessionId)) this.#sessions.delete(key);
  }

  /** A thread id no other client of the cluster uses in `groupId` (for calls without a session). */
  async generateThreadId(groupId: RaftGroupId): Promise<Long> {
    const response = await this.#host.invokeOnRandomTarget(
      CPSessionGenerateThreadIdCodec.encodeRequest(groupId),
    );
    return CPSessionGenerateThreadIdCodec.decodeResponse(response).response;
  }

  /** The client reached a restarted cluster: none of the old sessions exist there. */
  clusterChanged(): void {
    this.#sessions.clear();
    this.#creating.clear();
  }

  #usable(session: Session): boolean {
    // A held session is kept alive by heartbeats; an idle one is good until its TTL runs out.
    return session.acquired > 0 || Date.now() < session.aliveAt + session.ttlMillis;
  }

  #create(groupId: RaftGroupId, key: string): Promise<Session> {
    const inFlight = this.#creating.get(key);
    if (inFlight) return inFlight;
    const generation = this.#state.generation;
    const request = CPSessionCreateSessionCodec.encodeRequest(groupId, this.#host.config.instanceName);
    const created = this.#host.invokeOnRandomTarget(request).then((response) => {
      const { sessionId, ttlMillis, heartbeatMillis } = CPSessionCreateSessionCodec.decodeResponse(response);
      const session: Session = {
        id: sessionId,
        groupId,
        ttlMillis: ttlMillis.toNumber(),
        acquired: 0,
        aliveAt: Date.now(),
      };
      if (this.#closed) {
        // Created while the client shut down: nothing will use or close it otherwise.
        void this.#closeOne(session, undefined);
      } else if (generation === this.#state.generation) {
        this.#sessions.set(key, session);
        this.#scheduleHeartbeats(heartbeatMillis.toNumber());
      }
      return session;
    });
    this.#creating.set(key, created);
    const forget = () => {
      if (this.#creating.get(key) === created) this.#creating.delete(key);
    };
    created.then(forget, forget);
    return created;
  }

  #scheduleHeartbeats(millis: number): void {
    const period = Math.max(1, millis);
    if (this.#heartbeat && period >= this.#heartbeatMillis) return;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeatMillis = period;
    this.#heartbeat = setInterval(() => this.#sendHeartbeats(), period);
    // The client's connections keep the process alive while it runs; this timer alone must not.
    this.#heartbeat.unref();
  }

  #sendHeartbeats(): void {
    for (const session of this.#sessions.values()) {
      if (session.acquired === 0) continue;
      const sentAt = Date.now();
      this.#host
        .invokeOnRandomTarget(CPSessionHeartbeatSessionCodec.encodeRequest(session.groupId, session.id))
        .then(
          () => {
            session.aliveAt = Math.max(session.aliveAt, sentAt);
          },
          (error: unknown) => {
            if (error instanceof SessionExpiredError || error instanceof CPGroupDestroyedError) {
              this.invalidate(session.groupId, session.id);
            } else {
              this.#host.logger.debug('CpSessions', `heartbeat of CP session ${session.id} failed`, error);
            }
          },
        );
    }
  }

  async #close(signal: AbortSignal): Promise<void> {
    this.#closed = true;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    const sessions = [...this.#sessions.values()];
    this.#sessions.clear();
    await Promise.all(sessions.map((session) => this.#closeOne(session, signal)));
  }

  async #closeOne(session: Session, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.#host.invokeOnRandomTarget(
        CPSessionCloseSessionCodec.encodeRequest(session.groupId, session.id),
        signal ? { signal } : undefined,
      );
    } catch (error) {
      this.#host.logger.debug('CpSessions', `closing CP session ${session.id} failed`, error);
    }
  }
}

const KEY = 'sessions';

/** The session manager of the client `state` belongs to, created by the first session-aware call. */
export function sessionsOf(state: CpState): SessionManager {
  let manager = state.extensions.get(KEY) as SessionManager | undefined;
  if (!manager) {
    manager = new SessionManager(state);
    state.extensions.set(KEY, manager);
  }
  return manager;
}
