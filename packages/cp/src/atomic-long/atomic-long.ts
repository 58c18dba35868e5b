import type { DistributedObject, Int64, Int64Input } from '@hz/core-client';

/**
 * A function the members run on the value: an IdentifiedDataSerializable, Portable or Compact object whose
 * Java counterpart implements `com.hazelcast.core.IFunction` and is on the members' classpath.
 */
export type CpFunction = object;

/**
 * A 64-bit counter in the CP Subsystem: linearizable, replicated by Raft in its CP group. Results are
 * `Int64` (bigint, or Long with `int64Type: 'Long'`); arguments accept number, bigint or Long.
 *
 * A write whose outcome the client cannot learn (the member it went to, or the group's leader, failed
 * before answering) fails with TargetDisconnectedError or IndeterminateOperationStateError: it may or may
 * not have been applied. Members with `fail-on-indeterminate-operation-state` never apply such a write twice.
 */
export interface IAtomicLong extends DistributedObject {
  get(): Promise<Int64>;
  set(newValue: Int64Input): Promise<void>;
  /** Sets the value; resolves with the old one. */
  getAndSet(newValue: Int64Input): Promise<Int64>;
  /** Adds `delta`; resolves with the new value. */
  addAndGet(delta: Int64Input): Promise<Int64>;
  /** Adds `delta`; resolves with the old value. */
  getAndAdd(delta: Int64Input): Promise<Int64>;
  incrementAndGet(): Promise<Int64>;
  getAndIncrement(): Promise<Int64>;
  decrementAndGet(): Promise<Int64>;
  getAndDecrement(): Promise<Int64>;
  /** Sets `update` if the value is `expect`; false (and no change) otherwise. */
  compareAndSet(expect: Int64Input, update: Int64Input): Promise<boolean>;
  /** Replaces the value with what `fn` returns for it. */
  alter(fn: CpFunction): Promise<void>;
  /** Replaces the value with what `fn` returns for it; resolves with the new value. */
  alterAndGet(fn: CpFunction): Promise<Int64>;
  /** Replaces the value with what `fn` returns for it; resolves with the old value. */
  getAndAlter(fn: CpFunction): Promise<Int64>;
  /** What `fn` returns for the value (any type); the value is not changed. */
  apply<R>(fn: CpFunction): Promise<R | null>;
}

export const ATOMIC_LONG_SERVICE_NAME = 'hz:raft:atomicLongService';
