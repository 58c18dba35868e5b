import { connect as tlsConnect } from 'node:tls';
import {
  type ClusterOptions,
  createTestCertificates,
  runPython,
  type TestCertificates,
  type TlsServerSettings,
} from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ClientConfig, getMap, type HazelcastClient, TlsError } from '../src/index';
import { clientContext } from '../src/plugin';
import { addressKey } from '../src/util/address';
import { connect } from './helpers';

// Community members have no TLS: the harness puts a TLS terminator of ours (tools/cluster, on node:tls) in
// front of each member's client endpoint, and each member advertises its terminator's address, so the
// client's connections to all three members go through TLS. Certificates are made per run with openssl.

let certs: TestCertificates;
const options: ClusterOptions = { members: 3 };

beforeAll(async () => {
  certs = await createTestCertificates();
  options.tls = { server: serverSettings() };
});
afterAll(async () => {
  await certs?.remove();
});

const cluster = useCluster(options);

function serverSettings(overrides: Partial<TlsServerSettings> = {}): TlsServerSettings {
  return { key: certs.server.key, cert: certs.server.cert, ...overrides };
}

/** A TLS client trusting the test CA; a failing one gives up after 10 s instead of retrying forever. */
function tlsClient(ssl: NonNullable<ClientConfig['network']>['ssl'], config: ClientConfig = {}) {
  return connect(cluster.current, {
    ...config,
    network: { ssl },
    connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 10_000 } },
  });
}

function connectedAddresses(client: HazelcastClient): string[] {
  return clientContext(client)
    .connections.activeConnections.map((c) => addressKey(c.remoteAddress))
    .sort();
}

function handshakesSince(marks: number[]) {
  return cluster.current.tlsTerminators.flatMap((t, i) => t.handshakes.slice(marks[i] ?? 0));
}

function marks(): number[] {
  return cluster.current.tlsTerminators.map((t) => t.handshakes.length);
}

afterEach(() => {
  cluster.current.configureTls(serverSettings());
});

describe('one-way TLS', () => {
  it('reaches all three members through TLS with the CA from a file, and a second client reads the data back', async () => {
    const before = marks();
    const client = await tlsClient({
      enabled: true,
      sslOptionsFactoryProperties: { caPath: certs.ca.certPath },
    });
    try {
      await vi.waitFor(() => expect(connectedAddresses(client)).toHaveLength(3), { timeout: 20_000 });
      // Every connection goes to a terminator, none to a member's own port.
      expect(connectedAddresses(client)).toEqual([...cluster.current.addresses].sort());
      expect(cluster.current.addresses).not.toContain(cluster.current.members[0]!.address);
      const handshakes = handshakesSince(before);
      expect(handshakes.filter((h) => h.ok)).toHaveLength(3);
      expect(handshakes.every((h) => h.protocol === 'TLSv1.3')).toBe(true);
      expect(clientContext(client).connections.transport).toBe('tls');

      const map = getMap<string, string>(client, 'tls-one-way');
      for (let i = 0; i < 50; i++) await map.set(`k${i}`, `v${i}`);
      const reader = await tlsClient({ enabled: true, sslOptions: { ca: certs.ca.cert } });
      try {
        const entries = await getMap<string, string>(reader, 'tls-one-way').getAll(['k0', 'k25', 'k49']);
        expect(new Map(entries)).toEqual(
          new Map([
            ['k0', 'v0'],
            ['k25', 'v25'],
            ['k49', 'v49'],
          ]),
        );
      } finally {
        await reader.shutdown();
      }
    } finally {
      await client.shutdown();
    }
  });

  it('is a TLS endpoint the official Python client reads our writes through (ssl_cafile)', async () => {
    const client = await tlsClient({ enabled: true, sslOptions: { ca: certs.ca.cert } });
    try {
      await getMap<string, string>(client, 'tls-interop').set('written-by', 'hz over TLS');
      const read = await runPython<string>(
        cluster.current,
        'result = client.get_map("tls-interop").blocking().get("written-by")',
        null,
        { ssl_enabled: true, ssl_cafile: certs.ca.certPath, ssl_check_hostname: true },
      );
      expect(read).toBe('hz over TLS');
    } finally {
      await client.shutdown();
    }
  });

  it('refuses members whose certificate another CA signed, and says so', async () => {
    const attempt = tlsClient({ enabled: true, sslOptions: { ca: certs.otherCa.cert } });
    await expect(attempt).rejects.toBeInstanceOf(TlsError);
    await expect(attempt).rejects.toThrow(/not signed by a trusted CA.*sslOptions\.ca/);
  });

  it('refuses an expired member certificate, and says so', async () => {
    cluster.current.configureTls(serverSettings({ key: certs.expired.key, cert: certs.expired.cert }));
    const attempt = tlsClient({ enabled: true, sslOptions: { ca: certs.ca.cert } });
    await expect(attempt).rejects.toMatchObject({ name: 'TlsError', code: 'CERT_HAS_EXPIRED' });
    await expect(attempt).rejects.toThrow(/certificate has expired/);
  });

  it('refuses a certificate for another host name, and accepts it when servername names that host', async () => {
    cluster.current.configureTls(serverSettings({ key: certs.wrongHost.key, cert: certs.wrongHost.cert }));
    const attempt = tlsClient({ enabled: true, sslOptions: { ca: certs.ca.cert } });
    await expect(attempt).rejects.toMatchObject({ name: 'TlsError', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    await expect(attempt).rejects.toThrow(/hostname mismatch.*"127\.0\.0\.1"/);

    const client = await tlsClient({
      enabled: true,
      sslOptions: { ca: certs.ca.cert, servername: 'wrong-host.invalid' },
    });
    try {
      await getMap(client, 'tls-servername').set('k', 'v');
      expect(await getMap(client, 'tls-servername').get('k')).toBe('v');
    } finally {
      await client.shutdown();
    }
  });
});

describe('a custom socket factory', () => {
  it('opens every member connection, with the resolved TLS options', async () => {
    const opened: string[] = [];
    const client = await tlsClient({
      enabled: true,
      sslOptions: { ca: certs.ca.cert },
      socketFactory: ({ host, port, tlsOptions, signal }) =>
        new Promise((resolve, reject) => {
          opened.push(`${host}:${port}`);
          const socket = tlsConnect({ ...tlsOptions, host, port });
          signal.addEventListener('abort', () => socket.destroy(signal.reason as Error), { once: true });
          socket.once('secureConnect', () => resolve(socket));
          socket.once('error', reject);
        }),
    });
    try {
      await vi.waitFor(() => expect(connectedAddresses(client)).toHaveLength(3), { timeout: 20_000 });
      expect([...new Set(opened)].sort()).toEqual([...cluster.current.addresses].sort());
      await getMap(client, 'tls-factory').set('k', 'v');
      expect(await getMap(client, 'tls-factory').get('k')).toBe('v');
    } finally {
      await client.shutdown();
    }
  });
});

describe('mutual TLS', () => {
  it('admits a client with a trusted certificate (its key encrypted with a passphrase)', async () => {
    cluster.current.configureTls(serverSettings({ requestCert: true, ca: certs.ca.cert }));
    const before = marks();
    const client = await tlsClient({
      enabled: true,
      sslOptions: {
        ca: certs.ca.cert,
        cert: certs.client.cert,
        key: certs.client.key,
        passphrase: certs.clientPassphrase,
      },
    });
    try {
      await vi.waitFor(() => expect(connectedAddresses(client)).toHaveLength(3), { timeout: 20_000 });
      await getMap(client, 'tls-mutual').set('k', 'v');
      expect(await getMap(client, 'tls-mutual').get('k')).toBe('v');
      const accepted = handshakesSince(before).filter((h) => h.ok);
      expect(accepted.length).toBeGreaterThanOrEqual(3);
      expect(accepted.every((h) => h.clientCertificate === 'hz-test-client')).toBe(true);
    } finally {
      await client.shutdown();
    }
  });

  it('refuses a client without a certificate, and the error says the member wants one', async () => {
    cluster.current.configureTls(serverSettings({ requestCert: true, ca: certs.ca.cert }));
    const before = marks();
    const attempt = tlsClient({ enabled: true, sslOptions: { ca: certs.ca.cert } });
    await expect(attempt).rejects.toBeInstanceOf(TlsError);
    await expect(attempt).rejects.toThrow(/refused the client's certificate \(mutual TLS\)/);
    // The terminator saw the handshake fail for want of a certificate: nothing reached a member.
    expect(handshakesSince(before).some((h) => !h.ok && /certificate/i.test(h.error ?? ''))).toBe(true);
    expect(handshakesSince(before).some((h) => h.ok)).toBe(false);
  });

  it('refuses a client whose certificate an untrusted CA signed', async () => {
    cluster.current.configureTls(serverSettings({ requestCert: true, ca: certs.ca.cert }));
    const before = marks();
    // Node's TLS server (our terminator) closes such a connection without a TLS alert, so the client sees
    // only a closed connection, which it retries like any other until its connect timeout.
    const attempt = connect(cluster.current, {
      network: {
        ssl: {
          enabled: true,
          sslOptions: { ca: certs.ca.cert, cert: certs.untrustedClient.cert, key: certs.untrustedClient.key },
        },
      },
      connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 2_000 } },
    });
    await expect(attempt).rejects.toThrow(
      /Unable to connect to any cluster member within 2000 ms.*last error/,
    );
    expect(handshakesSince(before).length).toBeGreaterThan(0);
    expect(handshakesSince(before).some((h) => h.ok)).toBe(false);
  });

  it('names a wrong key passphrase', async () => {
    const attempt = tlsClient({
      enabled: true,
      sslOptions: { ca: certs.ca.cert, cert: certs.client.cert, key: certs.client.key, passphrase: 'wrong' },
    });
    await expect(attempt).rejects.toBeInstanceOf(TlsError);
    await expect(attempt).rejects.toThrow(/passphrase/);
  });
});

describe('TLS version pinning', () => {
  it('negotiates TLS 1.2 with a member limited to 1.2, and TLS 1.3 when the client pins it', async () => {
    let before = marks();
    const pinned12 = await tlsClient({
      enabled: true,
      sslOptions: { ca: certs.ca.cert, maxVersion: 'TLSv1.2' },
    });
    try {
      await getMap(pinned12, 'tls-versions').set('k', '1.2');
      const seen = handshakesSince(before).filter((h) => h.ok);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((h) => h.protocol === 'TLSv1.2')).toBe(true);
    } finally {
      await pinned12.shutdown();
    }

    before = marks();
    const pinned13 = await tlsClient({
      enabled: true,
      sslOptions: { ca: certs.ca.cert, minVersion: 'TLSv1.3' },
    });
    try {
      expect(await getMap(pinned13, 'tls-versions').get('k')).toBe('1.2');
      const seen = handshakesSince(before).filter((h) => h.ok);
      expect(seen.every((h) => h.protocol === 'TLSv1.3')).toBe(true);
    } finally {
      await pinned13.shutdown();
    }
  });

  it('fails with a clear error when the client insists on TLS 1.3 and the member offers only 1.2', async () => {
    cluster.current.configureTls(serverSettings({ maxVersion: 'TLSv1.2' }));
    const attempt = tlsClient({ enabled: true, sslOptions: { ca: certs.ca.cert, minVersion: 'TLSv1.3' } });
    await expect(attempt).rejects.toBeInstanceOf(TlsError);
    await expect(attempt).rejects.toThrow(/no TLS version suits both sides/);
  });
});

describe('a member dies and comes back, over TLS', () => {
  it('keeps working on the others and reconnects to the restarted member through its terminator', async () => {
    const client = await tlsClient({ enabled: true, sslOptions: { ca: certs.ca.cert } });
    try {
      await vi.waitFor(() => expect(connectedAddresses(client)).toHaveLength(3), { timeout: 20_000 });
      const map = getMap<string, number>(client, 'tls-failover');
      for (let i = 0; i < 100; i++) await map.set(`k${i}`, i);

      const victim = cluster.current.liveMembers[2]!;
      await cluster.current.terminateMember(victim);
      await vi.waitFor(() => expect(connectedAddresses(client)).toHaveLength(2), { timeout: 30_000 });
      expect(connectedAddresses(client)).not.toContain(victim.clientAddress);
      expect(await map.size()).toBe(100);

      const before = marks();
      const back = await cluster.current.startMember({ port: victim.port });
      await vi.waitFor(
        () => {
          const uuids = clientContext(client).connections.activeConnections.map((c) => c.memberUuid);
          expect(uuids).toContain(back.uuid);
        },
        { timeout: 30_000 },
      );
      expect(connectedAddresses(client)).toContain(victim.clientAddress);
      expect(handshakesSince(before).some((h) => h.ok)).toBe(true);
      expect(await map.get('k42')).toBe(42);
    } finally {
      await client.shutdown();
    }
  });
});
