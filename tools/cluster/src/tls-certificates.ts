import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './exec';

/** A PEM key and certificate, as file paths and as contents. */
export interface KeyPair {
  readonly keyPath: string;
  readonly certPath: string;
  readonly key: string;
  readonly cert: string;
}

/**
 * Certificates for one test run, made with the openssl CLI in a fresh temporary folder (nothing is
 * committed). EC P-256 keys, so making them takes a fraction of a second.
 */
export interface TestCertificates {
  readonly dir: string;
  /** The CA that signs everything below unless said otherwise. */
  readonly ca: KeyPair;
  /** A second CA nobody trusts: clients that trust only it refuse the members. */
  readonly otherCa: KeyPair;
  /** Member certificate for 127.0.0.1 and localhost, signed by `ca`. */
  readonly server: KeyPair;
  /** Member certificate for `wrong-host.invalid` only, signed by `ca` (hostname mismatch). */
  readonly wrongHost: KeyPair;
  /** Member certificate for 127.0.0.1 that expired in 2020, signed by `ca`. */
  readonly expired: KeyPair;
  /** Client certificate (CN hz-test-client) signed by `ca`; its key is encrypted with `clientPassphrase`. */
  readonly client: KeyPair;
  readonly clientPassphrase: string;
  /** Client certificate signed by `otherCa`, which the members do not trust. */
  readonly untrustedClient: KeyPair;
  /** Deletes the folder. */
  remove(): Promise<void>;
}

export async function createTestCertificates(): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'hz-tls-'));
  try {
    const ca = await selfSigned(dir, 'ca', 'hz-test-ca');
    const otherCa = await selfSigned(dir, 'other-ca', 'hz-other-ca');
    const server = await signed(dir, 'server', ca, {
      cn: '127.0.0.1',
      san: 'IP:127.0.0.1,DNS:localhost',
      usage: 'serverAuth',
    });
    const wrongHost = await signed(dir, 'wrong-host', ca, {
      cn: 'wrong-host.invalid',
      san: 'DNS:wrong-host.invalid',
      usage: 'serverAuth',
    });
    const expired = await signed(dir, 'expired', ca, {
      cn: '127.0.0.1',
      san: 'IP:127.0.0.1,DNS:localhost',
      usage: 'serverAuth',
      dates: { start: '20200101000000Z', end: '20200102000000Z' },
    });
    const clientPassphrase = 'client-key-secret';
    const client = await signed(dir, 'client', ca, {
      cn: 'hz-test-client',
      usage: 'clientAuth',
      passphrase: clientPassphrase,
    });
    const untrustedClient = await signed(dir, 'untrusted-client', otherCa, {
      cn: 'hz-untrusted-client',
      usage: 'clientAuth',
    });
    return {
      dir,
      ca,
      otherCa,
      server,
      wrongHost,
      expired,
      client,
      clientPassphrase,
      untrustedClient,
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function selfSigned(dir: string, name: string, cn: string): Promise<KeyPair> {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.pem`);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    '2',
    '-subj',
    `/CN=${cn}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return load(keyPath, certPath);
}

interface LeafOptions {
  cn: string;
  san?: string;
  usage: 'serverAuth' | 'clientAuth';
  /** Validity in the past (openssl `ca` dates, YYYYMMDDHHMMSSZ); default two days from now. */
  dates?: { start: string; end: string };
  /** Encrypt the private key with this passphrase. */
  passphrase?: string;
}

async function signed(dir: string, name: string, issuer: KeyPair, options: LeafOptions): Promise<KeyPair> {
  const keyPath = join(dir, `${name}.key`);
  const csrPath = join(dir, `${name}.csr`);
  const certPath = join(dir, `${name}.pem`);
  const extPath = join(dir, `${name}.ext`);
  await run('openssl', [
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    ...(options.passphrase ? ['-passout', `pass:${options.passphrase}`] : ['-nodes']),
    '-keyout',
    keyPath,
    '-out',
    csrPath,
    '-subj',
    `/CN=${options.cn}`,
  ]);
  const extensions = [
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature',
    `extendedKeyUsage=${options.usage}`,
    ...(options.san ? [`subjectAltName=${options.san}`] : []),
  ];
  if (!options.dates) {
    await writeFile(extPath, `${extensions.join('\n')}\n`);
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      csrPath,
      '-CA',
      issuer.certPath,
      '-CAkey',
      issuer.keyPath,
      '-set_serial',
      String(Date.now()),
      '-days',
      '2',
      '-extfile',
      extPath,
      '-out',
      certPath,
    ]);
    return load(keyPath, certPath);
  }
  // `openssl x509 -req` cannot date a certificate in the past; `openssl ca` can, with a throwaway database.
  const dbDir = join(dir, `${name}-ca`);
  await mkdir(dbDir, { recursive: true });
  await writeFile(join(dbDir, 'index.txt'), '');
  await writeFile(join(dbDir, 'serial'), '1000\n');
  const configPath = join(dbDir, 'ca.cnf');
  await writeFile(
    configPath,
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `dir = ${dbDir}`,
      'database = $dir/index.txt',
      'serial = $dir/serial',
      'new_certs_dir = $dir',
      'default_md = sha256',
      'policy = any',
      'copy_extensions = none',
      'x509_extensions = leaf',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '[leaf]',
      ...extensions,
      '',
    ].join('\n'),
  );
  await run('openssl', [
    'ca',
    '-batch',
    '-notext',
    '-config',
    configPath,
    '-cert',
    issuer.certPath,
    '-keyfile',
    issuer.keyPath,
    '-startdate',
    options.dates.start,
    '-enddate',
    options.dates.end,
    '-in',
    csrPath,
    '-out',
    certPath,
  ]);
  return load(keyPath, certPath);
}

async function load(keyPath: string, certPath: string): Promise<KeyPair> {
  return {
    keyPath,
    certPath,
    key: await readFile(keyPath, 'utf8'),
    cert: await readFile(certPath, 'utf8'),
  };
}
