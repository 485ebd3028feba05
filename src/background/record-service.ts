import { metaOf } from '../connectors/vendors';
import { loadConnector } from './connectors';
import type { RecordPageContext } from '../model/page-context';
import { recordKey } from '../model/record';
import { getRecord, markViewed, saveRecords } from '../store/records';
import { cachedLookup, saveLookup } from '../store/lookups';
import { getConnection } from '../platform/connections';
import type { Reply } from '../protocol/messages';
import { isOtherAccountsConsole, resolveContext } from '../connectors/resolve-context';
import { unlessStorageFull } from '../store/quota';
import { callWithCredentials, usableCredentials } from './connector-call';

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
  const connection = (await getConnection(pageContext.connector)) ?? undefined;
  if (connection && isOtherAccountsConsole(pageContext, connection)) {
    const { label, traits } = metaOf(pageContext.connector);
    return {
      ok: false,
      error: {
        kind: 'wrong-account',
        message: `This page belongs to another ${label} ${traits.consoleOwner?.noun ?? 'account'} (${pageContext.host}) than the one connected (${connection.accountLabel}): its record is not fetched.`,
      },
    };
  }
  const context = resolveContext(pageContext, connection);
  const key = recordKey(context.connector, context.account, context.type, context.id);
  const running = inFlight.get(key);
  if (running) return running;
  const task = fetchAndStore(context, key, force).finally(() => inFlight.delete(key));
  inFlight.set(key, task);
  return task;
}

async function fetchAndStore(context: RecordPageContext, key: string, force: boolean): Promise<Reply<'panel→background:fetchRecord'>> {
  const { label } = metaOf(context.connector);
  const connection = await getConnection(context.connector);
  if (!connection) {
    return { ok: false, error: { kind: 'not-connected', message: `${label} is not connected. Add a token in Options.` } };
  }
  // Locked or signed out is said at once, even over a fresh cached record.
  const usable = await usableCredentials(connection);
  if ('error' in usable) return { ok: false, error: usable.error };
  if (connection.account !== context.account) {
    return {
      ok: false,
      error: {
        kind: 'wrong-account',
        message: `This page is in ${label} account ${context.account}, but the connected token belongs to ${connection.accountLabel}.`,
      },
    };
  }
  const pageRead = await cachedLookup(pageAliasId(key));
  const known = pageRead?.keys[0] ?? key;
  // Recents are a convenience: a full disk must not stop the cached record from showing.
  await unlessStorageFull(markViewed(known));
  const cached = await getRecord(known);
  if (!force && cached && pageRead && Date.now() - pageRead.checkedAt < AUTO_REFRESH_AFTER_MS) return { ok: true, data: { key: known } };

  // A not-found is shown: the page names a record the vendor does not have (any more).
  const outcome = await callWithCredentials(connection, usable.credentials, {
    call: async (credentials) => (await loadConnector(context.connector)).fetchRecord(context, credentials, connection),
    warnings: (answer) => answer.warnings,
    save: async ({ records }) => {
      const shown = records[0]?.key ?? key;
      // One transaction: a refused write leaves the cached record as it was.
      await saveRecords(records);
      // When this page was last read, and as which record: a convenience like recents.
      await unlessStorageFull(saveLookup({ id: pageAliasId(key), connector: context.connector, identity: `page:${context.id}`, checkedAt: Date.now(), keys: [shown] }));
      if (shown !== key) await unlessStorageFull(markViewed(shown));
    },
  });
  return outcome.ok ? { ok: true, data: { key: outcome.answer.records[0]?.key ?? key } } : { ok: false, error: outcome.error };
}

/** The user picked a record from search or recents: remember it, refresh it if it is old. */
export async function openRecord(key: string): Promise<Reply<'panel→background:openRecord'>> {
  const record = await getRecord(key);
  if (!record) return { ok: false, error: { kind: 'not-found', message: 'That record is no longer cached.' } };
  await unlessStorageFull(markViewed(key));
  const connection = await getConnection(record.connector);
  const host = connection?.consoleHost ?? new URL(record.url).hostname;
  return fetchRecord({ connector: record.connector, account: record.account, type: record.type, id: record.id, host }, false).then(
    (reply) => (reply.ok ? { ok: true, data: { key } } : reply),
  );
}
