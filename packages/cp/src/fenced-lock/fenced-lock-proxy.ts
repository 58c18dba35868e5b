import { AbortError, IllegalMonitorStateError, type Int64 } from '@hz/core-client';
import { checkOptions } from '@hz/core-client/plugin';
import { type RaftGroupId, randomUuid, type Uuid } from '@hz/protocol';
import {
  FencedLockGetLockOwnershipCodec,
  FencedLockLockCodec,
  FencedLockTryLockCodec,
  FencedLockUnlockCodec,
} from '@hz/protocol/codecs/fenced-lock';
import Long from 'long';
import { abortError, checkSignal, raceSignal, SerialQueue, settledWithin, waitMillis } from '../abort';
import type { CpState } from '../cp-plugin';
import { CpProxy } from '../cp-proxy';
import {
  LockAcquireLimitReachedError,
  LockOwnershipLostError,
  SessionExpiredError,
  WaitKeyCancelledError,
} from '../errors';
import type { CpName } from '../names';
import { NO_SESSION_ID, type SessionManager, sessionsOf } from '../sessions';
import {
  FENCED_LOCK_SERVICE_NAME,
  type FencedLock,
  type LockOptions,
  type TryLockOptions,
} from './fenced-lock';

/** The fence of "not acquired". */
const INVALID_FENCE = /* @__PURE__ */ Long.fromInt(0);
/** Waiting calls are never cut off by the invocation timeout. */
const BLOCKING = { timeoutMillis: Number.POSITIVE_INFINITY } as const;
/**
 * An aborted lock call is withdrawn by an unlock of the same owner; if the lock request reaches the group's
 * leader after that unlock (they may travel through different members), the withdrawal is sent again this
 * often until the lock call has settled.
 */
const WITHDRAW_AGAIN_MILLIS = 1000;
const LOCK_OPTIONS = ['signal'] as const;
const TRY_LOCK_OPTIONS = ['timeout', 'signal'] as const;

interface Ownership {
  readonly fence: Long;
  readonly lockCount: number;
  readonly sessionId: Long;
  readonly threadId: Long;
}

export class FencedLockProxy extends CpProxy implements FencedLock {
  /** The CP session in which each owner (async context, by thread id) holds the lock, as this client knows it. */
  readonly #lockedSessionIds = new Map<string, Long>();
  readonly #queue = new SerialQueue();
  #sessions: SessionManager | undefined;

  constructor(state: CpState, name: CpName) {
    super(state, FENCED_LOCK_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'FencedLock';
  }

  async lock(options?: LockOptions): Promise<Int64> {
    const where = `${this.kind} ${this.name}.lock`;
    const signal = checkSignal(checkOptions(options, LOCK_OPTIONS, where)?.signal, where);
    const threadId = this.host.currentThreadId();
    return raceSignal(
      this.#queue.run(threadId.toString(), () => this.#acquire(threadId, undefined, signal)),
      signal,
    ).then((fence) => this.host.int64(fence as Long));
  }

  async tryLock(options?: TryLockOptions): Promise<Int64 | null> {
    const where = `${this.kind} ${this.name}`;
    const checked = checkOptions(options, TRY_LOCK_OPTIONS, `${where}.tryLock`);
    const timeout = waitMillis(checked?.timeout, `${where}: timeout`);
    const signal = checkSignal(checked?.signal, `${where}.tryLock`);
    const threadId = this.host.currentThreadId();
    return raceSignal(
      this.#queue.run(threadId.toString(), () => this.#acquire(threadId, timeout, signal)),
      signal,
    ).then((fence) => (fence === null ? null : this.host.int64(fence)));
  }

  unlock(): Promise<void> {
    const threadId = this.host.currentThreadId();
    return this.#queue.run(threadId.toString(), () => this.#unlock(threadId));
  }

  isLocked(): Promise<boolean> {
    return this.#query(
      (ownership, lockedByCaller) => lockedByCaller || !ownership.fence.equals(INVALID_FENCE),
    );
  }

  isLockedByCurrentThread(): Promise<boolean> {
    return this.#query((_, lockedByCaller) => lockedByCaller);
  }

  getLockCount(): Promise<number> {
    return this.#query((ownership) => ownership.lockCount);
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    this.#lockedSessionIds.clear();
  }

  #sessionManager(): SessionManager {
    this.#sessions ??= sessionsOf(this.state);
    return this.#sessions;
  }

  /**
   * lock (`timeout` undefined: wait forever, an invalid fence means the reentrancy limit) or tryLock (an
   * invalid fence means "not acquired"). Resolves with the fence, or null when tryLock did not acquire.
   */
  async #acquire(
    threadId: Long,
    timeout: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Long | null> {
    const key = threadId.toString();
    const groupId = await this.groupId();
    const sessions = this.#sessionManager();
    // One uid for every attempt of this call: a resend is recognised by the lock, not applied twice.
    const invocationUid = randomUuid();
    let remaining = timeout;
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      const startedAt = Date.now();
      const sessionId = await sessions.acquire(groupId);
      if (signal?.aborted) {
        sessions.release(groupId, sessionId);
        throw abortError(signal);
      }
      this.#verifyLockedSession(groupId, key, sessionId, true);
      const heldBefore = this.#lockedSessionIds.has(key);
      const request =
        remaining === undefined
          ? FencedLockLockCodec.encodeRequest(groupId, this.objectName, sessionId, threadId, invocationUid)
          : FencedLockTryLockCodec.encodeRequest(
              groupId,
              this.objectName,
              sessionId,
              threadId,
              invocationUid,
              remaining,
            );
      const codec = remaining === undefined ? FencedLockLockCodec : FencedLockTryLockCodec;
      const pending = this.invoke(request, BLOCKING).then(
        (response) => codec.decodeResponse(response).response,
      );
      let fence: Long;
      try {
        fence = await raceSignal(pending, signal);
      } catch (error) {
        if (error instanceof AbortError && signal?.aborted) {
          await this.#giveBack(groupId, sessionId, threadId, pending, heldBefore);
          throw error;
        }
        if (error instanceof SessionExpiredError) {
          // The session closed while this call waited: try again in a new one, unless this owner held the
          // lock in the old one (then it lost it).
          sessions.invalidate(groupId, sessionId);
          this.#verifyNoLockedSession(key);
          if (remaining !== undefined) {
            remaining -= Date.now() - startedAt;
            if (remaining <= 0) return null;
          }
          continue;
        }
        sessions.release(groupId, sessionId);
        if (remaining !== undefined && error instanceof WaitKeyCancelledError) return null;
        throw error;
      }
      if (fence.equals(INVALID_FENCE)) {
        sessions.release(groupId, sessionId);
        if (remaining !== undefined) return null;
        throw new LockAcquireLimitReachedError(
          `${this.kind} ${this.name}: not acquired: the current owner already holds it as often as the lock's lock-acquire-limit allows`,
        );
      }
      this.#lockedSessionIds.set(key, sessionId);
      return fence;
    }
  }

  /**
   * After an abort: makes sure the lock call that is still running on the cluster does not leave the lock
   * held. A waiting call of an owner is cancelled when an unlock of the same owner fails (the owner does not
   * hold the lock); if the lock was granted in the meantime, that unlock gives it back.
   */
  async #giveBack(
    groupId: RaftGroupId,
    sessionId: Long,
    threadId: Long,
    pending: Promise<Long>,
    heldBefore: boolean,
  ): Promise<void> {
    const sessions = this.#sessionManager();
    try {
      let givenBack = false;
      // A reentrant call of an owner that holds the lock never waits: it is granted at once, and given back below.
      while (!heldBefore) {
        try {
          await this.#sendUnlock(groupId, sessionId, threadId, randomUuid());
          givenBack = true;
          break;
        } catch (error) {
          if (!(error instanceof IllegalMonitorStateError)) break;
        }
        if (await settledWithin(pending, WITHDRAW_AGAIN_MILLIS)) break;
      }
      const fence = await pending.catch(() => INVALID_FENCE);
      if (!fence.equals(INVALID_FENCE) && !givenBack) {
        await this.#sendUnlock(groupId, sessionId, threadId, randomUuid()).catch((error: unknown) =>
          this.host.logger.warn(
            'FencedLock',
            `${this.name}: could not give back a lock acquired after an abort`,
            error,
          ),
        );
      }
    } finally {
      sessions.release(groupId, sessionId);
    }
  }

  async #unlock(threadId: Long): Promise<void> {
    const key = threadId.toString();
    const groupId = await this.groupId();
    const sessions = this.#sessionManager();
    const sessionId = sessions.sessionId(groupId);
    this.#verifyLockedSession(groupId, key, sessionId, false);
    if (sessionId.equals(NO_SESSION_ID)) {
      this.#lockedSessionIds.delete(key);
      throw this.#notOwner();
    }
    let stillLocked: boolean;
    try {
      stillLocked = await this.#sendUnlock(groupId, sessionId, threadId, randomUuid());
    } catch (error) {
      if (error instanceof SessionExpiredError) {
        sessions.invalidate(groupId, sessionId);
        this.#lockedSessionIds.delete(key);
        throw this.#ownershipLost(sessionId, error);
      }
      if (error instanceof IllegalMonitorStateError) {
        this.#lockedSessionIds.delete(key);
        throw this.#notOwner(error);
      }
      throw error;
    }
    if (stillLocked) this.#lockedSessionIds.set(key, sessionId);
    else this.#lockedSessionIds.delete(key);
    sessions.release(groupId, sessionId);
  }

  async #sendUnlock(
    groupId: RaftGroupId,
    sessionId: Long,
    threadId: Long,
    invocationUid: Uuid,
  ): Promise<boolean> {
    const request = FencedLockUnlockCodec.encodeRequest(
      groupId,
      this.objectName,
      sessionId,
      threadId,
      invocationUid,
    );
    return FencedLockUnlockCodec.decodeResponse(await this.invoke(request)).response;
  }

  /** isLocked, isLockedByCurrentThread, getLockCount: the lock's state, checked against what this owner believes. */
  #query<T>(answer: (ownership: Ownership, lockedByCaller: boolean) => T): Promise<T> {
    const threadId = this.host.currentThreadId();
    const key = threadId.toString();
    return this.#queue.run(key, async () => {
      const groupId = await this.groupId();
      const sessionId = this.#sessionManager().sessionId(groupId);
      this.#verifyLockedSession(groupId, key, sessionId, false);
      const response = await this.invoke(
        FencedLockGetLockOwnershipCodec.encodeRequest(groupId, this.objectName),
      );
      const ownership: Ownership = FencedLockGetLockOwnershipCodec.decodeResponse(response);
      const lockedByCaller =
        !ownership.fence.equals(INVALID_FENCE) &&
        ownership.sessionId.equals(sessionId) &&
        ownership.threadId.equals(threadId);
      if (lockedByCaller) this.#lockedSessionIds.set(key, sessionId);
      else this.#verifyNoLockedSession(key);
      return answer(ownership, lockedByCaller);
    });
  }

  /** The owner held the lock in another session than the current one: that session closed, the lock is gone. */
  #verifyLockedSession(groupId: RaftGroupId, key: string, sessionId: Long, releaseSession: boolean): void {
    const locked = this.#lockedSessionIds.get(key);
    if (locked === undefined || locked.equals(sessionId)) return;
    this.#lockedSessionIds.delete(key);
    if (releaseSession) this.#sessionManager().release(groupId, sessionId);
    throw this.#ownershipLost(locked);
  }

  #verifyNoLockedSession(key: string): void {
    const locked = this.#lockedSessionIds.get(key);
    if (locked === undefined) return;
    this.#lockedSessionIds.delete(key);
    throw this.#ownershipLost(locked);
  }

  #ownershipLost(sessionId: Long, cause?: unknown): LockOwnershipLostError {
    return new LockOwnershipLostError(
      `${this.kind} ${this.name}: the current async context no longer holds the lock: the cluster closed ` +
        `its CP session ${sessionId.toString()} (heartbeats stopped for longer than the session TTL), which released it`,
      cause === undefined ? undefined : { cause },
    );
  }

  #notOwner(cause?: unknown): IllegalMonitorStateError {
    return new IllegalMonitorStateError(
      `${this.kind} ${this.name}: the current async context does not hold the lock`,
      cause === undefined ? undefined : { cause },
    );
  }
}
