import { describe, expect, it } from 'vitest';
import type { ScenarioReport } from '../map-benchmark';
import { type Operation, scenarioName, type ValueKind } from '../runner/scenario';
import type { BundleCase, BundleReport } from '../static/bundle-size';
import type { LoadTimeReport } from '../static/load-time';
import type { Metrics } from '../stats';
import { markdownTable } from './format';
import { type BenchDocument, renderText } from './render';
import { evaluateTargets, type TargetResult, targetRows } from './targets';

const METRICS: Metrics = {
  opsPerSec: 10_000,
  p50Us: 100,
  p99Us: 1000,
  p999Us: 2000,
  cpuMsPer1kOps: 10,
  peakRssMb: 100,
  peakHeapMb: 30,
  writesPer1kOps: 20,
};

/** Ratios that meet every scenario target. */
const GOOD: Partial<Metrics> = { cpuMsPer1kOps: 0.5, opsPerSec: 1.5, p99Us: 0.9, p50Us: 0.9 };

function scenario(
  op: Operation,
  valueSize: number,
  concurrency: number,
  valueKind: ValueKind = 'buffer',
  ratio: Partial<Metrics> = GOOD,
  name = scenarioName(op, valueSize, concurrency, 1, valueKind),
): ScenarioReport {
  const official = METRICS;
  const ours = { ...METRICS };
  for (const key of Object.keys(ratio) as (keyof Metrics)[]) ours[key] = official[key] * (ratio[key] ?? 1);
  return {
    name,
    scenario: { name, op, valueSize, valueKind, concurrency, batch: 1 },
    ours,
    official,
    ratio: { ...(Object.fromEntries(Object.keys(METRICS).map((k) => [k, 1])) as Metrics), ...ratio },
    rounds: { ours: [], official: [] },
  };
}

/** The 8 scenarios of targets 1–3, in the order, with per-name ratio overrides. */
function headline(overrides: Record<string, Partial<Metrics>> = {}): ScenarioReport[] {
  const list: ScenarioReport[] = [];
  for (const [size, kind] of [
    [1024, 'buffer'],
    [1024, 'string'],
    [1024, 'object'],
    [100, 'buffer'],
  ] as const) {
    for (const op of ['set', 'get'] as const) {
      const name = scenarioName(op, size, 256, 1, kind);
      list.push(scenario(op, size, 256, kind, { ...GOOD, ...overrides[name] }));
    }
  }
  return list;
}

function bundleCase(program: BundleCase['program'], minifiedBytes: number, paths: string[] = []): BundleCase {
  return {
    program,
    ours: {
      minifiedBytes,
      gzipBytes: Math.round(minifiedBytes / 3),
      modules: paths.map((path) => ({ path, bytes: 1000 })),
      forbiddenModules: [],
    },
    official: { minifiedBytes: 660_000, gzipBytes: 140_000 },
  };
}

function bundle(
  mapOnlyBytes = 90 * 1024,
  everythingBytes = 190 * 1024,
  mapOnlyPaths?: string[],
): BundleReport {
  return {
    cases: [
      bundleCase('map-only', mapOnlyBytes, mapOnlyPaths ?? ['packages/core-client/src/map/map.ts']),
      bundleCase('import-everything', everythingBytes),
      bundleCase('atomic-long-only', 120 * 1024),
    ],
  };
}

function loadTime(oursMedianMs: number): LoadTimeReport {
  return {
    runs: 11,
    oursMedianMs,
    officialMedianMs: 130,
    ratio: oursMedianMs / 130,
    oursSamplesMs: [],
    officialSamplesMs: [],
  };
}

function doc(parts: Partial<BenchDocument> = {}): BenchDocument {
  return {
    command: 'pnpm bench --quick --json',
    machine: {
      cpuModel: 'Test CPU',
      nproc: 2,
      memoryGb: 8,
      node: 'v20.0.0',
      java: 'openjdk 17',
      platform: 'linux x64',
      date: '2026-12-01T00:00:00.000Z',
    },
    scenarios: [...headline(), scenario('get', 1024, 1)],
    bundle: bundle(),
    loadTime: loadTime(25),
    micro: undefined,
    ...parts,
  };
}

function byId(results: readonly TargetResult[], id: string): TargetResult {
  const found = results.find((r) => r.id === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
}

const IDS = [
  'cpu-per-op',
  'ops-per-sec',
  'p99',
  'p50-one-in-flight',
  'map-only-bundle',
  'import-everything-bundle',
  'load-time',
  'no-compact-portable',
];

describe('evaluateTargets', () => {
  it('states every target, in the issue order, as met when a run meets them all', () => {
    const results = evaluateTargets(doc());
    expect(results.map((r) => r.id)).toEqual(IDS);
    expect(results.map((r) => r.status)).toEqual(IDS.map(() => 'met'));
    for (const r of results) expect(r.target.length).toBeGreaterThan(10);
    expect(byId(results, 'cpu-per-op').evidence).toContain('set 1KB c=256 0.50x');
    expect(byId(results, 'ops-per-sec').evidence).toMatch(
      /^checked on the 8 scenarios \(set and get at 256 in flight; 1 KB Buffer, string, object; 100 B\): set 1KB c=256 1\.50x, /,
    );
    expect(byId(results, 'p50-one-in-flight').evidence).toBe(
      'get 1KB c=1 0.90x (90 against 100 us); worst 0.90x (get 1KB c=1)',
    );
  });

  it('is not met when one scenario misses, and names the worst scenario', () => {
    const results = evaluateTargets(
      doc({
        scenarios: [
          ...headline({
            'set 1KB object c=256': { cpuMsPer1kOps: 1.18, opsPerSec: 1.35, p99Us: 1.04 },
            'get 100B c=256': { cpuMsPer1kOps: 0.95, opsPerSec: 0.85, p99Us: 1.1 },
          }),
          scenario('get', 1024, 1),
        ],
      }),
    );
    const cpu = byId(results, 'cpu-per-op');
    expect(cpu.status).toBe('not met');
    expect(cpu.evidence).toContain('set 1KB object c=256 1.18x');
    expect(cpu.evidence).toMatch(/; worst 1\.18x \(set 1KB object c=256\)$/);
    const ops = byId(results, 'ops-per-sec');
    expect(ops.status).toBe('not met');
    expect(ops.evidence).toMatch(/; worst 0\.85x \(get 100B c=256\)$/);
    const p99 = byId(results, 'p99');
    expect(p99.status).toBe('not met');
    expect(p99.evidence).toMatch(/; worst 1\.10x \(get 100B c=256\)$/);
    // The other targets are unaffected.
    expect(byId(results, 'p50-one-in-flight').status).toBe('met');
    expect(byId(results, 'load-time').status).toBe('met');
  });

  it('checks each threshold at its boundary', () => {
    const at = (ratio: Partial<Metrics>) =>
      evaluateTargets(doc({ scenarios: [...headline({ 'get 1KB string c=256': ratio })] }));
    expect(byId(at({ cpuMsPer1kOps: 0.6 }), 'cpu-per-op').status).toBe('met');
    expect(byId(at({ cpuMsPer1kOps: 0.604 }), 'cpu-per-op').status).toBe('not met');
    // Two decimals would print 0.60x and hide why it failed.
    expect(byId(at({ cpuMsPer1kOps: 0.604 }), 'cpu-per-op').evidence).toContain('worst 0.604x');
    expect(byId(at({ opsPerSec: 1.3 }), 'ops-per-sec').status).toBe('met');
    expect(byId(at({ opsPerSec: 1.299 }), 'ops-per-sec').status).toBe('not met');
    expect(byId(at({ p99Us: 1 }), 'p99').status).toBe('met');
    expect(byId(at({ p99Us: 1.001 }), 'p99').status).toBe('not met');
  });

  it('is not measured when the run skipped a part', () => {
    const results = evaluateTargets(doc({ scenarios: [], bundle: undefined, loadTime: undefined }));
    expect(results.map((r) => r.status)).toEqual(IDS.map(() => 'not measured'));
    expect(byId(results, 'cpu-per-op').evidence).toBe('no Map scenarios in this run');
    expect(byId(results, 'p50-one-in-flight').evidence).toBe('no Map scenarios in this run');
    expect(byId(results, 'map-only-bundle').evidence).toBe('bundle sizes not measured in this run');
    expect(byId(results, 'no-compact-portable').evidence).toBe('bundle sizes not measured in this run');
    expect(byId(results, 'load-time').evidence).toBe('load time not measured in this run');
  });

  it('is not measured when --only left out every scenario a target needs', () => {
    const results = evaluateTargets(doc({ scenarios: [scenario('mix', 1024, 32)] }));
    const cpu = byId(results, 'cpu-per-op');
    expect(cpu.status).toBe('not measured');
    expect(cpu.evidence).toContain('missing: set 1KB c=256, get 1KB c=256, set 1KB string c=256');
    expect(byId(results, 'p50-one-in-flight')).toMatchObject({
      status: 'not measured',
      evidence: 'no Map scenario at c=1 in this run',
    });
    expect(byId(results, 'map-only-bundle').status).toBe('met');
  });

  it('evaluates the scenarios present and names the missing ones (partial run)', () => {
    const without100B = headline().filter((r) => r.scenario.valueSize !== 100);
    const passing = byId(evaluateTargets(doc({ scenarios: without100B })), 'cpu-per-op');
    expect(passing.status).toBe('not measured');
    expect(passing.evidence).toContain('get 1KB object c=256 0.50x');
    expect(passing.evidence).toMatch(/; missing: set 100B c=256, get 100B c=256$/);

    const failing = byId(
      evaluateTargets(
        doc({
          scenarios: headline({ 'set 1KB c=256': { cpuMsPer1kOps: 0.8 } }).filter(
            (r) => r.scenario.valueSize !== 100,
          ),
        }),
      ),
      'cpu-per-op',
    );
    expect(failing.status).toBe('not met');
    expect(failing.evidence).toContain('worst 0.80x (set 1KB c=256)');
    expect(failing.evidence).toMatch(/; missing: set 100B c=256, get 100B c=256$/);
  });

  it('picks scenarios by their fields, not their names', () => {
    const list = headline().filter((r) => r.name !== 'get 1KB string c=256');
    // Named like the headline scenario but at 32 in flight: not the one the target is about.
    list.push(scenario('get', 1024, 32, 'string', { cpuMsPer1kOps: 2 }, 'get 1KB string c=256'));
    const wrongConcurrency = byId(evaluateTargets(doc({ scenarios: list })), 'cpu-per-op');
    expect(wrongConcurrency.status).toBe('not measured');
    expect(wrongConcurrency.evidence).toMatch(/; missing: get 1KB string c=256$/);

    // Named differently but with the fields of the headline scenario: it counts, under its own name.
    list.push(
      scenario('get', 1024, 256, 'string', { cpuMsPer1kOps: 0.7 }, 'strings of 1 KiB, 256 in flight'),
    );
    const renamed = byId(evaluateTargets(doc({ scenarios: list })), 'cpu-per-op');
    expect(renamed.status).toBe('not met');
    expect(renamed.evidence).toContain('worst 0.70x (strings of 1 KiB, 256 in flight)');
  });

  it('reads a document from before value kinds existed as Buffer values', () => {
    // Such a document has only Buffer scenarios, and no valueKind in their descriptions.
    const old = headline()
      .filter((r) => r.scenario.valueKind === 'buffer')
      .map((r) => {
        const { valueKind: _, ...rest } = r.scenario;
        return { ...r, scenario: rest as ScenarioReport['scenario'] };
      });
    const cpu = byId(evaluateTargets(doc({ scenarios: old })), 'cpu-per-op');
    expect(cpu.status).toBe('not measured');
    expect(cpu.evidence).toBe(
      'set 1KB c=256 0.50x, get 1KB c=256 0.50x, set 100B c=256 0.50x, get 100B c=256 0.50x; ' +
        'worst 0.50x (set 1KB c=256); missing: set 1KB string c=256, get 1KB string c=256, ' +
        'set 1KB object c=256, get 1KB object c=256',
    );
  });

  it('counts a scenario without a ratio (null in JSON) as not measured', () => {
    const list = headline();
    const [first, ...rest] = list;
    const broken = { ...first!, ratio: { ...first!.ratio, cpuMsPer1kOps: null as unknown as number } };
    const cpu = byId(evaluateTargets(doc({ scenarios: [broken, ...rest] })), 'cpu-per-op');
    expect(cpu.status).toBe('not measured');
    expect(cpu.evidence).toMatch(/; missing: set 1KB c=256 \(no ratio\)$/);
  });

  it('counts a NaN ratio (the official figure was 0) as not measured', () => {
    const cpu = byId(
      evaluateTargets(doc({ scenarios: headline({ 'get 100B c=256': { cpuMsPer1kOps: Number.NaN } }) })),
      'cpu-per-op',
    );
    expect(cpu.status).toBe('not measured');
    expect(cpu.evidence).toMatch(/worst 0\.50x \(set 1KB c=256\); missing: get 100B c=256 \(no ratio\)$/);
  });

  it('checks p50 at 1 in flight over every Map scenario at c=1', () => {
    const results = evaluateTargets(
      doc({
        scenarios: [
          ...headline(),
          scenario('get', 1024, 1, 'buffer', { p50Us: 0.97 }),
          scenario('set', 100, 1, 'buffer', { p50Us: 1 }),
          scenario('get', 10 * 1024, 1, 'buffer', { p50Us: 1.12 }),
          scenario('get', 10 * 1024, 32, 'buffer', { p50Us: 2 }),
          // Its name contains "c=1", but it is at 16 in flight.
          scenario('get', 1024, 16, 'buffer', { p50Us: 3 }),
        ],
      }),
    );
    const p50 = byId(results, 'p50-one-in-flight');
    expect(p50.status).toBe('not met');
    expect(p50.evidence).toBe(
      'get 1KB c=1 0.97x (97 against 100 us), set 100B c=1 1.00x (100 against 100 us), ' +
        'get 10KB c=1 1.12x (112 against 100 us); worst 1.12x (get 10KB c=1)',
    );
  });

  it('meets p50 at 1 in flight when every scenario at c=1 is equal or better', () => {
    const results = evaluateTargets(
      doc({
        scenarios: [
          scenario('set', 1024, 1, 'buffer', { p50Us: 1 }),
          scenario('get', 1024, 1, 'buffer', { p50Us: 0.8 }),
        ],
      }),
    );
    expect(byId(results, 'p50-one-in-flight')).toMatchObject({
      status: 'met',
      evidence:
        'set 1KB c=1 1.00x (100 against 100 us), get 1KB c=1 0.80x (80 against 100 us); worst 1.00x (set 1KB c=1)',
    });
  });

  it('holds the bundles under 100 KB and 200 KB (KB = 1,024 bytes)', () => {
    const sizes = (mapOnly: number, everything: number) => {
      const results = evaluateTargets(doc({ bundle: bundle(mapOnly, everything) }));
      return [byId(results, 'map-only-bundle'), byId(results, 'import-everything-bundle')];
    };
    const [mapUnder, everythingUnder] = sizes(102_399, 204_799);
    expect(mapUnder!.status).toBe('met');
    expect(mapUnder!.evidence).toBe(
      '100.0 KB (102,399 B) minified, limit 100.0 KB (102,400 B); official 644.5 KB',
    );
    expect(everythingUnder!.status).toBe('met');
    const [mapAt, everythingAt] = sizes(102_400, 204_800);
    expect(mapAt!.status).toBe('not met');
    expect(everythingAt!.status).toBe('not met');
    expect(everythingAt!.evidence).toContain('200.0 KB (204,800 B) minified, limit 200.0 KB');
  });

  it('holds the load time under 30 ms', () => {
    const under = byId(evaluateTargets(doc({ loadTime: loadTime(29.99) })), 'load-time');
    expect(under.status).toBe('met');
    expect(under.evidence).toBe(
      'median 29.99 ms over 11 fresh processes, limit 30 ms; official 130.0 ms (0.23x)',
    );
    expect(byId(evaluateTargets(doc({ loadTime: loadTime(30) })), 'load-time').status).toBe('not met');
    const noFigure = loadTime(Number.NaN);
    expect(byId(evaluateTargets(doc({ loadTime: noFigure })), 'load-time').status).toBe('not measured');
  });

  it('finds Compact or Portable code in the Map-only bundle, but allows the portable.ts check', () => {
    const withPaths = (paths: string[], forbiddenModules: string[] = []) => {
      const b = bundle(90 * 1024, 190 * 1024, paths);
      const mapOnly = b.cases[0]!;
      const cases = [{ ...mapOnly, ours: { ...mapOnly.ours, forbiddenModules } }, ...b.cases.slice(1)];
      return byId(evaluateTargets(doc({ bundle: { cases } })), 'no-compact-portable');
    };
    const clean = withPaths([
      'packages/core-client/src/map/map.ts',
      'packages/serialization/src/portable/portable.ts',
    ]);
    expect(clean.status).toBe('met');
    expect(clean.evidence).toBe(
      'no module of serialization/src/compact/ or portable/ among the 2 @hz modules of the Map-only bundle ' +
        '(only the allowed portable/portable.ts check, 1,000 B); forbidden modules: none',
    );

    const compact = withPaths(
      ['packages/core-client/src/map/map.ts', 'packages/serialization/src/compact/compact-writer.ts'],
      ['packages/serialization/src/compact/compact-writer.ts'],
    );
    expect(compact.status).toBe('not met');
    expect(compact.evidence).toContain('carries packages/serialization/src/compact/compact-writer.ts;');
    expect(compact.evidence).toContain('forbidden modules: 1 (0 of them neither Compact nor Portable)');

    const portableReader = withPaths(['packages/serialization/src/portable/portable-reader.ts']);
    expect(portableReader.status).toBe('not met');

    // A forbidden module of another kind fails the bundle's own check, not this target.
    const queue = withPaths(
      ['packages/core-client/src/queue/queue.ts'],
      ['packages/core-client/src/queue/queue.ts'],
    );
    expect(queue.status).toBe('met');
    expect(queue.evidence).toContain('forbidden modules: 1 (1 of them neither Compact nor Portable)');
  });

  it('is pure: the same document gives the same targets and is left unchanged', () => {
    const input = doc();
    const before = JSON.stringify(input);
    expect(evaluateTargets(input)).toEqual(evaluateTargets(input));
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('the targets table', () => {
  it('has a row per target: target, status, evidence', () => {
    const results = evaluateTargets(doc({ loadTime: loadTime(31) }));
    const rows = targetRows(results);
    expect(rows[0]).toEqual(['target', 'status', 'evidence']);
    expect(rows).toHaveLength(IDS.length + 1);
    expect(rows[7]).toEqual(['Load time < 30 ms', 'not met', results[6]!.evidence]);
  });

  it('ends the text and Markdown reports, computed for a document without targets', () => {
    const text = renderText(doc({ loadTime: loadTime(31) }));
    const last = text.slice(text.lastIndexOf('\n\n') + 2).split('\n');
    expect(last[0]).toBe('Targets of issue 18 (this run)');
    expect(last).toHaveLength(IDS.length + 3);
    expect(last.find((l) => l.startsWith('Load time < 30 ms'))).toMatch(/ {2}not met {2}median 31\.00 ms/);
    // Left-aligned cells: sentences and words, not figures.
    expect(last.find((l) => l.startsWith('Map-only bundle'))).toMatch(/ {2}met {6}90\.0 KB \(92,160 B\)/);

    const markdown = renderText(doc({ bundle: undefined }), markdownTable);
    const table = markdown.slice(markdown.indexOf('Targets of issue 18 (this run)'));
    expect(table.split('\n')[2]).toBe('| --- | --- | --- |');
    expect(table).toContain(
      '| Map-only bundle < 100 KB minified | not measured | bundle sizes not measured in this run |',
    );
  });
});
