import { describe, expect, it } from 'vitest';
import { createResponseMessage } from '../src/codecs/messages';
import { encodeList } from '../src/codecs/multi-frame';
import { ErrorCodes } from '../src/errors/error-codes';
import { decodeErrorResponse, encodeErrorResponse, isErrorMessage } from '../src/errors/error-response';
import { HazelcastProtocolError } from '../src/errors/protocol-error';
import { isRetryableErrorCode } from '../src/errors/retryable';
import {
  AuthenticationServerError,
  HazelcastServerError,
  IllegalArgumentServerError,
  RetryableServerError,
} from '../src/errors/server-error';
import { encodeErrorHolder } from '../src/generated/custom/ErrorHolderCodec';
import { ClientMessageReader } from '../src/reader';
import { encodeMessage } from '../src/writer';

function roundTrip(message: ReturnType<typeof encodeErrorResponse>) {
  const [decoded] = new ClientMessageReader().read(encodeMessage(message));
  return decoded!;
}

describe('error responses', () => {
  it('decode into typed errors keeping class name, message, stack trace and the cause chain', () => {
    const message = roundTrip(
      encodeErrorResponse([
        {
          errorCode: ErrorCodes.WRONG_TARGET,
          className: 'com.hazelcast.spi.exception.WrongTargetException',
          message: 'WrongTarget! this: [127.0.0.1]:5701',
          stackTraceElements: [
            { className: 'com.hazelcast.Foo', methodName: 'run', fileName: 'Foo.java', lineNumber: 42 },
            { className: 'com.hazelcast.Bar', methodName: 'call', fileName: null, lineNumber: -1 },
          ],
        },
        {
          errorCode: ErrorCodes.ILLEGAL_ARGUMENT,
          className: 'java.lang.IllegalArgumentException',
          message: null,
          stackTraceElements: [],
        },
      ]),
    );
    expect(isErrorMessage(message)).toBe(true);
    const error = decodeErrorResponse(message);
    expect(error).toBeInstanceOf(RetryableServerError);
    expect(error).toBeInstanceOf(HazelcastServerError);
    expect(error.retryable).toBe(true);
    expect(error.errorName).toBe('WRONG_TARGET');
    expect(error.className).toBe('com.hazelcast.spi.exception.WrongTargetException');
    expect(error.serverMessage).toBe('WrongTarget! this: [127.0.0.1]:5701');
    expect(error.message).toContain('WrongTargetException: WrongTarget!');
    expect(error.serverStackTrace).toHaveLength(2);
    expect(error.stack).toContain('at com.hazelcast.Foo.run(Foo.java:42)');
    expect(error.stack).toContain('at com.hazelcast.Bar.call(Unknown Source:-1)');
    const cause = error.cause as HazelcastServerError;
    expect(cause).toBeInstanceOf(IllegalArgumentServerError);
    expect(cause.retryable).toBe(false);
    expect(cause.serverMessage).toBeNull();
  });

  it('keeps unknown error codes as plain server errors', () => {
    const error = decodeErrorResponse(
      roundTrip(
        encodeErrorResponse([{ errorCode: 4242, className: 'x.Y', message: 'm', stackTraceElements: [] }]),
      ),
    );
    expect(error.constructor).toBe(HazelcastServerError);
    expect(error.errorName).toBeUndefined();
    expect(error.errorCode).toBe(4242);
  });

  it('maps authentication failures to their own type', () => {
    const error = decodeErrorResponse(
      roundTrip(
        encodeErrorResponse([
          { errorCode: ErrorCodes.AUTHENTICATION, className: 'A', message: null, stackTraceElements: [] },
        ]),
      ),
    );
    expect(error).toBeInstanceOf(AuthenticationServerError);
  });

  it('reports an empty or malformed error list as a protocol error', () => {
    expect(() => decodeErrorResponse(createResponseMessage(0, 13))).toThrow(HazelcastProtocolError);
    expect(() => decodeErrorResponse(encodeErrorResponse([]))).toThrow(HazelcastProtocolError);
    const truncated = createResponseMessage(0, 13);
    encodeList(
      truncated,
      [{ errorCode: 1, className: 'c', message: null, stackTraceElements: [] }],
      encodeErrorHolder,
    );
    truncated.frames.splice(2, 1);
    expect(() => decodeErrorResponse(truncated)).toThrow(HazelcastProtocolError);
  });
});

describe('retryable classification', () => {
  it.each([
    'TARGET_NOT_MEMBER',
    'HAZELCAST_INSTANCE_NOT_ACTIVE',
    'PARTITION_MIGRATING',
    'TARGET_DISCONNECTED',
    'RETRYABLE_HAZELCAST',
    'RETRYABLE_IO',
    'WRONG_TARGET',
    'CALLER_NOT_MEMBER',
    'MEMBER_LEFT',
  ] as const)('%s is retryable', (name) => {
    expect(isRetryableErrorCode(ErrorCodes[name])).toBe(true);
  });

  it.each(['ILLEGAL_ARGUMENT', 'AUTHENTICATION', 'HAZELCAST', 'OPERATION_TIMEOUT', 'NULL_POINTER'] as const)(
    '%s is not retryable',
    (name) => {
      expect(isRetryableErrorCode(ErrorCodes[name])).toBe(false);
    },
  );

  it('knows all 99 protocol error codes', () => {
    expect(Object.keys(ErrorCodes)).toHaveLength(100);
    expect(ErrorCodes.NO_CLASS_DEF_FOUND_ERROR).toBe(99);
  });
});
