import { runInFreshProcess } from '../fork-runner';
import type { MicroReport } from './micro-types';

/** Codec and serialization throughput, in one fresh process so the map rounds' JIT state cannot help. */
export function runMicroBenchmarks(quick: boolean): Promise<MicroReport> {
  return runInFreshProcess<MicroReport>('micro', { quick }, { timeoutMs: 600_000 });
}
