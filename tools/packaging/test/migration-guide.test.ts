import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiIndex, hzApi, officialNodeApi, referencePath } from '../src/api-names';
import { codeSpans, type GuideRow, guideRows, readGuide, unresolvedNames } from '../src/migration-guide';

// docs/migration.md cannot drift: every name it gives for @hz is an export (or a member path of one) of an
// @hz package's sources, and every name it gives for the official Node.js client exists in
// hazelcast-client's declarations (the official client is a dev dependency: an oracle, never imported).

let hz: ApiIndex;
let node: ApiIndex;
let rows: GuideRow[];

beforeAll(() => {
  hz = hzApi();
  node = officialNodeApi();
  rows = guideRows(readGuide());
}, 300_000);

describe('the migration guide', () => {
  it('has tables with an @hz, a Node.js and a Python column', () => {
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      const headers = Object.keys(row.cells);
      expect(
        headers.some((h) => h.includes('@hz')),
        `line ${row.line}`,
      ).toBe(true);
      expect(
        headers.some((h) => h.includes('hazelcast-client')),
        `line ${row.line}`,
      ).toBe(true);
      expect(
        headers.some((h) => h.includes('Python')),
        `line ${row.line}`,
      ).toBe(true);
    }
  });

  it('names only @hz exports and members that exist', () => {
    expect(unresolvedNames(rows, [{ match: /@hz/, api: hz }])).toEqual([]);
  });

  it('names only hazelcast-client exports and members that exist', () => {
    expect(unresolvedNames(rows, [{ match: /hazelcast-client/, api: node }])).toEqual([]);
  });

  it('covers every getter of every @hz package (a new structure needs its row)', () => {
    const named = new Set(
      rows.flatMap((row) =>
        Object.entries(row.cells)
          .filter(([h]) => h.includes('@hz'))
          .flatMap(([, cell]) => codeSpans(cell).map((s) => referencePath(s)?.[0])),
      ),
    );
    const getters = hz.names.filter((n) => /^get[A-Z]/.test(n));
    // The index really holds the getters (a broken index would make this test pass vacuously).
    for (const core of ['getMap', 'getQueue', 'getSql', 'getAtomicLong', 'getExecutorService']) {
      expect(getters, core).toContain(core);
    }
    expect(getters.filter((g) => !named.has(g))).toEqual([]);
    expect(named.has('newTransaction')).toBe(true);
    expect(named.has('runInTransaction')).toBe(true);
  });

  it('the checker itself tells a real name from a misspelt one', () => {
    expect(hz.resolves('IMap.put')).toBe(true);
    expect(hz.resolves('IMap.putt')).toBe(false);
    expect(hz.resolves('ClientConfig.network.clusterMembers')).toBe(true);
    expect(hz.resolves('ClientConfig.network.clusterMember')).toBe(false);
    expect(hz.resolves('HazelcastClient.newHazelcastClient(config)')).toBe(true);
    expect(node.resolves('Client.newHazelcastClient')).toBe(true);
    expect(node.resolves('IMap.putt')).toBe(false);
  });
});
