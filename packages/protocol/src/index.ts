// @hz/protocol: the Hazelcast Open Binary Client Protocol 2.x wire layer. The root also exports the custom
// types and the generated codecs of the client protocol and of the structures @hz/core-client implements
// (generated/all.ts). Every service's codecs are exported from its subpath, `@hz/protocol/codecs/map`, ...,
// and the custom types from `@hz/protocol/custom`. Each codec is a pure constant, so a bundler keeps only
// the codecs a program uses, whichever path it imports them from. In Node the root is one module, which
// keeps load time low.
export { ClientMessage } from './client-message';
export * from './codecs/index';
export { type ErrorCode, ErrorCodes } from './errors/error-codes';
export {
  decodeErrorHolders,
  decodeErrorResponse,
  encodeErrorResponse,
  isErrorMessage,
} from './errors/error-response';
export {
  HAZELCAST_ERROR_BRAND,
  HazelcastError,
  type HazelcastErrorOptions,
} from './errors/hazelcast-error';
export { HazelcastProtocolError } from './errors/protocol-error';
export { isRetryableErrorCode } from './errors/retryable';
export {
  AuthenticationServerError,
  createServerError,
  HazelcastServerError,
  IllegalArgumentServerError,
  OperationTimeoutServerError,
  RetryableServerError,
  type ServerErrorDetails,
} from './errors/server-error';
export { type FrameFlag, hasFlag } from './flags';
export { type Frame, isBeginFrame, isEndFrame, isNullFrame } from './frame';
export { FrameCursor } from './frame-cursor';
export * from './generated/all';
export type { ErrorHolder } from './generated/custom/ErrorHolderCodec';
export type { StackTraceElement } from './generated/custom/StackTraceElementCodec';
export { type LongLike, toLong } from './long';
export { ClientMessageReader, DEFAULT_MAX_MESSAGE_LENGTH, type MessageReaderOptions } from './reader';
export { createUuid, randomUuid, type Uuid, uuidFromString, uuidToString } from './uuid';
export { encodedLength, encodeMessage, writeMessage } from './writer';
