import {
  type ClientMessage,
  PNCounterAddCodec,
  PNCounterGetCodec,
  PNCounterGetConfiguredReplicaCountCodec,
  type Uuid,
  uuidFromString,
  uuidToString,
} from '@hz/protocol';
import { HazelcastSerializationError } from '@hz/serialization';
import Long from 'long';
import type { PluginHost } from '../client/client-context';
import {
  AbortError,
  ClientNotActiveError,
  ConsistencyLostError,
  IllegalArgumentError,
  NoDataMemberInClusterError,
  TargetDisconnectedError,
} from '../errors/hazelcast-error';
import { ProxyBase } from '../proxy/proxy-base';
import { type Int64, type Int64Input, int64Arg } from '../util/int64';
import { PN_COUNTER_SERVICE_NAME, type PNCounter } from './pn-counter';

/**
 * Pauses before asking replicas that were behind once more (about three default replication periods in
 * all): long enough for a graceful member leave to reach the survivors, short enough that a truly lost
 * state is reported soon.
 */
const CATCH_UP_PAUSES_MILLIS = [100, 200, 400, 800, 1_600] as const;

interface Observed {
  readonly uuid: Uuid;
  timestamp: Long;
}

export class PNCounterProxy extends ProxyBase implements PNCounter {
  /** The replica timestamps this proxy has observed, by replica uuid: sent with every call. */
  #observed = new Map<string, Observed>();
  /** The replica this proxy talks to until it is lost. */
  #target: string | undefined;
  /**
   * Replicas a call gave up on (not for lack of state) that are still in the member list. New calls avoid
   * them too, so that a leaving member is not chosen again by the next call in the moment before the
   * member list drops it; one is used again when it answers or when no other replica is left.
   */
  readonly #failedReplicas = new Set<string>();
  #replicaCount: Promise<number> | undefined;

  constructor(host: PluginHost, name: string) {
    super(host, PN_COUNTER_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'PNCounter';
  }

  /** @internal The uuid of the replica this proxy currently talks to (diagnostics and tests). */
  get currentReplica(): string | undefined {
    return this.#target;
  }

  async get(): Promise<Int64> {
    return this.#invoke(
      (target, timestamps) => PNCounterGetCodec.encodeRequest(this.name, timestamps, target),
      (response) => PNCounterGetCodec.decodeResponse(response),
    );
  }

  async getAndAdd(delta: Int64Input): Promise<Int64> {
    return this.#add(this.#delta(delta), true);
  }

  async addAndGet(delta: Int64Input): Promise<Int64> {
    return this.#add(this.#delta(delta), false);
  }

  async getAndSubtract(delta: Int64Input): Promise<Int64> {
    return this.#add(this.#delta(delta).negate(), true);
  }

  async subtractAndGet(delta: Int64Input): Promise<Int64> {
    return this.#add(this.#delta(delta).negate(), false);
  }

  async getAndDecrement(): Promise<Int64> {
    return this.#add(Long.NEG_ONE, true);
  }

  async decrementAndGet(): Promise<Int64> {
    return this.#add(Long.NEG_ONE, false);
  }

  async getAndIncrement(): Promise<Int64> {
    return this.#add(Long.ONE, true);
  }

  async incrementAndGet(): Promise<Int64> {
    return this.#add(Long.ONE, false);
  }

  reset(): void {
    this.#observed = new Map();
  }

  #add(delta: Long, getBeforeUpdate: boolean): Promise<Int64> {
    return this.#invoke(
      (target, timestamps) =>
        PNCounterAddCodec.encodeRequest(this.name, delta, getBeforeUpdate, timestamps, target),
      (response) => PNCounterAddCodec.decodeResponse(response),
    );
  }

  #delta(delta: Int64Input): Long {
    let value: Long;
    try {
      value = int64Arg(delta, 'delta');
    } catch (error) {
      throw this.illegalArgument((error as Error).message);
    }
    // The member applies a negative delta as the subtraction of its negation, which does not exist for the
    // smallest long (it overflows the member's stack); a subtraction negates here, with the same problem.
    if (value.equals(Long.MIN_VALUE)) {
      throw this.illegalArgument(
        'delta must be greater than -2^63 (-9223372036854775808 has no negation in 64 bits); split it into two calls',
      );
    }
    return value;
  }

  /**
   * Sends the request to the current replica with the observed timestamps; on failure moves on to another
   * replica, until one answers or none is left. Replicas that refused only for lack of state
   * (ConsistencyLostError: they have not caught up with what this proxy observed) are asked again after
   * short pauses, since replication usually brings them up to date within a replication period (one second
   * by default); after CATCH_UP_PAUSES_MILLIS the last error is thrown.
   */
  async #invoke(
    encode: (target: Uuid, timestamps: Array<[Uuid, Long]>) => ClientMessage,
    decode: (response: ClientMessage) => { value: Long; replicaTimestamps: Array<[Uuid, Long]> },
  ): Promise<Int64> {
    const failed = new Set<string>();
    const behind = new Set<string>();
    const excluded = { has: (uuid: string) => failed.has(uuid) || behind.has(uuid) };
    let lastError: Error | undefined;
    let pauses = 0;
    for (;;) {
      const target = await this.#chooseTarget(excluded);
      if (target === undefined) {
        if (behind.size > 0 && pauses < CATCH_UP_PAUSES_MILLIS.length) {
          await new Promise((resolve) => setTimeout(resolve, CATCH_UP_PAUSES_MILLIS[pauses++]));
          behind.clear();
          continue;
        }
        throw (
          lastError ??
          new NoDataMemberInClusterError(
            `PNCounter ${this.name}: the cluster has no data member to hold the counter's replicas`,
          )
        );
      }
      const timestamps = [...this.#observed.values()].map((o): [Uuid, Long] => [o.uuid, o.timestamp]);
      try {
        const response = decode(
          await this.#invokeOnReplica(encode(uuidFromString(target), timestamps), target),
        );
        this.#observe(response.replicaTimestamps);
        this.#failedReplicas.delete(target);
        return this.host.int64(response.value);
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        this.host.logger.debug(
          'PNCounter',
          `${this.name}: replica ${target} failed (${(error as Error).message}); trying another one`,
        );
        lastError = error as Error;
        if (error instanceof ConsistencyLostError) behind.add(target);
        else {
          failed.add(target);
          this.#failedReplicas.add(target);
        }
        if (this.#target === target) this.#target = undefined;
      }
    }
  }

  /** One invocation on `target`, given up as soon as that member leaves (or its connection is lost). */
  async #invokeOnReplica(request: ClientMessage, target: string): Promise<ClientMessage> {
    if (!this.host.cluster.getMember(target)) {
      throw new TargetDisconnectedError(`PNCounter ${this.name}: replica ${target} is not a member any more`);
    }
    const controller = new AbortController();
    const lost = (reason: string) =>
      controller.abort(new TargetDisconnectedError(`PNCounter ${this.name}: replica ${target} ${reason}`));
    const offRemoved = this.host.on('memberRemoved', (member) => {
      if (member.uuid === target) lost('left the cluster');
    });
    const offLost = this.host.on('connectionLost', ({ memberUuid }) => {
      if (memberUuid === target) lost('lost its connection');
    });
    try {
      return await this.invokeOnMember(request, target, { signal: controller.signal });
    } catch (error) {
      // The abort is ours: report why the replica was given up, not a caller's abort.
      if (error instanceof AbortError && controller.signal.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      offRemoved();
      offLost();
    }
  }

  async #chooseTarget(excluded: { has(uuid: string): boolean }): Promise<string | undefined> {
    const usable = (uuid: string | undefined): uuid is string =>
      uuid !== undefined &&
      !excluded.has(uuid) &&
      !this.#failedReplicas.has(uuid) &&
      this.host.cluster.getMember(uuid) !== undefined;
    if (usable(this.#target)) return this.#target;
    const replicaCount = await this.#configuredReplicaCount();
    // Concurrent first calls all waited above: the first to get here chooses for all of them.
    if (usable(this.#target)) return this.#target;
    for (const uuid of this.#failedReplicas) {
      if (this.host.cluster.getMember(uuid) === undefined) this.#failedReplicas.delete(uuid);
    }
    const replicas = this.host.cluster
      .getMembers()
      .filter((member) => !member.liteMember)
      .slice(0, replicaCount)
      .filter((member) => !excluded.has(member.uuid));
    const healthy = replicas.filter((member) => !this.#failedReplicas.has(member.uuid));
    const candidates = healthy.length > 0 ? healthy : replicas;
    if (candidates.length === 0) return undefined;
    this.#target = candidates[Math.floor(Math.random() * candidates.length)]!.uuid;
    return this.#target;
  }

  /** How many replicas the counter has (the member config's replica-count; the first N data members). */
  #configuredReplicaCount(): Promise<number> {
    this.#replicaCount ??= this.invokeOnRandom(
      PNCounterGetConfiguredReplicaCountCodec.encodeRequest(this.name),
    )
      .then((response) => PNCounterGetConfiguredReplicaCountCodec.decodeResponse(response).response)
      .catch((error: unknown) => {
        this.#replicaCount = undefined;
        throw error;
      });
    return this.#replicaCount;
  }

  /** Keeps, per replica, the newest timestamp seen. */
  #observe(timestamps: Array<[Uuid, Long]>): void {
    for (const [uuid, timestamp] of timestamps) {
      const key = uuidToString(uuid);
      const known = this.#observed.get(key);
      if (!known) this.#observed.set(key, { uuid, timestamp });
      else if (timestamp.greaterThan(known.timestamp)) known.timestamp = timestamp;
    }
  }
}

/** Errors after which another replica may answer; the others are the caller's (or the client's) own. */
function isReplicaFailure(error: unknown): boolean {
  return !(
    error instanceof ClientNotActiveError ||
    error instanceof IllegalArgumentError ||
    error instanceof HazelcastSerializationError ||
    !(error instanceof Error)
  );
}
