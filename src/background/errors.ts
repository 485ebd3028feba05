import { isConnectorError } from '../connectors/errors';
import type { ErrorReply } from '../protocol/messages';

/** Any failure as an error reply the UI can show. Never includes a token: messages are ours. */
export function toErrorReply(error: unknown): ErrorReply {
  if (isConnectorError(error)) {
    return { kind: error.kind, message: error.message, ...(error.detail.retryAfterMs ? { retryAfterMs: error.detail.retryAfterMs } : {}) };
  }
  console.error('Unexpected background error', error);
  return { kind: 'internal', message: 'Something went wrong inside the extension. Try again.' };
}
