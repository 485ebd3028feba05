import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { normalizeEmail, normalizePhone } from '../../identity/normalize';
import { klaviyoConsoleUrl } from './pages';
import type { KlaviyoList, KlaviyoProfile } from './schemas';
import { buildRecord } from '../kit/record';
import { isoToMs } from '../kit/dates';
import { moneyFromMajor } from '../kit/money';

export interface KlaviyoNormalizeContext {
  account: string;
  fetchedAt: number;
  /** Account currency (preferred_currency): Klaviyo's CLV figures are decimals in it. */
  currency?: string;
}

const clean = (value: string | null | undefined) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function build(ctx: KlaviyoNormalizeContext, type: RecordType, id: string, title: string, fields: RecordFields, links: string[], url: string, updated: string | null | undefined): CustomerRecord {
  return buildRecord({ connector: 'klaviyo', account: ctx.account, type, id, title, fields, links, url, updatedAt: isoToMs(updated), fetchedAt: ctx.fetchedAt });
}

export const klaviyoListKey = (ctx: KlaviyoNormalizeContext, id: string) => recordKey('klaviyo', ctx.account, 'list', id);

/** A profile; `lists` (from /profiles/{id}/lists) become memberships and links when known. */
export function normalizeKlaviyoProfile(profile: KlaviyoProfile, ctx: KlaviyoNormalizeContext, lists: KlaviyoList[] = []): CustomerRecord {
  const a = profile.attributes;
  const email = normalizeEmail(a.email) ? a.email!.trim() : undefined;
  const phone = normalizePhone(a.phone_number);
  const firstName = clean(a.first_name);
  const lastName = clean(a.last_name);
  const name = [firstName, lastName].filter(Boolean).join(' ') || undefined;
  const fields: RecordFields = {
    name,
    firstName,
    lastName,
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
    jobTitle: clean(a.title),
    companyName: clean(a.organization),
    city: clean(a.location?.city),
    country: clean(a.location?.country),
    // Email marketing consent in Klaviyo's words: SUBSCRIBED, UNSUBSCRIBED, NEVER_SUBSCRIBED.
    status: clean(a.subscriptions?.email?.marketing?.consent),
    memberships: lists.map((l) => clean(l.attributes.name)).filter((n): n is string => !!n),
    // Decimal money in the account currency; without a known currency it is no money.
    lifetimeValue: moneyFromMajor(a.predictive_analytics?.historic_clv, ctx.currency),
    createdAt: isoToMs(a.created),
    lastModifiedAt: isoToMs(a.updated),
    lastActivityAt: isoToMs(a.last_event_date),
  };
  const title = name ?? email ?? phone ?? `Profile ${profile.id}`;
  return build(ctx, 'person', profile.id, title, fields, lists.map((l) => klaviyoListKey(ctx, l.id)), klaviyoConsoleUrl('profile', profile.id), a.updated);
}

export function normalizeKlaviyoList(list: KlaviyoList, ctx: KlaviyoNormalizeContext): CustomerRecord {
  const a = list.attributes;
  const name = clean(a.name);
  const fields: RecordFields = { name, status: clean(a.opt_in_process), createdAt: isoToMs(a.created), lastModifiedAt: isoToMs(a.updated) };
  return build(ctx, 'list', list.id, name ?? `List ${list.id}`, fields, [], klaviyoConsoleUrl('list', list.id), a.updated);
}
