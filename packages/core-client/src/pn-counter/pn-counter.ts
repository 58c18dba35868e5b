import type { DistributedObject } from '../proxy/proxy-manager';
import type { Int64, Int64Input } from '../util/int64';

/**
 * A PN (positive-negative) counter, a CRDT: every data member holds a replica that takes updates without
 * coordinating with the others, and replicas converge (members exchange state every second by default).
 *
 * Session guarantees: this proxy sends the replica timestamps it has observed with every call, so a replica
 * answers only from a state at least as new as what this proxy saw (monotonic reads, read-your-writes).
 * The proxy talks to one replica; when that replica is lost or refuses, it fails over to another one.
 * Replicas that are merely behind are asked again for a few seconds (replication catches them up, e.g.
 * after a member left gracefully); `ConsistencyLostError` means no reachable replica got the observed state
 * in that time (for example the only replica with this proxy's latest updates crashed before it replicated
 * them): call `reset()` to start a new session. Values are 64-bit (Int64); a cluster without data members fails with NoDataMemberInClusterError.
 *
 * An update whose connection broke before the answer came is sent again to another replica, as the other
 * Hazelcast clients do; if the lost replica had applied it, it counts twice.
 */
export interface PNCounter extends DistributedObject {
  /** The current value. */
  get(): Promise<Int64>;
  /** Adds `delta`; resolves with the value before. */
  getAndAdd(delta: Int64Input): Promise<Int64>;
  /** Adds `delta`; resolves with the value after. */
  addAndGet(delta: Int64Input): Promise<Int64>;
  /** Subtracts `delta`; resolves with the value before. */
  getAndSubtract(delta: Int64Input): Promise<Int64>;
  /** Subtracts `delta`; resolves with the value after. */
  subtractAndGet(delta: Int64Input): Promise<Int64>;
  /** Subtracts 1; resolves with the value before. */
  getAndDecrement(): Promise<Int64>;
  /** Subtracts 1; resolves with the value after. */
  decrementAndGet(): Promise<Int64>;
  /** Adds 1; resolves with the value before. */
  getAndIncrement(): Promise<Int64>;
  /** Adds 1; resolves with the value after. */
  incrementAndGet(): Promise<Int64>;
  /** Forgets the observed replica timestamps: the next call starts a new session (after ConsistencyLostError). */
  reset(): void;
}

export const PN_COUNTER_SERVICE_NAME = 'hz:impl:PNCounterService';
