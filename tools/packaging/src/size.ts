import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from './workspace';

// Size budgets of named entry points: small programs a user would write, bundled (esbuild, minified,
// platform node, ESM) from the built packages exactly as an application's bundler sees them (no
// `@hz/source` condition). The budgets live in size-budgets.json; `pnpm size --update --reason "…"` raises
// the budgets that broke to today's sizes plus the file's margin, and writes the reason next to each. Adding an entry point is one entry in SIZE_ENTRIES.

/** One named entry point: a program that uses one thing. */
export interface SizeEntry {
  readonly name: string;
  readonly program: string;
}

const CLIENT = `const client = await HazelcastClient.newHazelcastClient({ clusterName: 'dev' });`;

export const SIZE_ENTRIES: readonly SizeEntry[] = [
  {
    name: 'getMap only',
    program: `import { HazelcastClient, getMap } from '@hz/core-client';
${CLIENT}
const map = getMap(client, 'm');
await map.set('k', 'v');
console.log(await map.get('k'));
await client.shutdown();`,
  },
  {
    name: 'getQueue only',
    program: `import { HazelcastClient, getQueue } from '@hz/core-client';
${CLIENT}
const queue = getQueue(client, 'q');
await queue.offer('v');
console.log(await queue.poll());
await client.shutdown();`,
  },
  {
    name: 'getSql only',
    program: `import { HazelcastClient } from '@hz/core-client';
import { getSql } from '@hz/sql';
${CLIENT}
for await (const row of await getSql(client).execute('SELECT 1')) console.log(row);
await client.shutdown();`,
  },
  {
    name: 'getAtomicLong only',
    program: `import { HazelcastClient } from '@hz/core-client';
import { getAtomicLong } from '@hz/cp';
${CLIENT}
console.log(await getAtomicLong(client, 'counter').incrementAndGet());
await client.shutdown();`,
  },
  {
    name: 'nearCache only',
    program: `import { HazelcastClient, getMap } from '@hz/core-client';
import { nearCache } from '@hz/near-cache';
const client = await HazelcastClient.newHazelcastClient({ clusterName: 'dev', plugins: [nearCache({ prices: {} })] });
console.log(await getMap(client, 'prices').get('k'));
await client.shutdown();`,
  },
  {
    name: 'everything from @hz/core-client',
    program: `import * as hz from '@hz/core-client';
console.log(hz);`,
  },
];

export interface Size {
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

export interface BudgetFile {
  readonly $comment?: string;
  /** Headroom `--update` adds to today's sizes, in percent. */
  readonly marginPercent: number;
  readonly budgets: Record<string, Budget>;
}

/** A budget: the most an entry point may weigh, and why it was last raised (absent for a first budget). */
export interface Budget extends Size {
  readonly reason?: string;
}

export const budgetPath = join(repoRoot, 'tools', 'packaging', 'size-budgets.json');

export function readBudgets(): BudgetFile {
  return JSON.parse(readFileSync(budgetPath, 'utf8')) as BudgetFile;
}

/** Bundles one entry from the built packages and measures it. */
export async function measure(entry: SizeEntry): Promise<Size> {
  const result = await build({
    stdin: { contents: entry.program, resolveDir: join(repoRoot, 'tools', 'packaging'), loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`size: esbuild produced no output for "${entry.name}"`);
  return {
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
  };
}

export interface SizeRow {
  readonly name: string;
  readonly size: Size;
  readonly budget: Budget | undefined;
  /** What is wrong: over budget (with the numbers), or no budget; empty when within budget. */
  readonly problems: string[];
}

/** Measures every entry and compares it with its budget. */
export async function checkSizes(
  budgets: BudgetFile = readBudgets(),
): Promise<{ rows: SizeRow[]; stale: string[] }> {
  const rows: SizeRow[] = [];
  for (const entry of SIZE_ENTRIES) {
    const size = await measure(entry);
    const budget = budgets.budgets[entry.name];
    const problems: string[] = [];
    if (!budget)
      problems.push(
        `"${entry.name}" has no budget in size-budgets.json (run pnpm size --update --reason "…")`,
      );
    else {
      for (const key of ['minifiedBytes', 'gzipBytes'] as const) {
        if (size[key] > budget[key]) {
          problems.push(
            `"${entry.name}" is ${size[key]} ${key} (budget ${budget[key]}, +${size[key] - budget[key]} bytes, ` +
              `+${(((size[key] - budget[key]) / budget[key]) * 100).toFixed(1)}%)`,
          );
        }
      }
    }
    rows.push({ name: entry.name, size, budget, problems });
  }
  const names = new Set(SIZE_ENTRIES.map((e) => e.name));
  const stale = Object.keys(budgets.budgets).filter((name) => !names.has(name));
  return { rows, stale };
}

/** The table `pnpm size` and the test print. */
export function formatSizes(rows: readonly SizeRow[]): string {
  const kb = (n: number | undefined) => (n === undefined ? '-' : `${(n / 1024).toFixed(1)} KiB`);
  const lines = [
    `${'entry point'.padEnd(34)} ${'minified'.padStart(11)} ${'budget'.padStart(11)} ${'gzip'.padStart(11)} ${'budget'.padStart(11)}`,
  ];
  for (const row of rows) {
    lines.push(
      `${row.name.padEnd(34)} ${kb(row.size.minifiedBytes).padStart(11)} ${kb(row.budget?.minifiedBytes).padStart(11)} ${kb(row.size.gzipBytes).padStart(11)} ${kb(row.budget?.gzipBytes).padStart(11)}${row.problems.length > 0 ? '  OVER' : ''}`,
    );
  }
  return lines.join('\n');
}

/**
 * Rewrites size-budgets.json for the entries over their budget or without one: today's size plus the margin,
 * with `reason` next to it (a raise is never silent). Budgets that hold stay as they are; stale ones go.
 */
export function writeBudgets(rows: readonly SizeRow[], previous: BudgetFile, reason: string): BudgetFile {
  const factor = 1 + previous.marginPercent / 100;
  const budgets: Record<string, Budget> = {};
  for (const row of rows) {
    const before = previous.budgets[row.name];
    budgets[row.name] =
      before && row.problems.length === 0
        ? before
        : {
            minifiedBytes: Math.ceil(row.size.minifiedBytes * factor),
            gzipBytes: Math.ceil(row.size.gzipBytes * factor),
            reason,
          };
  }
  const file: BudgetFile = { ...previous, budgets };
  writeFileSync(budgetPath, `${JSON.stringify(file, null, 2)}\n`);
  return file;
}
