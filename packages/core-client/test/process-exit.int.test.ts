import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it } from 'vitest';

const cluster = useCluster({ members: 2 });
const script = fileURLToPath(new URL('./fixtures/connect-and-exit.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** Runs the fixture in its own process: it must exit by itself, without unhandled rejections. */
function runFixture(
  args: string[],
  onOutput: (output: string) => void = () => {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['--conditions=@hz/source', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      onOutput(output);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('client shutdown', () => {
  it('leaves no timer or socket behind: the process exits by itself', async () => {
    const { code, output } = await runFixture([cluster.current.name, ...cluster.current.addresses]);
    expect(output).toContain('done 100');
    expect(output).not.toContain('unhandled');
    expect(code).toBe(0);
  });

  it('leaves no unhandled rejection when the cluster goes away under load', async () => {
    let killed: Promise<void> | undefined;
    const { code, output } = await runFixture(
      [cluster.current.name, ...cluster.current.addresses, '--lose-cluster'],
      (out) => {
        if (out.includes('working') && !killed) {
          killed = Promise.all(
            cluster.current.liveMembers.map((m) => cluster.current.terminateMember(m)),
          ).then(() => {});
        }
      },
    );
    await killed;
    expect(output).toMatch(/lost the cluster; \d+ operations failed/);
    expect(output).not.toContain('unhandled');
    expect(code).toBe(0);
  });
});

describe('shutdown while the client is still connecting (asyncStart, no member)', () => {
  const fixture = fileURLToPath(new URL('./fixtures/shutdown-while-connecting.ts', import.meta.url));

  function runConnecting(
    address: string,
    mode: 'backoff' | 'silent',
    server?: Server,
  ): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(tsx, ['--conditions=@hz/source', fixture, address, mode], {
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      server?.once('connection', () => child.send('connected'));
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  function exitMillis(output: string): number {
    const match = /exited (\d+) ms after shutdown/.exec(output);
    if (!match) throw new Error(`the fixture did not report its exit:\n${output}`);
    return Number(match[1]);
  }

  it('cancels the reconnect backoff: no timer is left and the process exits at once', async () => {
    // Nothing listens on this port: every attempt is refused, and the client waits 15 s between attempts.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const { code, output } = await runConnecting(`127.0.0.1:${port}`, 'backoff');
    expect(output).toContain('active after shutdown: []');
    expect(code).toBe(0);
    // The bound: with the 15 s backoff timer left behind, this would be ~15,000 ms.
    expect(exitMillis(output)).toBeLessThan(1_000);
  });

  it('closes a connection still waiting for its authentication answer', async () => {
    // A server that accepts and never answers: the client sits in authentication (60 s timeout).
    const sockets: Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const { code, output } = await runConnecting(`127.0.0.1:${port}`, 'silent', server);
      expect(output).toContain('active after shutdown: []');
      expect(code).toBe(0);
      expect(exitMillis(output)).toBeLessThan(1_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
