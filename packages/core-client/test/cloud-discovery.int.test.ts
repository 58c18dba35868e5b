import { createServer, type Server } from 'node:https';
import { type ClusterOptions, createTestCertificates, type TestCertificates } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, type ClientConfig, getMap, HazelcastClient } from '../src/index';
import { clientContext } from '../src/plugin';
import { addressKey } from '../src/util/address';

// Hazelcast Cloud, locally: the members sit behind TLS terminators (as cloud members do) and advertise
// private addresses (10.0.0.x) that nobody can reach; a coordinator stub of ours, over HTTPS, maps each
// private address to the public one (the member's terminator). Only a client that asks the coordinator and
// translates every member address reaches the cluster.

const TOKEN = 'cloud-token-1';
let certs: TestCertificates;
const options: ClusterOptions = { members: 2 };
const privateAddress = (index: number) => `10.0.0.${index + 1}:5701`;

beforeAll(async () => {
  certs = await createTestCertificates();
  options.tls = {
    server: { key: certs.server.key, cert: certs.server.cert },
    advertise: ({ index }) => privateAddress(index),
  };
});

const cluster = useCluster(options);

let coordinator: Server;
let coordinatorUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  coordinator = createServer({ key: certs.server.key, cert: certs.server.cert }, (request, response) => {
    requests.push(request.url ?? '');
    const url = new URL(request.url ?? '/', 'https://stub');
    if (url.pathname !== '/cluster/discovery' || url.searchParams.get('token') !== TOKEN) {
      response.writeHead(401).end('{"message":"invalid token"}');
      return;
    }
    // The launch index of a member is its position in `members` (stopped ones included).
    const body = cluster.current.members
      .map((member, index) => ({ member, index }))
      .filter(({ member }) => member.state === 'running')
      .map(({ member, index }) => ({
        'private-address': privateAddress(index),
        'public-address': member.clientAddress,
      }));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => coordinator.listen(0, '127.0.0.1', resolve));
  const address = coordinator.address();
  coordinatorUrl = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => coordinator?.close(resolve));
  await certs?.remove();
});

function cloudClient(token: string, extra: ClientConfig = {}): Promise<HazelcastClient> {
  return HazelcastClient.newHazelcastClient({
    clusterName: cluster.current.name,
    network: {
      hazelcastCloud: { discoveryToken: token },
      ssl: { enabled: true, sslOptions: { ca: certs.ca.cert } },
    },
    connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 20_000 } },
    properties: { 'hazelcast.client.cloud.url': coordinatorUrl, 'hazelcast.logging.level': 'ERROR' },
    ...extra,
  });
}

function connectedAddresses(client: HazelcastClient): string[] {
  return clientContext(client)
    .connections.activeConnections.map((c) => addressKey(c.remoteAddress))
    .sort();
}

describe('Hazelcast Cloud discovery', () => {
  it('finds the members through the coordinator and connects to their public addresses', async () => {
    requests.length = 0;
    const client = await cloudClient(TOKEN);
    try {
      expect(requests[0]).toBe(`/cluster/discovery?token=${TOKEN}`);
      // The members know themselves by their private addresses; the client reaches them by the public ones.
      const memberAddresses = client
        .getCluster()
        .getMembers()
        .map((m) => addressKey(m.address))
        .sort();
      expect(memberAddresses).toEqual([privateAddress(0), privateAddress(1)]);
      await vi.waitFor(
        () => expect(connectedAddresses(client)).toEqual([...cluster.current.addresses].sort()),
        {
          timeout: 20_000,
        },
      );
      const map = getMap<string, number>(client, 'cloud-map');
      for (let i = 0; i < 20; i++) await map.set(`k${i}`, i);
      expect(await map.size()).toBe(20);
    } finally {
      await client.shutdown();
    }
  });

  it('asks the coordinator again for a member it does not know yet', async () => {
    const client = await cloudClient(TOKEN);
    try {
      await vi.waitFor(() => expect(connectedAddresses(client)).toHaveLength(2), { timeout: 20_000 });
      const asked = requests.length;
      const joined = await cluster.current.startMember();
      await vi.waitFor(
        () =>
          expect(clientContext(client).connections.activeConnections.map((c) => c.memberUuid)).toContain(
            joined.uuid,
          ),
        { timeout: 30_000 },
      );
      expect(requests.length).toBeGreaterThan(asked);
      expect(connectedAddresses(client)).toContain(joined.clientAddress);
    } finally {
      await client.shutdown();
    }
  });

  it('fails at once with an error naming the token when the coordinator refuses it', async () => {
    const attempt = cloudClient('wrong-token');
    await expect(attempt).rejects.toBeInstanceOf(AuthenticationError);
    await expect(attempt).rejects.toThrow(/refused the discovery token \(HTTP 401\)/);
  });
});
