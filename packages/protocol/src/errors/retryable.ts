import { ErrorCodes } from './error-codes';

/**
 * Errors after which the same invocation may be sent again (to the same or a new target): the member was
 * not the right one, was not ready, or the partition moved. These mirror the server's RetryableException
 * family plus HazelcastInstanceNotActive, which a client retries on another member.
 */
export function isRetryableErrorCode(code: number): boolean {
  switch (code) {
    case ErrorCodes.CALLER_NOT_MEMBER:
    case ErrorCodes.HAZELCAST_INSTANCE_NOT_ACTIVE:
    case ErrorCodes.MEMBER_LEFT:
    case ErrorCodes.PARTITION_MIGRATING:
    case ErrorCodes.RETRYABLE_HAZELCAST:
    case ErrorCodes.RETRYABLE_IO:
    case ErrorCodes.TARGET_DISCONNECTED:
    case ErrorCodes.TARGET_NOT_MEMBER:
    case ErrorCodes.WRONG_TARGET:
    case ErrorCodes.CANNOT_REPLICATE_EXCEPTION:
    case ErrorCodes.LEADER_DEMOTED_EXCEPTION:
    case ErrorCodes.STALE_APPEND_REQUEST_EXCEPTION:
    case ErrorCodes.NOT_LEADER_EXCEPTION:
      return true;
    default:
      return false;
  }
}
