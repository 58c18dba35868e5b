import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cacheDir, repoRoot } from '../paths';

// The executor and transactions cost nothing to a program that does not use them, and each carries none of
// the other's code (nor the structures' proxies). Built with esbuild from the sources (`@hz/source`), like the
// module list of `pnpm bench`'s bundle report. Each test builds its own programs, so no hook waits for all.

const CLIENT = `const client = await HazelcastClient.newHazelcastClient({ clusterName: 'dev' });`;

const PROGRAMS = {
  bare: `import { HazelcastClient } from '@hz/core-client';
${CLIENT}
await client.shutdown();
`,
  map: `import { HazelcastClient, getMap } from '@hz/core-client';
${CLIENT}
await getMap(client, 'm').set('k', 'v');
`,
  queue: `import { HazelcastClient, getQueue } from '@hz/core-client';
${CLIENT}
const queue = getQueue(client, 'q');
await queue.offer('v');
console.log(await queue.poll({ timeout: 10 }));
`,
  executor: `import { HazelcastClient, getExecutorService } from '@hz/core-client';
${CLIENT}
const executor = getExecutorService(client, 'e');
console.log(await executor.executeOnKeyOwner('k', { factoryId: 1, classId: 1, writeData() {}, readData() {} }));
console.log(await executor.executeOnAllMembers({ factoryId: 1, classId: 1, writeData() {}, readData() {} }));
await executor.shutdown();
`,
  transaction: `import { HazelcastClient, newTransaction, runInTransaction } from '@hz/core-client';
${CLIENT}
await runInTransaction(client, async (tx) => {
  await tx.getMap('m').put('k', 'v');
  await tx.getMultiMap('mm').put('k', 'v');
  await tx.getQueue('q').offer(await tx.getQueue('p').take());
  await tx.getList('l').add('v');
  await tx.getSet('s').add('v');
});
const tx = newTransaction(client, { type: 'ONE_PHASE' });
await tx.begin();
await tx.rollback();
`,
} as const;

type Program = keyof typeof PROGRAMS;

/** The @hz source modules that kept bytes in the bundle of a program. */
async function modulesOf(program: Program): Promise<Set<string>> {
  const dir = join(cacheDir, 'bundle');
  await mkdir(dir, { recursive: true });
  const entry = join(dir, `boundary-txexec-${program}.mjs`);
  await writeFile(entry, PROGRAMS[program]);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@hz/source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: repoRoot,
  });
  const modules = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) {
      if (info.bytesInOutput > 0 && input.startsWith('packages/')) modules.add(input);
    }
  }
  return modules;
}

/** What `program` adds to a client that uses nothing. */
async function added(program: Program): Promise<string[]> {
  const [bare, modules] = await Promise.all([modulesOf('bare'), modulesOf(program)]);
  return [...modules].filter((m) => !bare.has(m));
}

/** Every structure's plumbing: ProxyBase and the check of a method's options object. */
const PLUMBING = /core-client\/src\/(proxy\/proxy-base|util\/options)/;
const EXECUTOR = /core-client\/src\/executor\/|generated\/codecs\/executor-service\//;
const TRANSACTION =
  /core-client\/src\/transaction\/|generated\/codecs\/(transaction|transactional-[a-z-]+)\//;

describe('executor and transaction bundle boundaries', () => {
  it.each(['map', 'queue'] as const)(
    'a %s-only program carries no executor or transaction code',
    async (program) => {
      const extra = await added(program);
      expect(extra.some((m) => m.includes(`core-client/src/${program}/`))).toBe(true);
      expect(extra.filter((m) => EXECUTOR.test(m) || TRANSACTION.test(m))).toEqual([]);
    },
  );

  it('an executor program adds only the executor, its codecs, ProxyBase and the options check', async () => {
    const extra = await added('executor');
    expect(extra.some((m) => m.includes('core-client/src/executor/'))).toBe(true);
    expect(extra.filter((m) => !EXECUTOR.test(m) && !PLUMBING.test(m))).toEqual([]);
  });

  it("a transaction program adds only the transaction, its codecs, ProxyBase, the options check and the predicates' ids", async () => {
    const extra = await added('transaction');
    expect(extra.some((m) => m.includes('core-client/src/transaction/'))).toBe(true);
    expect(
      extra.filter(
        (m) => !TRANSACTION.test(m) && !PLUMBING.test(m) && !m.includes('core-client/src/query/ids'),
      ),
    ).toEqual([]);
  });
});
