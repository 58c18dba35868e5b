import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FaultProxy } from './fault-proxy';

/** A local server that keeps every socket it accepts and what each one received. */
interface Target {
  readonly server: Server;
  readonly port: number;
  readonly sockets: Socket[];
  readonly received: Buffer[][];
  readonly ended: boolean[];
}

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startTarget(): Promise<Target> {
  const sockets: Socket[] = [];
  const received: Buffer[][] = [];
  const ended: boolean[] = [];
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    const index = sockets.push(socket) - 1;
    received[index] = [];
    ended[index] = false;
    socket.on('data', (chunk: Buffer) => received[index]!.push(chunk));
    socket.on('end', () => {
      ended[index] = true;
    });
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { server, port, sockets, received, ended };
}

async function startProxy(target: Target, random?: () => number): Promise<FaultProxy> {
  const proxy = await FaultProxy.start({ target: { port: target.port }, ...(random ? { random } : {}) });
  cleanups.push(() => proxy.close());
  return proxy;
}

/** A client socket through the proxy that records what it reads and how it ended. */
interface Client {
  readonly socket: Socket;
  readonly chunks: Buffer[];
  readonly events: string[];
  bytes(): Buffer;
}

async function connectClient(proxy: FaultProxy): Promise<Client> {
  const socket = connect({ host: '127.0.0.1', port: proxy.port, allowHalfOpen: true });
  const chunks: Buffer[] = [];
  const events: string[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('end', () => events.push('end'));
  socket.on('error', (error: NodeJS.ErrnoException) => events.push(`error:${error.code}`));
  socket.on('close', () => events.push('close'));
  await once(socket, 'connect');
  cleanups.push(() => {
    socket.destroy();
  });
  return { socket, chunks, events, bytes: () => Buffer.concat(chunks) };
}

function concat(chunks: readonly Buffer[] | undefined): Buffer {
  return Buffer.concat(chunks ?? []);
}

const WAIT = { timeout: 10_000, interval: 5 };

describe('FaultProxy', () => {
  it('forwards bytes both ways unchanged, and a FIN in its own direction only', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    const client = await connectClient(proxy);
    const payload = randomBytes(200_000);
    client.socket.write(payload);
    await vi.waitFor(() => expect(concat(target.received[0]).length).toBe(payload.length), WAIT);
    expect(concat(target.received[0]).equals(payload)).toBe(true);

    target.sockets[0]!.write('pong');
    await vi.waitFor(() => expect(client.bytes().toString()).toBe('pong'), WAIT);

    client.socket.end();
    await vi.waitFor(() => expect(target.ended[0]).toBe(true), WAIT);
    // The other direction is still open: the server can answer after the client's FIN.
    target.sockets[0]!.end('bye');
    await vi.waitFor(() => expect(client.events).toContain('end'), WAIT);
    expect(client.bytes().toString()).toBe('pongbye');
    await vi.waitFor(() => expect(proxy.connectionCount).toBe(0), WAIT);
    expect(proxy.stats.clientToServer.bytesForwarded).toBe(payload.length);
  });

  it('delays every chunk by the latency, and jitter never reorders', async () => {
    const target = await startTarget();
    // Each chunk draws less jitter than the one before: without the ordering rule, later chunks would overtake.
    let draw = 1;
    const proxy = await startProxy(target, () => {
      draw = Math.max(0, draw - 0.02);
      return draw;
    });
    proxy.setLatency(50, { jitterMs: 100 });
    const client = await connectClient(proxy);
    const started = Date.now();
    const sent: Buffer[] = [];
    for (let i = 0; i < 40; i++) {
      const chunk = Buffer.from(`<${i}>`);
      sent.push(chunk);
      client.socket.write(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const expected = Buffer.concat(sent);
    await vi.waitFor(() => expect(concat(target.received[0]).length).toBe(expected.length), WAIT);
    expect(concat(target.received[0]).toString()).toBe(expected.toString());
    // A lower bound the timers guarantee: nothing arrives before the base latency.
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);

    // The other direction has the same latency.
    const echoAt = Date.now();
    target.sockets[0]!.write('back');
    await vi.waitFor(() => expect(client.bytes().toString()).toBe('back'), WAIT);
    expect(Date.now() - echoAt).toBeGreaterThanOrEqual(50);
  });

  it('applies latency to one direction only when asked', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    proxy.setLatency(60_000, { direction: 'serverToClient' });
    const client = await connectClient(proxy);
    client.socket.write('fast');
    await vi.waitFor(() => expect(concat(target.received[0]).toString()).toBe('fast'), WAIT);
    target.sockets[0]!.write('slow');
    // Held for a minute.
    await vi.waitFor(() => expect(proxy.queuedBytes('serverToClient')).toBe(4), WAIT);
    expect(proxy.stats.serverToClient.bytesForwarded).toBe(0);
    proxy.heal();
    // heal() does not shorten what is already queued; a fresh connection is not delayed.
    const second = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets.length).toBe(2), WAIT);
    target.sockets[1]!.write('now');
    await vi.waitFor(() => expect(second.bytes().toString()).toBe('now'), WAIT);
    expect(client.chunks).toHaveLength(0);
  });

  it('limits the bandwidth of each direction', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    proxy.setBandwidth(100_000);
    const client = await connectClient(proxy);
    const payload = randomBytes(50_000);
    const started = Date.now();
    client.socket.write(payload);
    await vi.waitFor(() => expect(concat(target.received[0]).length).toBe(payload.length), WAIT);
    // 50 kB at 100 kB/s cannot arrive in less than half a second: the schedule guarantees this bound.
    expect(Date.now() - started).toBeGreaterThanOrEqual(499);
    expect(concat(target.received[0]).equals(payload)).toBe(true);
    // Delivered in pieces of 1/20 s, not in one burst.
    expect(proxy.stats.clientToServer.writes).toBeGreaterThanOrEqual(10);
  });

  it('slices writes into single bytes that the receiver reads one by one', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    proxy.setSlicing(1, { direction: 'serverToClient' });
    const client = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets).toHaveLength(1), WAIT);
    const payload = randomBytes(2_000);
    target.sockets[0]!.write(payload);
    await vi.waitFor(() => expect(client.bytes().length).toBe(payload.length), WAIT);
    expect(client.bytes().equals(payload)).toBe(true);
    expect(proxy.stats.serverToClient.writes).toBe(payload.length);
    // One write per event-loop turn and Nagle off: the client's reads are fragments, not the whole.
    expect(client.chunks.length).toBeGreaterThan(payload.length / 2);
    // The other direction was not sliced.
    client.socket.write(payload);
    await vi.waitFor(() => expect(concat(target.received[0]).length).toBe(payload.length), WAIT);
    expect(proxy.stats.clientToServer.writes).toBeLessThan(10);
  });

  it('keeps order and content under latency, jitter, bandwidth and slicing together', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    proxy.setLatency(20, { jitterMs: 30 }).setBandwidth(400_000).setSlicing(7);
    const client = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets).toHaveLength(1), WAIT);
    const up = randomBytes(30_000);
    const down = randomBytes(30_000);
    for (let offset = 0; offset < up.length; offset += 1_000) {
      client.socket.write(up.subarray(offset, offset + 1_000));
      target.sockets[0]!.write(down.subarray(offset, offset + 1_000));
    }
    await vi.waitFor(() => {
      expect(concat(target.received[0]).length).toBe(up.length);
      expect(client.bytes().length).toBe(down.length);
    }, WAIT);
    expect(concat(target.received[0]).equals(up)).toBe(true);
    expect(client.bytes().equals(down)).toBe(true);
  });

  it('black-holes both directions: no byte, no FIN and no RST gets through, and nothing reports it', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    const client = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets).toHaveLength(1), WAIT);
    proxy.blackhole();
    client.socket.write('lost request');
    target.sockets[0]!.write('lost answer');
    await vi.waitFor(() => {
      expect(proxy.stats.clientToServer.bytesDropped).toBe(12);
      expect(proxy.stats.serverToClient.bytesDropped).toBe(11);
    }, WAIT);
    // The server closes its side (FIN), and then resets it: the client hears of neither.
    target.sockets[0]!.end();
    await vi.waitFor(() => expect(proxy.stats.serverToClient.closesDropped).toBe(1), WAIT);
    expect(concat(target.received[0])).toHaveLength(0);
    expect(client.chunks).toHaveLength(0);
    expect(client.events).toEqual([]);
    expect(client.socket.destroyed).toBe(false);
    // The client can still write into the void without an error.
    client.socket.write('more');
    await vi.waitFor(() => expect(proxy.stats.clientToServer.bytesDropped).toBe(16), WAIT);
    expect(client.events).toEqual([]);
  });

  it('accepts connections during a black hole but never reaches the target; new ones work after heal()', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    const before = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets).toHaveLength(1), WAIT);
    proxy.blackhole();
    const during = await connectClient(proxy);
    during.socket.write('hello?');
    await vi.waitFor(() => expect(proxy.stats.clientToServer.bytesDropped).toBe(6), WAIT);
    expect(target.sockets).toHaveLength(1);
    before.socket.write('x');
    await vi.waitFor(() => expect(proxy.stats.clientToServer.bytesDropped).toBe(7), WAIT);

    proxy.heal();
    const after = await connectClient(proxy);
    after.socket.write('ping');
    await vi.waitFor(() => expect(concat(target.received[1]).toString()).toBe('ping'), WAIT);
    target.sockets[1]!.write('pong');
    await vi.waitFor(() => expect(after.bytes().toString()).toBe('pong'), WAIT);
    // The flow that lost a byte lost its stream: it stays a black hole (half-open for good).
    before.socket.write('y');
    await vi.waitFor(() => expect(proxy.stats.clientToServer.bytesDropped).toBe(8), WAIT);
    expect(concat(target.received[0])).toHaveLength(0);
    // The one that lost nothing in the other direction still carries it.
    target.sockets[0]!.write('still here');
    await vi.waitFor(() => expect(before.bytes().toString()).toBe('still here'), WAIT);
  });

  it('black-holes one direction only', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    const client = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets).toHaveLength(1), WAIT);
    proxy.blackhole({ direction: 'serverToClient' });
    client.socket.write('request');
    await vi.waitFor(() => expect(concat(target.received[0]).toString()).toBe('request'), WAIT);
    target.sockets[0]!.write('answer');
    await vi.waitFor(() => expect(proxy.stats.serverToClient.bytesDropped).toBe(6), WAIT);
    expect(client.chunks).toHaveLength(0);
    expect(proxy.stats.clientToServer.bytesDropped).toBe(0);
  });

  it('pauses a direction without losing anything, and delivers in order (FIN last) on resume', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    const client = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets).toHaveLength(1), WAIT);
    proxy.pause({ direction: 'clientToServer' });
    client.socket.write('first ');
    client.socket.end('second');
    // A round trip in the other direction passes while this one is held.
    target.sockets[0]!.write('meanwhile');
    await vi.waitFor(() => expect(client.bytes().toString()).toBe('meanwhile'), WAIT);
    expect(concat(target.received[0])).toHaveLength(0);
    expect(target.ended[0]).toBe(false);
    proxy.resume();
    await vi.waitFor(() => expect(target.ended[0]).toBe(true), WAIT);
    expect(concat(target.received[0]).toString()).toBe('first second');
  });

  it('resets every connection with RST on both sides', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    const client = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets).toHaveLength(1), WAIT);
    const serverEvents: string[] = [];
    target.sockets[0]!.on('error', (error: NodeJS.ErrnoException) =>
      serverEvents.push(`error:${error.code}`),
    );
    target.sockets[0]!.on('end', () => serverEvents.push('end'));
    expect(proxy.resetConnections()).toBe(1);
    await vi.waitFor(() => expect(client.events).toContain('close'), WAIT);
    expect(client.events).toContain('error:ECONNRESET');
    expect(client.events).not.toContain('end');
    await vi.waitFor(() => expect(serverEvents).toContain('error:ECONNRESET'), WAIT);
    expect(serverEvents).not.toContain('end');
    expect(proxy.connectionCount).toBe(0);
  });

  it('passes a reset from one side on as a reset', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    const client = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets).toHaveLength(1), WAIT);
    target.sockets[0]!.resetAndDestroy();
    await vi.waitFor(() => expect(client.events).toContain('error:ECONNRESET'), WAIT);
  });

  it('resets the client when the target refuses the connection', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    await new Promise((resolve) => target.server.close(resolve));
    const client = await connectClient(proxy);
    await vi.waitFor(() => expect(client.events).toContain('close'), WAIT);
    expect(client.events).not.toContain('end');
  });

  it('lets a transform rewrite, add and end what one direction carries', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    proxy.setTransform('serverToClient', (chunk) => Buffer.from(chunk.toString().toUpperCase()));
    const client = await connectClient(proxy);
    await vi.waitFor(() => expect(target.sockets).toHaveLength(1), WAIT);
    target.sockets[0]!.write('abc');
    await vi.waitFor(() => expect(client.bytes().toString()).toBe('ABC'), WAIT);
    proxy.setTransform('serverToClient', (chunk, link) => {
      link.inject('serverToClient', Buffer.from(`[${chunk.toString()}]`));
      link.end('serverToClient');
      return Buffer.alloc(0);
    });
    target.sockets[0]!.write('def');
    await vi.waitFor(() => expect(client.events).toContain('end'), WAIT);
    expect(client.bytes().toString()).toBe('ABC[def]');
    // The other direction is untouched.
    client.socket.write('xyz');
    await vi.waitFor(() => expect(concat(target.received[0]).toString()).toBe('xyz'), WAIT);
  });

  it('rejects bad settings with errors that name them', async () => {
    const target = await startTarget();
    const proxy = await startProxy(target);
    expect(() => proxy.setLatency(-1)).toThrow(/latencyMs must be/);
    expect(() => proxy.setLatency(1, { jitterMs: Number.NaN })).toThrow(/jitterMs must be/);
    expect(() => proxy.setBandwidth(0)).toThrow(/bytesPerSecond must be/);
    expect(() => proxy.setSlicing(0.5)).toThrow(/sliceBytes must be/);
    expect(() => proxy.blackhole({ direction: 'up' as never })).toThrow(/direction must be/);
  });
});
