import type { AllocationReport } from '../alloc-benchmark';
import type { FeatureScenarioReport } from '../features/run-features';
import type { MachineInfo } from '../machine';
import type { ScenarioReport } from '../map-benchmark';
import type { MicroReport } from '../micro/micro-types';
import type { ProfileReport } from '../profile/profile-run';
import type { BundleReport } from '../static/bundle-size';
import type { LoadTimeReport } from '../static/load-time';
import { textTable } from './format';
import {
  allocationRows,
  bundleDirectoryRows,
  bundleRows,
  featureRows,
  loadTimeRows,
  mapRows,
  microRows,
  profileAreaRows,
  profileTopRows,
} from './tables';
import { evaluateTargets, type TargetResult, targetRows } from './targets';

export interface BenchDocument {
  readonly command: string;
  readonly machine: MachineInfo;
  readonly scenarios: ScenarioReport[];
  readonly features?: FeatureScenarioReport[] | undefined;
  readonly bundle: BundleReport | undefined;
  readonly loadTime: LoadTimeReport | undefined;
  readonly micro: MicroReport | undefined;
  readonly profiles?: ProfileReport[] | undefined;
  readonly allocation?: AllocationReport[] | undefined;
  /** The targets of issue 18 as this run met them (computed from the fields above; see targets.ts). */
  readonly targets?: readonly TargetResult[] | undefined;
}

type TableRenderer = (rows: string[][], leftColumns?: number) => string;

/**
 * The readable report: one table per part that ran, then the targets of issue 18; `table` picks plain text or
 * Markdown. The targets are computed from the document, so a document written before they existed gets them too.
 */
export function renderText(doc: BenchDocument, table: TableRenderer = textTable): string {
  const m = doc.machine;
  const parts = [
    `${doc.command} — ${m.date}`,
    `machine: ${m.cpuModel}, ${m.nproc} CPUs, ${m.memoryGb} GB, Node ${m.node}, ${m.java}, ${m.platform}`,
  ];
  if (doc.scenarios.length > 0) {
    parts.push(`Map scenarios (median of rounds; ratio = @hz / official)\n${table(mapRows(doc.scenarios))}`);
  }
  if (doc.features && doc.features.length > 0) {
    parts.push(
      `Feature scenarios (median of rounds; ratio = @hz / official)\n${table(featureRows(doc.features))}`,
    );
  }
  if (doc.bundle) {
    parts.push(`Bundle size (esbuild --bundle --minify --platform=node)\n${table(bundleRows(doc.bundle))}`);
    for (const c of doc.bundle.cases) {
      parts.push(
        `@hz source in the ${c.program} bundle: ${c.ours.modules.length} modules, by directory (minified bytes)\n${table(bundleDirectoryRows(c.ours.modules))}`,
      );
    }
  }
  if (doc.loadTime) parts.push(`Load time\n${table(loadTimeRows(doc.loadTime))}`);
  if (doc.allocation && doc.allocation.length > 0) {
    parts.push(
      `Allocation per operation (median of rounds; bytes; no GC inside the window)\n${table(allocationRows(doc.allocation))}`,
    );
  }
  if (doc.micro) {
    parts.push(
      `Micro-benchmarks (median of runs; ratio = @hz / official, > 1 is faster)\n${table(microRows(doc.micro))}`,
    );
    if (doc.micro.skipped.length > 0) parts.push(`skipped: ${doc.micro.skipped.join('; ')}`);
  }
  for (const p of doc.profiles ?? []) {
    parts.push(
      `CPU profile of @hz ${p.scenario} (${Math.round(p.result.opsPerSec)} ops/s while profiled; ${p.profile})\n` +
        `${table(profileAreaRows(p))}\n\nTop self time\n${table(profileTopRows(p))}`,
    );
  }
  // A run that measured none of them (--micro, --profile, --alloc) leaves the table out.
  const targets = evaluateTargets(doc);
  if (targets.some((t) => t.status !== 'not measured')) {
    parts.push(`Targets of issue 18 (this run)\n${table(targetRows(targets), 3)}`);
  }
  return parts.join('\n\n');
}
