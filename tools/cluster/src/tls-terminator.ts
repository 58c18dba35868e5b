import { connect, createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket, type Server as TlsServer } from 'node:tls';

/**
 * What a terminator presents to clients. Hazelcast Community members have no TLS, so the harness puts one
 * of these in front of each member's client port, as stunnel or a load balancer would in production.
 */
export interface TlsServerSettings {
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
  /** CAs that sign acceptable client certificates (mutual TLS). */
  readonly ca?: string | Buffer | ReadonlyArray<string | Buffer>;
  /** Mutual TLS: ask for a client certificate and refuse clients without a trusted one. */
  readonly requestCert?: boolean;
  readonly minVersion?: 'TLSv1.2' | 'TLSv1.3';
  readonly maxVersion?: 'TLSv1.2' | 'TLSv1.3';
  readonly ciphers?: string;
}

/** One TLS handshake the terminator saw: the outcome the server side observed. */
export interface HandshakeRecord {
  readonly ok: boolean;
  /** Negotiated protocol (`TLSv1.2`, `TLSv1.3`) of a completed handshake. */
  readonly protocol: string | null;
  /** Subject CN of the client's certificate (mutual TLS), or null. */
  readonly clientCertificate: string | null;
  /** Why a handshake failed (the server's view, e.g. "peer did not return a certificate"). */
  readonly error: string | null;
}

/**
 * A TLS terminator on `node:tls`: accepts TLS on `port` and forwards the plain bytes to the member's
 * client endpoint on `upstreamPort`. Settings can change between tests (`configure`); they apply to
 * connections accepted afterwards. When the member is gone, accepted connections are closed at once, as a
 * real terminator does.
 */
export class TlsTerminator {
  readonly port: number;
  /** `127.0.0.1:<port>`: what clients connect to (a cluster's client front). */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }
  readonly upstreamPort: number;
  readonly handshakes: HandshakeRecord[] = [];
  readonly #listener: Server;
  readonly #sockets = new Set<Socket>();
  #tls: TlsServer;

  private constructor(port: number, upstreamPort: number, listener: Server, settings: TlsServerSettings) {
    this.port = port;
    this.upstreamPort = upstreamPort;
    this.#listener = listener;
    this.#tls = this.#createTlsServer(settings);
  }

  static start(port: number, upstreamPort: number, settings: TlsServerSettings): Promise<TlsTerminator> {
    return new Promise((resolve, reject) => {
      const listener = createServer();
      const terminator = new TlsTerminator(port, upstreamPort, listener, settings);
      listener.on('connection', (socket) => {
        terminator.#track(socket);
        // The current TLS server does the handshake; a reconfigured one takes the next connection.
        terminator.#tls.emit('connection', socket);
      });
      listener.once('error', reject);
      listener.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
        listener.off('error', reject);
        resolve(terminator);
      });
    });
  }

  /** New settings for connections accepted from now on; open connections keep theirs. */
  configure(settings: TlsServerSettings): void {
    this.#tls = this.#createTlsServer(settings);
  }

  /** Closes every connection (client side and member side) without stopping to listen. */
  dropConnections(): void {
    for (const socket of this.#sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.#listener.close(() => resolve()));
  }

  #createTlsServer(settings: TlsServerSettings): TlsServer {
    const requestCert = settings.requestCert ?? false;
    const server = createTlsServer({
      key: settings.key,
      cert: settings.cert,
      ca: settings.ca as string | Buffer | Array<string | Buffer> | undefined,
      requestCert,
      rejectUnauthorized: requestCert,
      minVersion: settings.minVersion ?? 'TLSv1.2',
      maxVersion: settings.maxVersion ?? 'TLSv1.3',
      ...(settings.ciphers ? { ciphers: settings.ciphers } : {}),
    });
    server.on('secureConnection', (secure) => this.#forward(secure));
    server.on('tlsClientError', (error, secure) => {
      this.handshakes.push({ ok: false, protocol: null, clientCertificate: null, error: error.message });
      secure.destroy();
    });
    return server;
  }

  #forward(secure: TLSSocket): void {
    const peer = secure.getPeerCertificate();
    this.handshakes.push({
      ok: true,
      protocol: secure.getProtocol(),
      clientCertificate: typeof peer?.subject?.CN === 'string' ? peer.subject.CN : null,
      error: null,
    });
    this.#track(secure);
    const upstream = connect({ host: '127.0.0.1', port: this.upstreamPort });
    this.#track(upstream);
    const closeBoth = () => {
      secure.destroy();
      upstream.destroy();
    };
    secure.on('error', closeBoth);
    upstream.on('error', closeBoth);
    secure.on('close', closeBoth);
    upstream.on('close', closeBoth);
    secure.pipe(upstream);
    upstream.pipe(secure);
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    // Errors are expected (clients that fail the handshake, members that die); the close handlers clean up.
    socket.on('error', () => {});
  }
}
