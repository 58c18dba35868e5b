import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it, vi } from 'vitest';
import { getMap, type HazelcastClient } from '../src/index';
import { clientContext } from '../src/plugin';
import { countingUnhandledRejections } from './faults-helpers';
import { connect } from './helpers';

const cluster = useCluster({ members: 3 });
const CLIENTS = 50;
const PROCESSES = 5;
const fixture = fileURLToPath(new URL('./fixtures/many-clients.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

/** What each fixture process reports once its clients have connected and worked. */
interface ProcessReport {
  tag: string;
  clients: number;
  ok: number;
  connections: number[];
  /** Heap after GC per client, over the last half of the process's clients (the code is warm by then). */
  heapPerClient: number;
  firstClientHeap: number;
  /** The whole process's resident set with all its clients. */
  rss: number;
}

async function readBack(tags: string[]): Promise<Array<[string, string]>> {
  const reader = await connect(cluster.current);
  try {
    return await getMap<string, string>(reader, 'many-clients').getAll(tags);
  } finally {
    await reader.shutdown();
  }
}

describe(`${CLIENTS} clients against 3 members`, () => {
  it('in one process: all connect to every member and operate; memory per client is measured', async () => {
    const { result, unhandled } = await countingUnhandledRejections(async () => {
      // A client first, so the code is loaded and compiled before anything is measured.
      const socketsBefore = sockets();
      const warmUp = await connect(cluster.current);
      await getMap<string, string>(warmUp, 'many-clients').set('warm-up', 'x');
      await getMap<string, string>(warmUp, 'many-clients').get('warm-up');
      await warmUp.shutdown();
      await vi.waitFor(() => expect(sockets()).toBe(socketsBefore), { timeout: 10_000, interval: 20 });
      // The cost of one more client is measured over the second half, once the code is warm.
      const early = await Promise.all(Array.from({ length: CLIENTS / 2 }, () => connect(cluster.current)));
      const heapBeforeLate = heapAfterGc();
      const rssBeforeLate = process.memoryUsage().rss;
      const late = await Promise.all(Array.from({ length: CLIENTS / 2 }, () => connect(cluster.current)));
      const heapPerClient = (heapAfterGc() - heapBeforeLate) / late.length;
      const rssPerClient = (process.memoryUsage().rss - rssBeforeLate) / late.length;
      const clients: HazelcastClient[] = [...early, ...late];
      try {
        for (const client of clients)
          expect(clientContext(client).connections.activeConnections).toHaveLength(3);
        expect(sockets() - socketsBefore).toBe(CLIENTS * 3);
        const values = await Promise.all(
          clients.map(async (client, i) => {
            const map = getMap<string, string>(client, 'many-clients');
            await map.set(`one-${i}`, 'from one process');
            return map.get(`one-${i}`);
          }),
        );
        expect(values).toEqual(Array(CLIENTS).fill('from one process'));
        return { heapPerClient, rssPerClient };
      } finally {
        await Promise.all(clients.map((client) => client.shutdown()));
        // Shut down, the clients hold no socket any more (their handles close a turn later).
        await vi.waitFor(() => expect(sockets()).toBe(socketsBefore), { timeout: 10_000, interval: 20 });
      }
    });
    expect(unhandled).toEqual([]);
    const stored = await readBack(Array.from({ length: CLIENTS }, (_, i) => `one-${i}`));
    expect(stored).toHaveLength(CLIENTS);
    console.log(
      `${CLIENTS} clients in one process: heap after GC ${kib(result.heapPerClient)} per client, RSS ${kib(result.rssPerClient)} per client`,
    );
  });

  it(`in ${PROCESSES} processes: all connect and operate at the same time; memory per client is measured`, async () => {
    const perProcess = CLIENTS / PROCESSES;
    const children = Array.from({ length: PROCESSES }, (_, p) =>
      spawn(
        tsx,
        [
          '--conditions=@hz/source',
          fixture,
          cluster.current.name,
          String(perProcess),
          `p${p}`,
          ...cluster.current.addresses,
        ],
        { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
      ),
    );
    const outputs = children.map(() => ({ text: '' }));
    children.forEach((child, i) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        outputs[i]!.text += chunk.toString();
      });
      child.stderr!.on('data', (chunk: Buffer) => {
        outputs[i]!.text += chunk.toString();
      });
    });
    const exits = children.map(
      (child) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))),
    );
    try {
      const reports = await Promise.all(
        children.map(
          (child, i) =>
            new Promise<ProcessReport>((resolve, reject) => {
              child.once('message', (message) => resolve(message as ProcessReport));
              child.once('exit', (code) =>
                reject(new Error(`process ${i} exited with ${code}: ${outputs[i]!.text}`)),
              );
            }),
        ),
      );
      // Every process's clients are connected now, all at once: 50 clients, 150 connections.
      for (const report of reports) {
        expect(report.clients).toBe(perProcess);
        expect(report.ok).toBe(perProcess);
        expect(report.connections).toEqual(Array(perProcess).fill(3));
      }
      const tags = reports.flatMap((r) => Array.from({ length: perProcess }, (_, i) => `${r.tag}-${i}`));
      expect(await readBack(tags)).toHaveLength(CLIENTS);
      const mean = (pick: (r: ProcessReport) => number) =>
        reports.reduce((sum, r) => sum + pick(r), 0) / reports.length;
      console.log(
        `${CLIENTS} clients in ${PROCESSES} processes: heap after GC ${kib(mean((r) => r.heapPerClient))} per client ` +
          `(per process: ${reports.map((r) => kib(r.heapPerClient)).join(', ')}); the first client of a process ` +
          `${kib(mean((r) => r.firstClientHeap))} with the code it loads; RSS ${kib(mean((r) => r.rss))} per process ` +
          `of ${perProcess} clients`,
      );
      for (const child of children) child.send('stop');
      const codes = await Promise.all(exits);
      expect(codes).toEqual(Array(PROCESSES).fill(0));
      for (const output of outputs) expect(output.text).not.toContain('unhandled');
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill();
    }
  });
});
