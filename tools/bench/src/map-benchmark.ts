import { runInFreshProcess } from './fork-runner';
import type { RunRequest, RunResult, Scenario } from './runner/scenario';
import { type Metrics, ratioOf, summarizeRounds } from './stats';

export interface Timing {
  readonly rounds: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly keyCount: number;
}

export interface ScenarioReport {
  readonly name: string;
  readonly scenario: Scenario;
  readonly ours: Metrics;
  readonly official: Metrics;
  readonly ratio: Metrics;
  readonly rounds: { readonly ours: RunResult[]; readonly official: RunResult[] };
}

interface Target {
  readonly clusterName: string;
  readonly addresses: readonly string[];
}

/**
 * Runs a scenario as A B A B … with each round in a fresh process, so a slow phase of the machine or the
 * member hits both clients alike and neither client's JIT helps the other.
 */
export async function benchmarkScenario(
  target: Target,
  scenario: Scenario,
  timing: Timing,
): Promise<ScenarioReport> {
  const ours: RunResult[] = [];
  const official: RunResult[] = [];
  for (let round = 0; round < timing.rounds; round++) {
    ours.push(await runRound(target, scenario, timing, 'ours'));
    official.push(await runRound(target, scenario, timing, 'official'));
    process.stderr.write(
      `  ${scenario.name} round ${round + 1}/${timing.rounds}: ours ${fmt(ours.at(-1))} | official ${fmt(official.at(-1))}\n`,
    );
  }
  const oursSummary = summarizeRounds(ours);
  const officialSummary = summarizeRounds(official);
  return {
    name: scenario.name,
    scenario,
    ours: oursSummary,
    official: officialSummary,
    ratio: ratioOf(oursSummary, officialSummary),
    rounds: { ours, official },
  };
}

/** Drives the member for a while before anything is measured so its JIT is warm for both clients. */
export async function warmUpMember(target: Target, scenario: Scenario, durationMs: number): Promise<void> {
  await runRound(
    target,
    scenario,
    { rounds: 1, warmupMs: durationMs, measureMs: 200, keyCount: 1000 },
    'ours',
  );
  await runRound(
    target,
    scenario,
    { rounds: 1, warmupMs: durationMs / 2, measureMs: 200, keyCount: 1000 },
    'official',
  );
}

function runRound(
  target: Target,
  scenario: Scenario,
  timing: Timing,
  client: RunRequest['client'],
): Promise<RunResult> {
  const request: RunRequest = {
    client,
    clusterName: target.clusterName,
    addresses: target.addresses,
    scenario,
    warmupMs: timing.warmupMs,
    measureMs: timing.measureMs,
    keyCount: timing.keyCount,
  };
  return runInFreshProcess<RunResult>('map', request);
}

function fmt(result: RunResult | undefined): string {
  return result ? `${Math.round(result.opsPerSec)} ops/s p99 ${result.p99Us} us` : '-';
}
