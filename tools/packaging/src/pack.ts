import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type PackageJson, type PublicPackage, publicPackages, runOk } from './workspace';

/** One packed package: what `pnpm pack` made of a workspace package. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  readonly tarball: string;
  /** Paths inside the tarball, without the leading `package/`. */
  readonly files: string[];
  /** The package.json inside the tarball (workspace: ranges replaced by pnpm). */
  readonly manifest: PackageJson;
}

/**
 * Packs every public package with `pnpm pack` into `destination` (emptied first), one after the other: pnpm
 * rewrites `workspace:` ranges and applies `files` exactly as `pnpm publish` does.
 */
export async function packAll(destination: string): Promise<Map<string, PackedPackage>> {
  await rm(destination, { recursive: true, force: true });
  await mkdir(destination, { recursive: true });
  const packed = new Map<string, PackedPackage>();
  for (const pkg of publicPackages()) packed.set(pkg.name, await packOne(pkg, destination));
  return packed;
}

async function packOne(pkg: PublicPackage, destination: string): Promise<PackedPackage> {
  const before = new Set(await readdir(destination));
  await runOk('pnpm', ['pack', '--pack-destination', destination], { cwd: pkg.dir });
  const made = (await readdir(destination)).filter((f) => f.endsWith('.tgz') && !before.has(f));
  if (made.length !== 1)
    throw new Error(`pnpm pack of ${pkg.name} made ${made.length} tarballs: ${made.join(', ')}`);
  const tarball = join(destination, made[0]!);
  const listing = await runOk('tar', ['-tzf', tarball], { cwd: destination });
  const files = listing.stdout
    .split('\n')
    .filter((line) => line.length > 0 && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();
  const manifest = JSON.parse(
    (await runOk('tar', ['-xzOf', tarball, 'package/package.json'], { cwd: destination })).stdout,
  ) as PackageJson;
  return { name: pkg.name, version: manifest.version, tarball, files, manifest };
}

/** The @hz packages `name` needs installed beside it (dependencies and peer dependencies), itself included. */
export function closure(name: string, packed: ReadonlyMap<string, PackedPackage>): string[] {
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    const pkg = packed.get(current);
    if (!pkg) throw new Error(`${current} is not a packed public package`);
    seen.add(current);
    for (const dep of [
      ...Object.keys(pkg.manifest.dependencies ?? {}),
      ...Object.keys(pkg.manifest.peerDependencies ?? {}),
    ]) {
      if (packed.has(dep)) visit(dep);
    }
  };
  visit(name);
  return [...seen].sort();
}

/** Files a published package must not hold: tests, test support, fixtures, oracles, scratch. */
export const FORBIDDEN_FILES: readonly RegExp[] = [
  /(^|\/)(test|tests|__tests__|fixtures?|test-support|java-oracle|examples)\//,
  /\.(int\.)?test\.[cm]?[jt]s(\.map)?$/,
  /\.(test|spec)\.d\.[cm]?ts$/,
  /(^|\/)(vitest|tsup)\.config\.[cm]?[jt]s$/,
  /(^|\/)tsconfig(\..*)?\.json$/,
  /(^|\/)\.reports\//,
  /(^|\/)\.turbo\//,
];
