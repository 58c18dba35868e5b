import { beforeAll, describe, expect, it } from 'vitest';
import { checkSizes, formatSizes, readBudgets, SIZE_ENTRIES, type SizeRow } from '../src/size';
import { buildPublicPackages } from '../src/workspace';

// Bundle-size budgets (tools/packaging/size-budgets.json): a change that grows a named entry point past its
// budget fails here with the numbers. No cluster: an integration test only because it needs the build.

let rows: SizeRow[];
let stale: string[];

beforeAll(async () => {
  await buildPublicPackages();
  ({ rows, stale } = await checkSizes());
  console.log(`bundle sizes against tools/packaging/size-budgets.json:\n${formatSizes(rows)}`);
}, 900_000);

describe('bundle-size budgets', () => {
  it('every entry point has a budget and every budget an entry point', () => {
    expect(rows.filter((r) => r.budget === undefined).map((r) => r.name)).toEqual([]);
    expect(stale).toEqual([]);
    expect(Object.keys(readBudgets().budgets).sort()).toEqual(SIZE_ENTRIES.map((e) => e.name).sort());
  });

  it.each(SIZE_ENTRIES.map((e) => e.name))('%s is within its budget', (name) => {
    const row = rows.find((r) => r.name === name)!;
    expect(row.problems).toEqual([]);
  });

  it('an entry point of one structure is smaller than everything from @hz/core-client', () => {
    const everything = rows.find((r) => r.name === 'everything from @hz/core-client')!;
    for (const name of ['getMap only', 'getQueue only']) {
      expect(rows.find((r) => r.name === name)!.size.minifiedBytes).toBeLessThan(
        everything.size.minifiedBytes,
      );
    }
  });
});
