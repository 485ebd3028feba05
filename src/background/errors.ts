import { isConnectorError, type ConnectorError } from '../connectors/errors';
import type { ConnectorId } from '../model/keys';
import { recordHealthError } from '../store/health';
import type { ErrorReply } from '../protocol/messages';
import { isQuotaExceeded, STORAGE_FULL_MESSAGE, unlessStorageFull } from '../store/quota';
import { noteStorageFull, type StorageFullScope } from '../platform/storage-alerts';

/** Any failure as an error reply the UI can show. Never includes a token: messages are ours. */
export function toErrorReply(error: unknown): ErrorReply {
  if (isConnectorError(error)) {
    return { kind: error.kind, message: error.message, ...(error.detail.retryAfterMs ? { retryAfterMs: error.detail.retryAfterMs } : {}) };
  }
  if (isQuotaExceeded(error)) return { kind: 'storage-full', message: STORAGE_FULL_MESSAGE };
  console.error('Unexpected background error', error);
  return { kind: 'internal', message: 'Something went wrong inside the extension. Try again.' };
}

/** A write for these scopes was refused for lack of space: Options says so even though the store cannot. */
export async function noteIfStorageFull(error: unknown, ...scopes: StorageFullScope[]): Promise<void> {
  if (isQuotaExceeded(error)) await Promise.all(scopes.map((scope) => noteStorageFull(scope)));
}

/**
 * A connector's failure into its health log, for Options. On a full disk the log cannot be
 * written, and the vendor's error is still the one the user is shown, so that is let go.
 */
export function recordConnectorFailure(connector: ConnectorId, error: ConnectorError): Promise<void> {
  return unlessStorageFull(recordHealthError(connector, { kind: error.kind, message: error.message, object: error.detail.object, path: error.detail.path }));
}
