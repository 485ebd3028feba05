import type { Transaction } from 'dexie';
import type { CustomerRecord } from '../../model/record';
import { domainIdentity, normalizeDomain, phoneIdentity } from '../../identity/normalize';
// From phone.ts itself, not normalize.ts: pages hold normalize.ts for search tokens, and a use
// of its normalizePhone here would pull the phone metadata into every page's first chunk.
import { toE164 as normalizePhone } from '../../identity/phone';
import { searchTokens } from '../../identity/tokens';
import { termsOf, vocabularyOf } from '../terms';
import type { StoredRecord } from '../schema';

const DOMAIN = 'domain:';
const PHONE = 'phone:';

/**
 * A record's identities by today's normalisers. Older ones took a multi-part public suffix
 * for a company's domain (`domain:co.id`, shared by every company in Indonesia) and any
 * 8 to 15 digits for a phone (`phone:+15551234`); each is checked again and dropped when it
 * is not an identity. The vendor's website is not kept, so a dropped domain comes back
 * right at the next sync. Phones written without a country code are read again with the
 * record's country, as connectors now do.
 */
export function renormalizedIdentities(record: CustomerRecord): string[] {
  const identities = new Set<string>();
  for (const identity of record.identities) {
    if (identity.startsWith(DOMAIN)) {
      const domain = normalizeDomain(identity.slice(DOMAIN.length));
      if (domain) identities.add(domainIdentity(domain));
    } else if (identity.startsWith(PHONE)) {
      const phone = normalizePhone(identity.slice(PHONE.length));
      if (phone) identities.add(phoneIdentity(phone));
    } else identities.add(identity);
  }
  for (const written of record.fields.phones ?? []) {
    const phone = normalizePhone(written, record.fields.country);
    if (phone) identities.add(phoneIdentity(phone));
  }
  return [...identities];
}

/** The schema upgrade: identities, search tokens (company domains of emails) and the one index. */
export async function renormalizeIdentities(tx: Transaction): Promise<void> {
  const words = new Set<string>();
  await tx
    .table('records')
    .toCollection()
    .modify((record: StoredRecord) => {
      record.identities = renormalizedIdentities(record);
      record.tokens = searchTokens(record.title, record.fields);
      record.terms = termsOf(record);
      for (const word of vocabularyOf(record.tokens)) words.add(word);
    });
  await tx.table('vocabulary').bulkPut([...words].map((token) => ({ token })));
}
