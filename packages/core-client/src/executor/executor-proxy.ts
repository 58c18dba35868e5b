import {
  type ClientMessage,
  ErrorCodes,
  ExecutorServiceCancelOnMemberCodec,
  ExecutorServiceCancelOnPartitionCodec,
  ExecutorServiceIsShutdownCodec,
  ExecutorServiceShutdownCodec,
  ExecutorServiceSubmitToMemberCodec,
  ExecutorServiceSubmitToPartitionCodec,
  randomUuid,
  type Uuid,
  uuidFromString,
} from '@hz/protocol';
import type { DataBytes, InvokeOptions, PluginHost } from '../client/client-context';
import { memberToString } from '../cluster/member';
import { AbortError, RejectedExecutionError, TargetDisconnectedError } from '../errors/hazelcast-error';
import { abortError } from '../invocation/invocation-service';
import { ProxyBase } from '../proxy/proxy-base';
import { checkOptions } from '../util/options';
import {
  EXECUTOR_SERVICE_NAME,
  type ExecuteOptions,
  type IExecutorService,
  type MemberResults,
  type MemberTarget,
} from './executor';

/** Where one submission runs, and how to cancel it there. */
interface Placement {
  /** How errors name the place, e.g. "member 5f…" or "the owner of the key". */
  where: string;
  send(request: ClientMessage, options: InvokeOptions): Promise<ClientMessage>;
  cancelRequest(taskUuid: Uuid): ClientMessage;
  sendCancel(request: ClientMessage): Promise<ClientMessage>;
  /** The member the task must run on; its leaving the cluster fails the call. */
  memberUuid?: string;
}

/**
 * Tasks go out as ExecutorService.submitToPartition (the key owner) or submitToMember, with a fresh task uuid
 * each, after an isShutdown check on the same member (see #refuseIfShutdown). A member may run a task for as
 * long as it likes, so the invocation has no timeout; what ends a wait besides the answer is the caller's
 * signal (then the task is cancelled on the member, best effort) or the target leaving: a smart client sees
 * its connection close, and every client sees the member leave the cluster view, which matters in unisocket
 * mode, where the connected member forwards the task and would otherwise answer "target not a member" to
 * every retry.
 */
const EXECUTE_OPTIONS = ['signal'] as const;

export class ExecutorServiceProxy extends ProxyBase implements IExecutorService {
  constructor(host: PluginHost, name: string) {
    super(host, EXECUTOR_SERVICE_NAME, name);
    // Registered here, not in the core's table, so programs without an executor carry no trace of it.
    host.registerServerError(ErrorCodes.REJECTED_EXECUTION, RejectedExecutionError);
  }

  protected get kind(): string {
    return 'Executor';
  }

  async executeOnKeyOwner<T>(key: unknown, task: object, options?: ExecuteOptions): Promise<T | null> {
    const keyData = this.toData(key, 'key');
    const taskData = this.#task(task);
    const signal = this.#signal(options);
    const partitionId = this.host.partitionIdOf(keyData);
    return this.#submit<T>(
      (uuid) => ExecutorServiceSubmitToPartitionCodec.encodeRequest(this.name, uuid, taskData),
      {
        where: `the owner of partition ${partitionId}`,
        send: (request, invokeOptions) => this.invokeOnPartition(request, partitionId, invokeOptions),
        cancelRequest: (uuid) => ExecutorServiceCancelOnPartitionCodec.encodeRequest(uuid, true),
        sendCancel: (request) => this.invokeOnPartition(request, partitionId),
      },
      (response) => ExecutorServiceSubmitToPartitionCodec.decodeResponse(response).response,
      signal,
    );
  }

  async executeOnMember<T>(member: MemberTarget, task: object, options?: ExecuteOptions): Promise<T | null> {
    const uuid = this.#memberUuid(member);
    const taskData = this.#task(task);
    const signal = this.#signal(options);
    this.#checkMember(uuid);
    return this.#onMember<T>(uuid, taskData, signal);
  }

  async executeOnMembers<T>(
    members: Iterable<MemberTarget>,
    task: object,
    options?: ExecuteOptions,
  ): Promise<MemberResults<T>> {
    if (
      members === null ||
      members === undefined ||
      typeof members === 'string' ||
      typeof (members as Iterable<MemberTarget>)[Symbol.iterator] !== 'function'
    ) {
      throw this.illegalArgument(
        `members must be an iterable of Members or member uuids, got ${members === null ? 'null' : typeof members}`,
      );
    }
    const uuids = [...new Set(Array.from(members, (member) => this.#memberUuid(member)))];
    const taskData = this.#task(task);
    const signal = this.#signal(options);
    for (const uuid of uuids) this.#checkMember(uuid);
    return this.#onEach<T>(uuids, taskData, signal);
  }

  async executeOnAllMembers<T>(task: object, options?: ExecuteOptions): Promise<MemberResults<T>> {
    const taskData = this.#task(task);
    const signal = this.#signal(options);
    const uuids = this.host.cluster.getMembers().map((member) => member.uuid);
    return this.#onEach<T>(uuids, taskData, signal);
  }

  async isShutdown(): Promise<boolean> {
    const answers = await this.#everyMember(() => ExecutorServiceIsShutdownCodec.encodeRequest(this.name));
    return answers.every((response) => ExecutorServiceIsShutdownCodec.decodeResponse(response).response);
  }

  async shutdown(): Promise<void> {
    await this.#everyMember(() => ExecutorServiceShutdownCodec.encodeRequest(this.name));
  }

  /**
   * Sends a request to every member. A member shuts down (and reports on) only its own part of an executor,
   * so shutdown and isShutdown must reach each of them; a unisocket client reaches only the member it is
   * connected to. A member that left the cluster meanwhile does not fail the call (its invocation, though, may
   * wait for the invocation timeout before it gives up).
   */
  async #everyMember(encode: () => ClientMessage): Promise<ClientMessage[]> {
    if (!this.host.config.network.smartRouting) return [await this.invokeOnRandom(encode())];
    const members = this.host.cluster.getMembers().map((member) => member.uuid);
    const settled = await Promise.allSettled(members.map((uuid) => this.invokeOnMember(encode(), uuid)));
    const answers: ClientMessage[] = [];
    settled.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') answers.push(outcome.value);
      else if (this.host.cluster.getMember(members[i]!)) throw outcome.reason;
    });
    return answers;
  }

  async #onEach<T>(
    uuids: readonly string[],
    taskData: DataBytes,
    signal: AbortSignal | undefined,
  ): Promise<MemberResults<T>> {
    if (signal?.aborted) throw abortError(signal);
    const settled = await Promise.allSettled(uuids.map((uuid) => this.#onMember<T>(uuid, taskData, signal)));
    const results: MemberResults<T> = new Map();
    uuids.forEach((uuid, i) => {
      results.set(uuid, settled[i]!);
    });
    return results;
  }

  #onMember<T>(memberUuid: string, taskData: DataBytes, signal: AbortSignal | undefined): Promise<T | null> {
    const member = uuidFromString(memberUuid);
    // A unisocket client has one connection: the member there forwards the task by the uuid in the request.
    const smart = this.host.config.network.smartRouting;
    const route = (request: ClientMessage, options?: InvokeOptions) =>
      smart ? this.invokeOnMember(request, memberUuid, options) : this.invokeOnRandom(request, options);
    return this.#submit<T>(
      (uuid) => ExecutorServiceSubmitToMemberCodec.encodeRequest(this.name, uuid, taskData, member),
      {
        where: `member ${memberUuid}`,
        send: route,
        cancelRequest: (uuid) => ExecutorServiceCancelOnMemberCodec.encodeRequest(uuid, member, true),
        sendCancel: (request) => route(request),
        memberUuid,
      },
      (response) => ExecutorServiceSubmitToMemberCodec.decodeResponse(response).response,
      signal,
    );
  }

  async #submit<T>(
    encode: (taskUuid: Uuid) => ClientMessage,
    placement: Placement,
    decode: (response: ClientMessage) => DataBytes | null,
    signal: AbortSignal | undefined,
  ): Promise<T | null> {
    if (signal?.aborted) throw abortError(signal);
    const taskUuid = randomUuid();
    const request = encode(taskUuid);
    const stop = new AbortController();
    let memberLeft: TargetDisconnectedError | undefined;
    const onAbort = () => stop.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const target = placement.memberUuid;
    const unsubscribe =
      target === undefined
        ? undefined
        : this.host.on('memberRemoved', (member) => {
            if (member.uuid !== target || memberLeft) return;
            memberLeft = new TargetDisconnectedError(
              `Executor ${this.name}: ${memberToString(member)} left the cluster while it ran the task; ` +
                'the task may or may not have run',
            );
            stop.abort(memberLeft);
          });
    try {
      await this.#refuseIfShutdown(placement, stop.signal);
      const response = await placement.send(request, {
        timeoutMillis: Number.POSITIVE_INFINITY,
        signal: stop.signal,
      });
      return await this.toObject<T>(decode(response));
    } catch (error) {
      if (memberLeft) throw memberLeft;
      if (signal?.aborted && error instanceof AbortError) this.#cancel(placement, taskUuid);
      throw error;
    } finally {
      unsubscribe?.();
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Members do not refuse a client's task when the executor is shut down (only their own Java proxy checks),
   * so the client asks the member that would run it first: a shut-down executor gets nothing to run.
   */
  async #refuseIfShutdown(placement: Placement, signal: AbortSignal): Promise<void> {
    const response = await placement.send(ExecutorServiceIsShutdownCodec.encodeRequest(this.name), {
      signal,
    });
    if (ExecutorServiceIsShutdownCodec.decodeResponse(response).response) {
      throw new RejectedExecutionError(
        `Executor ${this.name} is shut down on ${placement.where}: it accepts no new task (nothing was run)`,
      );
    }
  }

  /** Asks the member to cancel (and interrupt) an abandoned task; nobody waits for the answer. */
  #cancel(placement: Placement, taskUuid: Uuid): void {
    placement.sendCancel(placement.cancelRequest(taskUuid)).catch((error: Error) => {
      this.host.logger.debug(
        'Executor',
        `cancelling a task of executor ${this.name} failed: ${error.message}`,
      );
    });
  }

  #task(task: object): DataBytes {
    return this.serverData(task, 'task');
  }

  #signal(options: ExecuteOptions | undefined): AbortSignal | undefined {
    const signal = checkOptions(options, EXECUTE_OPTIONS, `Executor ${this.name}`)?.signal;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw this.illegalArgument(
        `signal must be an AbortSignal, got ${signal === null ? 'null' : typeof signal}`,
      );
    }
    return signal;
  }

  #memberUuid(member: MemberTarget): string {
    const uuid =
      typeof member === 'string'
        ? member
        : typeof member === 'object' && member !== null
          ? (member as { uuid?: unknown }).uuid
          : undefined;
    if (typeof uuid !== 'string' || !UUID.test(uuid)) {
      throw this.illegalArgument(
        `a member must be a Member of getCluster().getMembers() or a member uuid, got ${describe(member)}`,
      );
    }
    return uuid.toLowerCase();
  }

  /** Nothing is sent to a member the client does not know: the call would wait for it forever. */
  #checkMember(uuid: string): void {
    if (!this.host.cluster.getMember(uuid)) {
      throw this.illegalArgument(`member ${uuid} is not in the cluster (it left, or never was a member)`);
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `string "${value}"`;
  if (typeof value === 'object') return `an object of type ${value.constructor?.name ?? 'Object'}`;
  return `${typeof value} ${String(value)}`;
}
