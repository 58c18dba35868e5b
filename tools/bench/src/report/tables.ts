import type { AllocationReport } from '../alloc-benchmark';
import type { FeatureScenarioReport } from '../features/run-features';
import type { ScenarioReport } from '../map-benchmark';
import type { MicroReport } from '../micro/micro-types';
import type { ProfileReport } from '../profile/profile-run';
import type { BundledModule, BundleReport } from '../static/bundle-size';
import type { LoadTimeReport } from '../static/load-time';
import { kb, num, ratio } from './format';

export type Rows = string[][];

export function mapRows(
  reports: ReadonlyArray<Pick<ScenarioReport, 'name' | 'ours' | 'official' | 'ratio'>>,
): Rows {
  const rows: Rows = [
    [
      'scenario',
      'ops/s @hz',
      'ops/s official',
      'ratio',
      'p50 us @hz/off',
      'p99 us @hz/off',
      'p99.9 us @hz/off',
      'CPU ms/1k ops @hz/off',
      'CPU ratio',
      'RSS MB @hz/off',
      'heap MB @hz/off',
      'writes/1k ops @hz/off',
    ],
  ];
  for (const r of reports) {
    const pair = (key: keyof ScenarioReport['ours'], digits = 0) =>
      `${num(r.ours[key], digits)} / ${num(r.official[key], digits)}`;
    rows.push([
      r.name,
      num(r.ours.opsPerSec),
      num(r.official.opsPerSec),
      ratio(r.ratio.opsPerSec),
      pair('p50Us'),
      pair('p99Us'),
      pair('p999Us'),
      pair('cpuMsPer1kOps', 1),
      ratio(r.ratio.cpuMsPer1kOps),
      pair('peakRssMb'),
      pair('peakHeapMb'),
      pair('writesPer1kOps'),
    ]);
  }
  return rows;
}

export function bundleRows(report: BundleReport): Rows {
  const rows: Rows = [['program', 'minified', 'gzip', '@hz / official (min)', 'forbidden modules']];
  for (const c of report.cases) {
    rows.push([
      `${c.program} (@hz)`,
      kb(c.ours.minifiedBytes),
      kb(c.ours.gzipBytes),
      ratio(c.ours.minifiedBytes / c.official.minifiedBytes),
      c.program !== 'map-only'
        ? 'n/a'
        : c.ours.forbiddenModules.length === 0
          ? 'none'
          : c.ours.forbiddenModules.join(', '),
    ]);
    rows.push([`${c.program} (official)`, kb(c.official.minifiedBytes), kb(c.official.gzipBytes), '', '']);
  }
  return rows;
}

/** Bytes per source directory, largest first, with the largest module of each: where a bundle's size goes. */
export function bundleDirectoryRows(modules: readonly BundledModule[]): Rows {
  const byDirectory = new Map<string, { bytes: number; count: number; largest: BundledModule }>();
  for (const m of modules) {
    const directory = m.path.slice(0, m.path.lastIndexOf('/'));
    const entry = byDirectory.get(directory);
    if (!entry) byDirectory.set(directory, { bytes: m.bytes, count: 1, largest: m });
    else {
      entry.bytes += m.bytes;
      entry.count++;
      if (m.bytes > entry.largest.bytes) entry.largest = m;
    }
  }
  const rows: Rows = [['directory', 'modules', 'bytes', 'largest module']];
  for (const [directory, e] of [...byDirectory].sort((a, b) => b[1].bytes - a[1].bytes)) {
    const largest = e.largest.path.slice(directory.length + 1);
    rows.push([directory, String(e.count), num(e.bytes), `${largest} (${num(e.largest.bytes)})`]);
  }
  return rows;
}

export function loadTimeRows(report: LoadTimeReport): Rows {
  return [
    ['client', `median import ms (${report.runs} fresh processes)`],
    ['@hz', num(report.oursMedianMs, 1)],
    ['official', num(report.officialMedianMs, 1)],
    ['ratio', ratio(report.ratio)],
  ];
}

export function microRows(report: MicroReport): Rows {
  const rows: Rows = [['micro-benchmark', 'ops/s @hz', 'ops/s official', 'ratio']];
  for (const c of report.cases) {
    rows.push([
      c.name,
      num(c.oursOpsPerSec),
      num(c.officialOpsPerSec),
      ratio(c.oursOpsPerSec / c.officialOpsPerSec),
    ]);
  }
  return rows;
}

export function profileAreaRows(report: ProfileReport): Rows {
  const rows: Rows = [['area', 'self ms', '%']];
  for (const a of report.summary.areas) rows.push([a.area, num(a.selfMs), num(a.percent, 1)]);
  return rows;
}

export function profileTopRows(report: ProfileReport): Rows {
  const rows: Rows = [['function', 'where', 'self ms', '%']];
  for (const f of report.summary.top)
    rows.push([f.functionName, f.location, num(f.selfMs), num(f.percent, 1)]);
  return rows;
}

/** Feature scenarios: the Map columns, plus what one operation moves (rows, messages) per second. */
export function featureRows(reports: readonly FeatureScenarioReport[]): Rows {
  const rows = mapRows(reports);
  rows[0]!.push('units/s @hz/off');
  reports.forEach((r, index) => {
    const units = r.units;
    rows[index + 1]!.push(
      units
        ? `${num(r.ours.opsPerSec * units.perOperation)} / ${num(r.official.opsPerSec * units.perOperation)} ${units.unit}`
        : '-',
    );
  });
  return rows;
}

export function allocationRows(reports: readonly AllocationReport[]): string[][] {
  const rows = [
    [
      'scenario',
      'heap B/op @hz',
      'heap B/op official',
      'ratio',
      'ArrayBuffer B/op @hz',
      'ArrayBuffer B/op official',
      'writes/1k ops @hz/off',
    ],
  ];
  for (const r of reports) {
    rows.push([
      r.name,
      Math.round(r.ours.heap).toLocaleString('en-US'),
      Math.round(r.official.heap).toLocaleString('en-US'),
      r.official.heap > 0 ? `${(r.ours.heap / r.official.heap).toFixed(2)}x` : '-',
      Math.round(r.ours.arrayBuffers).toLocaleString('en-US'),
      Math.round(r.official.arrayBuffers).toLocaleString('en-US'),
      `${r.ours.writesPer1kOps.toFixed(0)} / ${r.official.writesPer1kOps.toFixed(0)}`,
    ]);
  }
  return rows;
}
