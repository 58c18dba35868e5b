// What the packed-install test runs in a fresh npm project. Each feature package is one entry: the
// package a user adds to a project that has @hz/core-client, the program body it runs (once as ESM, once
// as CJS) and a typed program that `tsc --noEmit` checks with moduleResolution node16 and bundler.
//
// Program bodies run inside an async function with `hz` (@hz/core-client) and `feature` (the feature
// package) in scope, plus `config` (the test cluster's client config) and `flavor` ('esm' or 'cjs');
// they return a JSON-serializable result that the test compares with `expected`.

/** One feature package as users install it. */
export interface PackedFeature {
  /** Short name: the npm project's folder and the test's title. */
  readonly id: string;
  /** The package added to @hz/core-client; null for @hz/core-client alone. */
  readonly package: string | null;
  /** JavaScript run as ESM and as CJS against a real member; returns the result. */
  readonly body: string;
  /** The result `body` must return (`flavor` replaced by 'esm' or 'cjs'). */
  readonly expected: (flavor: 'esm' | 'cjs') => unknown;
  /** A typed program (ESM) for `tsc --noEmit`; it is type-checked, not run. */
  readonly typed: string;
  /** An entry the program left in a map, which the test reads back through a second client. */
  readonly written?: (flavor: 'esm' | 'cjs') => { map: string; key: string; value: unknown };
}

const TYPED_CONNECT = `const config: ClientConfig = {
  clusterName: 'dev',
  network: { clusterMembers: ['127.0.0.1:5701'] },
};`;

export const PACKED_FEATURES: readonly PackedFeature[] = [
  {
    id: 'core',
    package: null,
    body: `
      const client = await hz.HazelcastClient.newHazelcastClient(config);
      const map = hz.getMap(client, 'packed-' + flavor);
      await map.put('answer', 42);
      const result = { value: await map.get('answer'), absent: await map.get('nothing'), size: await map.size() };
      await client.shutdown();
      return result;`,
    expected: () => ({ value: 42, absent: null, size: 1 }),
    written: (flavor) => ({ map: `packed-${flavor}`, key: 'answer', value: 42 }),
    typed: `import { type ClientConfig, getMap, HazelcastClient, type IMap } from '@hz/core-client';
${TYPED_CONNECT}
// 'await using' shuts the client down when the block ends (Symbol.asyncDispose).
await using client = await HazelcastClient.newHazelcastClient(config);
const map: IMap<string, number> = getMap<string, number>(client, 'typed');
const previous: number | null = await map.put('answer', 42, { ttl: 60_000 });
const view = await map.getEntryView('answer');
const hits: bigint | undefined = view?.hits;
console.log(previous, hits);
`,
  },
  {
    id: 'sql',
    package: '@hz/sql',
    body: `
      const client = await hz.HazelcastClient.newHazelcastClient(config);
      const result = await feature.getSql(client).execute('SELECT v FROM TABLE(generate_series(1, 3))');
      const rows = [];
      for await (const row of result) rows.push(row.getObject('v'));
      let error = null;
      try {
        await feature.getSql(client).execute('SELECT * FROM no_such_table_' + flavor);
      } catch (e) {
        error = { name: e.name, isSqlError: e instanceof feature.HazelcastSqlError, isHazelcastError: e instanceof hz.HazelcastError };
      }
      await client.shutdown();
      return { rows, error };`,
    expected: () => ({
      rows: [1, 2, 3],
      error: { name: 'HazelcastSqlError', isSqlError: true, isHazelcastError: true },
    }),
    typed: `import { type ClientConfig, HazelcastClient } from '@hz/core-client';
import { getSql, HazelcastSqlError, type SqlRow } from '@hz/sql';
${TYPED_CONNECT}
await using client = await HazelcastClient.newHazelcastClient(config);
try {
  for await (const row of await getSql(client).execute('SELECT v FROM TABLE(generate_series(1, ?))', [3])) {
    const typedRow: SqlRow = row;
    console.log(typedRow.getObject('v'));
  }
} catch (error) {
  if (error instanceof HazelcastSqlError) console.log(error.code, error.message);
}
`,
  },
  {
    // Community Edition 5.5+ members have no CP Subsystem: the package loads, and the first call says so.
    id: 'cp',
    package: '@hz/cp',
    body: `
      const client = await hz.HazelcastClient.newHazelcastClient(config);
      let error = null;
      try {
        await feature.getAtomicLong(client, 'packed-' + flavor).incrementAndGet();
      } catch (e) {
        error = { name: e.name, isCpError: e instanceof feature.CPSubsystemNotAvailableError, isHazelcastError: e instanceof hz.HazelcastError, mentionsCp: /CP Subsystem/i.test(e.message) };
      }
      await client.shutdown();
      return { error };`,
    expected: () => ({
      error: {
        name: 'CPSubsystemNotAvailableError',
        isCpError: true,
        isHazelcastError: true,
        mentionsCp: true,
      },
    }),
    typed: `import { type ClientConfig, HazelcastClient, type Int64, LockContext } from '@hz/core-client';
import { type FencedLock, getAtomicLong, getFencedLock } from '@hz/cp';
${TYPED_CONNECT}
await using client = await HazelcastClient.newHazelcastClient(config);
const visits: Int64 = await getAtomicLong(client, 'visits').incrementAndGet();
const lock: FencedLock = getFencedLock(client, 'orders@billing');
await LockContext.run(async () => {
  const fence: Int64 = await lock.lock({ signal: AbortSignal.timeout(5_000) });
  try {
    console.log(visits, fence);
  } finally {
    await lock.unlock();
  }
});
`,
  },
  {
    id: 'near-cache',
    package: '@hz/near-cache',
    body: `
      const client = await hz.HazelcastClient.newHazelcastClient({ ...config, plugins: [feature.nearCache({ 'packed-nc-*': {} })] });
      const map = hz.getMap(client, 'packed-nc-' + flavor);
      await map.put('k', 'v');
      // Reads are cached once the map's invalidation listener is registered and its first metadata arrived
      // (the first reconciliation, a moment after getMap); this program waits for that, bounded.
      for (let i = 0; i < 600 && feature.getNearCacheStats(map).reconciliations === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const first = await map.get('k');
      const second = await map.get('k');
      const stats = feature.getNearCacheStats(map);
      const result = { first, second, hits: stats.hits, misses: stats.misses, entries: stats.ownedEntryCount };
      await client.shutdown();
      return result;`,
    // The first read misses and caches, the second is served from local memory.
    expected: () => ({ first: 'v', second: 'v', hits: 1, misses: 1, entries: 1 }),
    written: (flavor) => ({ map: `packed-nc-${flavor}`, key: 'k', value: 'v' }),
    typed: `import { type ClientConfig, getMap, HazelcastClient } from '@hz/core-client';
import { getNearCacheStats, type NearCacheStats, nearCache } from '@hz/near-cache';
const config: ClientConfig = {
  clusterName: 'dev',
  network: { clusterMembers: ['127.0.0.1:5701'] },
  plugins: [nearCache({ prices: { inMemoryFormat: 'OBJECT', timeToLiveSeconds: 300 } })],
};
await using client = await HazelcastClient.newHazelcastClient(config);
const prices = getMap<string, number>(client, 'prices');
console.log(await prices.get('ada'));
const stats: NearCacheStats | null = getNearCacheStats(prices);
console.log(stats?.hits);
`,
  },
];

/** The ESM program for a feature: prints its result as JSON on the last line. */
export function esmProgram(feature: PackedFeature): string {
  return `import * as hz from '@hz/core-client';
${feature.package ? `import * as feature from '${feature.package}';` : 'const feature = null;'}
const config = JSON.parse(process.env.HZ_PACKED_CONFIG);
const flavor = 'esm';
try {
  const result = await (async () => {${feature.body}
  })();
  console.log(JSON.stringify({ result, resolved: import.meta.resolve('@hz/core-client') }));
} catch (error) {
  // A failure must end the process even if a client is still connected.
  console.error(error);
  process.exit(1);
}
`;
}

/** The CJS program for a feature: `require` only, no top-level await. */
export function cjsProgram(feature: PackedFeature): string {
  return `'use strict';
const hz = require('@hz/core-client');
const feature = ${feature.package ? `require('${feature.package}')` : 'null'};
const config = JSON.parse(process.env.HZ_PACKED_CONFIG);
const flavor = 'cjs';
(async () => {${feature.body}
})().then(
  (result) => console.log(JSON.stringify({ result, resolved: require.resolve('@hz/core-client') })),
  (error) => {
    // A failure must end the process even if a client is still connected.
    console.error(error);
    process.exit(1);
  },
);
`;
}

/** A CJS typed program (`.cts`, `require` conditions under node16) for the core package. */
export const TYPED_CJS = `import hz = require('@hz/core-client');
const config: hz.ClientConfig = { clusterName: 'dev' };
async function main(): Promise<void> {
  const client = await hz.HazelcastClient.newHazelcastClient(config);
  const map: hz.IMap<string, number> = hz.getMap<string, number>(client, 'typed');
  console.log(await map.get('k'));
  await client.shutdown();
}
void main();
`;
