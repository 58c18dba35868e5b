import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import {
  checkSslOptions,
  type ResolvedSslConfig,
  type SslOptions,
  type SslOptionsFactory,
} from '../config/ssl-config';
import { TlsError } from '../errors/hazelcast-error';
import { type Address, addressKey } from '../util/address';
import { type SocketConnector, settleOnReady } from './socket-connector';

/**
 * The TLS connector (`network.ssl.enabled`): resolves the TLS options once (sslOptions, or the options
 * factory), then opens each member connection with `tls.connect`, or with the user's socket factory.
 * `node:tls` is loaded here, so clients without TLS never load it.
 */
export async function tlsConnector(ssl: ResolvedSslConfig): Promise<SocketConnector> {
  const { connect: tlsConnect } = await import('node:tls');
  const options = await resolveTlsOptions(ssl);
  const factory = ssl.socketFactory;
  return {
    kind: 'tls',
    connect: (address, signal) => {
      if (signal.aborted) return Promise.reject(signal.reason);
      if (factory) {
        return factory({ host: address.host, port: address.port, tlsOptions: options, signal }).catch(
          (error: Error) => {
            throw signal.aborted ? signal.reason : describeTlsError(error, address);
          },
        );
      }
      return new Promise<Socket>((resolve, reject) => {
        let socket: Socket;
        try {
          socket = tlsConnect({ ...options, host: address.host, port: address.port });
        } catch (error) {
          // Bad key material (e.g. a wrong passphrase) fails here, before any connection.
          reject(describeTlsError(error as Error, address));
          return;
        }
        settleOnReady(socket, 'secureConnect', signal, resolve, (error) =>
          reject(signal.aborted ? error : describeTlsError(error, address)),
        );
      });
    },
    describeError: describeTlsError,
  };
}

async function resolveTlsOptions(ssl: ResolvedSslConfig): Promise<Readonly<SslOptions>> {
  if (ssl.sslOptions) return ssl.sslOptions;
  if (!ssl.sslOptionsFactory && !ssl.sslOptionsFactoryProperties) return {};
  const factory = ssl.sslOptionsFactory ?? fileOptionsFactory();
  await factory.init(ssl.sslOptionsFactoryProperties ?? {});
  return checkSslOptions(
    withoutUndefined(factory.getSSLOptions()),
    'network.ssl.sslOptionsFactory.getSSLOptions()',
  );
}

/** The built-in options factory: reads caPath, certPath and keyPath once. */
function fileOptionsFactory(): SslOptionsFactory {
  let options: SslOptions = {};
  const read = async (properties: Readonly<Record<string, string | boolean>>, key: string) => {
    const path = properties[key];
    if (typeof path !== 'string') return undefined;
    try {
      return await readFile(path);
    } catch (error) {
      throw new TlsError(
        `network.ssl.sslOptionsFactoryProperties.${key}: cannot read ${path}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  };
  return {
    async init(properties) {
      const [ca, cert, key] = await Promise.all([
        read(properties, 'caPath'),
        read(properties, 'certPath'),
        read(properties, 'keyPath'),
      ]);
      options = {
        ca,
        cert,
        key,
        passphrase: properties.passphrase as string | undefined,
        servername: properties.servername as string | undefined,
        rejectUnauthorized: properties.rejectUnauthorized as boolean | undefined,
        ciphers: properties.ciphers as string | undefined,
      };
    },
    getSSLOptions: () => options,
  };
}

function withoutUndefined(options: SslOptions): SslOptions {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, v]) => v !== undefined));
}

/** Node/OpenSSL codes of a member certificate the client does not trust. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
]);

/** Alerts by which the member (or its TLS terminator) refuses the client's certificate. */
const CLIENT_CERT_REFUSED = new Set([
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
]);

const NO_COMMON_VERSION = new Set([
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
]);

/**
 * A TLS failure as an error that says what is wrong and what to check. Errors that are not about TLS
 * (a reset connection, a refused port) are returned unchanged: retrying them may help.
 */
export function describeTlsError(error: Error, address: Address): Error {
  if (error instanceof TlsError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const where = `TLS connection to ${addressKey(address)} failed`;
  const make = (why: string) =>
    new TlsError(`${where}: ${why} (${code}: ${error.message})`, { cause: error, code });
  if (code === undefined) return error;
  if (code === 'CERT_HAS_EXPIRED')
    return make("the member's certificate has expired; the member needs a renewed certificate");
  if (code === 'CERT_NOT_YET_VALID')
    return make("the member's certificate is not valid yet (check the clocks and the certificate dates)");
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return make(
      `hostname mismatch: the member's certificate is not issued for "${address.host}"; connect by a name ` +
        'the certificate lists, or set network.ssl.sslOptions.servername to it',
    );
  }
  if (UNTRUSTED.has(code)) {
    return make(
      "the member's certificate is not signed by a trusted CA; give the CA that signed it in " +
        'network.ssl.sslOptions.ca',
    );
  }
  if (CLIENT_CERT_REFUSED.has(code)) {
    return make(
      "the member refused the client's certificate (mutual TLS): give a certificate and key the member " +
        'trusts in network.ssl.sslOptions.cert and .key',
    );
  }
  if (NO_COMMON_VERSION.has(code)) {
    return make(
      'no TLS version suits both sides; check network.ssl.sslOptions.minVersion/maxVersion against the member',
    );
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') {
    return make('the member did not answer with TLS; is TLS enabled on its client endpoint?');
  }
  if (code === 'ERR_OSSL_BAD_DECRYPT' || code === 'ERR_OSSL_EVP_BAD_DECRYPT') {
    return make('cannot decrypt the client key; check network.ssl.sslOptions.passphrase');
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_OSSL_')) {
    return make('the TLS handshake failed');
  }
  return error;
}
