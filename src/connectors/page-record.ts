import type { CustomerRecord, RecordFields } from '../model/record';
import type { RecordPageContext } from '../model/page-context';
import { normalizePhone } from '../identity/normalize';
import { isPlainPageEmail } from '../identity/email';
import { buildRecord, compactFields } from './kit/record';

export interface PageRecordValues {
  title: string;
  emails: string[];
  phones: string[];
  companyName?: string;
}

/**
 * A canonical record from what a console page shows (page mode). Which record it is comes from
 * the tab's URL; the page supplies only values. A record already cached under the same key keeps
 * everything the page does not show. It is `pending` (joins nothing) until the user accepts it.
 */
export function recordFromPage(context: RecordPageContext, url: string, values: PageRecordValues, now: number, existing?: CustomerRecord): CustomerRecord {
  // Phones the page shows that are no number are left out: the page's word is all we have.
  const phones = values.phones.filter((phone) => normalizePhone(phone));
  // An address with URL syntax in it (`a%3Fbcc%3D…@…`) is planted: it would add a hidden Bcc to a link.
  const emails = values.emails.filter(isPlainPageEmail);
  const read: RecordFields = {
    ...(context.type === 'ticket' ? { subject: values.title } : { name: values.title }),
    emails,
    phones,
    companyName: values.companyName,
  };
  const record = buildRecord({
    connector: context.connector,
    account: context.account,
    type: context.type,
    id: context.id,
    title: values.title,
    fields: { ...existing?.fields, ...compactFields(read) },
    knownIdentities: existing?.identities,
    links: existing?.links,
    url: existing?.url ?? url,
    updatedAt: existing?.updatedAt ?? now,
    fetchedAt: now,
  });
  return { ...record, pageRead: pageReadState(record, existing) };
}

/**
 * Accepted stays accepted while the page shows no identity the accepted (or vendor-read) record
 * did not have; anything new waits for the user again.
 */
function pageReadState(record: CustomerRecord, existing: CustomerRecord | undefined): 'pending' | 'accepted' {
  if (!existing || existing.pageRead === 'pending') return 'pending';
  const trusted = new Set(existing.identities);
  return record.identities.every((identity) => trusted.has(identity)) ? 'accepted' : 'pending';
}
