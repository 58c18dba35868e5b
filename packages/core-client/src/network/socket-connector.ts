import type { Socket } from 'node:net';
import type { ResolvedSslConfig } from '../config/ssl-config';
import type { Address } from '../util/address';
import { optionalFeatures } from '../util/optional-features';

/**
 * How a connection gets its socket: plain TCP by default; TLS or the user's socket factory with
 * `network.ssl`. `connect` resolves once the socket is ready for bytes (after the TLS handshake) and
 * rejects promptly, destroying the socket, when `signal` aborts (connect timeout, shutdown).
 */
export interface SocketConnector {
  /** What the connections are, for logs and diagnostics: 'tcp' or 'tls'. */
  readonly kind: 'tcp' | 'tls';
  connect(address: Address, signal: AbortSignal): Promise<Socket>;
  /** Turns a socket error into the error to report (TLS: an error that names the cause). */
  describeError?(error: Error, address: Address): Error;
}

/** Node's `net` module, loaded by the first connection rather than when the package is imported. */
let net: typeof import('node:net') | undefined;

export const tcpConnector: SocketConnector = {
  kind: 'tcp',
  connect: async (address, signal) => {
    net ??= await import('node:net');
    const { connect } = net;
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      const socket = connect({ host: address.host, port: address.port });
      settleOnReady(socket, 'connect', signal, resolve, reject);
    });
  },
};

/**
 * Resolves with `socket` on `readyEvent`; rejects (and destroys it) on an error before that or when
 * `signal` aborts. The error listener stays attached: an error in the moment before the connection takes
 * the socket over destroys it, and the connection then sees it closed.
 */
export function settleOnReady(
  socket: Socket,
  readyEvent: 'connect' | 'secureConnect',
  signal: AbortSignal,
  resolve: (socket: Socket) => void,
  reject: (error: Error) => void,
): void {
  const fail = (error: Error) => {
    signal.removeEventListener('abort', onAbort);
    socket.destroy();
    reject(error);
  };
  const onAbort = () => fail(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  socket.once('error', fail);
  socket.once(readyEvent, () => {
    signal.removeEventListener('abort', onAbort);
    resolve(socket);
  });
}

/** The connector for a client: TCP, or TLS when `network.ssl.enabled` (its code is loaded only then). */
export async function createConnector(ssl: ResolvedSslConfig): Promise<SocketConnector> {
  return ssl.enabled ? (await optionalFeatures('network.ssl')).tlsConnector(ssl) : tcpConnector;
}
