import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheDir, repoRoot } from '../paths';

// Bundle boundaries between structures: a program that uses one structure carries the client core plus that
// structure's own code, and nothing of the others. Built with esbuild from the sources (`@hz/source`), like
// the module list of `pnpm bench`'s bundle report.

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
await queue.addItemListener({ itemAdded: console.log });
for await (const item of queue.consume()) console.log(item, await queue.poll({ timeout: 10 }));
`,
  list: `import { HazelcastClient, getList } from '@hz/core-client';
${CLIENT}
const list = getList(client, 'l');
await list.addAt(0, 'v');
await list.addItemListener({ itemAdded: console.log });
console.log(await list.subList(0, 1));
`,
  set: `import { HazelcastClient, getSet } from '@hz/core-client';
${CLIENT}
const set = getSet(client, 's');
await set.add('v');
await set.addItemListener({ itemAdded: console.log });
console.log(await set.getAll());
`,
} as const;

type Program = keyof typeof PROGRAMS;

/** The @hz source modules that kept bytes in the bundle of a program. */
async function modulesOf(program: Program): Promise<Set<string>> {
  const dir = join(cacheDir, 'bundle');
  await mkdir(dir, { recursive: true });
  const entry = join(dir, `boundary-${program}.mjs`);
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

describe('structure bundle boundaries', () => {
  const modules = new Map<Program, Set<string>>();

  beforeAll(async () => {
    for (const program of Object.keys(PROGRAMS) as Program[]) modules.set(program, await modulesOf(program));
  });

  /** What a program adds to a client that uses no structure. */
  const added = (program: Program) => [...modules.get(program)!].filter((m) => !modules.get('bare')!.has(m));

  it.each(['queue', 'list', 'set'] as const)(
    'a %s-only program adds only its own code to the core',
    (structure) => {
      // Its own folder, the shared collection base, its codecs, and ProxyBase and the options check (every
      // structure's plumbing).
      const own = new RegExp(
        `(core-client/src/(${structure}|collection)/|generated/codecs/${structure}/|core-client/src/proxy/proxy-base|core-client/src/util/options)`,
      );
      const extra = added(structure);
      expect(extra.some((m) => m.includes(`core-client/src/${structure}/`))).toBe(true);
      expect(extra.filter((m) => !own.test(m))).toEqual([]);
    },
  );

  it('a map-only program contains no queue, list, set or shared collection code', () => {
    const leaked = added('map').filter((m) =>
      /core-client\/src\/(queue|list|set|collection)\/|generated\/codecs\/(queue|list|set)\//.test(m),
    );
    expect(added('map').some((m) => m.includes('core-client/src/map/'))).toBe(true);
    expect(leaked).toEqual([]);
  });
});
