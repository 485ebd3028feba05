import { detectPage } from '../connectors/page-registry';
import { isPageReadable, pageModeContext } from '../connectors/page-mode';
import type { PageRecordValues } from '../connectors/page-record';
import type { RecordPageContext } from '../model/page-context';
import { recordKey } from '../model/keys';
import { getConnection } from '../platform/connections';
import type { Reply } from '../protocol/messages';
import { acceptPageRecord as accept, getRecord, markViewed, saveRecords } from '../store/records';
import { confirmPageHost as rememberHost, isPageHostConfirmed } from '../platform/page-hosts';
import { sendToTab, tabUrl } from '../platform/tabs';
import { READ_PAGE_NOW } from '../protocol/to-content';
import { unlessStorageFull } from '../store/quota';
import { clearStorageFull } from '../platform/storage-alerts';
import { noteIfStorageFull, toErrorReply } from './errors';

/** Page mode: a vendor that can be read off its pages and has no credential set. */
export async function isPageMode(context: RecordPageContext): Promise<boolean> {
  return isPageReadable(context.connector) && !(await getConnection(context.connector));
}

/** Page mode on a console host the user confirmed: anyone can make a page that poses as a record. */
export async function shouldReadPage(context: RecordPageContext): Promise<boolean> {
  return (await isPageMode(context)) && (await isPageHostConfirmed(context.connector, context.host));
}

/** "Read this page's record": remembers the host of the tab's real URL, then has the tab read. */
export async function confirmPageHost(tabId: number): Promise<Reply<'panel→background:confirmPageHost'>> {
  const detected = detectPage(await tabUrl(tabId));
  if (!detected || !(await isPageMode(detected))) return { ok: false, error: { kind: 'rejected', message: 'This tab shows no record read in page mode.' } };
  await rememberHost(detected.connector, detected.host);
  await sendToTab(tabId, READ_PAGE_NOW);
  return { ok: true, data: {} };
}

export async function acceptPageRecord(key: string): Promise<Reply<'panel→background:acceptPageRecord'>> {
  try {
    return (await accept(key)) ? { ok: true, data: {} } : { ok: false, error: { kind: 'rejected', message: 'That record is not waiting to be accepted.' } };
  } catch (error) {
    return { ok: false, error: toErrorReply(error) };
  }
}

/** Stores what the sender's page shows; the record is the one the tab's real URL names. */
export async function savePageRecord(href: string | undefined, values: PageRecordValues): Promise<Reply<'content→background:pageRecord'>> {
  const detected = detectPage(href);
  if (!href || !detected || !(await shouldReadPage(detected))) {
    return { ok: false, error: { kind: 'rejected', message: 'This page is not read in page mode.' } };
  }
  const context = pageModeContext(detected);
  const existing = await getRecord(recordKey(context.connector, context.account, context.type, context.id));
  // The page's values are normalised (phones, domains) with the identity data the API clients load with.
  const { recordFromPage } = await import('../connectors/page-record');
  const record = recordFromPage(context, href, values, Date.now(), existing);
  try {
    await saveRecords([record]);
  } catch (error) {
    // The panel shows this tool's storage note instead of waiting for the record.
    await noteIfStorageFull(error, context.connector);
    return { ok: false, error: toErrorReply(error) };
  }
  await clearStorageFull(context.connector);
  await unlessStorageFull(markViewed(record.key));
  return { ok: true, data: { key: record.key } };
}
