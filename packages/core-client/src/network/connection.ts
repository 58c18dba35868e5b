import type { Socket } from 'node:net';
import { type ClientMessage, ClientMessageReader, HazelcastProtocolError } from '@hz/protocol';
import { TargetDisconnectedError } from '../errors/hazelcast-error';
import type { InvocationConnection } from '../invocation/invocation';
import { type Address, addressKey } from '../util/address';
import { CoalescingWriter } from './coalescing-writer';
import { type SocketConnector, tcpConnector } from './socket-connector';

/** The client protocol starts with these three bytes ("CP2") before the first message. */
const PROTOCOL_HEADER = Buffer.from('CP2', 'latin1');

export interface ConnectionOptions {
  connectTimeoutMillis: number;
  /** TCP_NODELAY (`network.socketOptions.noDelay`). */
  noDelay: boolean;
  /** SO_KEEPALIVE, and the idle time before the first probe (0: the system's setting). */
  keepAlive: boolean;
  keepAliveInitialDelayMillis: number;
  coalescingThresholdBytes: number;
  /** false: every message in its own socket write. */
  coalesce: boolean;
  /** Aborting it destroys a socket that is still connecting (client shutdown). */
  signal?: AbortSignal;
  /** Opens the socket: plain TCP by default, TLS (or the user's socket factory) with `network.ssl`. */
  connector?: SocketConnector;
}

export interface ConnectionHandlers {
  onMessage(message: ClientMessage, connection: Connection): void;
  onClose(connection: Connection, reason: Error): void;
}

let nextConnectionId = 1;

/**
 * One TCP connection to a member: the "CP2" preamble, coalesced writes and zero-copy reads. Any socket
 * error, end of stream or malformed frame closes it exactly once, with the reason, through onClose.
 */
export class Connection implements InvocationConnection {
  readonly id = nextConnectionId++;
  readonly remoteAddress: Address;
  memberUuid: string | undefined;
  /** Set after authentication: the cluster this member belongs to. */
  clusterId: string | undefined;
  /** When any message was last read. */
  lastReadAt: number;
  /** When a response (not an event) was last read: the heartbeat's proof that the member reads us. */
  lastResponseAt: number;
  lastWriteAt: number;
  /** When the connection was opened (epoch millis). */
  readonly openedAt = Date.now();
  /** Messages handed to this connection (for diagnostics and routing checks). */
  messagesSent = 0;
  readonly #socket: Socket;
  readonly #writer: CoalescingWriter;
  readonly #reader = new ClientMessageReader();
  readonly #handlers: ConnectionHandlers;
  #closeReason: Error | undefined;

  private constructor(
    socket: Socket,
    address: Address,
    options: ConnectionOptions,
    handlers: ConnectionHandlers,
  ) {
    this.#socket = socket;
    this.remoteAddress = address;
    this.#handlers = handlers;
    this.#writer = new CoalescingWriter(socket, options.coalescingThresholdBytes, options.coalesce);
    this.lastReadAt = Date.now();
    this.lastResponseAt = this.lastReadAt;
    this.lastWriteAt = this.lastReadAt;
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    const describeError = options.connector?.describeError;
    socket.on('error', (error) => this.close(describeError ? describeError(error, address) : error));
    socket.on('end', () => {
      const unfinished = this.#reader.bufferedBytes;
      this.close(
        unfinished > 0
          ? // Bytes of a frame that never ended: the member broke the protocol, or something cut it off.
            new HazelcastProtocolError(
              `${addressKey(address)} closed the connection in the middle of a frame (${unfinished} bytes of it read)`,
            )
          : new TargetDisconnectedError(`${addressKey(address)} closed the connection`),
      );
    });
    socket.on('close', () =>
      this.close(new TargetDisconnectedError(`Connection to ${addressKey(address)} closed`)),
    );
  }

  /**
   * Opens the socket (TCP, or TLS through the connector) and sends the protocol header; rejects after
   * `connectTimeoutMillis` (0 = no limit, the TLS handshake included) or when `options.signal` aborts.
   */
  static async open(
    address: Address,
    options: ConnectionOptions,
    handlers: ConnectionHandlers,
  ): Promise<Connection> {
    const outer = options.signal;
    if (outer?.aborted) throw outer.reason;
    const attempt = new AbortController();
    const onAbort = () => attempt.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    const timer =
      options.connectTimeoutMillis > 0
        ? setTimeout(
            () =>
              attempt.abort(
                new TargetDisconnectedError(
                  `Connecting to ${addressKey(address)} timed out after ${options.connectTimeoutMillis} ms`,
                ),
              ),
            options.connectTimeoutMillis,
          )
        : undefined;
    try {
      const socket = await (options.connector ?? tcpConnector).connect(address, attempt.signal);
      applySocketOptions(socket, options);
      socket.write(PROTOCOL_HEADER);
      return new Connection(socket, address, options, handlers);
    } finally {
      if (timer) clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }

  /** Bytes this connection read and wrote (client statistics). */
  get bytesRead(): number {
    return this.#socket.bytesRead;
  }

  get bytesWritten(): number {
    return this.#socket.bytesWritten;
  }

  /** The client side of the socket, `host:port` (client statistics). */
  get localAddress(): string {
    return `${this.#socket.localAddress ?? ''}:${this.#socket.localPort ?? ''}`;
  }

  get alive(): boolean {
    return this.#closeReason === undefined;
  }

  get closeReason(): Error | undefined {
    return this.#closeReason;
  }

  send(message: ClientMessage): void {
    if (this.#closeReason) throw this.#closeReason;
    // A ClientMessage is an OutboundMessage itself (byteLength, writeTo): no wrapper per send.
    this.#writer.enqueue(message);
    this.messagesSent++;
    this.lastWriteAt = Date.now();
  }

  close(reason: Error = new TargetDisconnectedError('Connection closed by the client')): void {
    if (this.#closeReason) return;
    this.#closeReason = reason;
    this.#writer.close(reason);
    this.#socket.destroy();
    this.#handlers.onClose(this, reason);
  }

  toString(): string {
    return `Connection{id=${this.id}, ${addressKey(this.remoteAddress)}${this.memberUuid ? `, member=${this.memberUuid}` : ''}}`;
  }

  #onData(chunk: Buffer): void {
    const now = Date.now();
    this.lastReadAt = now;
    let messages: ClientMessage[];
    try {
      messages = this.#reader.read(chunk);
    } catch (error) {
      // Malformed bytes: the stream position is lost, so the connection cannot be used any more.
      this.close(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    for (const message of messages) {
      if (this.#closeReason) return;
      try {
        if (!message.isEvent) this.lastResponseAt = now;
        this.#handlers.onMessage(message, this);
      } catch (error) {
        // Whole frames, but a message whose header cannot be read (or that nothing can handle): the member
        // sends garbage, so nothing more it sends can be trusted. Closing beats throwing out of the socket's
        // data handler, which would crash the application.
        this.close(error instanceof Error ? error : new HazelcastProtocolError(String(error)));
        return;
      }
    }
  }
}

/**
 * Sets `network.socketOptions` on a connected socket. Node's `net` offers exactly these of the seeds'
 * `socket_options`. (Set after connecting: Node applies a keep-alive delay of 0 given before the connect as
 * 60 s, after it as "the system's setting", which is what 0 means here.)
 */
export function applySocketOptions(
  socket: Socket,
  options: Pick<ConnectionOptions, 'noDelay' | 'keepAlive' | 'keepAliveInitialDelayMillis'>,
): void {
  socket.setNoDelay(options.noDelay);
  if (options.keepAlive) socket.setKeepAlive(true, options.keepAliveInitialDelayMillis);
}
