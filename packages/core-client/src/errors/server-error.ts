import { type ClientMessage, decodeErrorResponse } from '@hz/protocol';
import type { ServerErrorInfo } from '../invocation/invocation-service';

/** An error response as the invocation service needs it: the typed server error and whether to resend. */
export function decodeServerError(message: ClientMessage): ServerErrorInfo {
  const error = decodeErrorResponse(message);
  return { error, retryable: error.retryable };
}
