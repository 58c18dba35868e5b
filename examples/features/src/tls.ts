// TLS and mutual TLS: the client verifies the members' certificates against a CA (and the member's host
// name), and shows its own certificate when the members ask for one. Give the PEM files by path:
//   HZ_TLS_CA=ca.pem [HZ_TLS_CERT=client.pem HZ_TLS_KEY=client.key HZ_TLS_KEY_PASSPHRASE=…] \
//     pnpm --filter @hz-examples/features start src/tls.ts
// against members that speak TLS (Hazelcast Enterprise, or a TLS terminator in front of each member).
import { getMap, HazelcastClient, TlsError } from '@hz/core-client';

const caPath = process.env.HZ_TLS_CA ?? 'ca.pem';
const certPath = process.env.HZ_TLS_CERT;
const keyPath = process.env.HZ_TLS_KEY;

try {
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
    network: {
      clusterMembers: (process.env.HZ_MEMBERS ?? '127.0.0.1:5701').split(','),
      ssl: {
        enabled: true,
        // Files read once at start; `sslOptions` takes Node's tls.connect options instead.
        sslOptionsFactoryProperties: {
          caPath,
          // Mutual TLS: the client's certificate and key (and the key's passphrase, if it is encrypted).
          ...(certPath && keyPath ? { certPath, keyPath } : {}),
          ...(process.env.HZ_TLS_KEY_PASSPHRASE ? { passphrase: process.env.HZ_TLS_KEY_PASSPHRASE } : {}),
        },
      },
    },
  });
  const secrets = getMap<string, string>(client, 'secrets');
  await secrets.set('greeting', 'hello over TLS');
  console.log('read back:', await secrets.get('greeting'));
  console.log('mutual TLS:', Boolean(certPath && keyPath));
  await client.shutdown();
} catch (error) {
  // An untrusted or expired certificate, a wrong host name or a refused client certificate: the error says
  // which, and which option to check.
  if (error instanceof TlsError) console.error(`TLS failed (${error.code}): ${error.message}`);
  throw error;
}
