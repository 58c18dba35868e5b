import { createServer, connect as netConnect, type Server } from 'node:net';
import {
  ClientAuthenticationCodec,
  ClientAuthenticationCustomCodec,
  type ClientMessage,
  ClientMessageReader,
} from '@hz/protocol';
import type { CompactSerializer } from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  type ClientConfig,
  compactSerialization,
  getMap,
  HazelcastClient,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect } from './helpers';
import { SampleCredentials, SECURITY_FACTORY_XML } from './security-helpers';

// A Community member has no security: it admits clients without credentials and refuses every credential
// (server-facts: "Custom or token credentials on CE also give CREDENTIALS_FAILED"). To see what the client
// sends, its connections go through a recording TCP relay of ours in front of the real member; the relay
// only copies bytes and keeps the first request it saw on each connection.

const cluster = useCluster({
  members: 1,
  // OBJECT format: the member deserializes what is put, so a round trip proves it can read the bytes.
  xml: `${SECURITY_FACTORY_XML}<map name="credentials-*"><in-memory-format>OBJECT</in-memory-format></map>`,
});

let relay: Server;
let relayAddress: string;
const firstRequests: ClientMessage[] = [];

beforeAll(async () => {
  const memberPort = cluster.current.liveMembers[0]!.port;
  relay = createServer((client) => {
    const member = netConnect({ host: '127.0.0.1', port: memberPort });
    const reader = new ClientMessageReader();
    let header = 3; // "CP2"
    let recorded = false;
    client.on('data', (chunk: Buffer) => {
      member.write(chunk);
      if (recorded) return;
      const skip = Math.min(header, chunk.length);
      header -= skip;
      const [first] = reader.read(chunk.subarray(skip));
      if (first) {
        firstRequests.push(first);
        recorded = true;
      }
    });
    member.on('data', (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      member.destroy();
    };
    for (const socket of [client, member]) {
      socket.on('error', close);
      socket.on('close', close);
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  relayAddress = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => relay?.close(resolve));
});

/** Connects through the relay and returns the client (or the error) and the authentication request sent. */
async function throughRelay(
  config: ClientConfig,
): Promise<{ result: HazelcastClient | Error; request: ClientMessage }> {
  const seen = firstRequests.length;
  const result = await HazelcastClient.newHazelcastClient({
    clusterName: cluster.current.name,
    ...config,
    network: { clusterMembers: [relayAddress], smartRouting: false },
    connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 10_000 } },
    properties: { 'hazelcast.logging.level': 'OFF' },
  }).catch((error: Error) => error);
  const request = firstRequests[seen];
  if (!request) throw new Error('the relay saw no request');
  return { result, request };
}

describe('authentication against a Community member', () => {
  it('without credentials: Client.Authentication with null username and password, admitted', async () => {
    const { result, request } = await throughRelay({});
    expect(result).toBeInstanceOf(HazelcastClient);
    await (result as HazelcastClient).shutdown();
    expect(request.messageType).toBe(ClientAuthenticationCodec.REQUEST_MESSAGE_TYPE);
    const sent = ClientAuthenticationCodec.decodeRequest(request);
    expect(sent.username).toBeNull();
    expect(sent.password).toBeNull();
  });

  it('a token is sent as the credentials of Client.AuthenticationCustom, and the refusal says why', async () => {
    const { result, request } = await throughRelay({ security: { token: { token: 'my-secret-token' } } });
    expect(result).toBeInstanceOf(AuthenticationError);
    expect((result as Error).message).toMatch(/refused the token credentials \(security\.token\)/);
    expect((result as Error).message).toMatch(
      /Community Edition\) accepts no credentials at all, tokens included/,
    );
    expect(request.messageType).toBe(ClientAuthenticationCustomCodec.REQUEST_MESSAGE_TYPE);
    const sent = ClientAuthenticationCustomCodec.decodeRequest(request);
    expect(sent.credentials.toString('latin1')).toBe('my-secret-token');
    expect(sent.clusterName).toBe(cluster.current.name);
    expect(sent.clientType).toBe('HZTS');
  });

  it('a BASE64 token is sent as its decoded bytes', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const { request } = await throughRelay({
      security: { token: { token: bytes.toString('base64'), encoding: 'BASE64' } },
    });
    expect(ClientAuthenticationCustomCodec.decodeRequest(request).credentials).toEqual(bytes);
  });

  it("a token provider's token wins over username/password and is asked for per connection address", async () => {
    const asked: string[] = [];
    const { result, request } = await throughRelay({
      security: {
        usernamePassword: { username: 'ada', password: 'pw' },
        tokenProvider: {
          token: async (address) => {
            asked.push(`${address.host}:${address.port}`);
            return Buffer.from('from-provider');
          },
        },
      },
    });
    expect(result).toBeInstanceOf(AuthenticationError);
    expect((result as Error).message).toMatch(/the token from security\.tokenProvider/);
    expect(asked).toEqual([relayAddress]);
    expect(request.messageType).toBe(ClientAuthenticationCustomCodec.REQUEST_MESSAGE_TYPE);
    expect(ClientAuthenticationCustomCodec.decodeRequest(request).credentials.toString()).toBe(
      'from-provider',
    );
  });

  it('username/password alone goes in Client.Authentication, and is refused', async () => {
    const { result, request } = await throughRelay({
      security: { usernamePassword: { username: 'ada', password: 'pw' } },
    });
    expect(result).toBeInstanceOf(AuthenticationError);
    expect((result as Error).message).toMatch(/username\/password credentials/);
    const sent = ClientAuthenticationCodec.decodeRequest(request);
    expect([sent.username, sent.password]).toEqual(['ada', 'pw']);
  });

  it('custom IdentifiedDataSerializable credentials are sent serialized, as the member reads them', async () => {
    const credentials = new SampleCredentials('ada', 's3cret');
    const { result, request } = await throughRelay({ security: { custom: credentials } });
    expect(result).toBeInstanceOf(AuthenticationError);
    expect((result as Error).message).toMatch(/custom credentials \(security\.custom\)/);
    const reference = await connect(cluster.current, {
      serialization: {
        dataSerializableFactories: {
          74: (classId) => (classId === 2 ? new SampleCredentials('', '') : null),
        },
      },
    });
    try {
      const expected = clientContext(reference).toData(new SampleCredentials('ada', 's3cret'));
      expect(ClientAuthenticationCustomCodec.decodeRequest(request).credentials).toEqual(expected);
      // The member can read the bytes: an OBJECT-format map deserializes them into the Java helper class
      // and serializes them again on get.
      const map = getMap<string, SampleCredentials>(reference, 'credentials-roundtrip');
      await map.set('c', credentials);
      expect(await map.get('c')).toEqual(credentials);
    } finally {
      await reference.shutdown();
    }
  });

  it('refuses Compact credentials before sending anything, and says why', async () => {
    class Secret {
      constructor(readonly value: string) {}
    }
    const serializer: CompactSerializer<Secret> = {
      getClass: () => Secret,
      getTypeName: () => 'hz.test.Secret',
      read: (reader) => new Secret(reader.readString('value') ?? ''),
      write: (writer, value) => writer.writeString('value', value.value),
    };
    const seen = firstRequests.length;
    const attempt = HazelcastClient.newHazelcastClient({
      clusterName: cluster.current.name,
      network: { clusterMembers: [relayAddress], smartRouting: false },
      serialization: { compact: { serializers: [serializer] }, formats: [compactSerialization] },
      security: { custom: new Secret('x') },
      properties: { 'hazelcast.logging.level': 'OFF' },
    });
    await expect(attempt).rejects.toBeInstanceOf(AuthenticationError);
    await expect(attempt).rejects.toThrow(/Compact credentials cannot be sent/);
    expect(firstRequests.length).toBe(seen);
  });
});
