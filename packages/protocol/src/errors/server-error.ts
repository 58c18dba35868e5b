import type { StackTraceElement } from '../generated/custom/StackTraceElementCodec';
import { ErrorCodes } from './error-codes';
import { HazelcastError, type ServerErrorDetails } from './hazelcast-error';
import { isRetryableErrorCode } from './retryable';

export type { ServerErrorDetails } from './hazelcast-error';

function errorName(code: number): string | undefined {
  for (const [name, value] of Object.entries(ErrorCodes)) if (value === code) return name;
  return undefined;
}

function formatStack(className: string, message: string | null, elements: StackTraceElement[]): string {
  const head = message === null ? className : `${className}: ${message}`;
  const lines = elements.map(
    (e) => `    at ${e.className}.${e.methodName}(${e.fileName ?? 'Unknown Source'}:${e.lineNumber})`,
  );
  return [head, ...lines].join('\n');
}

/**
 * An error the member reported for a request. Keeps the server's Java class name, message and stack
 * trace; `cause` is the next error in the server's cause chain.
 */
export class HazelcastServerError extends HazelcastError {
  override name = 'HazelcastServerError';
  declare readonly errorCode: number;
  declare readonly className: string;
  declare readonly serverMessage: string | null;
  declare readonly serverStackTrace: StackTraceElement[];
  /** The protocol's name for the code (e.g. WRONG_TARGET), undefined for codes this client does not know. */
  readonly errorName: string | undefined;
  /** True when the invocation may be sent again (see isRetryableErrorCode). */
  readonly retryable: boolean;

  constructor(details: ServerErrorDetails, cause?: HazelcastServerError) {
    super(`${details.className}: ${details.message ?? '(no message)'}`, {
      server: details,
      ...(cause ? { cause } : {}),
    });
    this.errorName = errorName(details.errorCode);
    this.retryable = isRetryableErrorCode(details.errorCode);
    this.stack = `${this.name}: ${formatStack(details.className, details.message, details.stackTraceElements)}`;
  }
}

/** The member refused the credentials or the cluster name. */
export class AuthenticationServerError extends HazelcastServerError {
  override name = 'AuthenticationServerError';
}

/** The request went to a member that cannot serve it now; the invocation may retry. */
export class RetryableServerError extends HazelcastServerError {
  override name = 'RetryableServerError';
}

/** The member rejected an argument of the request. */
export class IllegalArgumentServerError extends HazelcastServerError {
  override name = 'IllegalArgumentServerError';
}

/** A blocking operation or the invocation timed out on the member. */
export class OperationTimeoutServerError extends HazelcastServerError {
  override name = 'OperationTimeoutServerError';
}

export function createServerError(
  details: ServerErrorDetails,
  cause?: HazelcastServerError,
): HazelcastServerError {
  switch (details.errorCode) {
    case ErrorCodes.AUTHENTICATION:
      return new AuthenticationServerError(details, cause);
    case ErrorCodes.ILLEGAL_ARGUMENT:
      return new IllegalArgumentServerError(details, cause);
    case ErrorCodes.OPERATION_TIMEOUT:
      return new OperationTimeoutServerError(details, cause);
    default:
      return isRetryableErrorCode(details.errorCode)
        ? new RetryableServerError(details, cause)
        : new HazelcastServerError(details, cause);
  }
}
