import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec';
import { versionDir } from './paths';

/** The Community Edition artifacts a member classpath needs. Both are self-contained (no transitive deps). */
const ARTIFACTS = ['hazelcast', 'hazelcast-sql'] as const;

/** maven-dependency-plugin's `copy` goal works without a project pom, straight from the command line. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy';

export function jarPaths(version: string): string[] {
  return ARTIFACTS.map((artifact) => join(versionDir(version), `${artifact}-${version}.jar`));
}

/**
 * Makes sure the Hazelcast CE jars of `version` are in the cache, fetching them from Maven Central with
 * `mvn` when they are not. A populated cache needs no network. Jars are downloaded into a temporary
 * folder and renamed into place, so concurrent callers never see a half-written jar.
 */
export async function ensureHazelcastJars(version: string): Promise<string[]> {
  validateVersion(version);
  const jars = jarPaths(version);
  if (jars.every((jar) => existsSync(jar))) return jars;

  const target = versionDir(version);
  await mkdir(target, { recursive: true });
  const staging = await mkdtemp(join(target, '.download-'));
  try {
    for (const artifact of ARTIFACTS) {
      const jarName = `${artifact}-${version}.jar`;
      if (existsSync(join(target, jarName))) continue;
      await run('mvn', [
        '-q',
        '-B',
        DEPENDENCY_PLUGIN,
        `-Dartifact=com.hazelcast:${artifact}:${version}`,
        `-DoutputDirectory=${staging}`,
      ]);
      await rename(join(staging, jarName), join(target, jarName));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return jars;
}

function validateVersion(version: string): void {
  if (!/^\d+\.\d+\.\d+(-[A-Za-z0-9.]+)?$/.test(version)) {
    throw new Error(`tools/cluster: "${version}" is not a Hazelcast version (expected e.g. 5.7.0)`);
  }
}
