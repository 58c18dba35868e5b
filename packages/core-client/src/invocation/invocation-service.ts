import type { ClientMessage } from '@hz/protocol';
import { diagnosticChannels } from '../diagnostics/channels';
import {
  AbortError,
  ClientNotActiveError,
  ClientOfflineError,
  HazelcastOverloadError,
  IndeterminateOperationStateError,
  OperationTimeoutError,
  TargetDisconnectedError,
} from '../errors/hazelcast-error';
import type { Logger } from '../logging/logger';
import { Invocation, type InvocationConnection, type InvocationOptions } from './invocation';

/** How the client reaches members right now; implemented by the connection manager. */
export interface InvocationRouting {
  /** Smart routing: the owner's connection, if connected; unisocket: undefined (use any). */
  connectionForPartition(partitionId: number): InvocationConnection | undefined;
  /** Smart routing: the member's connection, if connected; unisocket: the one connection (it forwards). */
  connectionForMember(uuid: string): InvocationConnection | undefined;
  /**
   * A connection picked by the load balancer; with `dataMember`, one to a member that holds data (not a
   * lite member) when there is one.
   */
  anyConnection(dataMember?: boolean): InvocationConnection | undefined;
  /**
   * 'connected' and 'reconnecting' send or wait; 'offline' (reconnect mode ASYNC, or async start before the
   * first connection) fails fast with ClientOfflineError; 'shutdown' fails with ClientNotActiveError.
   */
  readonly state: 'connected' | 'reconnecting' | 'offline' | 'shutdown';
}

/** A decoded error response. */
export interface ServerErrorInfo {
  readonly error: Error;
  /** The member did not run the operation (e.g. partition migrating): safe to resend. */
  readonly retryable: boolean;
}

export interface InvocationServiceOptions {
  routing: InvocationRouting;
  decodeError: (response: ClientMessage) => ServerErrorInfo;
  logger: Logger;
  invocationTimeoutMillis: number;
  retryPauseMillis: number;
  backupTimeoutMillis: number;
  failOnIndeterminateState: boolean;
  maxConcurrentInvocations: number;
  cleanResourcesMillis: number;
  redoOperation: boolean;
  /** Named in diagnostics-channel events. */
  clientName?: string;
  /** Marks requests BACKUP_AWARE so members route backup acks to this client (smart routing). */
  markBackupAware?: (request: ClientMessage) => void;
  now?: () => number;
}

/** Attempts before retries start waiting `retryPauseMillis` (the first few retries go out at once). */
const IMMEDIATE_RETRIES = 5;

/**
 * Sends requests, matches responses by correlation id and decides what a failure means: retry (the member
 * did not run it, or it is safe to run twice), wait for backups, or fail. Every invocation settles exactly
 * once: with its response, its error, a timeout, or ClientNotActiveError at shutdown.
 */
export class InvocationService {
  readonly #options: InvocationServiceOptions;
  readonly #now: () => number;
  readonly #pending = new Map<number, Invocation>();
  readonly #eventHandlers = new Map<number, (event: ClientMessage) => void>();
  #nextCorrelationId = 1;
  #backupTimeouts = 0;
  #sweeper: NodeJS.Timeout | undefined;
  #shutdown = false;

  constructor(options: InvocationServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Invocations whose response arrived and that wait for backup acks (diagnostics and tests). */
  get heldResponseCount(): number {
    let held = 0;
    for (const invocation of this.#pending.values()) if (invocation.pendingResponse) held++;
    return held;
  }

  /** How many invocations the backup timeout settled because their acks did not arrive in time. */
  get backupTimeoutCount(): number {
    return this.#backupTimeouts;
  }

  invoke(request: ClientMessage, options: InvocationOptions): Promise<ClientMessage> {
    const invocation = new Invocation(request, options, this.#now(), this.#options.invocationTimeoutMillis);
    if (this.#shutdown || this.#options.routing.state === 'shutdown') {
      return Promise.reject(new ClientNotActiveError('The client is shut down'));
    }
    if (this.#pending.size >= this.#options.maxConcurrentInvocations) {
      return Promise.reject(
        new HazelcastOverloadError(
          `More than ${this.#options.maxConcurrentInvocations} invocations are waiting for a response ` +
            `(hazelcast.client.max.concurrent.invocations); wait for some to complete`,
        ),
      );
    }
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    this.#options.markBackupAware?.(request);
    const channels = diagnosticChannels();
    if (
      channels.invocationStart.hasSubscribers ||
      channels.invocationEnd.hasSubscribers ||
      channels.invocationError.hasSubscribers
    ) {
      this.#traceStart(invocation);
    }
    this.#register(invocation);
    this.#ensureSweeper();
    if (signal) {
      const onAbort = () => this.#fail(invocation, abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      invocation.promise.then(
        () => signal.removeEventListener('abort', onAbort),
        () => signal.removeEventListener('abort', onAbort),
      );
    }
    this.#send(invocation);
    return invocation.promise;
  }

  /** @internal A message read from `connection`: a response or an event for a registration. */
  handleMessage(message: ClientMessage): void {
    const correlationId = message.correlationId;
    if (message.isEvent) {
      const handler = this.#eventHandlers.get(correlationId);
      if (handler) this.#safely(() => handler(message));
      return;
    }
    const invocation = this.#pending.get(correlationId);
    if (!invocation) return; // a late answer to a retried or timed-out invocation
    if (message.messageType === 0) {
      const { error, retryable } = this.#options.decodeError(message);
      if (retryable) this.#retry(invocation, error);
      else this.#fail(invocation, error);
      return;
    }
    const expected = message.backupAcksCount;
    if (expected === 0 || invocation.backupsAcked >= expected) {
      this.#complete(invocation, message);
      return;
    }
    invocation.backupsExpected = expected;
    invocation.pendingResponse = message;
    invocation.pendingResponseAt = this.#now();
  }

  /** @internal A backup of the invocation with this correlation id has been applied. */
  backupAcked(correlationId: number): void {
    const invocation = this.#pending.get(correlationId);
    if (!invocation) return;
    invocation.backupsAcked++;
    if (invocation.pendingResponse && invocation.backupsAcked >= invocation.backupsExpected) {
      this.#complete(invocation, invocation.pendingResponse);
    }
  }

  /**
   * @internal The connection is gone: everything sent on it is retried or failed, never completed.
   *
   * An invocation whose response arrived but whose backups have not acked yet is not a success either: the
   * member that answered is gone, and no replica confirmed the change, so it may exist nowhere. Like an
   * invocation without a response, it is sent again where that is safe (read-only, or redoOperation) and
   * otherwise fails with an error that says the outcome is unknown.
   */
  connectionClosed(connection: InvocationConnection, reason: Error): void {
    for (const invocation of [...this.#pending.values()]) {
      if (invocation.sentOn !== connection) continue;
      if (invocation.target.kind === 'connection') {
        this.#fail(
          invocation,
          new TargetDisconnectedError(`Connection ${connection.id} closed: ${reason.message}`, {
            cause: reason,
          }),
        );
      } else if (invocation.readOnly || this.#options.redoOperation) {
        this.#retry(invocation, reason);
      } else {
        this.#fail(
          invocation,
          new TargetDisconnectedError(outcomeUnknown(invocation, reason), { cause: reason }),
        );
      }
    }
  }

  /** Removes the event handler of a listener registration (after deregistration). */
  removeEventHandler(correlationId: number): void {
    this.#eventHandlers.delete(correlationId);
  }

  /** Fails everything pending; the service accepts nothing afterwards. */
  shutdown(): void {
    this.#shutdown = true;
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = undefined;
    const error = new ClientNotActiveError('The client is shutting down');
    for (const invocation of [...this.#pending.values()]) this.#fail(invocation, error);
    this.#eventHandlers.clear();
  }

  #register(invocation: Invocation): void {
    if (invocation.correlationId !== -1) {
      this.#pending.delete(invocation.correlationId);
      if (invocation.eventHandler) this.#eventHandlers.delete(invocation.correlationId);
    }
    const correlationId = this.#nextCorrelationId++;
    invocation.correlationId = correlationId;
    invocation.request.correlationId = correlationId;
    this.#pending.set(correlationId, invocation);
    if (invocation.eventHandler) this.#eventHandlers.set(correlationId, invocation.eventHandler);
  }

  #send(invocation: Invocation): void {
    if (invocation.settled) return;
    const routing = this.#options.routing;
    if (routing.state === 'shutdown' || this.#shutdown) {
      this.#fail(invocation, new ClientNotActiveError('The client is shut down'));
      return;
    }
    const connection = this.#route(invocation);
    if (!connection) {
      if (routing.state === 'offline') {
        this.#fail(invocation, new ClientOfflineError('The client is not connected to the cluster'));
      } else {
        this.#retry(invocation, new TargetDisconnectedError(describeMissingConnection(invocation)));
      }
      return;
    }
    invocation.sentOn = connection;
    invocation.attempts++;
    // Acks and a held response belong to one attempt (one correlation id): a resend starts from nothing.
    invocation.pendingResponse = undefined;
    invocation.backupsExpected = -1;
    invocation.backupsAcked = 0;
    try {
      connection.send(invocation.request);
    } catch (error) {
      this.connectionClosed(connection, error instanceof Error ? error : new Error(String(error)));
    }
  }

  #route(invocation: Invocation): InvocationConnection | undefined {
    const routing = this.#options.routing;
    const target = invocation.target;
    switch (target.kind) {
      case 'connection':
        return target.connection.alive ? target.connection : undefined;
      case 'member':
        return routing.connectionForMember(target.uuid);
      case 'partition':
        // Without the owner's connection any member forwards the operation to the owner.
        return routing.connectionForPartition(target.partitionId) ?? routing.anyConnection();
      case 'any':
        return routing.anyConnection(target.dataMember ?? false);
    }
  }

  #retry(invocation: Invocation, cause: Error): void {
    if (invocation.settled) return;
    invocation.lastError = cause;
    const now = this.#now();
    if (invocation.target.kind === 'connection' && !invocation.target.connection.alive) {
      this.#fail(invocation, cause);
      return;
    }
    if (now >= invocation.deadline) {
      this.#fail(
        invocation,
        new OperationTimeoutError(
          `Invocation timed out after ${now - invocation.startedAt} ms and ${invocation.attempts} attempt(s); last error: ${cause.message}`,
          { cause },
        ),
      );
      return;
    }
    const delay = invocation.attempts < IMMEDIATE_RETRIES ? 0 : this.#options.retryPauseMillis;
    const resend = () => {
      if (invocation.settled) return;
      this.#register(invocation);
      this.#send(invocation);
    };
    if (delay === 0) setImmediate(resend);
    else setTimeout(resend, Math.min(delay, Math.max(0, invocation.deadline - now))).unref?.();
  }

  #complete(invocation: Invocation, response: ClientMessage): void {
    if (invocation.settled) return;
    invocation.settled = true;
    this.#pending.delete(invocation.correlationId);
    if (invocation.trace) this.#traceEnd(invocation, undefined);
    invocation.resolve(response);
  }

  #fail(invocation: Invocation, error: Error): void {
    if (invocation.settled) return;
    invocation.settled = true;
    this.#pending.delete(invocation.correlationId);
    this.#eventHandlers.delete(invocation.correlationId);
    if (invocation.trace) this.#traceEnd(invocation, error);
    invocation.reject(error);
  }

  /** Publishes `hz:invocation:start`; the same object goes out again at the end (see channels.ts). */
  #traceStart(invocation: Invocation): void {
    const target = invocation.target;
    const trace: Record<string, unknown> = {
      clientName: this.#options.clientName ?? '',
      messageType: invocation.request.messageType,
      partitionId: target.kind === 'partition' ? target.partitionId : -1,
      target: target.kind,
      targetMember: target.kind === 'member' ? target.uuid : null,
      startTime: performance.now(),
    };
    invocation.trace = trace;
    this.#safely(() => diagnosticChannels().invocationStart.publish(trace));
  }

  #traceEnd(invocation: Invocation, error: Error | undefined): void {
    const trace = invocation.trace as Record<string, unknown>;
    trace.endTime = performance.now();
    trace.attempts = invocation.attempts;
    trace.memberUuid = invocation.sentOn?.memberUuid ?? null;
    const channels = diagnosticChannels();
    if (error) {
      trace.error = error;
      this.#safely(() => channels.invocationError.publish(trace));
    } else {
      this.#safely(() => channels.invocationEnd.publish(trace));
    }
  }

  /**
   * The backup timeout passed while the member that answered is still connected: Hazelcast's documented
   * rule is that its answer stands (the member re-replicates the backups), unless the client asked to
   * fail on indeterminate state.
   */
  #backupsUnknown(invocation: Invocation): void {
    if (this.#options.failOnIndeterminateState) {
      this.#fail(
        invocation,
        new IndeterminateOperationStateError(
          `Invocation ${invocation.correlationId}: ${invocation.backupsAcked} of ${invocation.backupsExpected} backup acks ` +
            `arrived within ${this.#options.backupTimeoutMillis} ms`,
        ),
      );
    } else if (invocation.pendingResponse) {
      this.#complete(invocation, invocation.pendingResponse);
    }
  }

  /** Backup acks have no event for "never arriving": a periodic sweep enforces the backup timeout. */
  #ensureSweeper(): void {
    if (this.#sweeper) return;
    this.#sweeper = setInterval(() => {
      const now = this.#now();
      for (const invocation of this.#pending.values()) {
        if (
          invocation.pendingResponse &&
          now - invocation.pendingResponseAt > this.#options.backupTimeoutMillis
        ) {
          this.#backupTimeouts++;
          this.#backupsUnknown(invocation);
        }
      }
      if (this.#pending.size === 0 && this.#sweeper) {
        clearInterval(this.#sweeper);
        this.#sweeper = undefined;
      }
    }, this.#options.cleanResourcesMillis);
    // The sweeper must never keep the process alive on its own.
    this.#sweeper.unref();
  }

  #safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#options.logger.warn('InvocationService', 'event handler threw', error);
    }
  }
}

/** The rejection of an aborted call: the signal's own reason when it is an Error, else an AbortError. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof AbortError) return reason;
  return new AbortError('The operation was aborted', reason === undefined ? undefined : { cause: reason });
}

/** Why a write that lost its connection is neither retried nor a success. */
function outcomeUnknown(invocation: Invocation, reason: Error): string {
  const what = invocation.pendingResponse
    ? `The member answered but left before ${invocation.backupsExpected - invocation.backupsAcked} of ` +
      `${invocation.backupsExpected} backup(s) confirmed the operation`
    : 'The connection to the member closed before the response arrived';
  return (
    `${what} (${reason.message}); the operation may or may not have run. ` +
    'Enable network.redoOperation to retry such operations.'
  );
}

function describeMissingConnection(invocation: Invocation): string {
  const target = invocation.target;
  switch (target.kind) {
    case 'member':
      return `No connection to member ${target.uuid}`;
    case 'connection':
      return `Connection ${target.connection.id} is closed`;
    default:
      return 'No connection to any member';
  }
}
