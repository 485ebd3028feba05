import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import {
  domainIdentity,
  emailIdentity,
  normalizeDomain,
  normalizeEmail,
  normalizePhone,
  phoneIdentity,
} from '../../identity/normalize';
import { searchTokens } from '../../identity/tokens';
import { hubspotRecordUrl } from './pages';
import type { HubspotObject, HubspotOwner } from './schemas';

export interface HubspotNormalizeContext {
  portal: string;
  consoleHost: string;
  fetchedAt: number;
  /** The portal's company currency; HubSpot amounts carry none of their own. */
  currency?: string;
  /** ISO country for phone numbers written without +country code (a user setting). */
  defaultCountry?: string;
  owners?: ReadonlyMap<string, HubspotOwner>;
  /** Company names by id, so a contact shows its company even before the company record is read. */
  companyNames?: ReadonlyMap<string, string>;
}

/** HubSpot dates are ISO strings or epoch-millisecond strings, depending on the property. */
export function parseHubspotDate(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d{10,}$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function parseHubspotNumber(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function ownerName(owner: HubspotOwner | undefined): string | undefined {
  if (!owner) return undefined;
  return text([owner.firstName, owner.lastName].filter(Boolean).join(' ')) ?? text(owner.email);
}

function associatedIds(object: HubspotObject, kind: string): string[] {
  return [...new Set(object.associations?.[kind]?.results.map((result) => result.id) ?? [])];
}

function compact(fields: RecordFields): RecordFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as RecordFields;
}

function build(
  object: HubspotObject,
  type: RecordType,
  title: string,
  fields: RecordFields,
  identities: string[],
  links: string[],
  ctx: HubspotNormalizeContext,
): CustomerRecord {
  const clean = compact(fields);
  return {
    key: recordKey('hubspot', ctx.portal, type, object.id),
    connector: 'hubspot',
    account: ctx.portal,
    type,
    id: object.id,
    title,
    identities: [...new Set(identities)],
    fields: clean,
    links,
    url: hubspotRecordUrl(ctx.consoleHost, ctx.portal, type, object.id),
    updatedAt: clean.lastModifiedAt ?? parseHubspotDate(object.updatedAt) ?? ctx.fetchedAt,
    fetchedAt: ctx.fetchedAt,
    tokens: searchTokens(title, clean),
  };
}

export function normalizeHubspotContact(object: HubspotObject, ctx: HubspotNormalizeContext): CustomerRecord {
  const p = object.properties;
  const emails = [p.email, ...(p.hs_additional_emails?.split(';') ?? [])]
    .map((email) => email?.trim())
    .filter((email): email is string => !!email && normalizeEmail(email) !== null);
  const phones = [p.phone, p.mobilephone].map(text).filter((phone): phone is string => !!phone);
  const firstName = text(p.firstname);
  const lastName = text(p.lastname);
  const name = text([firstName, lastName].filter(Boolean).join(' '));
  const companyIds = associatedIds(object, 'companies');
  const companyName = companyIds.map((id) => ctx.companyNames?.get(id)).find(Boolean) ?? text(p.company);

  const fields: RecordFields = {
    name,
    firstName,
    lastName,
    emails,
    phones,
    jobTitle: text(p.jobtitle),
    companyName,
    lifecycleStage: text(p.lifecyclestage),
    ownerId: text(p.hubspot_owner_id),
    ownerName: ownerName(p.hubspot_owner_id ? ctx.owners?.get(p.hubspot_owner_id) : undefined),
    createdAt: parseHubspotDate(p.createdate) ?? parseHubspotDate(object.createdAt),
    lastModifiedAt: parseHubspotDate(p.lastmodifieddate) ?? parseHubspotDate(object.updatedAt),
  };
  const identities = [
    ...emails.map((email) => emailIdentity(normalizeEmail(email)!)),
    ...phones.map((phone) => normalizePhone(phone, ctx.defaultCountry)).filter((phone): phone is string => !!phone).map(phoneIdentity),
  ];
  const links = companyIds.map((id) => recordKey('hubspot', ctx.portal, 'company', id));
  return build(object, 'person', name ?? emails[0] ?? `Contact ${object.id}`, fields, identities, links, ctx);
}

export function normalizeHubspotCompany(object: HubspotObject, ctx: HubspotNormalizeContext): CustomerRecord {
  const p = object.properties;
  const domain = normalizeDomain(p.domain) ?? undefined;
  const revenue = parseHubspotNumber(p.annualrevenue);
  const name = text(p.name);
  const fields: RecordFields = {
    name,
    domain,
    phones: [p.phone].map(text).filter((phone): phone is string => !!phone),
    industry: text(p.industry),
    city: text(p.city),
    country: text(p.country),
    lifecycleStage: text(p.lifecyclestage),
    ownerId: text(p.hubspot_owner_id),
    ownerName: ownerName(p.hubspot_owner_id ? ctx.owners?.get(p.hubspot_owner_id) : undefined),
    employees: parseHubspotNumber(p.numberofemployees),
    // HubSpot reports annual revenue in the portal's currency as a decimal string.
    annualRevenue:
      revenue === undefined ? undefined : { amountMinor: Math.round(revenue * 100), currency: ctx.currency ?? 'USD' },
    createdAt: parseHubspotDate(p.createdate) ?? parseHubspotDate(object.createdAt),
    lastModifiedAt: parseHubspotDate(p.hs_lastmodifieddate) ?? parseHubspotDate(object.updatedAt),
  };
  const identities = domain ? [domainIdentity(domain)] : [];
  const links = associatedIds(object, 'contacts').map((id) => recordKey('hubspot', ctx.portal, 'person', id));
  return build(object, 'company', name ?? domain ?? `Company ${object.id}`, fields, identities, links, ctx);
}
