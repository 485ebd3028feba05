import { recordKey, type CustomerRecord, type RecordFields } from '../../model/record';
import { normalizeEmail } from '../../identity/normalize';
import { buildRecord } from '../kit/record';
import { text } from '../kit/text';
import { mailchimpConsoleUrl } from './pages';
import type { MailchimpList, MailchimpMember } from './schemas';
import { isoToMs } from '../kit/dates';

export interface MailchimpNormalizeContext {
  /** Mailchimp account_id from the API root. */
  account: string;
  /** `<dc>.admin.mailchimp.com`, for deep links. */
  consoleHost: string;
  fetchedAt: number;
  /** Audience names by list id, so memberships read "Newsletter: subscribed". */
  listNames?: Record<string, string>;
}

const maxOf = (values: Array<number | undefined>) => values.reduce<number | undefined>((max, v) => (v !== undefined && (max === undefined || v > max) ? v : max), undefined);
const minOf = (values: Array<number | undefined>) => values.reduce<number | undefined>((min, v) => (v !== undefined && (min === undefined || v < min) ? v : min), undefined);

export const mailchimpListKey = (account: string, listId: string) => recordKey('mailchimp', account, 'list', listId);

/** The console host of a relayed payload, read from its own `_links` (`https://us6.api.mailchimp.com/...`). */
export function consoleHostOfLinks(member: { _links?: Array<{ href: string }> }): string {
  const dc = /^https:\/\/([a-z]{2,4}\d{1,3})\.api\.mailchimp\.com\//.exec(member._links?.[0]?.href ?? '')?.[1];
  return dc ? `${dc}.admin.mailchimp.com` : 'admin.mailchimp.com';
}

/**
 * One person per email address: Mailchimp keeps a separate member per audience, all with the
 * same subscriber hash (MD5 of the lower-cased email), so the hash is the person's id and each
 * audience becomes a membership ("Newsletter: subscribed"). `id` overrides the record id for
 * console pages that only know the member's web id (see index.ts).
 */
export function normalizeMailchimpPerson(members: MailchimpMember[], ctx: MailchimpNormalizeContext): CustomerRecord {
  const first = members[0]!;
  const merge = first.merge_fields ?? {};
  const address = members.map((m) => m.merge_fields?.ADDRESS).find((a) => a && typeof a === 'object');
  const country = text(typeof address === 'object' ? address.country : undefined) ?? text(first.location?.country_code);
  const normalizedEmail = normalizeEmail(first.email_address);
  const email = normalizedEmail ? first.email_address.trim() : undefined;
  // The vendor's own id is the subscriber hash; it is the same in every audience.
  const hash = first.id;
  const phones = members.map((m) => m.merge_fields?.PHONE).map((p) => (typeof p === 'number' ? String(p) : text(p))).filter((p): p is string => !!p);
  const firstName = text(merge.FNAME);
  const lastName = text(merge.LNAME);
  const name = text(first.full_name) ?? ([firstName, lastName].filter(Boolean).join(' ') || undefined);
  const listName = (id: string) => ctx.listNames?.[id] ?? id;
  const changed = members.map((m) => isoToMs(m.last_changed));
  const fields: RecordFields = {
    name,
    firstName,
    lastName,
    emails: email ? [email] : [],
    phones,
    city: text(typeof address === 'object' ? address.city : undefined),
    country,
    // Subscribed anywhere counts as subscribed; otherwise the first audience's status.
    status: members.some((m) => m.status === 'subscribed') ? 'subscribed' : first.status,
    memberships: members.map((m) => `${listName(m.list_id)}: ${m.status}`),
    tags: members.flatMap((m) => (m.tags ?? []).map((t) => t.name)),
    createdAt: minOf(members.map((m) => isoToMs(m.timestamp_signup) ?? isoToMs(m.timestamp_opt))),
    lastModifiedAt: maxOf(changed),
    lastActivityAt: maxOf(changed),
  };
  const title = name ?? email ?? `Contact ${first.web_id}`;
  return buildRecord({
    connector: 'mailchimp',
    account: ctx.account,
    type: 'person',
    id: hash,
    title,
    fields,
    phoneCountry: country,
    links: members.map((m) => mailchimpListKey(ctx.account, m.list_id)),
    url: mailchimpConsoleUrl(ctx.consoleHost, 'member', first.web_id),
    fetchedAt: ctx.fetchedAt,
  });
}

/** Groups members (from several audiences) by email into one person each, keeping input order. */
export function normalizeMailchimpMembers(members: MailchimpMember[], ctx: MailchimpNormalizeContext): CustomerRecord[] {
  const byEmail = new Map<string, MailchimpMember[]>();
  for (const member of members) {
    const key = member.email_address.trim().toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), member]);
  }
  return [...byEmail.values()].map((group) => normalizeMailchimpPerson(group, ctx));
}

/** An audience: its size goes into `subject` (the canonical fields have no count). */
export function normalizeMailchimpList(list: MailchimpList, ctx: MailchimpNormalizeContext): CustomerRecord {
  const members = list.stats?.member_count;
  const fields: RecordFields = {
    name: list.name,
    subject: members === undefined ? undefined : `${members} subscribed contacts`,
    createdAt: isoToMs(list.date_created),
    lastActivityAt: isoToMs(list.stats?.last_sub_date),
  };
  return buildRecord({
    connector: 'mailchimp',
    account: ctx.account,
    type: 'list',
    id: list.id,
    title: list.name,
    fields,
    url: mailchimpConsoleUrl(ctx.consoleHost, 'list', list.web_id),
    updatedAt: fields.createdAt,
    fetchedAt: ctx.fetchedAt,
  });
}
