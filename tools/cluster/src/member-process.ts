import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, createWriteStream, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isOurMember, killIfOurs, registerMember, unregisterMember } from './process-registry';

export interface MemberProcessOptions {
  classpath: readonly string[];
  configFile: string;
  logFile: string;
  port: number;
  /** Unique per JVM; written on its command line so pids are only signalled after a cmdline check. */
  tag: string;
  heapMb: number;
  /** C1-only JIT: starts in about half the time, runs slower; turn off for benchmarks. */
  fastStartup: boolean;
  /** Detached members outlive this process (the CLI); attached ones die with it. */
  detached: boolean;
}

export type MemberState = 'starting' | 'running' | 'paused' | 'exited';

/** Flags the Hazelcast docs recommend on Java 17+ so the member can use its optimised internals. */
const JAVA_MODULE_FLAGS = [
  '--add-modules',
  'java.se',
  '--add-exports',
  'java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.lang=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.nio=ALL-UNNAMED',
  '--add-opens',
  'java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens',
  'java.management/sun.management=ALL-UNNAMED',
  '--add-opens',
  'jdk.management/com.sun.management.internal=ALL-UNNAMED',
];

const LAUNCHER_CLASS = 'dev.hz.harness.TestMember';
const MARKER = '@@HZ ';

/** Settles its promise and returns true once its condition holds (or can no longer hold). */
type Waiter = { settle: () => boolean };

/** One member JVM: spawns it, follows its "@@HZ" status lines and signals it by pid. */
export class MemberProcess {
  readonly pid: number;
  readonly port: number;
  readonly tag: string;
  readonly logFile: string;
  uuid: string | undefined;
  clusterSize = 0;
  state: MemberState = 'starting';
  exitCode: number | null = null;

  readonly #child: ChildProcess | undefined;
  #waiters: Waiter[] = [];
  #pollTimer: NodeJS.Timeout | undefined;
  #partialLine = '';

  private constructor(pid: number, options: MemberProcessOptions, child: ChildProcess | undefined) {
    this.pid = pid;
    this.port = options.port;
    this.tag = options.tag;
    this.logFile = options.logFile;
    this.#child = child;
  }

  static start(options: MemberProcessOptions): MemberProcess {
    const args = [
      '-Xms64m',
      `-Xmx${options.heapMb}m`,
      '-XX:+UseSerialGC',
      ...(options.fastStartup ? ['-XX:TieredStopAtLevel=1'] : []),
      ...JAVA_MODULE_FLAGS,
      '-Djava.net.preferIPv4Stack=true',
      `-Dhazelcast.config=${options.configFile}`,
      `-Dhz.harness.tag=${options.tag}`,
      ...(options.detached ? [] : ['-Dhz.harness.exitOnStdinClose=true']),
      '-cp',
      options.classpath.join(':'),
      LAUNCHER_CLASS,
    ];
    if (options.detached) return MemberProcess.#startDetached(options, args);

    const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    if (child.pid === undefined) throw new Error('tools/cluster: could not spawn java (is a JDK on PATH?)');
    const member = new MemberProcess(child.pid, options, child);
    registerMember(child.pid, options.tag);
    const log = createWriteStream(options.logFile);
    child.stderr?.pipe(log);
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      member.#consume(chunk.toString());
    });
    child.on('exit', (code) => member.#onExit(code));
    // The member never reads what we write; the pipe exists so that its closing halts the JVM.
    child.stdin?.on('error', () => {});
    return member;
  }

  static #startDetached(options: MemberProcessOptions, args: string[]): MemberProcess {
    const logFd = openSync(options.logFile, 'w');
    const child = spawn('java', args, { stdio: ['ignore', logFd, logFd], detached: true });
    closeSync(logFd);
    if (child.pid === undefined) throw new Error('tools/cluster: could not spawn java (is a JDK on PATH?)');
    child.unref();
    const member = new MemberProcess(child.pid, options, undefined);
    member.#followLogFile();
    return member;
  }

  /** Resolves when the member has started; rejects if it exits first or `timeoutMs` passes. */
  waitReady(timeoutMs: number): Promise<void> {
    return this.#waitFor(() => this.state !== 'starting', timeoutMs, 'to start');
  }

  /** Resolves when this member sees a cluster of exactly `size` members. */
  waitClusterSize(size: number, timeoutMs: number): Promise<void> {
    return this.#waitFor(
      () => this.state === 'running' && this.clusterSize === size,
      timeoutMs,
      `to see ${size} members`,
    );
  }

  /** Graceful shutdown (SIGTERM runs Hazelcast's shutdown hook with policy GRACEFUL); SIGKILL after the timeout. */
  async shutdown(timeoutMs = 60_000): Promise<void> {
    if (this.state === 'exited') return;
    if (this.state === 'paused') await this.resume();
    this.#signal('SIGTERM');
    try {
      await this.#waitExit(timeoutMs);
    } catch {
      await this.terminate();
    }
  }

  /** Crash: SIGKILL, no goodbye to the cluster. */
  async terminate(): Promise<void> {
    if (this.state === 'exited') return;
    this.#signal('SIGKILL');
    await this.#waitExit(30_000);
  }

  /**
   * Freezes the JVM (SIGSTOP): it keeps its sockets open but stops answering, as a hung member does.
   * Signal delivery is asynchronous; this resolves once the kernel reports the process stopped.
   */
  async pause(): Promise<void> {
    if (this.state !== 'running')
      throw new Error(`tools/cluster: cannot pause a member that is ${this.state}`);
    this.#signal('SIGSTOP');
    this.state = 'paused';
    await this.#waitForKernelState((state) => state === 'T', 'stopped');
  }

  async resume(): Promise<void> {
    if (this.state !== 'paused')
      throw new Error(`tools/cluster: cannot resume a member that is ${this.state}`);
    this.#signal('SIGCONT');
    this.state = 'running';
    await this.#waitForKernelState((state) => state !== 'T', 'running');
  }

  /** The process state letter from /proc/<pid>/stat (R, S, T, Z…), or undefined once it is gone. */
  kernelState(): string | undefined {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      // "pid (comm) S …": comm may contain spaces and parentheses, so read after the last ')'.
      return stat.charAt(stat.lastIndexOf(')') + 2);
    } catch {
      return undefined;
    }
  }

  async #waitForKernelState(accept: (state: string) => boolean, what: string): Promise<void> {
    // The kernel offers no event for a stop/continue of a process that is not our direct child in
    // every case (detached members), so poll /proc briefly.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const state = this.kernelState();
      if (state === undefined || accept(state)) return;
      if (Date.now() > deadline) throw new Error(`tools/cluster: member ${this.port} did not become ${what}`);
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 5));
    }
  }

  /** The last lines of the member's log, for error messages. */
  logTail(lines = 40): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  #signal(signal: NodeJS.Signals): void {
    killIfOurs(this.pid, this.tag, signal);
  }

  #waitExit(timeoutMs: number): Promise<void> {
    return this.#waitFor(() => this.state === 'exited', timeoutMs, 'to exit', true);
  }

  #waitFor(done: () => boolean, timeoutMs: number, what: string, exitIsSuccess = false): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const failure = (reason: string) =>
        new Error(
          `tools/cluster: member ${this.port} (pid ${this.pid}) ${reason}\n--- log tail ---\n${this.logTail()}`,
        );
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(failure(`did not manage ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        settle: () => {
          if (done()) {
            clearTimeout(timer);
            resolvePromise();
            return true;
          }
          if (this.state === 'exited' && !exitIsSuccess) {
            clearTimeout(timer);
            reject(failure(`exited with code ${this.exitCode} while waiting ${what}`));
            return true;
          }
          return false;
        },
      };
      if (!waiter.settle()) this.#waiters.push(waiter);
    });
  }

  #notify(): void {
    this.#waiters = this.#waiters.filter((waiter) => !waiter.settle());
  }

  #consume(text: string): void {
    const lines = (this.#partialLine + text).split('\n');
    this.#partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith(MARKER)) continue;
      const [kind, ...rest] = line.slice(MARKER.length).trim().split(' ');
      if (kind === 'READY') {
        this.uuid = rest[0];
        if (this.state === 'starting') this.state = 'running';
      } else if (kind === 'MEMBERS') {
        this.clusterSize = Number.parseInt(rest[0] ?? '0', 10);
      }
    }
    this.#notify();
  }

  #onExit(code: number | null): void {
    this.state = 'exited';
    this.exitCode = code;
    unregisterMember(this.pid);
    if (this.#pollTimer) clearInterval(this.#pollTimer);
    this.#notify();
  }

  /** Detached members write straight to their log file; follow it (and the pid) by polling. */
  #followLogFile(): void {
    let offset = 0;
    let reading = false;
    this.#pollTimer = setInterval(async () => {
      if (reading) return;
      reading = true;
      try {
        const handle = await open(this.logFile, 'r');
        try {
          const { size } = await handle.stat();
          if (size > offset) {
            const buffer = Buffer.alloc(size - offset);
            await handle.read(buffer, 0, buffer.length, offset);
            offset = size;
            this.#consume(buffer.toString());
          }
        } finally {
          await handle.close();
        }
        if (!isOurMember(this.pid, this.tag)) this.#onExit(null);
      } finally {
        reading = false;
      }
    }, 100);
  }

  /** Stops following a detached member without touching it (the CLI leaves it running). */
  detach(): void {
    if (this.#pollTimer) clearInterval(this.#pollTimer);
    this.#child?.unref();
  }
}
