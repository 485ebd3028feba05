import { recordKey, type ConnectorId, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { domainIdentity, emailIdentity, normalizeDomain, normalizeEmail, normalizePhone, phoneIdentity } from '../../identity/normalize';
import { searchTokens } from '../../identity/tokens';
import { compactFields } from './fields';

export { compactFields } from './fields';

/** What a normaliser knows about one vendor record; buildRecord turns it into the canonical record. */
export interface RecordDraft {
  connector: ConnectorId;
  account: string;
  type: RecordType;
  id: string | number;
  title: string;
  /** As read from the vendor; compacted by the one rule in fields.ts. */
  fields: RecordFields;
  /**
   * Country for phone numbers written without +country code when the record names none in
   * `fields.country` (its address or the vendor's country field comes first): the user's default.
   */
  phoneCountry?: string | null;
  /** Company domains beyond `fields.domain` (a Zendesk organisation lists several). */
  moreDomains?: readonly string[];
  /** Identities already normalised, kept first (a cached record's, when a page adds to it). */
  knownIdentities?: readonly string[];
  /** Keys of related records; blanks and repeats are dropped. */
  links?: ReadonlyArray<string | null | undefined>;
  url: string;
  /** When the vendor last changed it; otherwise `fields.lastModifiedAt`, otherwise when fetched. */
  updatedAt?: number;
  fetchedAt: number;
  /** False for records that search should not list (one campaign send has twenty copies). */
  searchable?: boolean;
}

/**
 * The one way a canonical record is made, for every vendor: key from (connector, account,
 * type, id), fields compacted alike, identities from the fields' emails, phones and domain
 * through the identity normalisers, links and identities once each, search tokens by the
 * rules of identity/tokens.ts.
 */
export function buildRecord(draft: RecordDraft): CustomerRecord {
  const id = String(draft.id);
  const fields = compactFields(draft.fields);
  return {
    key: recordKey(draft.connector, draft.account, draft.type, id),
    connector: draft.connector,
    account: draft.account,
    type: draft.type,
    id,
    title: draft.title,
    identities: unique([...(draft.knownIdentities ?? []), ...identitiesOf(draft.type, fields, draft)]),
    fields,
    links: unique(draft.links ?? []),
    url: draft.url,
    updatedAt: draft.updatedAt ?? fields.lastModifiedAt ?? draft.fetchedAt,
    fetchedAt: draft.fetchedAt,
    tokens: draft.searchable === false ? [] : searchTokens(draft.title, fields),
  };
}

/**
 * Emails, then phones, then domains. A company's phone is its switchboard, shared by everyone
 * who works there, so it identifies nobody: only the phones of other records become identities.
 */
function identitiesOf(type: RecordType, fields: RecordFields, draft: RecordDraft): string[] {
  const emails = (fields.emails ?? []).map(normalizeEmail);
  const phones = type === 'company' ? [] : (fields.phones ?? []).map((phone) => normalizePhone(phone, fields.country ?? draft.phoneCountry ?? undefined));
  const domains = [fields.domain, ...(draft.moreDomains ?? [])].map(normalizeDomain);
  return [
    ...emails.filter(isPresent).map(emailIdentity),
    ...phones.filter(isPresent).map(phoneIdentity),
    ...domains.filter(isPresent).map(domainIdentity),
  ];
}

const isPresent = (value: string | null | undefined): value is string => !!value;
const unique = (values: ReadonlyArray<string | null | undefined>) => [...new Set(values.filter(isPresent))];
