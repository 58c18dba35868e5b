import type { Member } from '../cluster/member';
import type { DistributedObject } from '../proxy/proxy-manager';

/** Options of a task submission. */
export interface ExecuteOptions {
  /**
   * Stops waiting for the result: the call rejects with AbortError, and the client asks the member to
   * cancel the task (interrupting it if it runs). A task that had already finished, or that does not react
   * to interruption, may still have run.
   */
  signal?: AbortSignal;
}

/**
 * The outcome of a task on each member it was sent to, by member uuid (in the order the members were given):
 * `{ status: 'fulfilled', value }` with the task's result (null for a Runnable or a null result), or
 * `{ status: 'rejected', reason }` with the error of that member alone.
 */
export type MemberResults<T> = Map<string, PromiseSettledResult<T | null>>;

/** A member as executeOnMember(s) accept it: a Member of `client.getCluster().getMembers()` or its uuid. */
export type MemberTarget = Member | string;

/**
 * A cluster-wide executor: runs tasks on the members, next to the data. A task is an object the members can
 * deserialize (IdentifiedDataSerializable, Portable or Compact) whose Java class, on the members' classpath,
 * implements `java.util.concurrent.Callable` (its result comes back) or `Runnable` (the result is null).
 *
 * Waiting for a result is never cut off by the invocation timeout, however long the task runs; pass a
 * `signal` to stop waiting. A task whose member leaves the cluster (or whose connection closes) while it runs
 * fails with TargetDisconnectedError: it may or may not have run. An exception the task throws comes back as
 * a HazelcastError whose `className` and `serverMessage` are the Java exception's.
 */
export interface IExecutorService extends DistributedObject {
  /** Runs the task on the member that owns `key`'s partition; resolves with its result. */
  executeOnKeyOwner<T>(key: unknown, task: object, options?: ExecuteOptions): Promise<T | null>;
  /** Runs the task on `member`; resolves with its result. */
  executeOnMember<T>(member: MemberTarget, task: object, options?: ExecuteOptions): Promise<T | null>;
  /**
   * Runs the task on each of `members` at once (a member given twice runs it once); resolves when every one
   * has answered, with each outcome.
   */
  executeOnMembers<T>(
    members: Iterable<MemberTarget>,
    task: object,
    options?: ExecuteOptions,
  ): Promise<MemberResults<T>>;
  /** Runs the task on every member the client knows of; resolves with each member's outcome. */
  executeOnAllMembers<T>(task: object, options?: ExecuteOptions): Promise<MemberResults<T>>;
  /** Whether the executor is shut down on every member (by this or another client, or by a member). */
  isShutdown(): Promise<boolean>;
  /**
   * Shuts the executor down on every member: tasks already submitted still run, new ones are refused with
   * RejectedExecutionError. It stays shut down until it is destroyed; a member that joins later starts with
   * it running. Members keep this state each on their own, so a unisocket client (which reaches only the
   * member it is connected to) shuts down, and asks about, that member's part only.
   */
  shutdown(): Promise<void>;
}

export const EXECUTOR_SERVICE_NAME = 'hz:impl:executorService';
