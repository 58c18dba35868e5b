import {
  AbortError,
  ClientNotActiveError,
  ClientOfflineError,
  HazelcastError,
  TargetDisconnectedError,
} from '@hz/core-client';
import type { PluginHost } from '@hz/core-client/plugin';
import { type SqlError, uuidToString } from '@hz/protocol';
import { HazelcastSqlError, SqlErrorCode } from './sql-error';

/** The member's report of a failed statement. */
export function memberSqlError(error: SqlError, hint = ''): HazelcastSqlError {
  return new HazelcastSqlError({
    code: error.code,
    message: `${error.message ?? `SQL error ${error.code}`}${hint}`,
    originatingMemberId: error.originatingMemberId ? uuidToString(error.originatingMemberId) : '',
    suggestion: error.suggestion,
    causeStackTrace: error.causeStackTrace,
  });
}

/** An error this client detected (no member reported it). */
export function clientSqlError(
  host: PluginHost,
  code: number,
  message: string,
  cause?: unknown,
): HazelcastSqlError {
  return new HazelcastSqlError(
    { code, message: `SQL: ${message}`, originatingMemberId: host.clientUuid },
    cause === undefined ? undefined : { cause },
  );
}

/** Whether an invocation failed because the connection (or the client) went away. */
export function isConnectionError(error: unknown): boolean {
  return (
    error instanceof TargetDisconnectedError ||
    error instanceof ClientNotActiveError ||
    error instanceof ClientOfflineError
  );
}

/**
 * What an SQL call rejects with when its invocation failed: the SQL error as is, the caller's own abort as
 * is, anything else as a HazelcastSqlError (CONNECTION_PROBLEM for a lost connection) with the cause.
 */
export function invocationSqlError(host: PluginHost, error: unknown, what: string): Error {
  if (error instanceof HazelcastSqlError || error instanceof AbortError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = isConnectionError(error) ? SqlErrorCode.CONNECTION_PROBLEM : SqlErrorCode.GENERIC;
  return clientSqlError(host, code, `${what} failed: ${message}`, error);
}

/** The rejection of a call given up through the statement's signal. */
export function sqlAbortError(signal: AbortSignal): AbortError {
  const reason: unknown = signal.reason;
  return new AbortError(
    'SQL: the statement was aborted through its signal; the query is cancelled on the member',
    reason === undefined ? undefined : { cause: reason },
  );
}

export function isHazelcastError(error: unknown): error is HazelcastError {
  return error instanceof HazelcastError;
}
