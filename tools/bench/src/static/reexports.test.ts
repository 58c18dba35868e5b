// @hz/core-client re-exports what a Map user needs of @hz/serialization (HazelcastJsonValue, BigDecimal, the
// Java date/time types, compactGenericRecord/FieldKind, UUID, HazelcastSerializationError). They must cost
// nothing to a program that does not use them: the Map-only program bundles to the same bytes with and
// without the re-export block of the entry point, and a re-exported class costs what a direct import does.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { benchRoot } from '../paths';

const MAP_ONLY = `import { HazelcastClient, getMap } from '@hz/core-client';
const client = await HazelcastClient.newHazelcastClient({ clusterName: 'dev' });
const map = getMap(client, 'm');
await map.set('k', 'v');
console.log(await map.get('k'));
await client.shutdown();
`;

/** Serves the entry point's re-export module (packages/core-client/src/serialization-exports.ts) empty. */
const withoutReexports: Plugin = {
  name: 'without-reexports',
  setup(pluginBuild) {
    pluginBuild.onLoad(
      { filter: /packages[\\/]core-client[\\/]src[\\/]serialization-exports\.ts$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes("from '@hz/serialization'"))
          throw new Error('unexpected serialization-exports.ts');
        return { contents: 'export {};', loader: 'ts', resolveDir: dirname(args.path) };
      },
    );
  },
};

async function bundle(program: string, plugins: Plugin[] = []): Promise<{ bytes: number; inputs: string[] }> {
  const result = await build({
    stdin: { contents: program, resolveDir: benchRoot, sourcefile: 'program.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@hz/source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([path]) => path);
  return { bytes: output.contents.byteLength, inputs };
}

describe('the @hz/serialization re-exports of @hz/core-client', () => {
  it('leave the Map-only bundle byte for byte the same', async () => {
    const withBlock = await bundle(MAP_ONLY);
    const withoutBlock = await bundle(MAP_ONLY, [withoutReexports]);
    // The plug-in did apply: a program that uses a re-export does not build without the module's exports.
    await expect(
      bundle(`import { UUID } from '@hz/core-client';\nconsole.log(UUID);\n`, [withoutReexports]),
    ).rejects.toThrow(/No matching export .* for import "UUID"/);
    expect(withBlock.bytes).toBeGreaterThan(10_000);
    expect(withBlock.bytes).toBe(withoutBlock.bytes);
    expect(withBlock.inputs).toEqual(withoutBlock.inputs);
  });

  it('cost a program that uses one what importing it from @hz/serialization costs', async () => {
    const use = (from: string) =>
      `import { HazelcastJsonValue, BigDecimal } from '${from}';\nconsole.log(new HazelcastJsonValue('1'), new BigDecimal(1n, 0));\n`;
    const viaCore = await bundle(use('@hz/core-client'));
    const direct = await bundle(use('@hz/serialization'));
    expect(viaCore.bytes).toBe(direct.bytes);
    expect(viaCore.inputs.filter((path) => path.includes('core-client'))).toEqual([]);
  });
});
