// pnpm bench [--quick] [--micro] [--profile] [--json] [--members N]: @hz against hazelcast-client.
import { type AllocationReport, allocationScenario } from './alloc-benchmark';
import { type BenchArgs, parseArgs } from './args';
import { buildPackages, buildRunners } from './build';
import { type FeatureScenarioReport, runFeatureBenchmarks } from './features/run-features';
import { describeMachine } from './machine';
import { benchmarkScenario, type ScenarioReport, type Timing, warmUpMember } from './map-benchmark';
import { runMicroBenchmarks } from './micro/micro-benchmark';
import type { MicroReport } from './micro/micro-types';
import { type ProfileReport, profileScenario } from './profile/profile-run';
import { renderText } from './report/render';
import { evaluateTargets } from './report/targets';
import { filterScenarios, fullScenarios, quickScenarios } from './scenarios';
import { type BundleReport, measureBundles } from './static/bundle-size';
import { type LoadTimeReport, measureLoadTime } from './static/load-time';
import { type ClusterTarget, withCluster } from './with-cluster';

const LOAD_TIME_RUNS = 11;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) buildPackages();
  await buildRunners();
  const machine = describeMachine();
  const command = `pnpm bench ${process.argv
    .slice(2)
    .filter((a) => a !== '--')
    .join(' ')}`.trim();

  let scenarios: ScenarioReport[] = [];
  let profiles: ProfileReport[] | undefined;
  let allocation: AllocationReport[] | undefined;
  if (args.parts.map || args.parts.profile || args.alloc) {
    await withCluster(args.members, log, async (target) => {
      if (args.parts.map) scenarios = await runMapScenarios(args, target);
      if (args.parts.profile) profiles = await runProfiles(target);
      if (args.alloc) allocation = await runAllocation(args, target);
    });
  }

  let features: FeatureScenarioReport[] = [];
  if (args.parts.features) {
    features = await runFeatureBenchmarks(
      args.quick,
      args.only,
      args.quick
        ? { rounds: args.rounds, warmupMs: 1500, measureMs: 3000 }
        : { rounds: args.rounds, warmupMs: 3000, measureMs: 8000 },
      log,
    );
  }

  let bundle: BundleReport | undefined;
  if (args.parts.bundle) {
    log('bench: bundle sizes (esbuild)…');
    bundle = await measureBundles();
  }
  let loadTime: LoadTimeReport | undefined;
  if (args.parts.loadTime) {
    log(`bench: load time (${LOAD_TIME_RUNS} fresh processes per client)…`);
    loadTime = await measureLoadTime(LOAD_TIME_RUNS);
  }
  let micro: MicroReport | undefined;
  if (args.parts.micro) {
    log('bench: micro-benchmarks (codecs, serialization)…');
    micro = await runMicroBenchmarks(args.quick);
  }

  const measured = { command, machine, scenarios, features, bundle, loadTime, micro, profiles, allocation };
  const document = { ...measured, targets: evaluateTargets(measured) };
  if (args.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else process.stdout.write(`${renderText(document)}\n`);
}

async function runMapScenarios(args: BenchArgs, target: ClusterTarget): Promise<ScenarioReport[]> {
  const scenarios = filterScenarios(args.quick ? quickScenarios() : fullScenarios(), args.only);
  const timing: Timing = args.quick
    ? { rounds: args.rounds, warmupMs: 1500, measureMs: 3000, keyCount: 1000 }
    : { rounds: args.rounds, warmupMs: 3000, measureMs: 8000, keyCount: 1000 };
  const first = scenarios[0];
  if (first) {
    log('bench: warming up the member…');
    await warmUpMember(target, { ...first, op: 'mix' }, args.quick ? 4000 : 15_000);
  }
  const reports: ScenarioReport[] = [];
  for (const scenario of scenarios) {
    log(`bench: ${scenario.name}`);
    reports.push(await benchmarkScenario(target, scenario, timing));
  }
  return reports;
}

/** `--alloc`: bytes per operation of the quick scenarios (filtered by --only), both clients. */
async function runAllocation(args: BenchArgs, target: ClusterTarget): Promise<AllocationReport[]> {
  const scenarios = filterScenarios(quickScenarios(), args.only);
  const first = scenarios[0];
  if (first) {
    log('bench: warming up the member…');
    await warmUpMember(target, { ...first, op: 'mix' }, 4000);
  }
  const reports: AllocationReport[] = [];
  for (const scenario of scenarios) {
    log(`bench: allocation ${scenario.name}`);
    reports.push(await allocationScenario(target, scenario, args.rounds, 3000, log));
  }
  return reports;
}

/** `node --cpu-prof` on the @hz runner for the headline scenarios (set and get, 1 KB, c=256). */
async function runProfiles(target: ClusterTarget): Promise<ProfileReport[]> {
  const headline = quickScenarios().filter(
    (s) =>
      (s.op === 'set' || s.op === 'get') &&
      s.valueKind === 'buffer' &&
      s.valueSize === 1024 &&
      s.concurrency === 256,
  );
  const first = headline[0];
  if (first) await warmUpMember(target, { ...first, op: 'mix' }, 8000);
  const reports: ProfileReport[] = [];
  for (const scenario of headline) {
    log(`bench: profiling @hz ${scenario.name}…`);
    reports.push(await profileScenario(target, scenario, 8000));
  }
  return reports;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
