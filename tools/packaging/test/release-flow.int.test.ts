import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackageJson, publicPackages, repoRoot, rootBin, run, runOk } from '../src/workspace';

// The release flow without releasing: `changeset version` in a throwaway copy of the workspace's manifests
// and changesets (the repository is never bumped), and `pnpm publish -r --dry-run` of the real workspace.
// No cluster: an integration test because it packs every package.

const fixedGroup = (
  JSON.parse(readFileSync(join(repoRoot, '.changeset', 'config.json'), 'utf8')) as { fixed: string[][] }
).fixed[0]!;

describe('changeset version (in a throwaway copy)', () => {
  let copy: string;
  const manifest = (dir: string) =>
    JSON.parse(readFileSync(join(copy, dir, 'package.json'), 'utf8')) as PackageJson;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'hz-release-'));
    for (const file of ['package.json', 'pnpm-workspace.yaml'])
      await cp(join(repoRoot, file), join(copy, file));
    await cp(join(repoRoot, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const group of ['packages', 'tools', 'examples']) {
      for (const entry of readdirSync(join(repoRoot, group), { withFileTypes: true })) {
        const source = join(repoRoot, group, entry.name, 'package.json');
        if (!entry.isDirectory() || !existsSync(source)) continue;
        await mkdir(join(copy, group, entry.name), { recursive: true });
        await cp(source, join(copy, group, entry.name, 'package.json'));
      }
    }
    // The changelog generator is resolved from the copy's .changeset folder.
    await symlink(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
    await runOk(rootBin('changeset'), ['version'], { cwd: copy, npmFreeEnv: true });
  }, 300_000);

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it('bumps the whole fixed group to one new version, and every public package is in the group', () => {
    const packages = publicPackages();
    expect([...fixedGroup].sort()).toEqual(packages.map((p) => p.name).sort());
    const versions = new Set(packages.map((p) => manifest(relative(repoRoot, p.dir)).version));
    expect(versions.size).toBe(1);
    const [version] = [...versions];
    expect(version).not.toBe(packages[0]!.version);
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('writes a changelog per package with the release notes that name it', () => {
    const notes = readdirSync(join(repoRoot, '.changeset')).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
    expect(notes.length).toBeGreaterThan(0);
    for (const pkg of publicPackages()) {
      const dir = relative(repoRoot, pkg.dir);
      const changelog = readFileSync(join(copy, dir, 'CHANGELOG.md'), 'utf8');
      const version = manifest(dir).version;
      expect(changelog, pkg.name).toContain(`# ${pkg.name}`);
      expect(changelog, pkg.name).toContain(`## ${version}`);
    }
    // Every release note was consumed.
    expect(
      readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md'),
    ).toEqual([]);
  });

  it('leaves the private tools and examples unversioned and the repository untouched', () => {
    for (const group of ['tools', 'examples']) {
      for (const name of readdirSync(join(copy, group))) {
        expect(manifest(join(group, name)).version, `${group}/${name}`).toBe('0.0.0');
        expect(existsSync(join(copy, group, name, 'CHANGELOG.md')), `${group}/${name}`).toBe(false);
      }
    }
    for (const pkg of publicPackages())
      expect(existsSync(join(pkg.dir, 'CHANGELOG.md')), pkg.name).toBe(false);
  });
});

describe('pnpm publish -r --dry-run', () => {
  it('would publish every public package, with its tarball contents', async () => {
    const result = await run('pnpm', ['publish', '-r', '--dry-run', '--no-git-checks', '--report-summary'], {
      cwd: repoRoot,
      npmFreeEnv: true,
    });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const summary = JSON.parse(readFileSync(join(repoRoot, 'pnpm-publish-summary.json'), 'utf8')) as {
      publishedPackages: { name: string; version: string }[];
    };
    await rm(join(repoRoot, 'pnpm-publish-summary.json'), { force: true });
    expect(summary.publishedPackages.map((p) => p.name).sort()).toEqual(
      publicPackages()
        .map((p) => p.name)
        .sort(),
    );
    for (const pkg of publicPackages())
      expect(`${result.stdout}${result.stderr}`).toContain(`${pkg.name}@${pkg.version}`);
  });
});
