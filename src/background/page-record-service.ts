import { detectPage } from '../connectors/page-registry';
import { isPageReadable, pageModeContext } from '../connectors/page-mode';
import { recordFromPage, type PageRecordValues } from '../connectors/page-record';
import type { RecordPageContext } from '../model/page-context';
import { recordKey } from '../model/keys';
import { getConnection } from '../platform/connections';
import type { Reply } from '../protocol/messages';
import { getRecord, markViewed, saveRecords } from '../store/records';
import { unlessStorageFull } from '../store/quota';
import { clearStorageFull } from '../platform/storage-alerts';
import { noteIfStorageFull, toErrorReply } from './errors';

/** Page mode: a vendor that can be read off its pages and has no credential set. */
export async function shouldReadPage(context: RecordPageContext): Promise<boolean> {
  return isPageReadable(context.connector) && !(await getConnection(context.connector));
}

/** Stores what the sender's page shows; the record is the one the tab's real URL names. */
export async function savePageRecord(href: string | undefined, values: PageRecordValues): Promise<Reply<'content→background:pageRecord'>> {
  const detected = detectPage(href);
  if (!href || !detected || !(await shouldReadPage(detected))) {
    return { ok: false, error: { kind: 'rejected', message: 'This page is not read in page mode.' } };
  }
  const context = pageModeContext(detected);
  const existing = await getRecord(recordKey(context.connector, context.account, context.type, context.id));
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
