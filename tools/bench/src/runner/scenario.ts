// What a runner process is asked to do; serialisable so it crosses the fork boundary as JSON.
export type Operation = 'set' | 'get' | 'mix' | 'putAll' | 'getAll';

export interface Scenario {
  readonly name: string;
  readonly op: Operation;
  readonly valueSize: number;
  readonly concurrency: number;
  /** Entries per call for putAll/getAll; 1 otherwise. */
  readonly batch: number;
}

export interface RunRequest {
  readonly client: 'ours' | 'official';
  readonly clusterName: string;
  readonly addresses: readonly string[];
  readonly scenario: Scenario;
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Distinct keys touched; small enough that gets hit, large enough to spread over partitions. */
  readonly keyCount: number;
}

export interface LatencySummary {
  readonly p50Us: number;
  readonly p99Us: number;
  readonly p999Us: number;
  readonly maxUs: number;
}

export interface RunResult extends LatencySummary {
  readonly operations: number;
  readonly elapsedMs: number;
  readonly opsPerSec: number;
  /** User + system CPU of the whole client process, per 1,000 operations. */
  readonly cpuMsPer1kOps: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
}

export function scenarioName(op: Operation, valueSize: number, concurrency: number, batch: number): string {
  const size = valueSize >= 1024 ? `${valueSize / 1024}KB` : `${valueSize}B`;
  const batchPart = batch > 1 ? ` x${batch}` : '';
  return `${op}${batchPart} ${size} c=${concurrency}`;
}
