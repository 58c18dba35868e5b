import type { DistributedObject } from '../proxy/proxy-manager';
import type { Int64 } from '../util/int64';

/**
 * Cluster-wide unique 64-bit ids, roughly ordered by time (k-ordered), from 0 to 2^63 - 1, without
 * coordination between members. The client fetches them in batches of `prefetchCount` from a random member
 * and hands them out locally for up to `prefetchValidityMillis` (config `flakeIdGenerators`); callers that
 * ask at the same time share one fetch.
 */
export interface FlakeIdGenerator extends DistributedObject {
  /** A new unique id (bigint, or Long with `int64Type: 'Long'`), exact to the last bit. */
  newId(): Promise<Int64>;
}

export const FLAKE_ID_GENERATOR_SERVICE_NAME = 'hz:impl:flakeIdGeneratorService';
