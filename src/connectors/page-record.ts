import { recordKey, type CustomerRecord, type RecordFields } from '../model/record';
import type { RecordPageContext } from '../model/page-context';
import { emailIdentity, normalizeEmail, normalizePhone, phoneIdentity } from '../identity/normalize';
import { searchTokens } from '../identity/tokens';

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
  const emails = values.emails.filter((email) => normalizeEmail(email));
  const phones = values.phones.filter((phone) => normalizePhone(phone));
  const read: RecordFields = {
    ...(context.type === 'ticket' ? { subject: values.title } : { name: values.title }),
    ...(emails.length ? { emails } : {}),
    ...(phones.length ? { phones } : {}),
    ...(values.companyName ? { companyName: values.companyName } : {}),
  };
  const fields = { ...existing?.fields, ...read };
  const identities = [...emails.map((e) => emailIdentity(normalizeEmail(e)!)), ...phones.map((p) => phoneIdentity(normalizePhone(p)!))];
  return {
    key: recordKey(context.connector, context.account, context.type, context.id),
    connector: context.connector,
    account: context.account,
    type: context.type,
    id: context.id,
    title: values.title,
    identities: [...new Set([...(existing?.identities ?? []), ...identities])],
    fields,
    links: existing?.links ?? [],
    url: existing?.url ?? url,
    updatedAt: existing?.updatedAt ?? now,
    fetchedAt: now,
    tokens: searchTokens(values.title, fields),
  };
}
