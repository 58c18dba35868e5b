// What a runner process is asked to do; serialisable so it crosses the fork boundary as JSON.
import type { AllocationResult } from './alloc-probe';
export type Operation = 'set' | 'get' | 'mix' | 'putAll' | 'getAll';

/** What the values are: raw bytes, a string, or a JSON-like object (both clients write it as JSON). */
export type ValueKind = 'buffer' | 'string' | 'object';

export interface Scenario {
  readonly name: string;
  readonly op: Operation;
  readonly valueSize: number;
  readonly valueKind: ValueKind;
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
  /** Allocation mode (`--alloc`): after the warm-up, measure the bytes this many operations allocate. */
  readonly allocOps?: number;
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
  /** Socket writes of the whole process per 1,000 operations (how well writes are batched). */
  readonly writesPer1kOps: number;
  /** Allocation mode only: bytes allocated per operation (see alloc-probe.ts). */
  readonly allocation?: AllocationResult;
}

export function scenarioName(
  op: Operation,
  valueSize: number,
  concurrency: number,
  batch: number,
  kind: ValueKind = 'buffer',
): string {
  const size = valueSize >= 1024 ? `${valueSize / 1024}KB` : `${valueSize}B`;
  const batchPart = batch > 1 ? ` x${batch}` : '';
  const kindPart = kind === 'buffer' ? '' : ` ${kind}`;
  return `${op}${batchPart} ${size}${kindPart} c=${concurrency}`;
}

/**
 * A value of about `size` bytes on the wire: bytes, a string of ASCII characters, or a JSON-like object
 * (ids, names, a nested record and a text field filling up the size).
 */
export function benchValue(kind: ValueKind, size: number, fill = 'a'): unknown {
  if (kind === 'buffer') return Buffer.alloc(size, fill);
  if (kind === 'string') return fill.repeat(size);
  const base = {
    id: 123456,
    name: 'bench-record',
    active: true,
    score: 98.6,
    tags: ['alpha', 'beta', 'gamma'],
    owner: { id: 42, email: 'someone@example.com', roles: ['reader', 'writer'] },
    text: '',
  };
  const overhead = JSON.stringify(base).length;
  return { ...base, text: fill.repeat(Math.max(0, size - overhead)) };
}
