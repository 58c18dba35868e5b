import { runInFreshProcess } from './fork-runner';
import { ALLOCATION_PROBE_FLAGS } from './runner/alloc-probe';
import type { RunRequest, RunResult, Scenario } from './runner/scenario';
import { median } from './stats';

/** Operations in one allocation window. */
export const ALLOC_OPS = 2000;

export interface AllocationReport {
  readonly name: string;
  /** Median over rounds of the bytes per operation. */
  readonly ours: { heap: number; arrayBuffers: number; writesPer1kOps: number };
  readonly official: { heap: number; arrayBuffers: number; writesPer1kOps: number };
  readonly rounds: { readonly ours: RunResult[]; readonly official: RunResult[] };
}

/**
 * `pnpm bench --alloc`: per scenario, fresh processes (ours, official, ours, …) that warm up and then count
 * the bytes 2,000 operations allocate with no garbage collection in the window. Unlike CPU time this hardly
 * depends on what else the machine is doing.
 */
export async function allocationScenario(
  target: { clusterName: string; addresses: readonly string[] },
  scenario: Scenario,
  rounds: number,
  warmupMs: number,
  log: (line: string) => void,
): Promise<AllocationReport> {
  const ours: RunResult[] = [];
  const official: RunResult[] = [];
  const run = (client: RunRequest['client']) =>
    runInFreshProcess<RunResult>(
      'map',
      {
        client,
        clusterName: target.clusterName,
        addresses: target.addresses,
        scenario,
        warmupMs,
        measureMs: 1000,
        keyCount: 1000,
        allocOps: ALLOC_OPS,
      } satisfies RunRequest,
      { execArgv: ALLOCATION_PROBE_FLAGS },
    );
  for (let round = 0; round < rounds; round++) {
    ours.push(await run('ours'));
    official.push(await run('official'));
    const o = ours.at(-1)?.allocation;
    const t = official.at(-1)?.allocation;
    log(
      `  ${scenario.name} round ${round + 1}/${rounds}: heap B/op ours ${Math.round(o?.heapBytesPerOp ?? 0)} | official ${Math.round(t?.heapBytesPerOp ?? 0)}`,
    );
  }
  const summary = (list: RunResult[]) => ({
    heap: median(list.map((r) => r.allocation?.heapBytesPerOp ?? 0)),
    arrayBuffers: median(list.map((r) => r.allocation?.arrayBufferBytesPerOp ?? 0)),
    writesPer1kOps: median(list.map((r) => r.writesPer1kOps)),
  });
  return {
    name: scenario.name,
    ours: summary(ours),
    official: summary(official),
    rounds: { ours, official },
  };
}
