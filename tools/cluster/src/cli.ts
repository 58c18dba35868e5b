#!/usr/bin/env -S npx tsx
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type StartOptions, startOptions } from './cli-options';
import { Cluster, DEFAULT_HAZELCAST_VERSION } from './cluster';
import { compileJavaHelpers } from './java-helpers';
import { ensureHazelcastJars } from './maven';
import { cacheRoot, runDir } from './paths';
import { isPortFree } from './ports';
import { isOurMember, killIfOurs } from './process-registry';
import { ensurePythonClient } from './python-oracle';

const USAGE = `usage: pnpm cluster <command> [options]

  start   [--members N] [--version V] [--jet] [--cp]
                                                start cluster "dev" on 127.0.0.1:5701… and return when ready;
                                                --cp makes every member a CP member (3 members of 5.4.0 unless
                                                --members/--version say otherwise: CE 5.4.0 is the last with CP)
  stop                                          stop the cluster started by "start"
  status                                        show the members of the "dev" cluster
  fetch   [--version V]                         download the jars, compile the Java helpers, install the Python oracle

environment (for tests, so they never touch a developer's own "dev" cluster):
  HZ_DEV_FIRST_PORT=P      port of the first member (default 5701; members take P, P+1, …)
  HZ_DEV_STATE_FILE=F      where "start" records the members' pids for "status" and "stop"
                           (default .cache/dev-cluster.json)
  HZ_DEV_CLUSTER_NAME=N    cluster name, also the folder of its configs and logs in .cache/run (default dev)
`;

const STATE_FILE = process.env.HZ_DEV_STATE_FILE
  ? resolve(process.env.HZ_DEV_STATE_FILE)
  : join(cacheRoot, 'dev-cluster.json');
const DEV_CLUSTER_NAME = process.env.HZ_DEV_CLUSTER_NAME || 'dev';

interface DevClusterState {
  name: string;
  version: string;
  /** Every member is a CP member (`--cp`). */
  cp?: boolean;
  members: { pid: number; port: number; tag: string }[];
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      members: { type: 'string' },
      version: { type: 'string' },
      jet: { type: 'boolean', default: false },
      cp: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  // "stop" removes the cluster's folder in .cache/run, so the name must stay a plain folder name.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(DEV_CLUSTER_NAME)) {
    throw new Error(`HZ_DEV_CLUSTER_NAME must be letters, digits, "-" or "_", got "${DEV_CLUSTER_NAME}"`);
  }
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'start':
      return start(startOptions(values));
    case 'stop':
      return stop();
    case 'status':
      return status();
    case 'fetch': {
      const version = values.version ?? DEFAULT_HAZELCAST_VERSION;
      const jars = await ensureHazelcastJars(version);
      const classes = await compileJavaHelpers(version, jars);
      // The interop tests' oracle: the official Python client, in a virtualenv of the cache.
      const python = await ensurePythonClient();
      console.log([...jars, classes, python].join('\n'));
      return 0;
    }
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

async function start({ members, version, jet, cpMemberCount }: StartOptions): Promise<number> {
  const running = readState()?.members.filter((m) => isOurMember(m.pid, m.tag)) ?? [];
  if (running.length > 0) {
    console.log(
      `cluster "${DEV_CLUSTER_NAME}" is already running: ${running.map((m) => `127.0.0.1:${m.port}`).join(', ')}`,
    );
    return 0;
  }
  const firstPort = parseFirstPort(process.env.HZ_DEV_FIRST_PORT);
  const ports = Array.from({ length: members }, (_, i) => firstPort + i);
  for (const port of ports) {
    if (!(await isPortFree(port))) {
      console.error(`port ${port} is in use by another process; stop it first`);
      return 1;
    }
  }
  const cp = cpMemberCount ? ', every one a CP member' : '';
  console.log(`starting ${members} Hazelcast ${version} member(s) of cluster "${DEV_CLUSTER_NAME}"${cp}…`);
  const cluster = await Cluster.start({
    name: DEV_CLUSTER_NAME,
    version,
    members,
    ports,
    jet,
    ...(cpMemberCount ? { cpMemberCount } : {}),
    detached: true,
  });
  writeState({
    name: cluster.name,
    version,
    cp: cpMemberCount !== undefined,
    members: cluster.processHandles,
  });
  cluster.detach();
  console.log(
    `cluster "${DEV_CLUSTER_NAME}" is ready with ${members} member(s): ${cluster.addresses.join(', ')}`,
  );
  console.log('stop it with: pnpm cluster stop');
  return 0;
}

async function stop(): Promise<number> {
  const state = readState();
  if (!state) {
    console.log(`no cluster "${DEV_CLUSTER_NAME}" was started by "pnpm cluster start"`);
    return 0;
  }
  // CP members leave their Raft groups on a graceful shutdown, which needs the others still up: all at once,
  // they wait for each other until the graceful-shutdown bound. One after the other they leave in seconds.
  const batches = state.cp ? state.members.map((member) => [member]) : [state.members];
  for (const batch of batches) {
    for (const member of batch) killIfOurs(member.pid, member.tag, 'SIGTERM');
    const deadline = Date.now() + 60_000;
    for (const member of batch) {
      while (isOurMember(member.pid, member.tag) && Date.now() < deadline) await delay(100);
      if (killIfOurs(member.pid, member.tag, 'SIGKILL'))
        console.warn(`member ${member.port} did not stop in time; killed`);
    }
  }
  rmSync(STATE_FILE, { force: true });
  rmSync(join(runDir(), state.name), { recursive: true, force: true });
  console.log(`cluster "${state.name}" stopped (${state.members.length} member(s))`);
  return 0;
}

function status(): number {
  const state = readState();
  if (!state) {
    console.log(`cluster "${DEV_CLUSTER_NAME}" is not running`);
    return 0;
  }
  for (const member of state.members) {
    const alive = isOurMember(member.pid, member.tag);
    console.log(`127.0.0.1:${member.port}  pid ${member.pid}  ${alive ? 'running' : 'gone'}`);
  }
  return 0;
}

function parseFirstPort(text: string | undefined): number {
  if (text === undefined || text === '') return 5701;
  const port = Number(text);
  // Room for the largest cluster "start" accepts (9 members).
  if (!Number.isInteger(port) || port < 1024 || port > 65_535 - 8) {
    throw new Error(`HZ_DEV_FIRST_PORT must be a port from 1024 to 65527, got "${text}"`);
  }
  return port;
}

function readState(): DevClusterState | undefined {
  if (!existsSync(STATE_FILE)) return undefined;
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as DevClusterState;
}

function writeState(state: DevClusterState): void {
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
