/**
 * Telling "the browser has no room left" apart from every other failed write. Chromium aborts
 * the transaction at commit with a QuotaExceededError (a DOMException; a subclass of it in newer
 * browsers); Dexie hands that on as an AbortError whose `inner` it is, as its own
 * Dexie.QuotaExceededError when a single request failed, or inside a BulkError's failures.
 */

/** What the user is told wherever a write was refused for lack of space. */
export const STORAGE_FULL_MESSAGE =
  "Your browser has no room left for Customer View's cache. Free disk space, or clear cached records in Options; what is cached stays readable.";

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);

export function isQuotaExceeded(error: unknown): boolean {
  return isQuotaError(error, 0);
}

function isQuotaError(error: unknown, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; failuresByPos?: unknown };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  const nested = [
    e.inner,
    e.cause,
    ...(Array.isArray(e.failures) ? e.failures : []),
    ...(e.failuresByPos && typeof e.failuresByPos === 'object' ? Object.values(e.failuresByPos) : []),
  ];
  return nested.some((inner) => inner !== error && isQuotaError(inner, depth + 1));
}

/**
 * For writes that only keep bookkeeping (recently viewed, last success): when the disk is full
 * the user's action goes on without them. Any other failure still throws.
 */
export async function unlessStorageFull(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!isQuotaExceeded(error)) throw error;
  }
}
