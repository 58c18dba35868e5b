import { ErrorCodes, encodeErrorResponse, HazelcastProtocolError, HazelcastServerError } from '@hz/protocol';
import { HazelcastSerializationError } from '@hz/serialization';
import { describe, expect, it } from 'vitest';
import * as errors from './hazelcast-error';
import {
  HazelcastError,
  IllegalArgumentError,
  IllegalStateError,
  OperationTimeoutError,
} from './hazelcast-error';
import { ServerErrorTable } from './server-error';

function errorResponse(errorCode: number, className: string, message = 'from member') {
  return encodeErrorResponse([
    {
      errorCode,
      className,
      message,
      stackTraceElements: [
        { className: 'com.hazelcast.X', methodName: 'run', fileName: 'X.java', lineNumber: 7 },
      ],
    },
    {
      errorCode: ErrorCodes.ILLEGAL_STATE,
      className: 'java.lang.IllegalStateException',
      message: 'cause',
      stackTraceElements: [],
    },
  ]);
}

describe('one error root', () => {
  it('every error class of every package is a HazelcastError with a stable name', () => {
    const classes = Object.entries(errors).filter(
      ([, value]) => typeof value === 'function' && value.prototype instanceof Error,
    ) as Array<[string, new (message: string) => Error]>;
    expect(classes.length).toBeGreaterThan(20);
    for (const [exportName, ErrorClass] of classes) {
      if (exportName === 'HazelcastServerError') continue; // built from a member's report, below
      const error = new ErrorClass('m');
      expect(error, exportName).toBeInstanceOf(HazelcastError);
      expect(error.name, exportName).toBe(exportName);
    }
    expect(new HazelcastSerializationError('bad bytes')).toBeInstanceOf(HazelcastError);
    expect(new HazelcastProtocolError('short frame')).toBeInstanceOf(HazelcastError);
    expect(new Error('plain')).not.toBeInstanceOf(HazelcastError);
    // The brand only widens the root: a subclass still checks its own prototype chain.
    expect(new HazelcastSerializationError('x')).not.toBeInstanceOf(IllegalArgumentError);
    expect(new IllegalArgumentError('x')).not.toBeInstanceOf(IllegalStateError);
  });

  it('maps member errors a caller catches onto the client classes, keeping the member report and causes', () => {
    const table = new ServerErrorTable();
    const { error, retryable } = table.decode(
      errorResponse(ErrorCodes.OPERATION_TIMEOUT, 'com.hazelcast.core.OperationTimeoutException'),
    );
    expect(retryable).toBe(false);
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect(error).toBeInstanceOf(HazelcastError);
    expect(error).toMatchObject({
      name: 'OperationTimeoutError',
      errorCode: ErrorCodes.OPERATION_TIMEOUT,
      className: 'com.hazelcast.core.OperationTimeoutException',
      serverMessage: 'from member',
    });
    expect(error.stack).toMatch(/^OperationTimeoutError: .*\n\s+at com\.hazelcast\.X\.run\(X\.java:7\)/);
    expect((error.cause as HazelcastError).className).toBe('java.lang.IllegalStateException');

    const unmapped = table.decode(errorResponse(ErrorCodes.CLASS_CAST, 'java.lang.ClassCastException')).error;
    expect(unmapped).toBeInstanceOf(HazelcastServerError);
    expect(unmapped).toBeInstanceOf(HazelcastError);
    expect(unmapped.name).toBe('HazelcastServerError');

    class SessionExpiredError extends HazelcastError {
      override name = 'SessionExpiredError';
    }
    table.register(ErrorCodes.SESSION_EXPIRED_EXCEPTION, SessionExpiredError);
    const registered = table.decode(
      errorResponse(
        ErrorCodes.SESSION_EXPIRED_EXCEPTION,
        'com.hazelcast.cp.internal.session.SessionExpiredException',
      ),
    ).error;
    expect(registered).toBeInstanceOf(SessionExpiredError);
    expect(registered.name).toBe('SessionExpiredError');
  });
});
