import { recordKey, type CustomerRecord, type RecordFields } from '../../model/record';
import { normalizeEmail } from '../../identity/normalize';
import { buildRecord } from '../kit/record';
import { text } from '../kit/text';
import { isoToMs } from '../kit/dates';
import { rescaleMinorUnits } from '../kit/money';
import { campaignEventRecord, newestEvents } from '../kit/campaign-events';
import type { CampaignActivity } from '../../model/record';
import { activecampaignConsoleUrl } from './pages';
import type { AcCampaign, AcContact, AcContactList, AcDeal, AcList, AcTrackingLog } from './schemas';

export interface AcNormalizeContext {
  /** The account name: `acme` of acme.api-us1.com. */
  account: string;
  fetchedAt: number;
  /** List names by id, so memberships read "Newsletter: active". */
  listNames?: Record<string, string>;
  /** Campaign names by id, so a tracking-log line reads "Spring sale" rather than an id. */
  campaignNames?: Record<string, string>;
}

/** Tracking-log types that are campaign activity; others (deal or note changes, automations) are not. */
const TRACKING_ACTIVITY: Record<string, CampaignActivity> = {
  open: 'open',
  read: 'open',
  click: 'click',
  link: 'click',
  sent: 'sent',
  send: 'sent',
  bounce: 'bounce',
  unsubscribe: 'unsubscribe',
};

/** The contact's newest campaign events from their tracking log, each linked to them. */
export function normalizeAcTrackingLogs(contactId: string, logs: AcTrackingLog[], ctx: AcNormalizeContext): CustomerRecord[] {
  const personKey = acKey(ctx.account, 'person', contactId);
  const events = logs.flatMap((log) => {
    const activity = TRACKING_ACTIVITY[log.type.trim().toLowerCase()];
    const at = acTime(log.tstamp);
    // A line with no campaign (a site visit, an automation step) is not a campaign event.
    if (!activity || at === undefined || !text(log.campaign) || log.campaign === '0') return [];
    const campaign = log.campaign!;
    return [
      campaignEventRecord({
        connector: 'activecampaign',
        account: ctx.account,
        id: `log-${log.id}`,
        personKey,
        activity,
        campaign: ctx.campaignNames?.[campaign] ?? `Campaign ${campaign}`,
        at,
        url: activecampaignConsoleUrl(ctx.account, 'contact', contactId),
        fetchedAt: ctx.fetchedAt,
      }),
    ];
  });
  return newestEvents(events);
}

/** `0000-00-00 00:00:00` means never; MySQL times without a zone are read as UTC. */
export function acTime(value: string | null | undefined): number | undefined {
  const v = value?.trim();
  if (!v || v.startsWith('0000-00-00')) return undefined;
  return isoToMs(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v) ? `${v.replace(' ', 'T')}Z` : v);
}

const LIST_STATUS: Record<string, string> = { '0': 'unconfirmed', '1': 'active', '2': 'unsubscribed', '3': 'bounced' };
const DEAL_STATUS: Record<string, string> = { '0': 'open', '1': 'won', '2': 'lost' };
const maxOf = (values: Array<number | undefined>) => values.reduce<number | undefined>((max, v) => (v !== undefined && (max === undefined || v > max) ? v : max), undefined);

export const acKey = (account: string, type: 'person' | 'list' | 'deal', id: string) => recordKey('activecampaign', account, type, id);

/** The contact, with each list it is on as a membership ("Newsletter: active") and the newest change, open or click as last activity. */
export function normalizeAcContact(contact: AcContact, ctx: AcNormalizeContext, memberships: AcContactList[] = [], deals: AcDeal[] = [], campaignEvents: CustomerRecord[] = []): CustomerRecord {
  const firstName = text(contact.firstName);
  const lastName = text(contact.lastName);
  const name = [firstName, lastName].filter(Boolean).join(' ') || undefined;
  const email = normalizeEmail(contact.email) ? contact.email.trim() : undefined;
  const lastModifiedAt = maxOf([acTime(contact.udate), acTime(contact.adate), ...memberships.map((m) => acTime(m.udate))]);
  const fields: RecordFields = {
    name,
    firstName,
    lastName,
    emails: email ? [email] : [],
    phones: text(contact.phone) ? [contact.phone!.trim()] : [],
    companyName: text(contact.orgname),
    status: memberships.some((m) => String(m.status) === '1') ? 'subscribed' : memberships.length ? LIST_STATUS[String(memberships[0]!.status)] : undefined,
    memberships: memberships.map((m) => `${ctx.listNames?.[m.list] ?? `List ${m.list}`}: ${LIST_STATUS[String(m.status)] ?? String(m.status)}`),
    createdAt: acTime(contact.cdate),
    lastModifiedAt,
    // An open or a click is the person acting; a send is not.
    lastActivityAt: maxOf([lastModifiedAt, ...campaignEvents.filter((e) => e.fields.activity === 'open' || e.fields.activity === 'click').map((e) => e.fields.createdAt)]),
  };
  return buildRecord({
    connector: 'activecampaign',
    account: ctx.account,
    type: 'person',
    id: contact.id,
    title: name ?? email ?? `Contact ${contact.id}`,
    fields,
    links: [...memberships.map((m) => acKey(ctx.account, 'list', m.list)), ...deals.map((d) => acKey(ctx.account, 'deal', d.id))],
    url: activecampaignConsoleUrl(ctx.account, 'contact', contact.id),
    fetchedAt: ctx.fetchedAt,
  });
}

/** A deal: its value is in cents of its currency, linked to its contact. */
export function normalizeAcDeal(deal: AcDeal, ctx: AcNormalizeContext): CustomerRecord {
  const currency = (text(deal.currency) ?? 'usd').toUpperCase();
  const cents = Number(deal.value);
  const fields: RecordFields = {
    name: deal.title,
    amount: Number.isFinite(cents) ? { amountMinor: rescaleMinorUnits(cents, 2, currency), currency } : undefined,
    status: DEAL_STATUS[String(deal.status)] ?? String(deal.status),
    ownerId: text(deal.owner),
    createdAt: acTime(deal.cdate),
    lastModifiedAt: acTime(deal.mdate),
  };
  return buildRecord({
    connector: 'activecampaign',
    account: ctx.account,
    type: 'deal',
    id: deal.id,
    title: deal.title,
    fields,
    links: deal.contact ? [acKey(ctx.account, 'person', deal.contact)] : [],
    url: activecampaignConsoleUrl(ctx.account, 'deal', deal.id),
    fetchedAt: ctx.fetchedAt,
  });
}

/** A list; its size, when known, goes into `subject` as Mailchimp's audiences do. */
export function normalizeAcList(list: AcList, ctx: AcNormalizeContext, size?: number): CustomerRecord {
  const fields: RecordFields = {
    name: list.name,
    subject: size === undefined ? undefined : `${size} active contacts`,
    createdAt: acTime(list.cdate),
    lastModifiedAt: acTime(list.udate),
  };
  return buildRecord({
    connector: 'activecampaign',
    account: ctx.account,
    type: 'list',
    id: list.id,
    title: list.name,
    fields,
    url: activecampaignConsoleUrl(ctx.account, 'list', list.id),
    fetchedAt: ctx.fetchedAt,
  });
}

/** Open and click rates of a sent campaign, in percent of sends (undefined before it is sent). */
export function campaignRates(campaign: AcCampaign): { sent: number; openRate?: number; clickRate?: number } {
  const sent = Number(campaign.send_amt ?? 0) || 0;
  if (sent <= 0) return { sent: 0 };
  const pct = (n: unknown) => Math.round(((Number(n ?? 0) || 0) / sent) * 10_000) / 100;
  return { sent, openRate: pct(campaign.uniqueopens), clickRate: pct(campaign.uniquelinkclicks) };
}
