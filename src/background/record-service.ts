import { connectorFor } from '../connectors/registry';
import { isConnectorError } from '../connectors/errors';
import type { RecordPageContext } from '../model/page-context';
import { recordKey } from '../model/record';
import { customerDb } from '../store/db';
import { getRecord, markViewed, recordHealthSuccess, saveRecords } from '../store/records';
import { getConnection, vaultStatus } from '../platform/storage';
import { credentialsFor, missingCredentialsMessage } from './credentials';
import type { Reply } from '../protocol/messages';
import { resolveContext } from '../connectors/resolve-context';
import { noteIfStorageFull, recordConnectorFailure, toErrorReply } from './errors';
import { unlessStorageFull } from '../store/quota';
import { clearStorageFull } from '../platform/storage-alerts';

/** A page visit refreshes a record at most this often; the refresh button always does. */
const AUTO_REFRESH_AFTER_MS = 5 * 60_000;

/**
 * Each page read is remembered: when it was (a record met in a lookup or a sync was read with
 * less, such as a HubSpot company without its deals, so the first visit to its page still reads
 * it), and which record the page turned out to be, for console URLs that carry another id than
 * the API's (Mailchimp's numeric web id), so the next visit shows it at once.
 */
const pageAliasId = (key: string) => `page|${key}`;

/** Two panels (or a panel and the content script) asking at once share one request. */
const inFlight = new Map<string, Promise<Reply<'panel→background:fetchRecord'>>>();

export async function fetchRecord(pageContext: RecordPageContext, force: boolean): Promise<Reply<'panel→background:fetchRecord'>> {
  const context = resolveContext(pageContext, (await getConnection(pageContext.connector)) ?? undefined);
  const key = recordKey(context.connector, context.account, context.type, context.id);
  const running = inFlight.get(key);
  if (running) return running;
  const task = fetchAndStore(context, key, force).finally(() => inFlight.delete(key));
  inFlight.set(key, task);
  return task;
}

async function fetchAndStore(context: RecordPageContext, key: string, force: boolean): Promise<Reply<'panel→background:fetchRecord'>> {
  const db = customerDb();
  const connector = connectorFor(context.connector);
  const connection = await getConnection(context.connector);
  if (!connection) {
    return { ok: false, error: { kind: 'not-connected', message: `${connector.label} is not connected. Add a token in Options.` } };
  }
  const credentials = await credentialsFor(connection);
  if (!credentials) {
    if (connection.authMode !== 'session' && (await vaultStatus()) === 'locked') {
      return { ok: false, error: { kind: 'auth', message: 'Your tokens are locked with your passphrase: unlock them in Options.' } };
    }
    return { ok: false, error: { kind: connection.authMode === 'session' ? 'auth' : 'not-connected', message: missingCredentialsMessage(connection) } };
  }
  if (connection.account !== context.account) {
    return {
      ok: false,
      error: {
        kind: 'wrong-account',
        message: `This page is in ${connector.label} account ${context.account}, but the connected token belongs to ${connection.accountLabel}.`,
      },
    };
  }
  const pageRead = await db.lookups.get(pageAliasId(key));
  const known = pageRead?.keys[0] ?? key;
  // Recents are a convenience: a full disk must not stop the cached record from showing.
  await unlessStorageFull(markViewed(db, known));
  const cached = await getRecord(db, known);
  if (!force && cached && pageRead && Date.now() - pageRead.checkedAt < AUTO_REFRESH_AFTER_MS) return { ok: true, data: { key: known } };

  try {
    // Nothing is written until the whole answer parsed: a bad payload leaves the cache as it was.
    const { records, warnings = [] } = await connector.fetchRecord(context, credentials, connection);
    const shown = records[0]?.key ?? key;
    await saveRecords(db, records);
    // What failed beside the record (its campaign events...) is the tool's health, not this answer.
    for (const warning of warnings) await recordConnectorFailure(db, context.connector, warning);
    // When this page was last read, and as which record: a convenience like recents.
    await unlessStorageFull(db.lookups.put({ id: pageAliasId(key), connector: context.connector, identity: `page:${context.id}`, checkedAt: Date.now(), keys: [shown] }));
    if (shown !== key) await unlessStorageFull(markViewed(db, shown));
    await clearStorageFull(context.connector);
    await unlessStorageFull(recordHealthSuccess(db, context.connector));
    return { ok: true, data: { key: shown } };
  } catch (error) {
    // Nothing of this answer was written (one transaction); the cached record stays as it was.
    await noteIfStorageFull(error, context.connector);
    if (isConnectorError(error) && error.kind !== 'not-found') {
      await recordConnectorFailure(db, context.connector, error);
    }
    return { ok: false, error: toErrorReply(error) };
  }
}

/** The user picked a record from search or recents: remember it, refresh it if it is old. */
export async function openRecord(key: string): Promise<Reply<'panel→background:openRecord'>> {
  const db = customerDb();
  const record = await getRecord(db, key);
  if (!record) return { ok: false, error: { kind: 'not-found', message: 'That record is no longer cached.' } };
  await unlessStorageFull(markViewed(db, key));
  const connection = await getConnection(record.connector);
  const host = connection?.consoleHost ?? new URL(record.url).hostname;
  return fetchRecord({ connector: record.connector, account: record.account, type: record.type, id: record.id, host }, false).then(
    (reply) => (reply.ok ? { ok: true, data: { key } } : reply),
  );
}
