import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { normalizeDomain, normalizeEmail } from '../../identity/normalize';
import { pipedriveConsoleUrl, type PipedriveSection } from './pages';
import type { PipedriveDeal, PipedriveOrganization, PipedrivePerson, PipedriveReference } from './schemas';
import { buildRecord } from '../kit/record';
import { text } from '../kit/text';
import { moneyFromMajor } from '../kit/money';
import { calendarDateFields } from '../kit/dates';

export interface PipedriveNormalizeContext {
  /** The company id (verify's `company_id`), which record keys use. */
  account: string;
  /** `<company>.pipedrive.com`, for deep links. */
  consoleHost: string;
  fetchedAt: number;
  defaultCountry?: string;
}

/** v1 `2024-07-01 05:46:33` is UTC without a zone; v2 is ISO. `0000-00-00 00:00:00` means never. */
export function pipedriveTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const ms = Date.parse(text);
  return Number.isNaN(ms) || ms <= 0 ? undefined : ms;
}

/** Deal values are decimals in the deal's own currency. */
export const toMinor = moneyFromMajor;

const refId = (ref: PipedriveReference) => (ref == null ? undefined : typeof ref === 'number' ? ref : ref.value);
const refName = (ref: PipedriveReference) => (ref && typeof ref === 'object' && ref.name ? ref.name : undefined);

const SECTION: Record<'person' | 'company' | 'deal', PipedriveSection> = { person: 'person', company: 'organization', deal: 'deal' };

function build(ctx: PipedriveNormalizeContext, type: 'person' | 'company' | 'deal', id: number, title: string, fields: RecordFields, links: string[], updated: string | null | undefined): CustomerRecord {
  return buildRecord({
    connector: 'pipedrive',
    account: ctx.account,
    type,
    id,
    title,
    fields,
    phoneCountry: ctx.defaultCountry,
    links,
    url: pipedriveConsoleUrl(ctx.consoleHost, SECTION[type], id),
    updatedAt: pipedriveTime(updated),
    fetchedAt: ctx.fetchedAt,
  });
}

const keyOf = (ctx: PipedriveNormalizeContext, type: RecordType, id: number | undefined) => (id === undefined ? [] : [recordKey('pipedrive', ctx.account, type, String(id))]);

/** Primary first, blanks dropped: `[{value: ''}]` is how v1 says "none". */
function values(points: PipedrivePerson['emails']): string[] {
  const sorted = [...(points ?? [])].sort((a, b) => Number(!!b.primary) - Number(!!a.primary));
  return [...new Set(sorted.map((p) => text(p.value)).filter((v): v is string => !!v))];
}

/** v1 and v2 persons give the same record; v1 also names the organisation and owner inline. */
export function normalizePipedrivePerson(person: PipedrivePerson, ctx: PipedriveNormalizeContext, organization?: PipedriveOrganization): CustomerRecord {
  const emails = values(person.emails ?? person.email).filter((e) => normalizeEmail(e));
  const phones = values(person.phones ?? person.phone);
  const orgId = refId(person.org_id);
  const fields: RecordFields = {
    name: text(person.name),
    firstName: text(person.first_name),
    lastName: text(person.last_name),
    emails,
    phones,
    companyName: organization?.name ?? refName(person.org_id) ?? text(person.org_name),
    ownerId: refId(person.owner_id)?.toString(),
    ownerName: refName(person.owner_id) ?? text(person.owner_name),
    createdAt: pipedriveTime(person.add_time),
    lastModifiedAt: pipedriveTime(person.update_time),
    lastActivityAt: pipedriveTime(person.last_activity_date),
    dateOnly: calendarDateFields({ lastActivityAt: person.last_activity_date }),
  };
  return build(ctx, 'person', person.id, fields.name ?? emails[0] ?? `Person ${person.id}`, fields, keyOf(ctx, 'company', orgId), person.update_time);
}

/** Organisations have no domain field; a custom field holding a website (`https://acme.com`, `www.acme.com`) gives one. */
function websiteDomain(organization: PipedriveOrganization): string | undefined {
  for (const value of Object.values(organization.custom_fields ?? {})) {
    if (typeof value === 'string' && /^(https?:\/\/|www\.)\S+$/i.test(value.trim())) {
      const domain = normalizeDomain(value);
      if (domain) return domain;
    }
  }
  return undefined;
}

export function normalizePipedriveOrganization(organization: PipedriveOrganization, ctx: PipedriveNormalizeContext): CustomerRecord {
  const place = organization.address && typeof organization.address === 'object' ? organization.address : undefined;
  const domain = websiteDomain(organization);
  const fields: RecordFields = {
    name: organization.name,
    domain,
    city: text(place?.locality ?? organization.address_locality),
    country: text(place?.country ?? organization.address_country),
    ownerId: refId(organization.owner_id)?.toString(),
    ownerName: refName(organization.owner_id),
    createdAt: pipedriveTime(organization.add_time),
    lastModifiedAt: pipedriveTime(organization.update_time),
  };
  return build(ctx, 'company', organization.id, organization.name, fields, [], organization.update_time);
}

/** Deals: value in minor units by currency, status `open`/`won`/`lost`; linked to their person and organisation. */
export function normalizePipedriveDeal(deal: PipedriveDeal, ctx: PipedriveNormalizeContext): CustomerRecord {
  const fields: RecordFields = {
    name: deal.title,
    amount: moneyFromMajor(deal.value, deal.currency),
    status: deal.status,
    companyName: refName(deal.org_id),
    ownerId: refId(deal.owner_id ?? deal.user_id)?.toString(),
    ownerName: refName(deal.owner_id) ?? refName(deal.user_id),
    createdAt: pipedriveTime(deal.add_time),
    lastModifiedAt: pipedriveTime(deal.update_time),
  };
  const links = [...keyOf(ctx, 'person', refId(deal.person_id)), ...keyOf(ctx, 'company', refId(deal.org_id))];
  return build(ctx, 'deal', deal.id, deal.title, fields, links, deal.update_time);
}
