import type { DistributedObject } from '@hz/core-client';
import type { CpFunction } from '../atomic-long/atomic-long';

/**
 * A reference in the CP Subsystem, replicated by Raft in its CP group. Values are compared by their
 * serialized form (the bytes), not by identity or `===`; what comes back is a fresh copy. No value is `null`, never `undefined`.
 */
export interface IAtomicReference<E> extends DistributedObject {
  get(): Promise<E | null>;
  /** Sets the value (`null` clears it). */
  set(newValue: E | null): Promise<void>;
  /** Sets the value; resolves with the old one. */
  getAndSet(newValue: E | null): Promise<E | null>;
  /** Sets `update` if the value is (serialized) equal to `expect`; false (and no change) otherwise. */
  compareAndSet(expect: E | null, update: E | null): Promise<boolean>;
  isNull(): Promise<boolean>;
  clear(): Promise<void>;
  /** Whether the value is (serialized) equal to `value`; `contains(null)` is `isNull()`. */
  contains(value: E | null): Promise<boolean>;
  /** Replaces the value with what `fn` returns for it. */
  alter(fn: CpFunction): Promise<void>;
  /** Replaces the value with what `fn` returns for it; resolves with the new value. */
  alterAndGet(fn: CpFunction): Promise<E | null>;
  /** Replaces the value with what `fn` returns for it; resolves with the old value. */
  getAndAlter(fn: CpFunction): Promise<E | null>;
  /** What `fn` returns for the value (any type); the value is not changed. */
  apply<R>(fn: CpFunction): Promise<R | null>;
}

export const ATOMIC_REFERENCE_SERVICE_NAME = 'hz:raft:atomicRefService';
