import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { cacheDir, repoRoot } from '../paths';

export interface BundleMeasure {
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

export interface OurBundleMeasure extends BundleMeasure {
  /** @hz source modules that contributed bytes (from a second build against the sources), largest first. */
  readonly modules: BundledModule[];
  /** Modules the program must not carry (CP, SQL, Queue or Near Cache code in a Map program; …). */
  readonly forbiddenModules: string[];
}

export interface BundledModule {
  readonly path: string;
  /** Minified bytes this module kept in the output. */
  readonly bytes: number;
}

export interface BundleCase {
  readonly program: 'map-only' | 'import-everything' | 'atomic-long-only';
  readonly ours: OurBundleMeasure;
  readonly official: BundleMeasure;
}

export interface BundleReport {
  readonly cases: BundleCase[];
}

const PROGRAMS = {
  'map-only': {
    ours: `import { HazelcastClient, getMap } from '@hz/core-client';
const client = await HazelcastClient.newHazelcastClient({ clusterName: 'dev' });
const map = getMap(client, 'm');
await map.set('k', 'v');
console.log(await map.get('k'));
await client.shutdown();
`,
    official: `import { Client } from 'hazelcast-client';
const client = await Client.newHazelcastClient({ clusterName: 'dev' });
const map = await client.getMap('m');
await map.set('k', 'v');
console.log(await map.get('k'));
await client.shutdown();
`,
  },
  'import-everything': {
    ours: `import * as hz from '@hz/core-client';
console.log(hz);
`,
    official: `import * as hz from 'hazelcast-client';
console.log(hz);
`,
  },
  'atomic-long-only': {
    ours: `import { HazelcastClient } from '@hz/core-client';
import { getAtomicLong } from '@hz/cp';
const client = await HazelcastClient.newHazelcastClient({ clusterName: 'dev' });
console.log(await getAtomicLong(client, 'counter').incrementAndGet());
await client.shutdown();
`,
    official: `import { Client } from 'hazelcast-client';
const client = await Client.newHazelcastClient({ clusterName: 'dev' });
const counter = await client.getCPSubsystem().getAtomicLong('counter');
console.log(await counter.incrementAndGet());
await client.shutdown();
`,
  },
} as const;

/** Source paths that mean code of another structure or feature package leaked into a Map bundle. */
const FORBIDDEN = [
  /packages\/(cp|sql|near-cache)\//,
  /codecs\/(cp-|atomic-|fenced-lock|semaphore|count-down-latch|sql|queue|transactional-queue)/,
  /generated\/custom\/(Sql|JobAndSqlSummary)/,
  /near-?cache/i,
  /\/queue\//,
  /codecs\/(list|set|transactional-list|transactional-set)\//,
  /core-client\/src\/(list|set|collection)\//,
  /codecs\/(multi-map|replicated-map|transactional-multi-map)\//,
  /\/(multimap|replicatedmap)\//,
  // Test helpers (the member-side statistics reader's client half, credentials) never belong in a program.
  // TLS, statistics, cloud discovery and tracing are configured in the core config, so they are in every
  // bundle by design; only node:tls, node:https and node:zlib are loaded on use.
  /packages\/[^/]+\/test\//,
  // Ringbuffer, Topic, ReliableTopic, PNCounter, FlakeIdGenerator: their proxies, codecs and shared parts.
  /core-client\/src\/(ringbuffer|topic|reliable-topic|pn-counter|flake-id)\//,
  /codecs\/(ringbuffer|topic|pn-counter|flake-id-generator)\//,
  /core-client\/src\/(listener\/message-listener|config\/name-matcher)\.ts/,
  /codecs\/(executor-service|transaction|transactional-map)\//,
  /core-client\/src\/(executor|transaction)\//,
  // Test tooling never ships: the fault proxy, the soak and the cluster harness.
  /tools\/(fault-proxy|soak|cluster)\//,
];

/**
 * What a program that uses only AtomicLong must not carry: the other CP structures, CP sessions, and the
 * other feature packages.
 */
const FORBIDDEN_IN_ATOMIC_LONG = [
  /packages\/cp\/src\/(atomic-reference|fenced-lock|semaphore|count-down-latch)\//,
  /packages\/cp\/src\/(sessions|abort)\.ts/,
  /codecs\/(cp-session|cp-subsystem|atomic-ref|fenced-lock|semaphore|count-down-latch|sql|queue|transactional-queue)/,
  /packages\/(sql|near-cache)\//,
  /near-?cache/i,
  /\/queue\//,
  // Member selectors are for programs that ask for them (getMembers(selector)), not for every client.
  /core-client\/src\/cluster\/member-selectors/,
];

function forbiddenIn(program: BundleCase['program']): readonly RegExp[] {
  return program === 'atomic-long-only' ? FORBIDDEN_IN_ATOMIC_LONG : FORBIDDEN;
}

/**
 * esbuild (bundle, minify, platform node) of the same small program written against each client. Sizes
 * come from the build against the published dist; the module list comes from a second build against the
 * sources (`@hz/source` condition), because the dist files are already bundled chunks.
 */
export async function measureBundles(): Promise<BundleReport> {
  const dir = join(cacheDir, 'bundle');
  await mkdir(dir, { recursive: true });
  const cases: BundleCase[] = [];
  for (const [program, sources] of Object.entries(PROGRAMS) as [
    BundleCase['program'],
    (typeof PROGRAMS)[BundleCase['program']],
  ][]) {
    const oursEntry = join(dir, `${program}-hz.mjs`);
    const officialEntry = join(dir, `${program}-official.mjs`);
    await writeFile(oursEntry, sources.ours);
    await writeFile(officialEntry, sources.official);
    const ours = await bundle(oursEntry, []);
    const official = await bundle(officialEntry, []);
    const fromSources = await bundle(oursEntry, ['@hz/source']);
    const modules = contributingModules(fromSources.metafile);
    cases.push({
      program,
      ours: {
        minifiedBytes: ours.minifiedBytes,
        gzipBytes: ours.gzipBytes,
        modules,
        // import-everything is meant to pull everything in; the other programs must not carry what is listed.
        forbiddenModules:
          program === 'import-everything'
            ? []
            : modules.map((m) => m.path).filter((path) => forbiddenIn(program).some((p) => p.test(path))),
      },
      official: { minifiedBytes: official.minifiedBytes, gzipBytes: official.gzipBytes },
    });
  }
  return { cases };
}

async function bundle(entry: string, conditions: string[]): Promise<BundleMeasure & { metafile: Metafile }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions,
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: repoRoot,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`bench: esbuild produced no output for ${entry}`);
  return {
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    metafile: result.metafile,
  };
}

/** @hz modules that kept at least one byte after tree-shaking, as repo-relative paths, largest first. */
function contributingModules(metafile: Metafile): BundledModule[] {
  const modules: BundledModule[] = [];
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) {
      if (info.bytesInOutput === 0) continue;
      // Inputs are relative to absWorkingDir, the repo root; pnpm links resolve to packages/… there.
      if (input.startsWith('packages/')) modules.push({ path: input, bytes: info.bytesInOutput });
    }
  }
  return modules.sort((a, b) => b.bytes - a.bytes);
}
