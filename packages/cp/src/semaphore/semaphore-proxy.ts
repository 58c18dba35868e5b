import { AbortError, IllegalStateError } from '@hz/core-client';
import { checkOptions } from '@hz/core-client/plugin';
import { type RaftGroupId, randomUuid } from '@hz/protocol';
import {
  SemaphoreAcquireCodec,
  SemaphoreAvailablePermitsCodec,
  SemaphoreChangeCodec,
  SemaphoreDrainCodec,
  SemaphoreGetSemaphoreTypeCodec,
  SemaphoreInitCodec,
  SemaphoreReleaseCodec,
} from '@hz/protocol/codecs/semaphore';
import Long from 'long';
import { abortError, checkSignal, raceSignal, settledWithin, waitMillis } from '../abort';
import type { CpState } from '../cp-plugin';
import { CpProxy } from '../cp-proxy';
import { SessionExpiredError, WaitKeyCancelledError } from '../errors';
import type { CpName } from '../names';
import { NO_SESSION_ID, type SessionManager, sessionsOf } from '../sessions';
import {
  type AcquireOptions,
  type ISemaphore,
  type ReleaseOptions,
  SEMAPHORE_SERVICE_NAME,
  type TryAcquireOptions,
} from './semaphore';

const MAX_PERMITS = 0x7fffffff;
const BLOCKING = { timeoutMillis: Number.POSITIVE_INFINITY } as const;
const ACQUIRE_OPTIONS = ['permits', 'signal'] as const;
const TRY_ACQUIRE_OPTIONS = ['permits', 'timeout', 'signal'] as const;
const RELEASE_OPTIONS = ['permits'] as const;
/** The wait of an acquire without a timeout, as the members read it. */
const WAIT_FOREVER = -1;
/** How often an aborted acquire is withdrawn again while it has not settled (see FencedLock). */
const WITHDRAW_AGAIN_MILLIS = 1000;

/**
 * One proxy for both kinds of semaphore; the kind is asked of the cluster on first use. Calls that may
 * meet on the cluster (an acquire and its withdrawal, retries) need a thread id: a session-aware semaphore
 * tells endpoints apart by session and thread id, so local ids do; a sessionless one has no session, so its
 * ids come from the cluster. Ids are pooled: one per call in flight, reused afterwards.
 */
export class SemaphoreProxy extends CpProxy implements ISemaphore {
  #sessionless: Promise<boolean> | undefined;
  #sessionlessGeneration = -1;
  #sessions: SessionManager | undefined;
  readonly #freeLocalIds: Long[] = [];
  #nextLocalId = 1;
  #freeClusterIds: Long[] = [];
  #clusterIdsGeneration = -1;

  constructor(state: CpState, name: CpName) {
    super(state, SEMAPHORE_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'Semaphore';
  }

  async init(permits: number): Promise<boolean> {
    this.#checkPermits(permits, 'permits', 0);
    const groupId = await this.groupId();
    const response = await this.invoke(SemaphoreInitCodec.encodeRequest(groupId, this.objectName, permits));
    return SemaphoreInitCodec.decodeResponse(response).response;
  }

  async acquire(options?: AcquireOptions): Promise<void> {
    const where = `${this.kind} ${this.name}.acquire`;
    const checked = checkOptions(options, ACQUIRE_OPTIONS, where);
    const permits = this.#permitsOption(checked?.permits);
    const signal = checkSignal(checked?.signal, where);
    await raceSignal(this.#acquire(permits, undefined, signal), signal);
  }

  async tryAcquire(options?: TryAcquireOptions): Promise<boolean> {
    const where = `${this.kind} ${this.name}`;
    const checked = checkOptions(options, TRY_ACQUIRE_OPTIONS, `${where}.tryAcquire`);
    const permits = this.#permitsOption(checked?.permits);
    const timeout = waitMillis(checked?.timeout, `${where}: timeout`);
    const signal = checkSignal(checked?.signal, `${where}.tryAcquire`);
    return raceSignal(this.#acquire(permits, timeout, signal), signal);
  }

  async release(options?: ReleaseOptions): Promise<void> {
    const permits = this.#permitsOption(
      checkOptions(options, RELEASE_OPTIONS, `${this.kind} ${this.name}.release`)?.permits,
    );
    const groupId = await this.groupId();
    const sessionless = await this.#isSessionless();
    if (sessionless) {
      await this.#withThreadId(groupId, true, (threadId) =>
        this.invoke(
          SemaphoreReleaseCodec.encodeRequest(
            groupId,
            this.objectName,
            NO_SESSION_ID,
            threadId,
            randomUuid(),
            permits,
          ),
        ),
      );
      return;
    }
    const sessions = this.#sessionManager();
    const sessionId = sessions.sessionId(groupId);
    if (sessionId.equals(NO_SESSION_ID)) {
      throw new IllegalStateError(
        `${this.kind} ${this.name}: cannot release ${permits} permit(s): this client holds none (it has no CP session in the semaphore's group)`,
      );
    }
    await this.#withThreadId(groupId, false, async (threadId) => {
      try {
        await this.invoke(
          SemaphoreReleaseCodec.encodeRequest(
            groupId,
            this.objectName,
            sessionId,
            threadId,
            randomUuid(),
            permits,
          ),
        );
      } catch (error) {
        if (!(error instanceof SessionExpiredError)) throw error;
        sessions.invalidate(groupId, sessionId);
        throw new IllegalStateError(
          `${this.kind} ${this.name}: cannot release ${permits} permit(s): the cluster closed this client's CP session, which released every permit it held`,
          { cause: error },
        );
      }
      sessions.release(groupId, sessionId, permits);
    });
  }

  async availablePermits(): Promise<number> {
    const groupId = await this.groupId();
    const response = await this.invoke(
      SemaphoreAvailablePermitsCodec.encodeRequest(groupId, this.objectName),
    );
    return SemaphoreAvailablePermitsCodec.decodeResponse(response).response;
  }

  async drainPermits(): Promise<number> {
    const groupId = await this.groupId();
    const sessionless = await this.#isSessionless();
    return this.#withThreadId(groupId, sessionless, async (threadId) => {
      const invocationUid = randomUuid();
      if (sessionless) {
        const request = SemaphoreDrainCodec.encodeRequest(
          groupId,
          this.objectName,
          NO_SESSION_ID,
          threadId,
          invocationUid,
        );
        return SemaphoreDrainCodec.decodeResponse(await this.invoke(request)).response;
      }
      const sessions = this.#sessionManager();
      for (;;) {
        const sessionId = await sessions.acquire(groupId);
        let drained: number;
        try {
          const request = SemaphoreDrainCodec.encodeRequest(
            groupId,
            this.objectName,
            sessionId,
            threadId,
            invocationUid,
          );
          drained = SemaphoreDrainCodec.decodeResponse(await this.invoke(request)).response;
        } catch (error) {
          if (error instanceof SessionExpiredError) {
            sessions.invalidate(groupId, sessionId);
            continue;
          }
          sessions.release(groupId, sessionId);
          throw error;
        }
        // The session now holds the drained permits (and no longer this call).
        sessions.release(groupId, sessionId, 1 - drained);
        return drained;
      }
    });
  }

  async reducePermits(reduction: number): Promise<void> {
    this.#checkPermits(reduction, 'reduction', 0);
    return this.#change(-reduction);
  }

  async increasePermits(increase: number): Promise<void> {
    this.#checkPermits(increase, 'increase', 0);
    return this.#change(increase);
  }

  async #change(delta: number): Promise<void> {
    if (delta === 0) return;
    const groupId = await this.groupId();
    const sessionless = await this.#isSessionless();
    await this.#withThreadId(groupId, sessionless, async (threadId) => {
      const invocationUid = randomUuid();
      if (sessionless) {
        await this.invoke(
          SemaphoreChangeCodec.encodeRequest(
            groupId,
            this.objectName,
            NO_SESSION_ID,
            threadId,
            invocationUid,
            delta,
          ),
        );
        return;
      }
      const sessions = this.#sessionManager();
      for (;;) {
        const sessionId = await sessions.acquire(groupId);
        try {
          await this.invoke(
            SemaphoreChangeCodec.encodeRequest(
              groupId,
              this.objectName,
              sessionId,
              threadId,
              invocationUid,
              delta,
            ),
          );
          return;
        } catch (error) {
          if (!(error instanceof SessionExpiredError)) throw error;
          sessions.invalidate(groupId, sessionId);
        } finally {
          sessions.release(groupId, sessionId);
        }
      }
    });
  }

  /** acquire (`timeout` undefined) or tryAcquire; resolves with whether the permits were acquired. */
  async #acquire(
    permits: number,
    timeout: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    const groupId = await this.groupId();
    const sessionless = await this.#isSessionless();
    if (signal?.aborted) throw abortError(signal);
    return this.#withThreadId(groupId, sessionless, async (threadId) => {
      const sessions = this.#sessionManager();
      // One uid for every attempt of this call: a resend is recognised, not applied twice.
      const invocationUid = randomUuid();
      let remaining = timeout;
      for (;;) {
        if (signal?.aborted) throw abortError(signal);
        const startedAt = Date.now();
        const sessionId = sessionless ? NO_SESSION_ID : await sessions.acquire(groupId, permits);
        if (signal?.aborted) {
          if (!sessionless) sessions.release(groupId, sessionId, permits);
          throw abortError(signal);
        }
        const request = SemaphoreAcquireCodec.encodeRequest(
          groupId,
          this.objectName,
          sessionId,
          threadId,
          invocationUid,
          permits,
          remaining ?? WAIT_FOREVER,
        );
        const pending = this.invoke(request, BLOCKING).then(
          (response) => SemaphoreAcquireCodec.decodeResponse(response).response,
        );
        let acquired: boolean;
        try {
          acquired = await raceSignal(pending, signal);
        } catch (error) {
          if (error instanceof AbortError && signal?.aborted) {
            await this.#giveBack(groupId, sessionId, threadId, permits, pending, sessionless);
            throw error;
          }
          if (!sessionless && error instanceof SessionExpiredError) {
            sessions.invalidate(groupId, sessionId);
            if (remaining !== undefined) {
              remaining -= Date.now() - startedAt;
              if (remaining <= 0) return false;
            }
            continue;
          }
          if (!sessionless) sessions.release(groupId, sessionId, permits);
          if (remaining !== undefined && error instanceof WaitKeyCancelledError) return false;
          throw error;
        }
        if (!acquired && !sessionless) sessions.release(groupId, sessionId, permits);
        return acquired;
      }
    });
  }

  /**
   * After an abort: the acquire still runs on the cluster. A new acquire of the same endpoint cancels a
   * waiting one; asking for more permits than can ever be free, without waiting, takes nothing. Permits that
   * were granted before the withdrawal arrived are released.
   */
  async #giveBack(
    groupId: RaftGroupId,
    sessionId: Long,
    threadId: Long,
    permits: number,
    pending: Promise<boolean>,
    sessionless: boolean,
  ): Promise<void> {
    try {
      do {
        const withdraw = SemaphoreAcquireCodec.encodeRequest(
          groupId,
          this.objectName,
          sessionId,
          threadId,
          randomUuid(),
          MAX_PERMITS,
          0,
        );
        await this.invoke(withdraw).catch(() => false);
      } while (!(await settledWithin(pending, WITHDRAW_AGAIN_MILLIS)));
      if (await pending.catch(() => false)) {
        const release = SemaphoreReleaseCodec.encodeRequest(
          groupId,
          this.objectName,
          sessionId,
          threadId,
          randomUuid(),
          permits,
        );
        await this.invoke(release).catch((error: unknown) =>
          this.host.logger.warn(
            'Semaphore',
            `${this.name}: could not release permits acquired after an abort`,
            error,
          ),
        );
      }
    } finally {
      if (!sessionless) this.#sessionManager().release(groupId, sessionId, permits);
    }
  }

  #sessionManager(): SessionManager {
    this.#sessions ??= sessionsOf(this.state);
    return this.#sessions;
  }

  /** Whether the members configured this semaphore as sessionless (jdk-compatible); asked once. */
  #isSessionless(): Promise<boolean> {
    const generation = this.state.generation;
    if (this.#sessionless && this.#sessionlessGeneration === generation) return this.#sessionless;
    const asked = this.invoke(SemaphoreGetSemaphoreTypeCodec.encodeRequest(this.name)).then(
      (response) => SemaphoreGetSemaphoreTypeCodec.decodeResponse(response).response,
    );
    this.#sessionless = asked;
    this.#sessionlessGeneration = generation;
    asked.catch(() => {
      if (this.#sessionless === asked) this.#sessionless = undefined;
    });
    return asked;
  }

  /** Runs `work` with a thread id of its own (see the class comment), returned to the pool afterwards. */
  async #withThreadId<T>(
    groupId: RaftGroupId,
    sessionless: boolean,
    work: (threadId: Long) => Promise<T>,
  ): Promise<T> {
    let threadId: Long;
    let generation = -1;
    if (sessionless) {
      generation = this.state.generation;
      if (this.#clusterIdsGeneration !== generation) {
        this.#freeClusterIds = [];
        this.#clusterIdsGeneration = generation;
      }
      threadId = this.#freeClusterIds.pop() ?? (await this.#sessionManager().generateThreadId(groupId));
    } else {
      threadId = this.#freeLocalIds.pop() ?? Long.fromNumber(this.#nextLocalId++);
    }
    try {
      return await work(threadId);
    } finally {
      if (!sessionless) this.#freeLocalIds.push(threadId);
      else if (generation === this.#clusterIdsGeneration) this.#freeClusterIds.push(threadId);
    }
  }

  #permitsOption(permits: number | undefined): number {
    if (permits === undefined) return 1;
    this.#checkPermits(permits, 'permits', 1);
    return permits;
  }

  #checkPermits(value: number, what: string, min: 0 | 1): void {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_PERMITS) {
      throw this.illegalArgument(
        `${what} must be a whole number from ${min} to ${MAX_PERMITS}, got ${typeof value === 'number' ? value : String(value)}`,
      );
    }
  }
}
