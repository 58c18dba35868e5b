import type { Cluster, ClusterOptions } from '@hz-tools/cluster';

// Feature benchmarks: a structure or feature package measured next to the official client, each in a
// cluster of its own (CP needs 5.4.0 with CP members, SQL needs Jet). A feature is one file in this folder
// that exports a FeatureBenchmark and is listed in ./index.ts; the orchestrator runs its scenarios as
// alternating rounds in fresh processes, exactly as the Map scenarios.

export type ClientKind = 'ours' | 'official';

export interface FeatureTarget {
  readonly clusterName: string;
  readonly addresses: readonly string[];
}

export interface FeatureScenario {
  /** Unique within the feature, e.g. "offer/poll c=32". */
  readonly name: string;
  /** Operations kept in flight by the load loop. */
  readonly concurrency: number;
  /** Anything the driver needs (value size, batch, …); must be JSON. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** One prepared client: the operation the load loop repeats, and how to clean up. */
export interface PreparedDriver {
  /** One operation; `random` is a per-worker pseudo-random 32-bit number. */
  operation(random: number): Promise<unknown>;
  close(): Promise<void>;
}

export interface FeatureBenchmark {
  /** e.g. "queue"; scenarios are reported as "<name> <scenario name>". */
  readonly name: string;
  /** Cluster options for this feature's cluster (members, version, jet, cpMemberCount, xml). */
  readonly cluster: Omit<ClusterOptions, 'namePrefix' | 'fastStartup' | 'name'>;
  readonly quick: readonly FeatureScenario[];
  readonly full: readonly FeatureScenario[];
  /**
   * What one operation moves, when that is not one call: e.g. { unit: 'rows', perOperation: 200_000 } for a
   * streaming query. Reported as units/s next to ops/s.
   */
  readonly units?: { readonly unit: string; readonly perOperation: number };
  /**
   * Runs in the orchestrator before each scenario's rounds (and before the warm-up): sets up the cluster
   * for it, e.g. the faults of a `proxied` cluster's proxies.
   */
  configureCluster?(cluster: Cluster, scenario: FeatureScenario): void;
  /**
   * Runs in the measured process: connects a client of `kind` (import it lazily, so a process loads only
   * the client it measures) and returns the operation to repeat.
   */
  prepare(kind: ClientKind, target: FeatureTarget, scenario: FeatureScenario): Promise<PreparedDriver>;
}
