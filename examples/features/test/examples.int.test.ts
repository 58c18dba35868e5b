import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ClientConfig, compactSerialization, HazelcastClient } from '@hz/core-client';
import { type ClusterOptions, createTestCertificates, type TestCertificates } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, type Example, type ExampleCluster } from '../catalog';

// Every example runs as users run it (tsx, in a child process, configured through HZ_* environment
// variables) against a real member of the kind it needs; the test checks the lines it printed and reads what
// it left in the cluster back through a second client. One cluster at a time, one per kind.

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');
const tsx = join(packageDir, '..', '..', 'node_modules', '.bin', 'tsx');

function runExample(
  example: Example,
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['--conditions=@hz/source', example.file], {
      cwd: packageDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** The printed lines match `expected` in order; other lines (logs) may come between. */
function expectLinesInOrder(out: string, expected: readonly RegExp[]): void {
  const lines = out.split('\n').map((l) => l.trimEnd());
  let from = 0;
  for (const pattern of expected) {
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line));
    expect(index, `no line matching ${pattern} after line ${from} in:\n${out}`).toBeGreaterThanOrEqual(0);
    from = index + 1;
  }
}

function examplesOn(
  kind: ExampleCluster,
  options: ClusterOptions,
  env: () => Record<string, string>,
  clientConfig: () => ClientConfig = () => ({}),
) {
  const examples = EXAMPLES.filter((e) => e.cluster === kind);
  const cluster = useCluster(options);
  const baseEnv = () => ({
    HZ_CLUSTER_NAME: cluster.current.name,
    HZ_MEMBERS: cluster.current.addresses.join(','),
    ...env(),
  });

  it.each(examples.map((e) => [e.file, e] as const))(
    '%s runs and prints what it promises',
    async (_file, example) => {
      const { code, out, err } = await runExample(example, baseEnv());
      expect(code, `${out}\n${err}`).toBe(0);
      expectLinesInOrder(out, example.output);
      if (example.readBack) {
        const config = clientConfig();
        const client = await HazelcastClient.newHazelcastClient({
          ...config,
          clusterName: cluster.current.name,
          network: { clusterMembers: cluster.current.addresses, ...config.network },
          // The Compact format (no serializers): a reader without the program's classes gets generic records.
          serialization: { formats: [compactSerialization] },
          properties: { 'hazelcast.logging.level': 'ERROR' },
        });
        try {
          expect(await example.readBack.read(client)).toEqual(example.readBack.expected);
        } finally {
          await client.shutdown();
        }
      }
    },
  );
}

describe('examples on a 5.7.0 member with Jet', () => {
  examplesOn('jet', { jet: true }, () => ({}));
});

describe('examples on a 5.4.0 member (CP Subsystem, unsafe mode with no CP members)', () => {
  examplesOn('cp', { version: '5.4.0' }, () => ({}));
});

describe('examples on a member reached through TLS with client certificates', () => {
  let certs: TestCertificates;
  const options: ClusterOptions = {};
  beforeAll(async () => {
    certs = await createTestCertificates();
    options.tls = {
      server: { key: certs.server.key, cert: certs.server.cert, ca: certs.ca.cert, requestCert: true },
    };
  });
  afterAll(async () => {
    await certs?.remove();
  });
  examplesOn(
    'tls',
    options,
    () => ({
      HZ_TLS_CA: certs.ca.certPath,
      HZ_TLS_CERT: certs.client.certPath,
      HZ_TLS_KEY: certs.client.keyPath,
      HZ_TLS_KEY_PASSPHRASE: certs.clientPassphrase,
    }),
    () => ({
      network: {
        ssl: {
          enabled: true,
          sslOptionsFactoryProperties: {
            caPath: certs.ca.certPath,
            certPath: certs.client.certPath,
            keyPath: certs.client.keyPath,
            passphrase: certs.clientPassphrase,
          },
        },
      },
    }),
  );
});
