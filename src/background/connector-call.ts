import { metaOf } from '../connectors/vendors';
import { ConnectorError, isConnectorError } from '../connectors/errors';
import type { Credentials } from '../connectors/contract';
import type { Connection } from '../model/health';
import type { ErrorReply } from '../protocol/messages';
import { vaultStatus } from '../secrets/tokens';
import { recordHealthSuccess } from '../store/health';
import { unlessStorageFull } from '../store/quota';
import { clearStorageFull, type StorageFullScope } from '../platform/storage-alerts';
import { credentialsFor, missingCredentialsMessage } from './credentials';
import { withRenewal } from './google-sign-in';
import { noteIfStorageFull, recordConnectorFailure, toErrorReply } from './errors';

/**
 * The one path from a connection to a vendor's answer in the store: credentials, the call, the
 * write, the tool's health, the full-disk notes, and the error the user is shown. The record,
 * lookup, sync and metrics services all go through it, so a tool fails the same way everywhere.
 *
 * | outcome                          | tool health (Options)          | full-disk notes     | the caller gets                 |
 * |----------------------------------|--------------------------------|---------------------|---------------------------------|
 * | success                          | last success = now             | cleared (its scopes)| the answer, saved               |
 * | success with warnings            | each warning as an error, and  | cleared             | the answer, saved               |
 * |                                  | last success = now             |                     |                                 |
 * | not-found                        | nothing: the vendor answered   | -                   | error `not-found`: the caller   |
 * |                                  |                                |                     | decides (a record page shows it,|
 * |                                  |                                |                     | a lookup reads it as "unknown") |
 * | auth rejected, rate-limit,       | the error                      | -                   | the error (rate limits with     |
 * | network/offline/timeout, vendor  |                                |                     | their retry delay)              |
 * | schema (unreadable payload)      | the error with its zod path,   | -                   | the error; nothing written      |
 * |                                  | schema drift + 1               |                     |                                 |
 * | storage full (the answer's write)| nothing: it cannot be written  | noted (its scopes)  | error `storage-full`; the cache |
 * |                                  |                                |                     | stays as it was                 |
 * | locked tokens / no credentials   | nothing: not the tool's fault  | -                   | error `auth` (locked, signed    |
 * |                                  |                                |                     | out) or `not-connected` (token  |
 * |                                  |                                |                     | missing); the vendor not called |
 * | anything else (a bug)            | nothing                        | -                   | error `internal`                |
 *
 * Bookkeeping writes (last success, health errors) are let go on a full disk: the user's answer
 * matters more than its record-keeping.
 */

/** Credentials to call the vendor with, or why there are none, in words the user can act on. */
export async function usableCredentials(connection: Connection): Promise<{ credentials: Credentials } | { error: ErrorReply }> {
  let credentials: Credentials | null;
  try {
    credentials = await credentialsFor(connection);
  } catch (error) {
    // Google refused to renew a sign-in (or could not be reached): the tool's health says so in Options.
    if (isConnectorError(error)) await unlessStorageFull(recordConnectorFailure(connection.connector, error));
    return { error: toErrorReply(error) };
  }
  if (credentials) return { credentials };
  if ((await vaultStatus()) === 'locked') return { error: { kind: 'auth', message: 'Your tokens are locked with your passphrase: unlock them in Options.' } };
  if (connection.authMode === 'session') return { error: { kind: 'auth', message: missingCredentialsMessage(connection) } };
  return { error: { kind: 'not-connected', message: missingCredentialsMessage(connection) } };
}

export interface ConnectorCall<T> {
  /** The vendor call; nothing is written until it returned a whole, parsed answer. */
  call: (credentials: Credentials) => Promise<T>;
  /** The write the answer depends on; refused for lack of room, the call fails with `storage-full`. */
  save: (answer: T) => Promise<void>;
  /** Secondary reads that failed beside a good answer (FetchResult.warnings): health, not failure. */
  warnings?: (answer: T) => ConnectorError[] | undefined;
  /** Full-disk notes this call's write sets and clears besides the tool's own (a sync's). */
  scopes?: StorageFullScope[];
  /** Gives up after this long, as a network error (one slow tool must not hold up a lookup). */
  timeoutMs?: number;
  /**
   * Whether this answer records the tool's last success and clears its full-disk notes (always,
   * unless said otherwise). A sync says so for its first and last pages and every few seconds
   * between: each is a transaction of its own, and per page they slowed a sync down.
   */
  bookkeeping?: (answer: T) => boolean;
}

export type CallOutcome<T> = { ok: true; answer: T } | { ok: false; error: ErrorReply };

/** Credentials, then the call: see the table above. */
export async function callConnector<T>(connection: Connection, steps: ConnectorCall<T>): Promise<CallOutcome<T>> {
  const usable = await usableCredentials(connection);
  if ('error' in usable) return { ok: false, error: usable.error };
  return callWithCredentials(connection, usable.credentials, steps);
}

/** The call with credentials already checked (a lookup checks them before its cache). */
export async function callWithCredentials<T>(connection: Connection, credentials: Credentials, steps: ConnectorCall<T>): Promise<CallOutcome<T>> {
  const id = connection.connector;
  const scopes: StorageFullScope[] = [id, ...(steps.scopes ?? [])];
  try {
    // A Google sign-in's token refused before its hour is renewed once and the call made again.
    const work = connection.signIn === 'google' ? withRenewal(id, credentials.token, (token) => steps.call({ ...credentials, token })) : steps.call(credentials);
    const answer = await (steps.timeoutMs ? withTimeout(work, steps.timeoutMs, metaOf(id).label) : work);
    await steps.save(answer);
    // Bookkeeping side by side (each health write reads the row afresh).
    const bookkeeping = steps.bookkeeping?.(answer) ?? true;
    await Promise.all([bookkeeping && clearStorageFull(...scopes), recordWarnings(id, steps.warnings?.(answer) ?? []), bookkeeping && unlessStorageFull(recordHealthSuccess(id))]);
    return { ok: true, answer };
  } catch (error) {
    await noteIfStorageFull(error, ...scopes);
    if (isConnectorError(error) && error.kind !== 'not-found') await recordConnectorFailure(id, error);
    return { ok: false, error: toErrorReply(error) };
  }
}

async function recordWarnings(id: Connection['connector'], warnings: ConnectorError[]): Promise<void> {
  for (const warning of warnings) await recordConnectorFailure(id, warning);
}

function withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectorError('network', `${label} did not answer within ${ms / 1000} s.`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
