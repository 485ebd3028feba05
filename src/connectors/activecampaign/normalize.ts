import { recordKey, type CustomerRecord, type RecordFields } from '../../model/record';
import { normalizeEmail } from '../../identity/normalize';
import { buildRecord } from '../kit/record';
import { text } from '../kit/text';
import { isoToMs } from '../kit/dates';
import { rescaleMinorUnits } from '../kit/money';
import { activecampaignConsoleUrl } from './pages';
import type { AcCampaign, AcContact, AcContactList, AcDeal, AcList } from './schemas';

export interface AcNormalizeContext {
  /** The account name: `acme` of acme.api-us1.com. */
  account: string;
  fetchedAt: number;
  /** List names by id, so memberships read "Newsletter: active". */
  listNames?: Record<string, string>;
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

/** The contact, with each list it is on as a membership ("Newsletter: active") and the newest change as last activity. */
export function normalizeAcContact(contact: AcContact, ctx: AcNormalizeContext, memberships: AcContactList[] = [], deals: AcDeal[] = []): CustomerRecord {
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
    lastActivityAt: lastModifiedAt,
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
