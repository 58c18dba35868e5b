import { Cluster } from '@hz-tools/cluster';
import { runInFreshProcess } from '../fork-runner';
import type { FeatureRunRequest } from '../runner/run-feature';
import type { RunResult } from '../runner/scenario';
import { type Metrics, ratioOf, summarizeRounds } from '../stats';
import type { ClientKind, FeatureBenchmark, FeatureScenario, FeatureTarget } from './feature';
import { FEATURES } from './index';

export interface FeatureScenarioReport {
  /** "<feature> <scenario>" */
  readonly name: string;
  readonly feature: string;
  readonly units: FeatureBenchmark['units'];
  readonly ours: Metrics;
  readonly official: Metrics;
  readonly ratio: Metrics;
  readonly rounds: { readonly ours: RunResult[]; readonly official: RunResult[] };
}

export interface FeatureTiming {
  readonly rounds: number;
  readonly warmupMs: number;
  readonly measureMs: number;
}

/**
 * Runs every feature benchmark whose scenario names match `only` (all when empty): one cluster per
 * feature, started with full JIT and always stopped; rounds alternate @hz and the official client.
 */
export async function runFeatureBenchmarks(
  quick: boolean,
  only: readonly string[],
  timing: FeatureTiming,
  log: (line: string) => void,
): Promise<FeatureScenarioReport[]> {
  const reports: FeatureScenarioReport[] = [];
  for (const feature of FEATURES) {
    const scenarios = (quick ? feature.quick : feature.full).filter(
      (s) => only.length === 0 || only.some((text) => `${feature.name} ${s.name}`.includes(text)),
    );
    if (scenarios.length === 0) continue;
    log(`bench: ${feature.name}: starting its cluster…`);
    const cluster = await Cluster.start({
      ...feature.cluster,
      fastStartup: false,
      namePrefix: `bench-${feature.name}`,
    });
    const stopOnSignal = () => {
      void cluster.stop().finally(() => process.exit(130));
    };
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    try {
      const target: FeatureTarget = { clusterName: cluster.name, addresses: cluster.addresses };
      // Warm the member's JIT with both clients before anything is measured.
      const first = scenarios[0]!;
      feature.configureCluster?.(cluster, first);
      for (const client of ['ours', 'official'] as const) {
        await round(feature, first, client, target, {
          ...timing,
          warmupMs: timing.warmupMs * 2,
          measureMs: 200,
        });
      }
      for (const scenario of scenarios) {
        feature.configureCluster?.(cluster, scenario);
        const ours: RunResult[] = [];
        const official: RunResult[] = [];
        for (let i = 0; i < timing.rounds; i++) {
          ours.push(await round(feature, scenario, 'ours', target, timing));
          official.push(await round(feature, scenario, 'official', target, timing));
          log(
            `  ${feature.name} ${scenario.name} round ${i + 1}/${timing.rounds}: ours ${Math.round(ours.at(-1)!.opsPerSec)} ops/s | official ${Math.round(official.at(-1)!.opsPerSec)} ops/s`,
          );
        }
        const oursSummary = summarizeRounds(ours);
        const officialSummary = summarizeRounds(official);
        reports.push({
          name: `${feature.name} ${scenario.name}`,
          feature: feature.name,
          units: feature.units,
          ours: oursSummary,
          official: officialSummary,
          ratio: ratioOf(oursSummary, officialSummary),
          rounds: { ours, official },
        });
      }
    } finally {
      process.off('SIGINT', stopOnSignal);
      process.off('SIGTERM', stopOnSignal);
      await cluster.stop();
    }
  }
  return reports;
}

function round(
  feature: FeatureBenchmark,
  scenario: FeatureScenario,
  client: ClientKind,
  target: FeatureTarget,
  timing: FeatureTiming,
): Promise<RunResult> {
  const request: FeatureRunRequest = {
    feature: feature.name,
    client,
    target,
    scenario,
    warmupMs: timing.warmupMs,
    measureMs: timing.measureMs,
  };
  return runInFreshProcess<RunResult>('feature', request);
}
