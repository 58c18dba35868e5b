import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMemberReady, readClusterSize } from './health';
import { repoRoot, runDir } from './paths';
import { allocatePort, isPortFree } from './ports';
import { isOurMember, killIfOurs, registerMember, unregisterMember } from './process-registry';

// The README's `pnpm cluster start --members 3`, run for real: the CLI in a child process, its members as
// detached JVMs. Its own ports, state file and cluster name (environment overrides of the CLI) keep it
// clear of a developer's "dev" cluster on 5701… and of test files running in parallel.

const CLI = join(repoRoot, 'tools', 'cluster', 'src', 'cli.ts');
const TSX = join(repoRoot, 'node_modules', '.bin', 'tsx');
const MEMBERS = 3;
// Above the members' own 120 s start timeout, so a failing start is cleaned up by the CLI itself first.
const CLI_TIMEOUT_MS = 170_000;
// Most members a state-less leftover can have: the CLI's own limit.
const MAX_MEMBERS = 9;

interface StateFile {
  name: string;
  members: { pid: number; port: number; tag: string }[];
}

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe(`pnpm cluster start --members ${MEMBERS}`, () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'hz-cli-test-'));
  const stateFile = join(stateDir, 'dev-cluster.json');
  const clusterName = `cli-test-${randomBytes(4).toString('hex')}`;
  let firstPort = 0;
  let env: NodeJS.ProcessEnv = {};
  let started: CliResult;
  let members: StateFile['members'] = [];

  /**
   * Runs the CLI. Should it hang past CLI_TIMEOUT_MS, its whole process tree (tsx, node and any member
   * JVM it spawned, found by parent pid) is killed, as there would be no state file to stop them by.
   */
  function cli(...args: string[]): Promise<CliResult> {
    return new Promise((resolvePromise) => {
      const child = execFile(TSX, [CLI, ...args], { cwd: repoRoot, env }, (error, stdout, stderr) => {
        clearTimeout(timer);
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({
          code,
          stdout,
          stderr: timedOut ? `${stderr}\n(killed after ${CLI_TIMEOUT_MS} ms)` : stderr,
        });
      });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        if (child.pid === undefined) return;
        const tree = [child.pid, ...descendants(child.pid)];
        for (const pid of tree) {
          const memberTag = memberTags().find((tag) => isOurMember(pid, tag));
          if (memberTag) killIfOurs(pid, memberTag, 'SIGKILL');
          else killProcess(pid);
        }
      }, CLI_TIMEOUT_MS);
    });
  }

  /** The tags the CLI gives its members (Cluster names them `<cluster>.<index>`). */
  function memberTags(): string[] {
    return Array.from({ length: 2 * MAX_MEMBERS }, (_, index) => `${clusterName}.${index}`);
  }

  function readState(): StateFile | undefined {
    return existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as StateFile) : undefined;
  }

  beforeAll(async () => {
    firstPort = await consecutiveFreePorts(MEMBERS);
    env = {
      ...process.env,
      HZ_DEV_FIRST_PORT: String(firstPort),
      HZ_DEV_STATE_FILE: stateFile,
      HZ_DEV_CLUSTER_NAME: clusterName,
    };
    started = await cli('start', '--members', String(MEMBERS));
    members = readState()?.members ?? [];
    // Detached members outlive the CLI; recording them makes this worker's exit hook and the run's
    // teardown kill them (by pid and tag) should this file never reach afterAll.
    for (const member of members) registerMember(member.pid, member.tag);
  }, CLI_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    // Whatever happened above: kill what the state file lists, by pid (after a tag check), and wait.
    const listed = [...members, ...(readState()?.members ?? [])];
    for (const member of listed) killIfOurs(member.pid, member.tag, 'SIGKILL');
    for (const member of listed) {
      await until(() => processGone(member.pid), 30_000, `member pid ${member.pid} to exit`);
      unregisterMember(member.pid);
    }
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(join(runDir(), clusterName), { recursive: true, force: true });
  });

  it('exits 0 once the cluster is ready and records every member', () => {
    expect(started.code, `stdout:\n${started.stdout}\nstderr:\n${started.stderr}`).toBe(0);
    const addresses = Array.from({ length: MEMBERS }, (_, i) => `127.0.0.1:${firstPort + i}`);
    expect(started.stdout).toContain(`is ready with ${MEMBERS} member(s): ${addresses.join(', ')}`);
    expect(members).toHaveLength(MEMBERS);
    expect(new Set(members.map((m) => m.pid)).size).toBe(MEMBERS);
    expect(new Set(members.map((m) => m.tag)).size).toBe(MEMBERS);
    expect(members.map((m) => m.port).sort((a, b) => a - b)).toEqual(addresses.map((_, i) => firstPort + i));
  });

  it('has three distinct ports answering the health check with cluster size 3', async () => {
    const ports = new Set(members.map((m) => m.port));
    expect(ports.size).toBe(MEMBERS);
    for (const port of ports) {
      expect(await isMemberReady(port)).toBe(true);
      expect(await readClusterSize(port)).toBe(MEMBERS);
    }
  });

  it('lists every member as running in "status"', async () => {
    const result = await cli('status');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(MEMBERS);
    for (const member of members) {
      expect(lines).toContain(`127.0.0.1:${member.port}  pid ${member.pid}  running`);
    }
  });

  it('stops every member by pid in "stop"', async () => {
    expect(members).toHaveLength(MEMBERS);
    const result = await cli('stop');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`cluster "${clusterName}" stopped (${MEMBERS} member(s))`);
    for (const member of members) {
      // "stop" returns once a JVM's /proc cmdline is gone; the orphaned JVM may still await reaping.
      await until(() => processGone(member.pid), 10_000, `member pid ${member.pid} to be reaped`);
      expect(isOurMember(member.pid, member.tag)).toBe(false);
      expect(processGone(member.pid)).toBe(true);
    }
    expect(existsSync(stateFile)).toBe(false);
    expect(existsSync(join(runDir(), clusterName))).toBe(false);
    expect((await cli('status')).stdout).toContain('is not running');
  });
});

/** `count` consecutive ports of this worker's test slice that nothing listens on. */
async function consecutiveFreePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) ports.push(await allocatePort());
    const first = ports[0]!;
    if (
      ports.every((port, i) => port === first + i) &&
      (await Promise.all(ports.map(isPortFree))).every(Boolean)
    )
      return first;
  }
  throw new Error(`no ${count} consecutive free ports in this worker's port slice`);
}

/** Every live descendant of `root`, from each process's parent pid in /proc/<pid>/stat. */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …"; comm may contain spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  let parents = new Set([root]);
  while (parents.size > 0) {
    const children = [...parentOf].filter(([, ppid]) => parents.has(ppid)).map(([pid]) => pid);
    found.push(...children);
    parents = new Set(children);
  }
  return found;
}

/** SIGKILL for a process this test started (the CLI's tsx and node processes). */
function killProcess(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** True once `pid` has exited: no /proc entry, or a zombie that nobody has reaped yet. */
function processGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
}
