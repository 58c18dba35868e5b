import { type ClientMessage, decodeErrorResponse, ErrorCodes, type HazelcastServerError } from '@hz/protocol';
import type { ServerErrorInfo } from '../invocation/invocation-service';
import {
  AuthenticationError,
  ConsistencyLostError,
  DistributedObjectDestroyedError,
  type HazelcastError,
  type HazelcastErrorOptions,
  HazelcastOverloadError,
  IllegalArgumentError,
  IllegalMonitorStateError,
  IllegalStateError,
  IndexOutOfBoundsError,
  NoDataMemberInClusterError,
  NoSuchElementError,
  OperationTimeoutError,
  QueryError,
  QueryResultSizeExceededError,
  SplitBrainProtectionError,
  StaleSequenceError,
  TargetDisconnectedError,
  TopicOverloadError,
  TransactionError,
  TransactionNotActiveError,
  TransactionTimedOutError,
  UnsupportedOperationError,
} from './hazelcast-error';

/** Builds the client-side error for a member's report. */
export type ServerErrorFactory = new (message: string, options?: HazelcastErrorOptions) => HazelcastError;

/** The member errors a caller is likely to catch, mapped onto the client's own classes. */
const CORE_SERVER_ERRORS: ReadonlyArray<readonly [number, ServerErrorFactory]> = [
  [ErrorCodes.AUTHENTICATION, AuthenticationError],
  [ErrorCodes.ILLEGAL_ARGUMENT, IllegalArgumentError],
  [ErrorCodes.ILLEGAL_STATE, IllegalStateError],
  [ErrorCodes.ILLEGAL_MONITOR_STATE, IllegalMonitorStateError],
  [ErrorCodes.OPERATION_TIMEOUT, OperationTimeoutError],
  [ErrorCodes.TIMEOUT, OperationTimeoutError],
  [ErrorCodes.TARGET_DISCONNECTED, TargetDisconnectedError],
  [ErrorCodes.HAZELCAST_OVERLOAD, HazelcastOverloadError],
  [ErrorCodes.UNSUPPORTED_OPERATION, UnsupportedOperationError],
  [ErrorCodes.INDEX_OUT_OF_BOUNDS, IndexOutOfBoundsError],
  [ErrorCodes.ARRAY_INDEX_OUT_OF_BOUNDS, IndexOutOfBoundsError],
  [ErrorCodes.NO_SUCH_ELEMENT, NoSuchElementError],
  [ErrorCodes.DISTRIBUTED_OBJECT_DESTROYED, DistributedObjectDestroyedError],
  [ErrorCodes.QUERY, QueryError],
  [ErrorCodes.QUERY_RESULT_SIZE_EXCEEDED, QueryResultSizeExceededError],
  [ErrorCodes.STALE_SEQUENCE, StaleSequenceError],
  [ErrorCodes.TOPIC_OVERLOAD, TopicOverloadError],
  [ErrorCodes.CONSISTENCY_LOST_EXCEPTION, ConsistencyLostError],
  [ErrorCodes.TRANSACTION, TransactionError],
  [ErrorCodes.TRANSACTION_NOT_ACTIVE, TransactionNotActiveError],
  [ErrorCodes.TRANSACTION_TIMED_OUT, TransactionTimedOutError],
  [ErrorCodes.NO_DATA_MEMBER, NoDataMemberInClusterError],
  [ErrorCodes.SPLIT_BRAIN_PROTECTION, SplitBrainProtectionError],
];

/**
 * Error codes → client classes for one client. Feature packages add theirs (CP's session and lock errors)
 * through the plug-in host.
 */
export class ServerErrorTable {
  readonly #byCode = new Map<number, ServerErrorFactory>(CORE_SERVER_ERRORS);

  register(code: number, factory: ServerErrorFactory): void {
    this.#byCode.set(code, factory);
  }

  /** An error response as the invocation service needs it: the client-side error and whether to resend. */
  decode(message: ClientMessage): ServerErrorInfo {
    const reported = decodeErrorResponse(message);
    return { error: this.toClientError(reported), retryable: reported.retryable };
  }

  /**
   * The client class for the member's error, carrying the member's report; codes without a class of their
   * own stay HazelcastServerError. Causes are the member's cause chain.
   */
  toClientError(reported: HazelcastServerError): HazelcastError {
    const factory = this.#byCode.get(reported.errorCode);
    if (!factory) return reported;
    const error = new factory(reported.message, {
      server: {
        errorCode: reported.errorCode,
        className: reported.className,
        message: reported.serverMessage,
        stackTraceElements: reported.serverStackTrace,
      },
      ...(reported.cause ? { cause: reported.cause } : {}),
    });
    // The member's stack trace, under the client class's name.
    const stack = reported.stack ?? '';
    error.stack = `${error.name}${stack.slice(stack.indexOf(':'))}`;
    return error;
  }
}
