import type { ClientMessage } from '../client-message';
import { createResponseMessage } from '../codecs/messages';
import { decodeList, encodeList } from '../codecs/multi-frame';
import { ERROR_MESSAGE_TYPE, RESPONSE_HEADER_SIZE } from '../constants';
import { decodeErrorHolder, type ErrorHolder, encodeErrorHolder } from '../generated/custom/ErrorHolderCodec';
import { HazelcastProtocolError } from './protocol-error';
import { createServerError, type HazelcastServerError } from './server-error';

export function isErrorMessage(message: ClientMessage): boolean {
  return message.messageType === ERROR_MESSAGE_TYPE;
}

/** The ErrorHolder list of an error response: the error first, then its causes. */
export function decodeErrorHolders(message: ClientMessage): ErrorHolder[] {
  const cursor = message.cursor();
  cursor.next();
  return decodeList(cursor, decodeErrorHolder);
}

/** Turns an error response (message type 0) into the typed error, causes chained. */
export function decodeErrorResponse(message: ClientMessage): HazelcastServerError {
  const holders = decodeErrorHolders(message);
  if (holders.length === 0) throw new HazelcastProtocolError('Error response without any error');
  let error: HazelcastServerError | undefined;
  for (let i = holders.length - 1; i >= 0; i--) error = createServerError(holders[i]!, error);
  return error!;
}

/** An error response as a member sends it (for fake members and tests). */
export function encodeErrorResponse(holders: ErrorHolder[]): ClientMessage {
  const message = createResponseMessage(ERROR_MESSAGE_TYPE, RESPONSE_HEADER_SIZE);
  encodeList(message, holders, encodeErrorHolder);
  return message;
}
