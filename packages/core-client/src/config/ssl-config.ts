import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { InvalidConfigurationError } from '../errors/hazelcast-error';
import { boolean, custom, type SectionInput, type SectionOutput, section } from './schema';
import { checkKeys, fail, isPlainObject } from './validate';

/**
 * TLS options for member connections: Node's `tls.connect` options. The ones below are checked; the other
 * `tls.connect` options in `OTHER_TLS_OPTIONS` pass through unchecked; anything else is refused (a
 * misspelt option would otherwise silently keep a default).
 */
export type SslOptions = ConnectionOptions;

/** The official client's way to build TLS options at start-up (e.g. reading files). */
export interface SslOptionsFactory {
  /** Called once, before the first connection, with `sslOptionsFactoryProperties`. */
  init(properties: Readonly<Record<string, string | boolean>>): Promise<void> | void;
  getSSLOptions(): SslOptions;
}

/** What a custom socket factory is asked for. */
export interface SocketFactoryRequest {
  readonly host: string;
  readonly port: number;
  /** The resolved TLS options (sslOptions or the factory's), for factories that open TLS themselves. */
  readonly tlsOptions: Readonly<SslOptions>;
  /** Aborts on the connect timeout or at client shutdown: destroy the socket and reject then. */
  readonly signal: AbortSignal;
}

/**
 * Full control over member connections (proxies, HSM-held keys, custom verification): resolve with a
 * connected socket, after the TLS handshake if it does TLS. The client writes the protocol header next.
 */
export type SocketFactory = (request: SocketFactoryRequest) => Promise<Socket>;

const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
const PEM = 'a string or Buffer (PEM), or an array of them';

/** Checked `sslOptions` keys and what each accepts. */
const CHECKED_TLS_OPTIONS: Record<string, (value: unknown) => boolean> = {
  ca: isPemList,
  cert: isPemList,
  key: isPemList,
  passphrase: (v) => typeof v === 'string',
  servername: (v) => typeof v === 'string' && v.length > 0,
  rejectUnauthorized: (v) => typeof v === 'boolean',
  minVersion: (v) => TLS_VERSIONS.includes(v as (typeof TLS_VERSIONS)[number]),
  maxVersion: (v) => TLS_VERSIONS.includes(v as (typeof TLS_VERSIONS)[number]),
  ciphers: (v) => typeof v === 'string' && v.length > 0,
  checkServerIdentity: (v) => typeof v === 'function',
};
const EXPECTED: Record<string, string> = {
  ca: PEM,
  cert: PEM,
  key: PEM,
  passphrase: 'a string',
  servername: 'a non-empty string',
  rejectUnauthorized: 'true or false',
  minVersion: `one of ${TLS_VERSIONS.map((v) => `"${v}"`).join(', ')}`,
  maxVersion: `one of ${TLS_VERSIONS.map((v) => `"${v}"`).join(', ')}`,
  ciphers: 'an OpenSSL cipher list string',
  checkServerIdentity: 'a function (host, certificate) => Error | undefined',
};
/** Other `tls.connect` options, passed through as given. */
const OTHER_TLS_OPTIONS = [
  'pfx',
  'crl',
  'ecdhCurve',
  'sigalgs',
  'secureContext',
  'secureOptions',
  'session',
  'ALPNProtocols',
  'privateKeyEngine',
  'privateKeyIdentifier',
  'requestOCSP',
  'minDHSize',
  'enableTrace',
];

function isPemList(value: unknown): boolean {
  const isPem = (v: unknown) => typeof v === 'string' || Buffer.isBuffer(v);
  return isPem(value) || (Array.isArray(value) && value.length > 0 && value.every(isPem));
}

/** Validates `sslOptions`; used for the config and for what a factory returns. */
export function checkSslOptions(value: unknown, path: string): Readonly<SslOptions> {
  if (!isPlainObject(value)) fail(path, 'an object of tls.connect options', value);
  checkKeys(value, path, [...Object.keys(CHECKED_TLS_OPTIONS), ...OTHER_TLS_OPTIONS]);
  for (const [key, check] of Object.entries(CHECKED_TLS_OPTIONS)) {
    const given = value[key];
    if (given !== undefined && !check(given)) fail(`${path}.${key}`, EXPECTED[key] ?? 'valid', given);
  }
  const { minVersion, maxVersion } = value as SslOptions;
  if (minVersion && maxVersion && TLS_VERSIONS.indexOf(minVersion) > TLS_VERSIONS.indexOf(maxVersion)) {
    throw new InvalidConfigurationError(
      `Invalid configuration: ${path}.minVersion (${minVersion}) is newer than maxVersion (${maxVersion})`,
    );
  }
  return Object.freeze({ ...(value as SslOptions) });
}

/** Properties of the built-in options factory (files are read once, at client start). */
const FACTORY_PROPERTIES: Record<string, 'string' | 'boolean'> = {
  caPath: 'string',
  certPath: 'string',
  keyPath: 'string',
  passphrase: 'string',
  servername: 'string',
  rejectUnauthorized: 'boolean',
  ciphers: 'string',
};

const ssl = {
  /** Connect to members with TLS. Default false; the other options matter only when true. */
  enabled: boolean(false),
  /** `tls.connect` options (ca, cert, key, passphrase, servername, rejectUnauthorized, minVersion, maxVersion, ciphers, …). */
  sslOptions: custom<SslOptions, Readonly<SslOptions> | null>((value, path) =>
    value === undefined || value === null ? null : checkSslOptions(value, path),
  ),
  /** Builds the TLS options at start-up; the built-in one reads `sslOptionsFactoryProperties` files. */
  sslOptionsFactory: custom<SslOptionsFactory, SslOptionsFactory | null>((value, path) => {
    if (value === undefined || value === null) return null;
    if (
      !isPlainObject(value) ||
      typeof value.init !== 'function' ||
      typeof value.getSSLOptions !== 'function'
    ) {
      fail(path, 'an object with init(properties) and getSSLOptions() methods', value);
    }
    return value as unknown as SslOptionsFactory;
  }),
  /** For the built-in factory: caPath, certPath, keyPath, passphrase, servername, rejectUnauthorized, ciphers. */
  sslOptionsFactoryProperties: custom<
    Record<string, string | boolean>,
    Readonly<Record<string, string | boolean>> | null
  >((value, path) => {
    if (value === undefined || value === null) return null;
    if (!isPlainObject(value)) fail(path, 'an object', value);
    return Object.freeze({ ...(value as Record<string, string | boolean>) });
  }),
  /** Opens member connections yourself (see SocketFactory). */
  socketFactory: custom<SocketFactory, SocketFactory | null>((value, path) => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'function') fail(path, 'a function (request) => Promise<Socket>', value);
    return value as SocketFactory;
  }),
};

export type SslConfig = SectionInput<typeof ssl>;
export type ResolvedSslConfig = SectionOutput<typeof ssl>;

/** The `network.ssl` section: official Node.js client shape, plus a socket factory. */
export const sslSection = section(ssl, (resolved, path) => {
  if (resolved.sslOptions && (resolved.sslOptionsFactory || resolved.sslOptionsFactoryProperties)) {
    throw new InvalidConfigurationError(
      `Invalid configuration: ${path}.sslOptions and ${path}.sslOptionsFactory/sslOptionsFactoryProperties ` +
        'exclude each other; give one',
    );
  }
  if (resolved.sslOptionsFactoryProperties && !resolved.sslOptionsFactory) {
    const properties = resolved.sslOptionsFactoryProperties;
    const at = `${path}.sslOptionsFactoryProperties`;
    checkKeys(properties, at, Object.keys(FACTORY_PROPERTIES));
    for (const [key, value] of Object.entries(properties)) {
      if (typeof value !== FACTORY_PROPERTIES[key]) {
        fail(`${at}.${key}`, FACTORY_PROPERTIES[key] === 'boolean' ? 'true or false' : 'a string', value);
      }
    }
  }
});
