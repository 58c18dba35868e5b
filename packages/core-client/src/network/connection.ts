import { connect, type Socket } from 'node:net';
import {
  type ClientMessage,
  ClientMessageReader,
  encodedLength,
  HazelcastProtocolError,
  writeMessage,
} from '@hz/protocol';
import { TargetDisconnectedError } from '../errors/hazelcast-error';
import type { InvocationConnection } from '../invocation/invocation';
import { type Address, addressKey } from '../util/address';
import { CoalescingWriter, type OutboundMessage } from './coalescing-writer';

/** The client protocol starts with these three bytes ("CP2") before the first message. */
const PROTOCOL_HEADER = Buffer.from('CP2', 'latin1');

export interface ConnectionOptions {
  connectTimeoutMillis: number;
  noDelay: boolean;
  coalescingThresholdBytes: number;
  /** false: every message in its own socket write. */
  coalesce: boolean;
  /** Aborting it destroys a socket that is still connecting (client shutdown). */
  signal?: AbortSignal;
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
    socket.on('error', (error) => this.close(error));
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
   * Opens the socket and sends the protocol header; rejects after `connectTimeoutMillis` (0 = no limit) or
   * when `options.signal` aborts.
   */
  static open(
    address: Address,
    options: ConnectionOptions,
    handlers: ConnectionHandlers,
  ): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const signal = options.signal;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const socket = connect({ host: address.host, port: address.port });
      socket.setNoDelay(options.noDelay);
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => fail(signal?.reason);
      const fail = (error: Error) => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.destroy();
        reject(error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (options.connectTimeoutMillis > 0) {
        timer = setTimeout(
          () =>
            fail(
              new TargetDisconnectedError(
                `Connecting to ${addressKey(address)} timed out after ${options.connectTimeoutMillis} ms`,
              ),
            ),
          options.connectTimeoutMillis,
        );
      }
      socket.once('error', fail);
      socket.once('connect', () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.off('error', fail);
        socket.write(PROTOCOL_HEADER);
        resolve(new Connection(socket, address, options, handlers));
      });
    });
  }

  get alive(): boolean {
    return this.#closeReason === undefined;
  }

  get closeReason(): Error | undefined {
    return this.#closeReason;
  }

  send(message: ClientMessage): void {
    if (this.#closeReason) throw this.#closeReason;
    this.#writer.enqueue(outbound(message));
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

function outbound(message: ClientMessage): OutboundMessage {
  const byteLength = encodedLength(message);
  return { byteLength, writeTo: (target, offset) => writeMessage(message, target, offset, byteLength) };
}
