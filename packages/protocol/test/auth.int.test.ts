// Authenticates against a real 5.7.0 member with our codecs, reader and writer only.
import { connect, type Socket } from 'node:net';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientMessage } from '../src/client-message';
import { decodeErrorResponse, isErrorMessage } from '../src/errors/error-response';
import { HazelcastServerError } from '../src/errors/server-error';
import { ClientAuthenticationCodec, ClientCreateProxyCodec } from '../src/generated/codecs/client';
import { ClientMessageReader } from '../src/reader';
import { randomUuid } from '../src/uuid';
import { encodedLength, writeMessage } from '../src/writer';

const cluster = useCluster({ members: 1 });
const sockets: Socket[] = [];

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});

interface TestConnection {
  /** Sends one request and resolves with its response, or undefined if the member closes the connection. */
  send(request: ClientMessage): Promise<ClientMessage | undefined>;
}

/** Opens a socket and sends "CP2"; responses are matched to requests by correlation id. */
function openConnection(address: string): Promise<TestConnection> {
  const [host, port] = address.split(':');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: host!, port: Number(port) });
    sockets.push(socket);
    const reader = new ClientMessageReader();
    const pending = new Map<number, (message: ClientMessage | undefined) => void>();
    socket.on('data', (chunk) => {
      for (const message of reader.read(chunk)) {
        if (message.isEvent) continue;
        pending.get(message.correlationId)?.(message);
        pending.delete(message.correlationId);
      }
    });
    socket.on('close', () => {
      for (const settle of pending.values()) settle(undefined);
      pending.clear();
    });
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(Buffer.from([0x43, 0x50, 0x32]));
      resolve({
        send: (request) =>
          new Promise((settle) => {
            pending.set(request.correlationId, settle);
            const buffer = Buffer.allocUnsafe(encodedLength(request));
            writeMessage(request, buffer, 0);
            socket.write(buffer);
          }),
      });
    });
  });
}

async function exchange(address: string, request: ClientMessage): Promise<ClientMessage | undefined> {
  return (await openConnection(address)).send(request);
}

function authRequest(clusterName: string): ClientMessage {
  const request = ClientAuthenticationCodec.encodeRequest(
    clusterName,
    null,
    null,
    randomUuid(),
    'HZTS',
    1,
    '5.7.0',
    'hz-protocol-auth-test',
    [],
    0,
    false,
  );
  request.correlationId = 1;
  return request;
}

describe('Client.Authentication against a 5.7.0 member', () => {
  it('authenticates with the cluster name and reads the member facts', async () => {
    const response = await exchange(cluster.current.addresses[0]!, authRequest(cluster.current.name));
    expect(response).toBeDefined();
    expect(response!.messageType).toBe(ClientAuthenticationCodec.RESPONSE_MESSAGE_TYPE);
    expect(response!.correlationId).toBe(1);
    const result = ClientAuthenticationCodec.decodeResponse(response!);
    expect(result.status).toBe(0);
    expect(result.serverHazelcastVersion).toBe('5.7.0');
    expect(result.partitionCount).toBe(271);
    expect(result.serializationVersion).toBe(1);
    expect(result.memberUuid).not.toBeNull();
    expect(result.address?.port).toBe(Number(cluster.current.addresses[0]!.split(':')[1]));
    expect(result.memberInfos?.length).toBe(1);
  });

  it('is refused with a wrong cluster name', async () => {
    const response = await exchange(
      cluster.current.addresses[0]!,
      authRequest(`${cluster.current.name}-wrong`),
    );
    // 5.7.0 answers with a non-zero status (and a null clusterId) rather than an error or a bare close.
    expect(response).toBeDefined();
    expect(isErrorMessage(response!)).toBe(false);
    const result = ClientAuthenticationCodec.decodeResponse(response!);
    expect(result.status).not.toBe(0);
    expect(result.clusterId).toBeNull();
  });

  it('decodes a real error response with the server class name, message and stack trace', async () => {
    const connection = await openConnection(cluster.current.addresses[0]!);
    const auth = await connection.send(authRequest(cluster.current.name));
    expect(ClientAuthenticationCodec.decodeResponse(auth!).status).toBe(0);
    const proxy = ClientCreateProxyCodec.encodeRequest('some-object', 'hz:impl:noSuchService');
    proxy.correlationId = 2;
    const response = await connection.send(proxy);
    expect(isErrorMessage(response!)).toBe(true);
    const error = decodeErrorResponse(response!);
    expect(error).toBeInstanceOf(HazelcastServerError);
    expect(error.className).toMatch(/^com\.hazelcast\.|^java\./);
    expect(error.serverMessage).toContain('noSuchService');
    expect(error.serverStackTrace.length).toBeGreaterThan(0);
    expect(error.stack).toContain('    at ');
    console.log(
      `server error: ${error.errorName} (${error.errorCode}) ${error.className}: ${error.serverMessage}`,
    );
  });
});
