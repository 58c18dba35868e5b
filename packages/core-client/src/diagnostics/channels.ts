import { type Channel, channel } from 'node:diagnostics_channel';

/**
 * The `node:diagnostics_channel` channels `@hz` publishes on, so OpenTelemetry or any APM can instrument
 * the client without patching it. Nothing is built or published while a channel has no subscriber.
 */
export const DiagnosticChannels = {
  /** An invocation starts: InvocationStartEvent. */
  invocationStart: 'hz:invocation:start',
  /** It completed: the same object, now an InvocationEndEvent. */
  invocationEnd: 'hz:invocation:end',
  /** It failed: the same object, now an InvocationErrorEvent. */
  invocationError: 'hz:invocation:error',
  /** An authenticated connection to a member joined the client: ConnectionOpenEvent. */
  connectionOpen: 'hz:connection:open',
  /** A connection that had joined the client (see connectionOpen) closed: ConnectionCloseEvent. */
  connectionClose: 'hz:connection:close',
  /** The client lost every connection and starts reconnecting: ReconnectStartEvent. */
  reconnectStart: 'hz:reconnect:start',
  /** The reconnect ended, connected again or given up: ReconnectEndEvent. */
  reconnectEnd: 'hz:reconnect:end',
} as const;
export type DiagnosticChannelName = (typeof DiagnosticChannels)[keyof typeof DiagnosticChannels];

/**
 * Published on `hz:invocation:start`. The same object is published again on `:end` or `:error` with the
 * outcome fields filled in, so a subscriber can keep per-invocation state (a span) keyed by the object.
 */
export interface InvocationStartEvent {
  readonly clientName: string;
  /** The protocol message type of the request (service id << 16 | method id << 8), e.g. 0x010100 Map.Put. */
  readonly messageType: number;
  /** The partition of a keyed operation, otherwise -1. */
  readonly partitionId: number;
  /** How it was routed: to a partition's owner, a member, one connection, or any member. */
  readonly target: 'partition' | 'member' | 'connection' | 'any';
  /** The target member's uuid when the caller chose one. */
  readonly targetMember: string | null;
  /** `performance.now()` when it started. */
  readonly startTime: number;
}

interface InvocationOutcome {
  /** `performance.now()` when it settled. */
  readonly endTime: number;
  /** Sends, including retries. */
  readonly attempts: number;
  /** The member the last attempt went to (null if it was never sent). */
  readonly memberUuid: string | null;
}

export interface InvocationEndEvent extends InvocationStartEvent, InvocationOutcome {}

export interface InvocationErrorEvent extends InvocationStartEvent, InvocationOutcome {
  readonly error: Error;
}

export interface ConnectionOpenEvent {
  readonly clientName: string;
  readonly connectionId: number;
  readonly memberUuid: string;
  /** `host:port` the client connected to (after any address translation). */
  readonly remoteAddress: string;
  /** `tcp` or `tls`. */
  readonly transport: 'tcp' | 'tls';
}

export interface ConnectionCloseEvent extends ConnectionOpenEvent {
  readonly reason: Error;
}

export interface ReconnectStartEvent {
  readonly clientName: string;
  /** Why the last connection closed. */
  readonly reason: Error;
}

export interface ReconnectEndEvent {
  readonly clientName: string;
  /** true: connected again; false: the client gave up (error says why) or was shut down. */
  readonly connected: boolean;
  readonly error: Error | null;
  /** Milliseconds since reconnectStart. */
  readonly durationMillis: number;
}

type Channels = { readonly [K in keyof typeof DiagnosticChannels]: Channel };

let channels: Channels | undefined;

/** Package-internal. The channel objects, made on first use (not at import). */
export function diagnosticChannels(): Channels {
  if (!channels) {
    channels = Object.fromEntries(
      Object.entries(DiagnosticChannels).map(([key, name]) => [key, channel(name)]),
    ) as unknown as Channels;
  }
  return channels;
}
