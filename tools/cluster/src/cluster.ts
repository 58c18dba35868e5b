import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FaultProxy } from '@hz-tools/fault-proxy';
import { compileJavaHelpers } from './java-helpers';
import { ensureHazelcastJars } from './maven';
import { renderMemberConfig } from './member-config';
import { MemberProcess } from './member-process';
import { runDir } from './paths';
import { allocatePort } from './ports';
import { type TlsServerSettings, TlsTerminator } from './tls-terminator';

/** The Hazelcast version tests run against unless they ask for another (CP tests ask for 5.4.0). */
export const DEFAULT_HAZELCAST_VERSION = process.env.HZ_VERSION ?? '5.7.0';

export interface ClusterOptions {
  /** Members to start; default 1. */
  members?: number;
  /** Hazelcast CE version; default 5.7.0 (or $HZ_VERSION). */
  version?: string;
  /** Cluster name; default a unique name from `namePrefix`, so parallel test files never join each other. */
  name?: string;
  namePrefix?: string;
  /** Enable Jet (needed for SQL). */
  jet?: boolean;
  /**
   * CP member count (Community Edition 5.4.0 and older: CP is Enterprise-only since 5.5); 3 or more forms
   * Raft groups of min(count, 3) members. Fetching 5.4.0 happens on demand like any version.
   */
  cpMemberCount?: number;
  /**
   * Extra XML inside `<hazelcast>` (map, queue, ringbuffer, serialization configs). A `<cp-subsystem>` block
   * (session TTL and heartbeat, semaphores, locks, Raft timings) gets the `cpMemberCount` added.
   */
  xml?: string;
  /** Extra `hazelcast.*` properties. */
  properties?: Readonly<Record<string, string>>;
  /**
   * How many of the `members` are lite members (`<lite-member enabled="true"/>`: in the cluster, owning no
   * partitions): the last ones started. Default 0. At least one data member is needed to store data.
   */
  liteMembers?: number;
  /** Max heap per member in MiB; default 384, or 768 with Jet. */
  heapMb?: number;
  /** Explicit ports for the first members (the CLI uses 5701…); default allocated from the test range. */
  ports?: readonly number[];
  /** C1-only JIT for fast start-up; default true. Benchmarks turn it off. */
  fastStartup?: boolean;
  /** Members outlive this process (CLI use). */
  detached?: boolean;
  /** Per-member start timeout; default 120 s. */
  startTimeoutMs?: number;
  /**
   * Clients reach the members only through TLS: each member gets a separate client endpoint (advanced
   * networking) with a TLS terminator of ours in front of it, and advertises the terminator's address, so
   * smart clients connect to every member over TLS. `addresses` then lists the terminators.
   */
  tls?: ClusterTlsOptions;
  /**
   * Clients reach every member through a fault proxy of ours (`cluster.proxies`, `cluster.proxyOf(member)`):
   * shorthand for a `clientFront` that starts a `FaultProxy` in front of each member.
   */
  proxied?: boolean;
  /**
   * Something of the test's own in front of each member's client endpoint. Each member then gets a client
   * endpoint of its own (advanced networking, on a port the harness picks) and advertises the front's
   * `address` to clients instead of its own, so smart clients connect to every member through its front.
   * Members keep talking to each other directly. A front is made once per member port and kept when that
   * member restarts on the same port. `addresses` lists the fronts.
   */
  clientFront?: ClientFrontFactory;
}

export interface ClusterTlsOptions {
  /** The terminators' TLS settings; `cluster.configureTls` changes them between tests. */
  server: TlsServerSettings;
  /**
   * The client address member `index` advertises; default its terminator's `127.0.0.1:<port>`. A cloud
   * discovery test advertises private addresses that only the coordinator can map to the terminators.
   */
  advertise?: (member: { readonly index: number; readonly terminatorPort: number }) => string;
}

/** Where a member's client front forwards to, and a free port of the test range for it to listen on. */
export interface ClientFrontRequest {
  /** Launch index of the member (0 first). */
  readonly index: number;
  /** The member's own port (member traffic; the harness knows the member by it). */
  readonly memberPort: number;
  /** The member's client endpoint on 127.0.0.1: what the front forwards to. */
  readonly clientPort: number;
  /** A port nothing listens on yet, from this process's test range. */
  readonly frontPort: number;
}

/** What stands in front of a member's client endpoint (a fault proxy, a TLS terminator). */
export interface ClientFront {
  /** `host:port` the member advertises to clients. */
  readonly address: string;
  close(): Promise<void>;
}

export type ClientFrontFactory = (request: ClientFrontRequest) => Promise<ClientFront>;

const faultProxyFront: ClientFrontFactory = (request) =>
  FaultProxy.start({ port: request.frontPort, target: { port: request.clientPort } });

/** What tests see of one member. */
export interface MemberInfo {
  readonly pid: number;
  readonly port: number;
  readonly address: string;
  readonly uuid: string | undefined;
  readonly state: MemberProcess['state'];
  /** Where clients connect: the member itself, or its TLS terminator (`tls` clusters). */
  readonly clientAddress: string;
  /** Started as a lite member. */
  readonly lite: boolean;
}

/** What one member is started as (kept per port, so a restart brings the same kind of member back). */
export interface MemberOptions {
  /** A lite member: it owns no partitions. */
  lite?: boolean;
  /** `<member-attributes>` of this member. */
  attributes?: Readonly<Record<string, string>>;
}

/** A cluster of member JVMs on 127.0.0.1 started by the harness. */
export class Cluster {
  readonly name: string;
  readonly version: string;
  readonly #options: ClusterOptions;
  readonly #dir: string;
  /** By launch index (member 0 first), whichever of the launches running in parallel spawns first. */
  readonly #processes: MemberProcess[] = [];
  readonly #launchIndex = new Map<MemberProcess, number>();
  /** Launches begun so far: each takes its index (and its `ports` entry) from this before any await. */
  #launches = 0;
  #classpath: string[] = [];
  #stopped = false;
  /** Lite flag and attributes by member port, kept across restarts. */
  readonly #memberOptions = new Map<number, MemberOptions>();
  readonly #liteProcesses = new WeakSet<MemberProcess>();
  /** `tls` clusters and clusters with client fronts: each member port's client endpoint port and front (a TLS terminator, a fault proxy, the test's own), kept across restarts. */
  readonly #clientFronts = new Map<number, { clientPort: number; front: ClientFront }>();

  private constructor(name: string, version: string, options: ClusterOptions) {
    this.name = name;
    this.version = version;
    if (options.tls && (options.proxied || options.clientFront)) {
      throw new Error('tools/cluster: a cluster has TLS terminators or client fronts, not both');
    }
    this.#options = options;
    this.#dir = join(runDir(), name);
  }

  /**
   * Starts `members` members and resolves once every one of them has started and sees the whole cluster.
   * The first member starts alone; the rest start together and join it, so they can never form
   * separate clusters that would only merge minutes later.
   */
  static async start(options: ClusterOptions = {}): Promise<Cluster> {
    const lite = options.liteMembers ?? 0;
    if (!Number.isInteger(lite) || lite < 0 || lite > (options.members ?? 1)) {
      throw new Error(
        `tools/cluster: liteMembers must be an integer from 0 to members (${options.members ?? 1}), got ${lite}`,
      );
    }
    const version = options.version ?? DEFAULT_HAZELCAST_VERSION;
    const name = options.name ?? uniqueClusterName(options.namePrefix ?? 'test');
    const cluster = new Cluster(name, version, options);
    const jars = await ensureHazelcastJars(version);
    const classes = await compileJavaHelpers(version, jars);
    cluster.#classpath = [classes, ...jars];
    await mkdir(cluster.#dir, { recursive: true });
    const count = options.members ?? 1;
    // The last `lite` members are lite; launch indices are taken in call order.
    const kind = (index: number): MemberOptions => ({ lite: index >= count - lite });
    try {
      if (count > 0) await cluster.#launch(undefined, undefined, kind(0));
      if (count > 1) {
        await Promise.all(
          Array.from({ length: count - 1 }, (_, i) => cluster.#launch(undefined, undefined, kind(i + 1))),
        );
      }
      await cluster.waitForClusterSize(count);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** Every member started so far, including stopped ones, in launch order (member 0 first). */
  get members(): MemberInfo[] {
    return this.#processes.map((p) => this.#describe(p));
  }

  /** Members that are running (or paused). */
  get liveMembers(): MemberInfo[] {
    return this.#processes
      .filter((p) => p.state === 'running' || p.state === 'paused')
      .map((p) => this.#describe(p));
  }

  /** Where clients reach every live member (`127.0.0.1:port`, its TLS terminator or its front), for `clusterMembers`. */
  get addresses(): string[] {
    return this.liveMembers.map((m) => m.clientAddress);
  }

  /** The TLS terminators of a `tls` cluster, by member launch order. */
  get tlsTerminators(): TlsTerminator[] {
    return [...this.#clientFronts.values()].flatMap(({ front }) =>
      front instanceof TlsTerminator ? [front] : [],
    );
  }

  /** New TLS settings for every terminator; connections accepted from now on use them. */
  configureTls(settings: TlsServerSettings): void {
    for (const terminator of this.tlsTerminators) terminator.configure(settings);
  }

  /** The fault proxies of a `proxied` cluster, in member launch order (one per member port). */
  get proxies(): FaultProxy[] {
    return [...this.#clientFronts.values()].flatMap(({ front }) =>
      front instanceof FaultProxy ? [front] : [],
    );
  }

  /** The fault proxy in front of `member` (a `proxied` cluster); it stays the same across restarts. */
  proxyOf(member: MemberInfo | number): FaultProxy {
    const port = typeof member === 'number' ? member : member.port;
    const front = this.#clientFronts.get(port)?.front;
    if (!(front instanceof FaultProxy))
      throw new Error(`tools/cluster: member ${port} of cluster ${this.name} has no fault proxy`);
    return front;
  }

  /**
   * Starts one more member and waits until every live member sees it. `port` brings a member back on the
   * address of one that was stopped (as the same kind of member unless `lite`/`attributes` say otherwise),
   * so clients that knew that address can find the cluster again. `lite` starts a lite member.
   */
  async startMember(options: { port?: number } & MemberOptions = {}): Promise<MemberInfo> {
    const { port, ...kind } = options;
    const member = await this.#launch(
      port,
      undefined,
      kind.lite === undefined && !kind.attributes ? undefined : kind,
    );
    await this.waitForClusterSize(this.liveMembers.length);
    return this.#describe(member);
  }

  /** Graceful leave: partitions migrate away before the JVM exits. */
  async shutdownMember(member: MemberInfo | number): Promise<void> {
    await this.#process(member).shutdown();
  }

  /** Crash: SIGKILL. */
  async terminateMember(member: MemberInfo | number): Promise<void> {
    await this.#process(member).terminate();
  }

  /** SIGSTOP: the member hangs with its sockets open, as for heartbeat-timeout tests. */
  pauseMember(member: MemberInfo | number): Promise<void> {
    return this.#process(member).pause();
  }

  resumeMember(member: MemberInfo | number): Promise<void> {
    return this.#process(member).resume();
  }

  /** The kernel's process state letter of a member (T while paused), or undefined when it is gone. */
  kernelState(member: MemberInfo | number): string | undefined {
    return this.#process(member).kernelState();
  }

  /** Resolves once every running member sees exactly `size` members. */
  async waitForClusterSize(size: number, timeoutMs = 120_000): Promise<void> {
    const running = this.#processes.filter((p) => p.state === 'running');
    await Promise.all(running.map((p) => p.waitClusterSize(size, timeoutMs)));
  }

  /**
   * Kills every live member and starts the same number again on the same ports: a whole-cluster restart,
   * as clients see it (same addresses, new member uuids and a new cluster id).
   */
  async restart(): Promise<void> {
    const live = this.#processes.filter((p) => p.state === 'running' || p.state === 'paused');
    const ports = live.map((p) => p.port);
    await Promise.all(live.map((p) => p.terminate()));
    const [first, ...rest] = ports;
    if (first === undefined) return;
    // As in start: the first alone, the rest in parallel (each #launch reserves its own index, so they
    // never share a tag or log file).
    await this.#launch(first, []);
    await Promise.all(rest.map((port) => this.#launch(port)));
    await this.waitForClusterSize(ports.length);
  }

  /** Stops every member (terminate: tests do not need graceful migration at the end) and removes its files. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    await Promise.all(this.#processes.map((p) => p.terminate()));
    await Promise.all([...this.#clientFronts.values()].map(({ front }) => front.close()));
    if (!process.env.HZ_KEEP_LOGS) await rm(this.#dir, { recursive: true, force: true });
  }

  /** Leaves detached members running and stops following them (CLI). */
  detach(): void {
    for (const p of this.#processes) p.detach();
  }

  /** pid and tag of every member, so another process can stop them (CLI state file). */
  get processHandles(): { pid: number; port: number; tag: string }[] {
    return this.#processes.map((p) => ({ pid: p.pid, port: p.port, tag: p.tag }));
  }

  async #launch(
    reusePort?: number,
    joinOnly?: readonly string[],
    memberOptions?: MemberOptions,
  ): Promise<MemberProcess> {
    if (this.#stopped) throw new Error(`tools/cluster: cluster ${this.name} is stopped`);
    // Reserved synchronously: launches run in parallel, and an index read after an await would hand two
    // JVMs the same explicit port, tag and log file.
    const index = this.#launches++;
    const explicit = reusePort ?? this.#options.ports?.[index];
    const port = explicit ?? (await allocatePort());
    const kind = memberOptions ?? this.#memberOptions.get(port) ?? {};
    this.#memberOptions.set(port, kind);
    const known =
      joinOnly ?? this.#processes.filter((p) => p.state !== 'exited').map((p) => `127.0.0.1:${p.port}`);
    const clientEndpoint = await this.#clientEndpoint(index, port);
    const configFile = join(this.#dir, `member-${index}-${port}.xml`);
    await writeFile(
      configFile,
      renderMemberConfig({
        clusterName: this.name,
        port,
        joinAddresses: [...known, `127.0.0.1:${port}`],
        jet: this.#options.jet,
        cpMemberCount: this.#options.cpMemberCount,
        version: this.version,
        xml: this.#options.xml,
        properties: this.#options.properties,
        clientEndpoint,
        lite: kind.lite,
        attributes: kind.attributes,
      }),
    );
    if (this.#stopped) throw new Error(`tools/cluster: cluster ${this.name} is stopped`);
    const member = MemberProcess.start({
      classpath: this.#classpath,
      configFile,
      logFile: join(this.#dir, `member-${index}-${port}.log`),
      port,
      tag: `${this.name}.${index}`,
      heapMb: this.#options.heapMb ?? (this.#options.jet ? 768 : 384),
      fastStartup: this.#options.fastStartup ?? true,
      detached: this.#options.detached ?? false,
    });
    this.#launchIndex.set(member, index);
    this.#liteProcesses[kind.lite ? 'add' : 'delete'](member);
    const later = this.#processes.findIndex((p) => (this.#launchIndex.get(p) ?? 0) > index);
    this.#processes.splice(later < 0 ? this.#processes.length : later, 0, member);
    await member.waitReady(this.#options.startTimeoutMs ?? 120_000);
    return member;
  }

  /**
   * `tls` clusters and clusters with client fronts: the member's client endpoint and what stands in front
   * of it, made on the first launch of `port`.
   */
  async #clientEndpoint(
    index: number,
    port: number,
  ): Promise<{ port: number; publicAddress: string } | undefined> {
    const tls = this.#options.tls;
    const factory: ClientFrontFactory | undefined = tls
      ? (request) => TlsTerminator.start(request.frontPort, request.clientPort, tls.server)
      : (this.#options.clientFront ?? (this.#options.proxied ? faultProxyFront : undefined));
    if (!factory) return undefined;
    let entry = this.#clientFronts.get(port);
    if (!entry) {
      const clientPort = await allocatePort();
      const front = await factory({ index, memberPort: port, clientPort, frontPort: await allocatePort() });
      entry = { clientPort, front };
      this.#clientFronts.set(port, entry);
    }
    const advertised =
      tls?.advertise && entry.front instanceof TlsTerminator
        ? tls.advertise({ index, terminatorPort: entry.front.port })
        : entry.front.address;
    return { port: entry.clientPort, publicAddress: advertised };
  }

  #describe(p: MemberProcess): MemberInfo {
    return {
      pid: p.pid,
      port: p.port,
      address: `127.0.0.1:${p.port}`,
      uuid: p.uuid,
      state: p.state,
      clientAddress: this.#clientFronts.get(p.port)?.front.address ?? `127.0.0.1:${p.port}`,
      lite: this.#liteProcesses.has(p),
    };
  }

  #process(member: MemberInfo | number): MemberProcess {
    const port = typeof member === 'number' ? member : member.port;
    // After a restart a port has an exited JVM and a live one; the newest is the member meant.
    const found = this.#processes.findLast((p) => p.port === port);
    if (!found) throw new Error(`tools/cluster: no member on port ${port} in cluster ${this.name}`);
    return found;
  }
}

export function startCluster(options?: ClusterOptions): Promise<Cluster> {
  return Cluster.start(options);
}

function uniqueClusterName(prefix: string): string {
  const safe = prefix.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
  return `${safe}-${randomBytes(4).toString('hex')}`;
}
