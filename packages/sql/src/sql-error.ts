import { HazelcastError } from '@hz/core-client';

/**
 * The error codes of Hazelcast SQL (`HazelcastSqlError.code`). Members may send codes not listed here; the
 * code is kept as the member sent it.
 */
export const SqlErrorCode = {
  /** Any other error. */
  GENERIC: -1,
  /** A connection between members, or between this client and a member, broke (or none was available). */
  CONNECTION_PROBLEM: 1001,
  /** The query was cancelled at the user's request (the result was closed). */
  CANCELLED_BY_USER: 1003,
  /** The query's timeout passed. */
  TIMEOUT: 1004,
  /** The partitions moved while the query ran. */
  PARTITION_DISTRIBUTION: 1005,
  /** A map the query read was destroyed. */
  MAP_DESTROYED: 1006,
  /** A map the query read is still loading from its MapStore. */
  MAP_LOADING_IN_PROGRESS: 1007,
  /** The statement could not be parsed or validated. */
  PARSING: 1008,
  /** An index the query used is not valid. */
  INDEX_INVALID: 1009,
  /** A mapping, table or other object the statement names does not exist (see `suggestion`). */
  OBJECT_NOT_FOUND: 1010,
  /** The cluster topology changed while the query ran. */
  TOPOLOGY_CHANGE: 1011,
  /** A restartable error (the job may be restarted). */
  RESTARTABLE_ERROR: 1012,
  /** A value could not be converted or computed. */
  DATA_EXCEPTION: 2000,
} as const;

/** One of {@link SqlErrorCode}'s values (or another code a newer member sends). */
export type SqlErrorCode = (typeof SqlErrorCode)[keyof typeof SqlErrorCode];

/** What a {@link HazelcastSqlError} carries. */
export interface SqlErrorDetails {
  readonly code: number;
  readonly message: string;
  /** The member that reported the error, or this client's uuid when the client detected it. */
  readonly originatingMemberId: string;
  readonly suggestion?: string | null;
  readonly causeStackTrace?: string | null;
}

/**
 * An SQL statement failed: the member refused or aborted it, or the client lost the member running it.
 * `code` is the member's SQL error code ({@link SqlErrorCode}); `suggestion` is the member's suggested fix
 * (e.g. the CREATE MAPPING statement for an IMap that has no mapping yet), or null.
 */
export class HazelcastSqlError extends HazelcastError {
  override name = 'HazelcastSqlError';
  /** The SQL error code ({@link SqlErrorCode}); not the protocol's `errorCode`. */
  readonly code: number;
  /** Uuid of the member that reported the error (this client's uuid for errors the client detected). */
  readonly originatingMemberId: string;
  /** The member's suggested remedy, e.g. a `CREATE MAPPING` statement to run first; null when none. */
  readonly suggestion: string | null;
  /** The member's stack trace of the error, as text, when the member sent one. */
  readonly causeStackTrace: string | null;

  constructor(details: SqlErrorDetails, options?: ErrorOptions) {
    super(details.message, options);
    this.code = details.code;
    this.originatingMemberId = details.originatingMemberId;
    this.suggestion = details.suggestion ?? null;
    this.causeStackTrace = details.causeStackTrace ?? null;
  }
}
