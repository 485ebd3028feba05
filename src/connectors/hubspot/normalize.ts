import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { normalizeDomain, normalizeEmail } from '../../identity/normalize';
import { buildRecord } from '../kit/record';
import { text } from '../kit/text';
import { moneyFromMajor } from '../kit/money';
import { hubspotRecordUrl } from './pages';
import type { HubspotObject, HubspotOwner, HubspotPipelines } from './schemas';

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
  /** Deal stages by stage id, from the portal's deal pipelines. */
  dealStages?: HubspotStages;
  /** Ticket stages by stage id, from the portal's ticket pipelines (with OPEN/CLOSED state). */
  ticketStages?: HubspotStages;
}

export interface HubspotStage {
  label: string;
  /** Tickets only: the stage's `metadata.ticketState`, lower-cased. */
  state?: 'open' | 'closed';
}
export type HubspotStages = ReadonlyMap<string, HubspotStage>;

/** Stage ids are unique within a portal's pipelines of one object type, so one map covers them all. */
export function stagesFromPipelines(pipelines: HubspotPipelines): Map<string, HubspotStage> {
  const stages = new Map<string, HubspotStage>();
  for (const pipeline of pipelines.results) {
    for (const stage of pipeline.stages) {
      if (stages.has(stage.id)) continue;
      const ticketState = stage.metadata?.ticketState;
      const state = typeof ticketState === 'string' ? ticketState.toLowerCase() : undefined;
      stages.set(stage.id, { label: stage.label, ...(state === 'open' || state === 'closed' ? { state } : {}) });
    }
  }
  return stages;
}

/**
 * The default ticket pipeline ("0") when the pipelines could not be read (no tickets scope):
 * New, Waiting on contact, Waiting on us are open; Closed is closed.
 */
const DEFAULT_TICKET_STAGES: Record<string, HubspotStage> = {
  '1': { label: 'New', state: 'open' },
  '2': { label: 'Waiting on contact', state: 'open' },
  '3': { label: 'Waiting on us', state: 'open' },
  '4': { label: 'Closed', state: 'closed' },
};

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

function ownerName(owner: HubspotOwner | undefined): string | undefined {
  if (!owner) return undefined;
  return text([owner.firstName, owner.lastName].filter(Boolean).join(' ')) ?? text(owner.email);
}

function associatedIds(object: HubspotObject, kind: string): string[] {
  return [...new Set(object.associations?.[kind]?.results.map((result) => result.id) ?? [])];
}

/**
 * A contact's or company's own deals and tickets, from the associations of its read: these are
 * complete, while a deal read in a batch (which carries no associations) only knows who asked.
 * Bounded, newest (highest id) first.
 */
const MAX_ACTIVITY_LINKS = 100;
function activityKeys(object: HubspotObject, ctx: HubspotNormalizeContext): string[] {
  const newest = (ids: string[]) => [...ids].sort((a, b) => b.length - a.length || (b < a ? -1 : b > a ? 1 : 0)).slice(0, MAX_ACTIVITY_LINKS);
  return [
    ...newest(associatedIds(object, 'deals')).map((id) => recordKey('hubspot', ctx.portal, 'deal', id)),
    ...newest(associatedIds(object, 'tickets')).map((id) => recordKey('hubspot', ctx.portal, 'ticket', id)),
  ];
}

function associatedKeys(object: HubspotObject, ctx: HubspotNormalizeContext): string[] {
  return [
    ...associatedIds(object, 'contacts').map((id) => recordKey('hubspot', ctx.portal, 'person', id)),
    ...associatedIds(object, 'companies').map((id) => recordKey('hubspot', ctx.portal, 'company', id)),
  ];
}

/** HubSpot money is a decimal string in the record's (or the portal's) currency; we keep minor units. */
function money(value: string | null | undefined, currency: string | undefined) {
  return moneyFromMajor(parseHubspotNumber(value), currency ?? 'USD');
}

function build(
  object: HubspotObject,
  type: RecordType,
  title: string,
  fields: RecordFields,
  links: string[],
  ctx: HubspotNormalizeContext,
): CustomerRecord {
  return buildRecord({
    connector: 'hubspot',
    account: ctx.portal,
    type,
    id: object.id,
    title,
    fields,
    phoneCountry: ctx.defaultCountry,
    links,
    url: hubspotRecordUrl(ctx.consoleHost, ctx.portal, type, object.id),
    updatedAt: fields.lastModifiedAt ?? parseHubspotDate(object.updatedAt),
    fetchedAt: ctx.fetchedAt,
  });
}

export function normalizeHubspotContact(object: HubspotObject, ctx: HubspotNormalizeContext): CustomerRecord {
  const p = object.properties;
  const emails = [p.email, ...(p.hs_additional_emails?.split(';') ?? [])].map(text).filter((email): email is string => !!email && normalizeEmail(email) !== null);
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
  const links = [...companyIds.map((id) => recordKey('hubspot', ctx.portal, 'company', id)), ...activityKeys(object, ctx)];
  return build(object, 'person', name ?? emails[0] ?? `Contact ${object.id}`, fields, links, ctx);
}

export function normalizeHubspotCompany(object: HubspotObject, ctx: HubspotNormalizeContext): CustomerRecord {
  const p = object.properties;
  const domain = normalizeDomain(p.domain) ?? undefined;
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
    annualRevenue: money(p.annualrevenue, ctx.currency),
    createdAt: parseHubspotDate(p.createdate) ?? parseHubspotDate(object.createdAt),
    lastModifiedAt: parseHubspotDate(p.hs_lastmodifieddate) ?? parseHubspotDate(object.updatedAt),
  };
  const links = [...associatedIds(object, 'contacts').map((id) => recordKey('hubspot', ctx.portal, 'person', id)), ...activityKeys(object, ctx)];
  return build(object, 'company', name ?? domain ?? `Company ${object.id}`, fields, links, ctx);
}

/**
 * A deal: amount in minor units with its own currency (the portal's when it has none), the stage's
 * label as status, links to its contacts and companies. `related` adds keys known from the
 * request that found the deal (a contact's deals come from a batch read without associations).
 */
export function normalizeHubspotDeal(object: HubspotObject, ctx: HubspotNormalizeContext, related: string[] = []): CustomerRecord {
  const p = object.properties;
  const stageId = text(p.dealstage);
  const name = text(p.dealname);
  const fields: RecordFields = {
    amount: money(p.amount, text(p.deal_currency_code)?.toUpperCase() ?? ctx.currency),
    status: stageId ? (ctx.dealStages?.get(stageId)?.label ?? stageId) : undefined,
    ownerId: text(p.hubspot_owner_id),
    ownerName: ownerName(p.hubspot_owner_id ? ctx.owners?.get(p.hubspot_owner_id) : undefined),
    createdAt: parseHubspotDate(p.createdate) ?? parseHubspotDate(object.createdAt),
    lastModifiedAt: parseHubspotDate(p.hs_lastmodifieddate) ?? parseHubspotDate(object.updatedAt),
  };
  return build(object, 'deal', name ?? `Deal ${object.id}`, fields, [...associatedKeys(object, ctx), ...related], ctx);
}

/**
 * A ticket: `status` is `open` or `closed` from its stage's ticketState (as Zendesk's `open`/`solved`,
 * so open tickets are counted across tools); the stage's label and the priority go to `tags`.
 */
export function normalizeHubspotTicket(object: HubspotObject, ctx: HubspotNormalizeContext, related: string[] = []): CustomerRecord {
  const p = object.properties;
  const stageId = text(p.hs_pipeline_stage);
  const pipeline = text(p.hs_pipeline);
  const known = stageId ? ctx.ticketStages?.get(stageId) : undefined;
  const fallback = stageId && !known && (!pipeline || pipeline === '0') ? DEFAULT_TICKET_STAGES[stageId] : undefined;
  const stage = known ?? fallback;
  const subject = text(p.subject);
  const priority = text(p.hs_ticket_priority);
  const tags = [stage?.label ?? stageId, priority && `${priority.toLowerCase()} priority`].filter((tag): tag is string => !!tag);
  const fields: RecordFields = {
    subject,
    status: stage?.state ?? stage?.label ?? stageId,
    tags,
    ownerId: text(p.hubspot_owner_id),
    ownerName: ownerName(p.hubspot_owner_id ? ctx.owners?.get(p.hubspot_owner_id) : undefined),
    createdAt: parseHubspotDate(p.createdate) ?? parseHubspotDate(object.createdAt),
    lastModifiedAt: parseHubspotDate(p.hs_lastmodifieddate) ?? parseHubspotDate(object.updatedAt),
  };
  return build(object, 'ticket', subject ?? `Ticket ${object.id}`, fields, [...associatedKeys(object, ctx), ...related], ctx);
}
