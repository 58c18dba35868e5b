import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getMap, HazelcastClient } from '@hz/core-client';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerTsconfig, installProject } from '../src/install';
import { attwProblems, publintProblems } from '../src/lint-packages';
import { closure, FORBIDDEN_FILES, type PackedPackage, packAll } from '../src/pack';
import { cjsProgram, esmProgram, PACKED_FEATURES, TYPED_CJS } from '../src/packed-features';
import { buildPublicPackages, publicPackages, repoRoot, rootBin, run, runOk } from '../src/workspace';

// The packages as users get them: built once, packed once with `pnpm pack`, and installed from the
// tarballs with plain npm into fresh projects outside the workspace (no pnpm, no links, no `@hz/source`
// condition), one project per feature package next to @hz/core-client. Each project runs an ESM and a
// CJS program against a real member and type-checks a typed program with moduleResolution node16 and
// bundler, declarations included (skipLibCheck off).

const cluster = useCluster({ jet: true });
let work: string;
let packed: Map<string, PackedPackage>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hz-packed-'));
  await buildPublicPackages();
  packed = await packAll(join(work, 'tarballs'));
}, 900_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const rootManifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

describe('the tarballs', () => {
  it('hold one tarball per public package, each with its dist, declarations and licence metadata', () => {
    expect([...packed.keys()].sort()).toEqual(
      publicPackages()
        .map((p) => p.name)
        .sort(),
    );
    for (const pkg of packed.values()) {
      expect(pkg.files, pkg.name).toContain('package.json');
      expect(pkg.files, pkg.name).toContain('README.md');
      expect(pkg.files, pkg.name).toContain('dist/index.js');
      expect(pkg.files, pkg.name).toContain('dist/index.cjs');
      expect(pkg.files, pkg.name).toContain('dist/index.d.ts');
      expect(pkg.files, pkg.name).toContain('dist/index.d.cts');
      expect(pkg.manifest.license, pkg.name).toBe('Apache-2.0');
    }
  });

  it('hold no tests, test support, fixtures, oracles or build configs', () => {
    const offending = [...packed.values()].flatMap((pkg) =>
      pkg.files.filter((f) => FORBIDDEN_FILES.some((p) => p.test(f))).map((f) => `${pkg.name}: ${f}`),
    );
    expect(offending).toEqual([]);
  });

  it('name real version ranges where the workspace has workspace: ranges', () => {
    for (const pkg of packed.values()) {
      const workspaceManifest = publicPackages().find((p) => p.name === pkg.name)!.manifest;
      for (const field of ['dependencies', 'peerDependencies'] as const) {
        for (const [dep, range] of Object.entries(pkg.manifest[field] ?? {})) {
          expect(range, `${pkg.name} ${field}.${dep}`).not.toMatch(/^workspace:/);
          if (workspaceManifest[field]?.[dep]?.startsWith('workspace:')) {
            // workspace:^ becomes ^<version of the dependency>, the fixed group's one version.
            expect(range, `${pkg.name} ${field}.${dep}`).toBe(`^${packed.get(dep)!.version}`);
          }
        }
      }
      // devDependencies do not matter to users, but none may point into the workspace either.
      expect(
        Object.values(pkg.manifest.devDependencies ?? {}).filter((r) => r.startsWith('workspace:')),
      ).toEqual([]);
    }
  });

  it('declare no @internal member (stripped from the declarations)', async () => {
    const extract = join(work, 'extracted');
    const leaks: string[] = [];
    for (const pkg of packed.values()) {
      const dir = join(extract, pkg.name);
      await runOk('mkdir', ['-p', dir], { cwd: work });
      await runOk('tar', ['-xzf', pkg.tarball, '-C', dir], { cwd: work });
      for (const file of pkg.files.filter((f) => /\.d\.c?ts$/.test(f))) {
        const text = await readFile(join(dir, 'package', file), 'utf8');
        if (text.includes('@internal')) leaks.push(`${pkg.name}: ${file}`);
      }
    }
    expect(leaks).toEqual([]);
    // The internal context accessor of the plug-in entry point is gone from its declarations.
    const pluginTypes = await readFile(
      join(extract, '@hz/core-client', 'package', 'dist', 'plugin.d.ts'),
      'utf8',
    );
    expect(pluginTypes).not.toMatch(/function clientContext\b/);
    expect(pluginTypes).toMatch(/PluginHost/);
  });

  it('pass publint (warnings count as failures)', async () => {
    const problems: string[] = [];
    for (const pkg of packed.values()) problems.push(...(await publintProblems(pkg)));
    expect(problems).toEqual([]);
  });

  // One test per package, so a failure names its package (each takes a few seconds: @hz/protocol resolves
  // one entry point per service, four ways).
  it.each(publicPackages().map((p) => p.name))(
    '%s passes arethetypeswrong for node16 (CJS and ESM) and bundler resolution',
    async (name) => {
      expect(await attwProblems(packed.get(name)!, work)).toBeNull();
    },
  );
});

describe.each(PACKED_FEATURES)('$id installed from the tarballs with plain npm', (feature) => {
  let dir: string;
  const wanted = () => closure(feature.package ?? '@hz/core-client', packed);

  beforeAll(async () => {
    dir = join(work, `project-${feature.id}`);
    const names = new Set(['@hz/core-client', ...wanted()]);
    const dependencies: Record<string, string> = {
      '@types/node': rootManifest.devDependencies['@types/node']!,
    };
    for (const name of names) dependencies[name] = `file:${packed.get(name)!.tarball}`;
    await installProject(dir, dependencies);
    await writeFile(join(dir, 'program.mjs'), esmProgram(feature));
    await writeFile(join(dir, 'program.cjs'), cjsProgram(feature));
    await writeFile(join(dir, 'typed.ts'), feature.typed);
    if (feature.package === null) await writeFile(join(dir, 'typed-cjs.cts'), TYPED_CJS);
    await writeFile(join(dir, 'tsconfig.node16.json'), consumerTsconfig('node16'));
    await writeFile(join(dir, 'tsconfig.bundler.json'), consumerTsconfig('bundler'));
  }, 600_000);

  it('has exactly the @hz packages it needs, real copies from the tarballs (no links)', () => {
    const installed = readdirSync(join(dir, 'node_modules', '@hz')).map((n) => `@hz/${n}`);
    expect(installed.sort()).toEqual([...new Set(['@hz/core-client', ...wanted()])].sort());
    for (const name of installed) {
      const path = join(dir, 'node_modules', name);
      expect(readdirSync(path)).not.toContain('src/index.test.ts');
      expect(existsSync(join(path, 'dist', 'index.js')), name).toBe(true);
    }
    expect(existsSync(join(dir, 'node_modules', 'long', 'package.json'))).toBe(true);
  });

  it.each(['esm', 'cjs'] as const)('runs as %s against a real member', async (flavor) => {
    const program = flavor === 'esm' ? 'program.mjs' : 'program.cjs';
    const config = {
      clusterName: cluster.current.name,
      network: { clusterMembers: cluster.current.addresses },
    };
    const result = await run('node', [program], {
      cwd: dir,
      npmFreeEnv: true,
      env: { HZ_PACKED_CONFIG: JSON.stringify(config) },
      // A program that hangs (a client left connected) is killed and fails here, not at the test timeout.
      killAfterMs: 90_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const lastLine = result.stdout.trim().split('\n').at(-1)!;
    const output = JSON.parse(lastLine) as { result: unknown; resolved: string };
    expect(output.result).toEqual(feature.expected(flavor));
    // Resolved from the installed copy: dist/index.js for import, dist/index.cjs for require.
    expect(output.resolved).toContain(join('node_modules', '@hz', 'core-client', 'dist'));
    expect(output.resolved).toMatch(flavor === 'esm' ? /index\.js$/ : /index\.cjs$/);
  });

  it.each(['node16', 'bundler'] as const)('type-checks with moduleResolution %s', async (resolution) => {
    const result = await run(rootBin('tsc'), ['-p', `tsconfig.${resolution}.json`], { cwd: dir });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.code).toBe(0);
  });

  // What Node loads for `import '@hz/core-client'` in the installed layout (load time is issue 18's target):
  // each module costs a resolve, a read and a compile, so @hz/protocol's root must stay one module plus its
  // chunk, and Node's net and crypto modules wait for the first connection.
  if (feature.package === null) {
    it('imports as a handful of modules, leaving net and crypto to first use', async () => {
      await writeFile(
        join(dir, 'load-hooks.mjs'),
        "export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }\n",
      );
      // Two runs: the loader hooks (a worker thread) load net themselves, so the builtins are read without them.
      await writeFile(
        join(dir, 'load-graph.mjs'),
        [
          "import { register } from 'node:module';",
          "if (process.argv[2] === 'hooks') register('./load-hooks.mjs', import.meta.url);",
          "const hz = await import('@hz/core-client');",
          'const builtins = process.moduleLoadList.filter((m) => /^NativeModule (net|crypto|tls)$/.test(m));',
          'console.log(JSON.stringify({ client: typeof hz.HazelcastClient.newHazelcastClient, builtins }));',
        ].join('\n'),
      );
      const options = { cwd: dir, npmFreeEnv: true, killAfterMs: 60_000 };
      const plain = await run('node', ['load-graph.mjs'], options);
      expect(plain.code, plain.stderr).toBe(0);
      const output = JSON.parse(plain.stdout.trim().split('\n').at(-1)!) as {
        client: string;
        builtins: string[];
      };
      expect(output.client).toBe('function');
      expect(output.builtins).toEqual([]);
      const hooked = await run('node', ['load-graph.mjs', 'hooks'], options);
      expect(hooked.code, hooked.stderr).toBe(0);
      const files = [...hooked.stderr.matchAll(/^LOADED (file:\S+)$/gm)].map((m) => m[1]!);
      const of = (name: string) => files.filter((url) => url.includes(`/node_modules/@hz/${name}/`));
      expect(of('protocol').map((url) => url.replace(/.*\/dist\//, ''))).toEqual([
        'index.js',
        expect.stringMatching(/^chunk-\w+\.js$/),
      ]);
      expect(of('serialization')).toHaveLength(1);
      expect(of('core-client').length).toBeLessThanOrEqual(5);
    });
  }

  // Only features whose programs write to a map (SQL and CP programs write nothing) get this check.
  const written = feature.written;
  if (written) {
    it('left its writes in the cluster, read back through a second client', async () => {
      const client = await HazelcastClient.newHazelcastClient({
        clusterName: cluster.current.name,
        network: { clusterMembers: cluster.current.addresses },
        properties: { 'hazelcast.logging.level': 'ERROR' },
      });
      try {
        for (const flavor of ['esm', 'cjs'] as const) {
          const { map, key, value } = written(flavor);
          expect(await getMap(client, map).get(key)).toEqual(value);
        }
      } finally {
        await client.shutdown();
      }
    });
  }
});
