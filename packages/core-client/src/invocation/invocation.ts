import type { ClientMessage } from '@hz/protocol';

/** Where an invocation must go. */
export type InvocationTarget =
  | { readonly kind: 'partition'; readonly partitionId: number }
  | { readonly kind: 'member'; readonly uuid: string }
  /** A connection chosen by the caller (authentication, listener registration on one member). */
  | { readonly kind: 'connection'; readonly connection: InvocationConnection }
  /** Any member the load balancer picks; `dataMember`: one that holds data (SQL cannot run on lite members). */
  | { readonly kind: 'any'; readonly dataMember?: boolean };

/** What the invocation service needs of a connection. */
export interface InvocationConnection {
  readonly id: number;
  /** Uuid of the member at the other end, once authenticated. */
  readonly memberUuid: string | undefined;
  readonly alive: boolean;
  send(message: ClientMessage): void;
}

export interface InvocationOptions {
  target: InvocationTarget;
  /**
   * Safe to send twice: retried after a connection loss even without `redoOperation` (reads, idempotent
   * admin requests). Writes are only retried when the member said it did not run them.
   */
  readOnly?: boolean;
  /** Receives events sent with this invocation's correlation id (listener registrations). */
  eventHandler?: (event: ClientMessage) => void;
  /** Overrides the invocation timeout (e.g. blocking operations with their own timeout; Infinity: none). */
  timeoutMillis?: number;
  /** Stops waiting for the response: the invocation rejects with AbortError. */
  signal?: AbortSignal;
}

/** One request on its way: retried, timed out and completed by the invocation service. */
export class Invocation {
  readonly request: ClientMessage;
  readonly target: InvocationTarget;
  readonly readOnly: boolean;
  readonly eventHandler: ((event: ClientMessage) => void) | undefined;
  readonly startedAt: number;
  readonly deadline: number;
  correlationId = -1;
  /** The connection the current attempt was sent on. */
  sentOn: InvocationConnection | undefined;
  attempts = 0;
  /** Backups the member announced in its response; -1 until the response arrives. */
  backupsExpected = -1;
  backupsAcked = 0;
  /** A response held back until its backups ack (or the backup timeout passes). */
  pendingResponse: ClientMessage | undefined;
  pendingResponseAt = 0;
  readonly promise: Promise<ClientMessage>;
  resolve!: (response: ClientMessage) => void;
  reject!: (error: Error) => void;
  settled = false;
  lastError: Error | undefined;
  /** The diagnostics-channel event, when someone subscribed before the invocation started. */
  trace: Record<string, unknown> | undefined;

  constructor(request: ClientMessage, options: InvocationOptions, now: number, defaultTimeoutMillis: number) {
    this.request = request;
    this.target = options.target;
    this.readOnly = options.readOnly ?? false;
    this.eventHandler = options.eventHandler;
    this.startedAt = now;
    this.deadline = now + (options.timeoutMillis ?? defaultTimeoutMillis);
    this.promise = new Promise<ClientMessage>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}
