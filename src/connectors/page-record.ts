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
 * everything the page does not show.
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
  return buildRecord({
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
}
