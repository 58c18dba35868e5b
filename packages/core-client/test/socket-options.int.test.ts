// network.socketOptions (the seeds' socket_options, as far as Node's net can set them) reach the socket of
// every connection: the calls on the real sockets, and the kernel's own view of them (ss).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMap, type HazelcastClient } from '../src/index';
import { connect } from './helpers';

const cluster = useCluster({ members: 2 });

/** `ss` (iproute2) lists sockets with their keep-alive timers; without it the kernel check cannot run. */
const ssAvailable = (() => {
  try {
    execFileSync('ss', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** This process's established TCP connections to `ports`, with their timer column. */
function ourConnections(ports: readonly number[]): Array<{ port: number; keepAliveSeconds: number | null }> {
  const output = execFileSync('ss', ['-tnopH', 'state', 'established'], { encoding: 'utf8' });
  return output
    .split('\n')
    .filter((line) => line.includes(`pid=${process.pid},`))
    .flatMap((line) => {
      const peer = /\s127\.0\.0\.1:\d+\s+127\.0\.0\.1:(\d+)\s/.exec(line);
      const port = peer ? Number(peer[1]) : Number.NaN;
      if (!ports.includes(port)) return [];
      // Time to the next keep-alive probe, as ss prints it: 2min, 29sec, 4.788ms (4 s 788 ms), 640ms.
      // No keep-alive timer without SO_KEEPALIVE.
      const timer = /timer:\(keepalive,(?:(\d+)min)?(?:(\d+)(?:sec|\.))?(?:(\d+)ms)?,/.exec(line);
      const keepAliveSeconds = timer
        ? Number(timer[1] ?? 0) * 60 + Number(timer[2] ?? 0) + Number(timer[3] ?? 0) / 1000
        : null;
      return [{ port, keepAliveSeconds }];
    });
}

describe('socket options', () => {
  let client: HazelcastClient | undefined;

  afterEach(async () => {
    vi.restoreAllMocks();
    await client?.shutdown();
    client = undefined;
  });

  it('are set on the socket of every connection', async () => {
    const noDelay = vi.spyOn(Socket.prototype, 'setNoDelay');
    const keepAlive = vi.spyOn(Socket.prototype, 'setKeepAlive');
    client = await connect(cluster.current, {
      network: { socketOptions: { noDelay: false, keepAlive: true, keepAliveInitialDelayMillis: 30_000 } },
    });
    await getMap(client, 'socket-options').set('k', 'v');
    const ports = cluster.current.liveMembers.map((m) => m.port);
    const toMembers = (contexts: unknown[]) =>
      contexts.filter((socket) => ports.includes((socket as Socket).remotePort ?? -1)).length;
    // One connection per member (smart routing), each with both options.
    expect(toMembers(noDelay.mock.contexts)).toBe(2);
    expect(noDelay.mock.calls.every(([enabled]) => enabled === false)).toBe(true);
    expect(toMembers(keepAlive.mock.contexts)).toBe(2);
    expect(keepAlive.mock.calls).toEqual([
      [true, 30_000],
      [true, 30_000],
    ]);
  });

  it('default to no-delay on and keep-alive off, and follow the no-delay property', async () => {
    const noDelay = vi.spyOn(Socket.prototype, 'setNoDelay');
    const keepAlive = vi.spyOn(Socket.prototype, 'setKeepAlive');
    client = await connect(cluster.current);
    expect(noDelay.mock.calls.map(([enabled]) => enabled)).toEqual([true, true]);
    expect(keepAlive).not.toHaveBeenCalled();
    await client.shutdown();
    noDelay.mockClear();
    client = await connect(cluster.current, { properties: { 'hazelcast.client.socket.no.delay': false } });
    expect(noDelay.mock.calls.map(([enabled]) => enabled)).toEqual([false, false]);
  });

  // Skipped only where iproute2's `ss` (or Linux's /proc) is missing: it is how the test reads the kernel's
  // socket state.
  it.skipIf(!ssAvailable || process.platform !== 'linux')(
    'reach the kernel: keep-alive with its idle time on every connection',
    async () => {
      const ports = cluster.current.liveMembers.map((m) => m.port);
      // The system's idle time (often 7200 s) must differ from ours for the check to mean anything.
      const systemSeconds = Number(readFileSync('/proc/sys/net/ipv4/tcp_keepalive_time', 'utf8'));
      expect(systemSeconds).toBeGreaterThan(5);
      client = await connect(cluster.current, {
        network: { socketOptions: { keepAlive: true, keepAliveInitialDelayMillis: 5_000 } },
      });
      const withKeepAlive = ourConnections(ports);
      expect(withKeepAlive.map((c) => c.port).sort()).toEqual([...ports].sort());
      for (const connection of withKeepAlive) {
        // The first probe is due within the configured 5 s, not after the system's idle time.
        expect(connection.keepAliveSeconds).not.toBeNull();
        expect(connection.keepAliveSeconds!).toBeLessThanOrEqual(5);
      }
      await client.shutdown();
      // keepAliveInitialDelayMillis 0: the system's idle time applies.
      client = await connect(cluster.current, { network: { socketOptions: { keepAlive: true } } });
      for (const connection of ourConnections(ports)) {
        // (ss prints times of ten minutes and more in whole minutes.)
        expect(connection.keepAliveSeconds!).toBeGreaterThan(systemSeconds - 120);
        expect(connection.keepAliveSeconds!).toBeLessThanOrEqual(systemSeconds);
      }
      await client.shutdown();
      client = await connect(cluster.current);
      const without = ourConnections(ports);
      expect(without).toHaveLength(2);
      expect(without.map((c) => c.keepAliveSeconds)).toEqual([null, null]);
    },
  );
});
