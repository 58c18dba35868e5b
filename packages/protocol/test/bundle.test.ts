// Subpath exports keep bundles small: a program that imports only the Map codecs must not contain the
// codecs of other services.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = resolve(here, '..');
const packageJson = JSON.parse(readFileSync(resolve(packageRoot, 'package.json'), 'utf8')) as {
  exports: Record<string, Record<string, string> | undefined>;
};
const require = createRequire(import.meta.url);
// esbuild is not a dependency of this package; borrow the one vite (a root dev dependency) ships with.
const esbuildPath = createRequire(require.resolve('vite')).resolve('esbuild');

/** The slice of esbuild's API this test uses (its types are not resolvable from this package). */
interface EsbuildPluginBuild {
  onResolve(
    options: { filter: RegExp },
    callback: (args: { path: string }) => { path: string } | { errors: Array<{ text: string }> },
  ): void;
}
interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<{ outputFiles: Array<{ text: string }> }>;
}

async function bundle(source: string): Promise<string> {
  const esbuild = (await import(esbuildPath)) as EsbuildApi;
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: here, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    conditions: ['@hz/source'],
    external: ['long'],
    plugins: [
      {
        // Resolve @hz/protocol[/subpath] through this package's "exports" map, as a consumer would.
        name: 'hz-protocol-exports',
        setup(build: EsbuildPluginBuild) {
          build.onResolve({ filter: /^@hz\/protocol(\/.*)?$/ }, (args) => {
            const subpath = `.${args.path.slice('@hz/protocol'.length)}`;
            const target = packageJson.exports[subpath]?.['@hz/source'];
            if (!target) return { errors: [{ text: `${args.path} is not exported` }] };
            return { path: resolve(packageRoot, target) };
          });
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

describe('bundles', () => {
  it('an app using only Map codecs contains no CP, SQL or Transaction codecs', {
    timeout: 30_000,
  }, async () => {
    const code = await bundle(
      "import { MapPutCodec, MapGetCodec } from '@hz/protocol/codecs/map';\nconsole.log(MapPutCodec.encodeRequest, MapGetCodec.decodeResponse);",
    );
    // Every generated codec names itself ("Map.put", "CPMap.get"), so other services would show up here.
    expect(code).toContain('"Map.put"');
    expect(code).toContain('"Map.get"');
    expect(code).not.toMatch(
      /["'`](CPMap|AtomicLong|FencedLock|Sql|Transaction|TransactionalMap|Queue|Cache|Jet)\./,
    );
    // Not even other Map codecs: each message codec is a pure constant the bundler drops when unused.
    expect(code).not.toContain('"Map.remove"');
    console.log(`Map-only bundle (MapPut + MapGet): ${code.length} bytes unminified`);
  });

  it('importing the Map codecs from the root keeps only them too', { timeout: 30_000 }, async () => {
    const code = await bundle(
      "import { MapPutCodec, MapGetCodec } from '@hz/protocol';\nconsole.log(MapPutCodec.encodeRequest, MapGetCodec.decodeResponse);",
    );
    // The root re-exports every codec of the core services and the custom types; all are pure constants.
    expect(code).toContain('"Map.put"');
    expect(code).toContain('"Map.get"');
    expect(code).not.toContain('"Map.remove"');
    expect(code).not.toMatch(/["'`](Client|Queue|Transaction|TransactionalMap|MultiMap|ReplicatedMap)\./);
    // Custom types name themselves without a method ("Address", "SimpleEntryView"): none is used here.
    expect(code).not.toContain('"Address"');
    expect(code).not.toContain('"SimpleEntryView"');
  });

  it('the package entry alone does not pull in generated message codecs', { timeout: 30_000 }, async () => {
    const code = await bundle(
      "import { ClientMessageReader, encodeMessage } from '@hz/protocol';\nconsole.log(ClientMessageReader, encodeMessage);",
    );
    expect(code).toContain('var ClientMessageReader = class');
    expect(code).not.toContain('"Map.put"');
  });
});
