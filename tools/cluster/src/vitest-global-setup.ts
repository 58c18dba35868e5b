import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HAZELCAST_VERSION } from './cluster';
import { compileJavaHelpers } from './java-helpers';
import { ensureHazelcastJars } from './maven';
import { killMembersInPidFile } from './process-registry';
import { ensurePythonClient } from './python-oracle';

/**
 * vitest globalSetup of every `int` project: fetches the jars and compiles the Java helpers once before
 * any worker starts, installs the Python client oracle (so parallel workers never race to build its
 * virtualenv), and at the end kills any member JVM a crashed or timed-out worker left behind.
 */
export default async function setup(): Promise<() => void> {
  const pidDir = mkdtempSync(join(tmpdir(), 'hz-harness-'));
  const pidFile = join(pidDir, 'members.pid');
  // Workers are forked after global setup and inherit this environment.
  process.env.HZ_HARNESS_PID_FILE = pidFile;
  const jars = await ensureHazelcastJars(DEFAULT_HAZELCAST_VERSION);
  await compileJavaHelpers(DEFAULT_HAZELCAST_VERSION, jars);
  await ensurePythonClient();
  return () => {
    const killed = killMembersInPidFile(pidFile);
    if (killed > 0)
      console.warn(`tools/cluster: killed ${killed} member JVM(s) left running by test workers`);
    rmSync(pidDir, { recursive: true, force: true });
  };
}
