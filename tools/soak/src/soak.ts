import { setTimeout as delay } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type ClientConfig,
  ClientNotActiveError,
  getMap,
  getQueue,
  getTopic,
  HazelcastClient,
  HazelcastError,
} from '@hz/core-client';
import { clientContext } from '@hz/core-client/plugin';
import { type Cluster, isClusterSafe } from '@hz-tools/cluster';
import { analyseGrowth, type GrowthLimits, type GrowthVerdict, type SoakSample } from './growth';

export interface SoakOptions {
  /** A running cluster whose members the soak may restart (a plain one: restarts wait on its REST health). */
  readonly cluster: Cluster;
  readonly durationMs: number;
  /** A member restart (graceful leave, then a new JVM on the same port) this often; 0: none. */
  readonly restartEveryMs: number;
  readonly sampleEveryMs: number;
  /** Concurrent operation loops; default 8. */
  readonly workers?: number;
  /** Client log level; default ERROR. */
  readonly logLevel?: 'ERROR' | 'WARN' | 'INFO';
  readonly growthLimits?: Partial<GrowthLimits>;
  /** Progress lines (samples, restarts). */
  readonly log?: (line: string) => void;
  readonly onSample?: (sample: SoakSample) => void;
}

export interface SoakRestart {
  readonly atMs: number;
  readonly port: number;
  /** From the decision to restart to the new member in the cluster (includes waiting for a safe cluster). */
  readonly tookMs: number;
}

export interface SoakReport {
  readonly startedAt: string;
  readonly durationMs: number;
  readonly workers: number;
  readonly samples: SoakSample[];
  readonly restarts: SoakRestart[];
  readonly operations: number;
  /** Failed operations by error name (a member leaving fails the writes in flight on its connection). */
  readonly failures: Record<string, number>;
  /** Entry events the client received (the soak's publish/subscribe path). */
  readonly events: number;
  /** Queue items offered and polled back. */
  readonly queueOffered: number;
  readonly queuePolled: number;
  /** Topic messages published, and messages the client's own listener received. */
  readonly published: number;
  readonly messages: number;
  /** Ledger keys read back at the end; `lostWrites` lists those holding less than their last acknowledged value. */
  readonly ledgerKeys: number;
  readonly lostWrites: string[];
  readonly unhandledRejections: string[];
  /** Errors that must never reach a caller (not a HazelcastError, or the client gave up). */
  readonly unexpectedErrors: string[];
  readonly growth: GrowthVerdict;
}

const HOT_KEYS = 500;
const LEDGER_KEYS_PER_WORKER = 50;
const VALUE = 'v'.repeat(256);

let gcFunction: (() => void) | undefined;

/** `global.gc` without a command-line flag (tsx and vitest workers start without --expose-gc). */
export function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
  gcFunction();
}

export function countSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
}

/**
 * Runs mixed Map, Queue and Topic load (plus the entry events and messages it causes) from one client against `cluster` for
 * `durationMs`, restarting one member every `restartEveryMs`, and samples throughput, heap after GC, RSS,
 * handles and sockets. At the end every ledger key is read back through another client: its value must be
 * at least the last one acknowledged.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const { cluster } = options;
  const log = options.log ?? (() => {});
  const workers = options.workers ?? 8;
  const unhandled: string[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(String(reason));
  process.on('unhandledRejection', onUnhandled);

  const config: ClientConfig = {
    clusterName: cluster.name,
    network: { clusterMembers: cluster.addresses },
    properties: { 'hazelcast.logging.level': options.logLevel ?? 'ERROR' },
  };
  const client = await HazelcastClient.newHazelcastClient(config);
  const startedAt = new Date().toISOString();
  const samples: SoakSample[] = [];
  const restarts: SoakRestart[] = [];
  const failures: Record<string, number> = {};
  const unexpected: string[] = [];
  const lastAcked = new Map<string, number>();
  const lastAttempted = new Map<string, number>();
  let operations = 0;
  let failed = 0;
  let events = 0;
  let queueOffered = 0;
  let queuePolled = 0;
  let published = 0;
  let messages = 0;

  try {
    const map = getMap<string, string | number>(client, 'soak-map');
    const ledger = getMap<string, number>(client, 'soak-ledger');
    const queues = [0, 1, 2, 3].map((i) => getQueue<string>(client, `soak-queue-${i}`));
    await map.addEntryListener(
      { added: () => events++, updated: () => events++, removed: () => events++ },
      { includeValue: false },
    );
    const topic = getTopic<string>(client, 'soak-topic');
    await topic.addMessageListener(() => messages++);

    const start = Date.now();
    const deadline = start + options.durationMs;
    const running = () => Date.now() < deadline && unexpected.length === 0;

    const worker = async (id: number) => {
      let ledgerSeq = 0;
      for (let i = id; running(); i++) {
        const hot = `hot-${(i * 7919 + id) % HOT_KEYS}`;
        const roll = i % 20;
        try {
          if (roll < 6) await map.get(hot);
          else if (roll < 10) await map.set(hot, VALUE);
          else if (roll < 11) await map.delete(hot);
          else if (roll < 13) {
            const seq = ledgerSeq++;
            const key = `ledger-w${id}-${seq % LEDGER_KEYS_PER_WORKER}`;
            lastAttempted.set(key, seq);
            await ledger.set(key, seq);
            lastAcked.set(key, seq);
          } else if (roll < 14)
            await map.getAll([hot, `hot-${(i + 1) % HOT_KEYS}`, `hot-${(i + 2) % HOT_KEYS}`]);
          else if (roll < 17) {
            await queues[i % queues.length]!.offer(`item-${id}-${i}`);
            queueOffered++;
          } else if (roll < 19) {
            if ((await queues[i % queues.length]!.poll()) !== null) queuePolled++;
          } else {
            await topic.publish(`message-${id}-${i}`);
            published++;
          }
          operations++;
        } catch (error) {
          failed++;
          if (!(error instanceof HazelcastError) || error instanceof ClientNotActiveError) {
            unexpected.push(`${(error as Error).name}: ${(error as Error).message}`);
            return;
          }
          failures[error.name] = (failures[error.name] ?? 0) + 1;
          // A load generator's back-off, so a failing call cannot spin.
          await delay(20);
        }
      }
    };

    const restarter = async () => {
      if (options.restartEveryMs <= 0) return;
      const ports = cluster.liveMembers.map((m) => m.port);
      for (let n = 0; ; n++) {
        const due = start + (n + 1) * options.restartEveryMs;
        // No restart may begin in the last tenth of the run: the run ends with the cluster whole.
        if (due > deadline - options.durationMs / 10) return;
        await delay(due - Date.now());
        if (!running()) return;
        const port = ports[n % ports.length]!;
        const began = Date.now();
        await waitUntilSafe(cluster);
        log(`restart: member ${port} leaves gracefully`);
        await cluster.shutdownMember(port);
        await cluster.startMember({ port });
        const tookMs = Date.now() - began;
        restarts.push({ atMs: began - start, port, tookMs });
        log(`restart: member ${port} is back (${(tookMs / 1000).toFixed(1)} s)`);
      }
    };

    const sampler = async () => {
      let lastAt = start;
      let lastOperations = 0;
      let lastFailed = 0;
      while (running()) {
        await delay(Math.min(options.sampleEveryMs, Math.max(0, deadline - Date.now())));
        const now = Date.now();
        collectGarbage();
        const memory = process.memoryUsage();
        const sample: SoakSample = {
          atMs: now - start,
          opsPerSecond: ((operations - lastOperations) * 1000) / Math.max(1, now - lastAt),
          failures: failed - lastFailed,
          heapAfterGc: memory.heapUsed,
          rss: memory.rss,
          handles: process.getActiveResourcesInfo().length,
          sockets: countSockets(),
          connections: clientContext(client).cluster.connectedMemberUuids().length,
        };
        lastAt = now;
        lastOperations = operations;
        lastFailed = failed;
        samples.push(sample);
        options.onSample?.(sample);
        log(
          `${(sample.atMs / 60_000).toFixed(2)} min: ${Math.round(sample.opsPerSecond)} ops/s, ` +
            `${sample.failures} failed, heap ${(sample.heapAfterGc / 1048576).toFixed(1)} MiB after GC, ` +
            `rss ${(sample.rss / 1048576).toFixed(0)} MiB, ${sample.handles} handles, ${sample.sockets} sockets, ` +
            `${sample.connections} member connections`,
        );
      }
    };

    let restartError: unknown;
    const restarting = restarter().catch((error: unknown) => {
      restartError = error;
      unexpected.push(`member restart failed: ${String(error)}`);
    });
    await Promise.all([...Array.from({ length: workers }, (_, id) => worker(id)), sampler()]);
    await restarting;
    if (restartError) throw restartError;

    // Every ledger key must hold at least its last acknowledged value (a later attempt that failed as
    // indeterminate may have run too, so anything up to the last attempt is fine).
    const lostWrites: string[] = [];
    const reader = await HazelcastClient.newHazelcastClient(config);
    try {
      const keys = [...lastAcked.keys()];
      const stored = new Map(await getMap<string, number>(reader, 'soak-ledger').getAll(keys));
      for (const key of keys) {
        const value = stored.get(key);
        if (value === undefined || value < lastAcked.get(key)! || value > lastAttempted.get(key)!) {
          lostWrites.push(`${key}: stored ${value}, acknowledged ${lastAcked.get(key)}`);
        }
      }
    } finally {
      await reader.shutdown();
    }
    return {
      startedAt,
      durationMs: options.durationMs,
      workers,
      samples,
      restarts,
      operations,
      failures,
      events,
      queueOffered,
      queuePolled,
      published,
      messages,
      ledgerKeys: lastAcked.size,
      lostWrites,
      unhandledRejections: unhandled,
      unexpectedErrors: unexpected,
      growth: analyseGrowth(samples, options.growthLimits),
    };
  } finally {
    await client.shutdown();
    process.off('unhandledRejection', onUnhandled);
  }
}

async function waitUntilSafe(cluster: Cluster): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const safe = await Promise.all(cluster.liveMembers.map((m) => isClusterSafe(m.port).catch(() => false)));
    if (safe.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error('the cluster did not become safe within 120 s');
    // Polling the members' REST health: there is no event for "migrations finished".
    await delay(500);
  }
}
