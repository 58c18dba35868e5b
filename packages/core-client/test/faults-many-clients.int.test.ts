import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it } from 'vitest';
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
  heapPerClient: number;
  rssPerClient: number;
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
      const heapBefore = heapAfterGc();
      const rssBefore = process.memoryUsage().rss;
      const socketsBefore = sockets();
      const clients: HazelcastClient[] = await Promise.all(
        Array.from({ length: CLIENTS }, () => connect(cluster.current)),
      );
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
        const heapPerClient = (heapAfterGc() - heapBefore) / CLIENTS;
        const rssPerClient = (process.memoryUsage().rss - rssBefore) / CLIENTS;
        return { heapPerClient, rssPerClient };
      } finally {
        await Promise.all(clients.map((client) => client.shutdown()));
        // Shut down, the clients hold no socket any more.
        expect(sockets()).toBe(socketsBefore);
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
      const heap = reports.reduce((sum, r) => sum + r.heapPerClient, 0) / reports.length;
      const rss = reports.reduce((sum, r) => sum + r.rssPerClient, 0) / reports.length;
      console.log(
        `${CLIENTS} clients in ${PROCESSES} processes: heap after GC ${kib(heap)} per client, RSS ${kib(rss)} per client ` +
          `(per process: ${reports.map((r) => kib(r.heapPerClient)).join(', ')})`,
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
