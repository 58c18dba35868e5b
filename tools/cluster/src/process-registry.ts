import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/**
 * Every JVM the harness starts is recorded twice:
 * - in memory, so this process kills its members when it exits, whatever the reason;
 * - in the run's pid file (HZ_HARNESS_PID_FILE, set by the vitest global setup), so the run's teardown
 *   can kill members a crashed worker left behind.
 * Each JVM carries `-Dhz.harness.tag=<tag>` on its command line; a pid is only ever signalled after its
 * /proc cmdline shows that tag, so a recycled pid never hits an unrelated process.
 */
const live = new Map<number, string>();
let exitHookInstalled = false;

export function registerMember(pid: number, tag: string): void {
  live.set(pid, tag);
  installExitHook();
  const pidFile = process.env.HZ_HARNESS_PID_FILE;
  if (pidFile) appendFileSync(pidFile, `${pid} ${tag}\n`);
}

export function unregisterMember(pid: number): void {
  live.delete(pid);
}

/** True when `pid` is alive and is the JVM the harness started with `tag`. */
export function isOurMember(pid: number, tag: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.split('\0').includes(`-Dhz.harness.tag=${tag}`);
  } catch {
    return false;
  }
}

export function killIfOurs(pid: number, tag: string, signal: NodeJS.Signals = 'SIGKILL'): boolean {
  if (!isOurMember(pid, tag)) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Kills every member listed in a pid file that is still running; returns how many were killed. */
export function killMembersInPidFile(pidFile: string): number {
  if (!existsSync(pidFile)) return 0;
  let killed = 0;
  for (const line of readFileSync(pidFile, 'utf8').split('\n')) {
    const [pidText, tag] = line.trim().split(' ');
    if (!pidText || !tag) continue;
    const pid = Number.parseInt(pidText, 10);
    // A stopped (SIGSTOPped) JVM still dies on SIGKILL.
    if (killIfOurs(pid, tag)) killed++;
  }
  return killed;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Signals need no handler: a member's stdin is a pipe from this process, and the member halts when
  // the pipe closes, which the kernel does however this process dies.
  process.once('exit', () => {
    for (const [pid, tag] of live) killIfOurs(pid, tag);
  });
}
