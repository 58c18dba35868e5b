import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { HazelcastProtocolError } from '@hz/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { TargetDisconnectedError } from '../errors/hazelcast-error';
import { Connection } from './connection';

const IS_FINAL = 1 << 13;
const UNFRAGMENTED = (1 << 15) | (1 << 14);

function frame(length: number, flags: number, content: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(6);
  header.writeInt32LE(length, 0);
  header.writeUInt16LE(flags, 4);
  return Buffer.concat([header, content]);
}

let server: Server | undefined;
const accepted: Socket[] = [];

afterEach(async () => {
  for (const socket of accepted.splice(0)) socket.destroy();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A local server that sends `bytes` (then ends, if asked) to whoever connects, and a Connection to it. */
async function connectionReceiving(bytes: Buffer, end: boolean): Promise<Promise<Error>> {
  server = createServer((socket: Socket) => {
    accepted.push(socket);
    socket.on('error', () => {});
    socket.write(bytes);
    if (end) socket.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closed!: (reason: Error) => void;
  const reason = new Promise<Error>((resolve) => {
    closed = resolve;
  });
  const connection = await Connection.open(
    { host: '127.0.0.1', port },
    {
      connectTimeoutMillis: 5_000,
      noDelay: true,
      keepAlive: false,
      keepAliveInitialDelayMillis: 0,
      coalescingThresholdBytes: 65_536,
      coalesce: true,
    },
    {
      onMessage: (message) => {
        // What the connection manager does first with every message.
        void message.correlationId;
      },
      onClose: (_, why) => closed(why),
    },
  );
  void connection;
  return reason;
}

describe('Connection reading bad input from a member', () => {
  it('closes (instead of throwing out of the socket handler) on a whole message whose header cannot be read', async () => {
    // 4 bytes of message type and no correlation id: the frame is whole, the message is not.
    const reason = await connectionReceiving(frame(10, UNFRAGMENTED | IS_FINAL, Buffer.alloc(4)), false);
    const error = await reason;
    expect(error).toBeInstanceOf(HazelcastProtocolError);
    expect(error.message).toMatch(/Initial frame too short: 4 bytes, the header needs 12/);
  });

  it('closes on a frame shorter than its header', async () => {
    const error = await await connectionReceiving(frame(2, UNFRAGMENTED | IS_FINAL), false);
    expect(error).toBeInstanceOf(HazelcastProtocolError);
    expect(error.message).toMatch(/Frame length 2 is smaller than the 6-byte header/);
  });

  it('says when the member closed the stream in the middle of a frame', async () => {
    const error = await await connectionReceiving(frame(40, UNFRAGMENTED | IS_FINAL, Buffer.alloc(10)), true);
    expect(error).toBeInstanceOf(HazelcastProtocolError);
    expect(error.message).toMatch(/closed the connection in the middle of a frame \(16 bytes of it read\)/);
  });

  it('reports a plain close between frames as a disconnection', async () => {
    const error = await await connectionReceiving(Buffer.alloc(0), true);
    expect(error).toBeInstanceOf(TargetDisconnectedError);
    expect(error.message).toMatch(/closed the connection$/);
  });
});
