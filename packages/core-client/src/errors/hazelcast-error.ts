import { HazelcastError } from '@hz/protocol';

// Every error @hz throws is a HazelcastError (defined in @hz/protocol, the lowest layer, and re-exported
// here). Each class below has a stable `name`. Errors a member reported map onto the same classes by their
// error code (see server-error.ts), so a caller catches one class for a timeout whether the client or the
// member noticed it; `errorCode`, `className` and `serverStackTrace` then carry the member's report.
export {
  HazelcastError,
  type HazelcastErrorOptions,
  HazelcastProtocolError,
  HazelcastServerError,
  type ServerErrorDetails,
} from '@hz/protocol';

/** A configuration value is missing, of the wrong type or out of range. The message names the option. */
export class InvalidConfigurationError extends HazelcastError {
  override name = 'InvalidConfigurationError';
}

/** An argument passed to a client method is invalid; nothing was sent to the cluster (or the member refused it). */
export class IllegalArgumentError extends HazelcastError {
  override name = 'IllegalArgumentError';
}

/** The client is not connected to the cluster right now (reconnect mode ASYNC, or async start). */
export class ClientOfflineError extends HazelcastError {
  override name = 'ClientOfflineError';
}

/** The client has been shut down (or is shutting down); it accepts no more operations. */
export class ClientNotActiveError extends HazelcastError {
  override name = 'ClientNotActiveError';
}

/** The operation is not allowed in the current state (e.g. no member could be reached in time). */
export class IllegalStateError extends HazelcastError {
  override name = 'IllegalStateError';
}

/** A lock was released (or checked) by a caller that does not own it. */
export class IllegalMonitorStateError extends IllegalStateError {
  override name = 'IllegalMonitorStateError';
}

/** An invocation (or a blocking operation on the member) did not complete in time. */
export class OperationTimeoutError extends HazelcastError {
  override name = 'OperationTimeoutError';
}

/**
 * The operation ran but its outcome on backups is unknown: backup acks did not arrive within the backup
 * timeout, with `hazelcast.client.operation.fail.on.indeterminate.state` set.
 */
export class IndeterminateOperationStateError extends HazelcastError {
  override name = 'IndeterminateOperationStateError';
}

/** The connection to a member broke before the operation completed; it may or may not have run. */
export class TargetDisconnectedError extends HazelcastError {
  override name = 'TargetDisconnectedError';
}

/** Authentication was refused: wrong cluster name, credentials a Community member refuses, or a version mismatch. */
export class AuthenticationError extends HazelcastError {
  override name = 'AuthenticationError';
}

/**
 * A TLS connection to a member failed for a reason retrying cannot fix: the member's certificate is not
 * trusted, has expired or names another host, the member refused the client's certificate, or no TLS
 * version suits both sides. `code` is Node's or OpenSSL's code (e.g. `CERT_HAS_EXPIRED`).
 */
export class TlsError extends HazelcastError {
  override name = 'TlsError';
  readonly code: string | undefined;

  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, options);
    this.code = options?.code;
  }
}

/** More invocations are in flight than `hazelcast.client.max.concurrent.invocations` allows, or a member is overloaded. */
export class HazelcastOverloadError extends HazelcastError {
  override name = 'HazelcastOverloadError';
}

/** The member does not support the operation (e.g. a feature of another edition or version). */
export class UnsupportedOperationError extends HazelcastError {
  override name = 'UnsupportedOperationError';
}

/** An index outside a list's bounds. */
export class IndexOutOfBoundsError extends HazelcastError {
  override name = 'IndexOutOfBoundsError';
}

/** There is no such element (e.g. an empty queue's `remove()`). */
export class NoSuchElementError extends HazelcastError {
  override name = 'NoSuchElementError';
}

/** The distributed object was destroyed while it was used. */
export class DistributedObjectDestroyedError extends HazelcastError {
  override name = 'DistributedObjectDestroyedError';
}

/** A query failed on the member. */
export class QueryError extends HazelcastError {
  override name = 'QueryError';
}

/** A query result would exceed the member's configured limit. */
export class QueryResultSizeExceededError extends QueryError {
  override name = 'QueryResultSizeExceededError';
}

/** A ringbuffer sequence that is no longer (or not yet) stored was read. */
export class StaleSequenceError extends HazelcastError {
  override name = 'StaleSequenceError';
}

/** A reliable topic's ringbuffer is full and its overload policy is ERROR. */
export class TopicOverloadError extends HazelcastError {
  override name = 'TopicOverloadError';
}

/** A PN counter's replica lost the state this client observed (session consistency cannot be kept). */
export class ConsistencyLostError extends HazelcastError {
  override name = 'ConsistencyLostError';
}

/** A transaction failed. */
export class TransactionError extends HazelcastError {
  override name = 'TransactionError';
}

/** The transaction is not active (committed, rolled back, or not begun). */
export class TransactionNotActiveError extends TransactionError {
  override name = 'TransactionNotActiveError';
}

/** The transaction outlived its timeout. */
export class TransactionTimedOutError extends TransactionError {
  override name = 'TransactionTimedOutError';
}

/** An executor refused a task: it is shut down (or its queue is full). Nothing ran. */
export class RejectedExecutionError extends HazelcastError {
  override name = 'RejectedExecutionError';
}

/** The cluster has no data member (only lite members) to run the operation. */
export class NoDataMemberInClusterError extends HazelcastError {
  override name = 'NoDataMemberInClusterError';
}

/** A split-brain protection rule refused the operation. */
export class SplitBrainProtectionError extends HazelcastError {
  override name = 'SplitBrainProtectionError';
}

/** A blocking call was given up through its `AbortSignal`. */
export class AbortError extends HazelcastError {
  override name = 'AbortError';
}
