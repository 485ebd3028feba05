import { recordKey, type CampaignActivity, type CustomerRecord, type RecordFields } from '../../model/record';
import { normalizeEmail } from '../../identity/normalize';
import { buildRecord } from '../kit/record';
import { text } from '../kit/text';
import { isoToMs } from '../kit/dates';
import { moneyFromMajor } from '../kit/money';
import { campaignEventRecord, newestEvents } from '../kit/campaign-events';
import { brevoConsoleUrl } from './pages';
import type { BrevoCampaignStats, BrevoContact, BrevoDeal, BrevoEmailCampaign, BrevoList } from './schemas';

export interface BrevoNormalizeContext {
  account: string;
  fetchedAt: number;
  /** List names by id, so memberships read as names. */
  listNames?: ReadonlyMap<number, string>;
  /** Campaign names and subjects by id, for campaign events. */
  campaigns?: ReadonlyMap<number, { name: string; subject?: string }>;
  /** The account's currency, if the user's connection knows it: Brevo deals name none. */
  currency?: string;
}

export const brevoKey = (ctx: BrevoNormalizeContext, type: 'person' | 'list' | 'deal', id: string | number) => recordKey('brevo', ctx.account, type, String(id));

/** An attribute's value as text (attributes are the account's own, of any type). */
function attribute(contact: BrevoContact, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = contact.attributes?.[name];
    const found = typeof value === 'number' ? String(value) : text(value);
    if (found) return found;
  }
  return undefined;
}

const maxOf = (values: Array<number | undefined>) => values.reduce<number | undefined>((max, v) => (v !== undefined && (max === undefined || v > max) ? v : max), undefined);

interface StatEvent {
  activity: CampaignActivity;
  campaignId: number;
  at: number;
}

/** A contact's campaign statistics as dated events, each with its campaign (events without one are not campaign events). */
export function statEvents(stats: BrevoCampaignStats | null | undefined): StatEvent[] {
  if (!stats) return [];
  const out: StatEvent[] = [];
  const add = (activity: CampaignActivity, campaignId: number | null | undefined, time: string | null | undefined) => {
    const at = isoToMs(time);
    if (typeof campaignId === 'number' && at !== undefined) out.push({ activity, campaignId, at });
  };
  for (const e of stats.messagesSent ?? []) add('sent', e.campaignId, e.eventTime);
  for (const e of stats.opened ?? []) add('open', e.campaignId, e.eventTime);
  for (const e of stats.clicked ?? []) for (const link of e.links ?? []) add('click', e.campaignId, link.eventTime);
  for (const e of [...(stats.hardBounces ?? []), ...(stats.softBounces ?? [])]) add('bounce', e.campaignId, e.eventTime);
  // Admin unsubscriptions name no campaign: they are not campaign events.
  for (const e of stats.unsubscriptions?.userUnsubscription ?? []) add('unsubscribe', e.campaignId, e.eventTime);
  return out;
}

/**
 * A contact; its lists become memberships (by name when known) and links to the list records.
 * Last activity is the newest open or click Brevo has for them.
 */
export function normalizeBrevoContact(contact: BrevoContact, ctx: BrevoNormalizeContext): CustomerRecord {
  const email = normalizeEmail(contact.email) ? contact.email!.trim() : undefined;
  const firstName = attribute(contact, 'FIRSTNAME', 'PRENOM', 'FNAME');
  const lastName = attribute(contact, 'LASTNAME', 'NOM', 'LNAME');
  const name = [firstName, lastName].filter(Boolean).join(' ') || undefined;
  const phones = [attribute(contact, 'SMS'), attribute(contact, 'WHATSAPP'), attribute(contact, 'LANDLINE_NUMBER')].filter((p): p is string => !!p);
  const listIds = contact.listIds ?? [];
  const engaged = statEvents(contact.statistics).filter((e) => e.activity === 'open' || e.activity === 'click');
  const fields: RecordFields = {
    name,
    firstName,
    lastName,
    emails: email ? [email] : [],
    phones,
    companyName: attribute(contact, 'COMPANY', 'COMPANY_NAME'),
    jobTitle: attribute(contact, 'JOB_TITLE'),
    city: attribute(contact, 'CITY'),
    country: attribute(contact, 'COUNTRY'),
    // Brevo's own word for a contact who receives no email campaigns.
    status: contact.emailBlacklisted ? 'blocklisted' : 'subscribed',
    memberships: listIds.map((id) => ctx.listNames?.get(id) ?? `List ${id}`),
    createdAt: isoToMs(contact.createdAt),
    lastModifiedAt: isoToMs(contact.modifiedAt),
    lastActivityAt: maxOf(engaged.map((e) => e.at)),
  };
  return buildRecord({
    connector: 'brevo',
    account: ctx.account,
    type: 'person',
    id: contact.id,
    title: name ?? email ?? `Contact ${contact.id}`,
    fields,
    links: listIds.map((id) => brevoKey(ctx, 'list', id)),
    url: brevoConsoleUrl('contact', contact.id),
    updatedAt: isoToMs(contact.modifiedAt),
    fetchedAt: ctx.fetchedAt,
  });
}

/** A contact's newest campaign events (sends, opens, clicks, bounces, unsubscribes), named by campaign. */
export function normalizeBrevoCampaignEvents(contactId: number, stats: BrevoCampaignStats | null | undefined, ctx: BrevoNormalizeContext): CustomerRecord[] {
  const personKey = brevoKey(ctx, 'person', contactId);
  return newestEvents(
    statEvents(stats).map((e) => {
      const campaign = ctx.campaigns?.get(e.campaignId);
      return campaignEventRecord({
        connector: 'brevo',
        account: ctx.account,
        id: [contactId, e.campaignId, e.activity, e.at].join('-'),
        personKey,
        activity: e.activity,
        campaign: campaign?.name ?? `Campaign ${e.campaignId}`,
        subject: campaign?.subject,
        at: e.at,
        // The contact's page lists the same activity; campaign report URLs are not documented.
        url: brevoConsoleUrl('contact', contactId),
        fetchedAt: ctx.fetchedAt,
      });
    }),
  );
}

/** A list: its size goes into `subject` (the canonical fields have no count). */
export function normalizeBrevoList(list: BrevoList, ctx: BrevoNormalizeContext): CustomerRecord {
  const size = list.uniqueSubscribers ?? list.totalSubscribers;
  const fields: RecordFields = { name: list.name, subject: typeof size === 'number' ? `${size} contacts` : undefined, createdAt: isoToMs(list.createdAt) };
  return buildRecord({ connector: 'brevo', account: ctx.account, type: 'list', id: list.id, title: list.name, fields, url: brevoConsoleUrl('list', list.id), updatedAt: fields.createdAt, fetchedAt: ctx.fetchedAt });
}

/**
 * A CRM deal, linked to its contacts. Its stage and pipeline are ids (their names cost another
 * call to an endpoint limited to 100 an hour), so the deal has no status; its amount counts
 * only when the connection knows the account's currency.
 */
export function normalizeBrevoDeal(deal: BrevoDeal, ctx: BrevoNormalizeContext): CustomerRecord {
  const a = deal.attributes ?? {};
  const name = text(a.deal_name);
  const fields: RecordFields = {
    name,
    amount: moneyFromMajor(a.amount, ctx.currency),
    ownerId: text(a.deal_owner),
    createdAt: isoToMs(a.created_at),
    lastModifiedAt: isoToMs(a.last_updated_date),
    lastActivityAt: isoToMs(a.last_activity_date),
  };
  return buildRecord({
    connector: 'brevo',
    account: ctx.account,
    type: 'deal',
    id: deal.id,
    title: name ?? `Deal ${deal.id}`,
    fields,
    links: (deal.linkedContactsIds ?? []).map((id) => brevoKey(ctx, 'person', id)),
    // Brevo's deal pages are not documented; the CRM's deal list is the nearest known page.
    url: `https://app.brevo.com/crm/deals`,
    fetchedAt: ctx.fetchedAt,
  });
}

/** The names and subjects of email campaigns, for campaign events. */
export function campaignNames(campaigns: BrevoEmailCampaign[]): Map<number, { name: string; subject?: string }> {
  return new Map(campaigns.map((c) => [c.id, { name: c.name, subject: text(c.subject) }]));
}
