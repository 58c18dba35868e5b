import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { run } from './exec';
import { javaSourceRoot, versionDir } from './paths';

/**
 * Compiles the project's Java helper sources (tools/cluster/java) against the Hazelcast jars of one
 * version and returns the classes folder to put on the member classpath. The output folder is keyed by a
 * hash of the sources, so an edit recompiles and an unchanged tree is reused without running javac.
 */
export async function compileJavaHelpers(version: string, hazelcastJars: readonly string[]): Promise<string> {
  const sources = await listJavaSources(javaSourceRoot);
  const hash = createHash('sha256');
  for (const source of sources) {
    hash.update(relative(javaSourceRoot, source));
    hash.update(await readFile(source));
  }
  const classesDir = join(versionDir(version), `classes-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(classesDir)) return classesDir;

  await mkdir(versionDir(version), { recursive: true });
  const staging = await mkdtemp(join(versionDir(version), '.javac-'));
  try {
    if (sources.length > 0) {
      await run('javac', [
        '-nowarn',
        '--release',
        '17',
        '-cp',
        hazelcastJars.join(':'),
        '-d',
        staging,
        ...sources,
      ]);
    }
    await rename(staging, classesDir).catch(async (error: NodeJS.ErrnoException) => {
      // Another process compiled the same sources first; its output is identical.
      if (!existsSync(classesDir)) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return classesDir;
}

async function listJavaSources(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.java'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
