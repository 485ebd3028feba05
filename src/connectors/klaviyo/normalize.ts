import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { normalizeEmail, normalizePhone } from '../../identity/normalize';
import { klaviyoConsoleUrl } from './pages';
import type { KlaviyoList, KlaviyoProfile } from './schemas';
import { buildRecord } from '../kit/record';
import { text } from '../kit/text';
import { isoToMs } from '../kit/dates';
import { moneyFromMajor } from '../kit/money';

export interface KlaviyoNormalizeContext {
  account: string;
  fetchedAt: number;
  /** Account currency (preferred_currency): Klaviyo's CLV figures are decimals in it. */
  currency?: string;
}


function build(ctx: KlaviyoNormalizeContext, type: RecordType, id: string, title: string, fields: RecordFields, links: string[], url: string, updated: string | null | undefined): CustomerRecord {
  return buildRecord({ connector: 'klaviyo', account: ctx.account, type, id, title, fields, links, url, updatedAt: isoToMs(updated), fetchedAt: ctx.fetchedAt });
}

export const klaviyoListKey = (ctx: KlaviyoNormalizeContext, id: string) => recordKey('klaviyo', ctx.account, 'list', id);

/** A profile; `lists` (from /profiles/{id}/lists) become memberships and links when known. */
export function normalizeKlaviyoProfile(profile: KlaviyoProfile, ctx: KlaviyoNormalizeContext, lists: KlaviyoList[] = []): CustomerRecord {
  const a = profile.attributes;
  const email = normalizeEmail(a.email) ? a.email!.trim() : undefined;
  const phone = normalizePhone(a.phone_number);
  const firstName = text(a.first_name);
  const lastName = text(a.last_name);
  const name = [firstName, lastName].filter(Boolean).join(' ') || undefined;
  const fields: RecordFields = {
    name,
    firstName,
    lastName,
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
    jobTitle: text(a.title),
    companyName: text(a.organization),
    city: text(a.location?.city),
    country: text(a.location?.country),
    // Email marketing consent in Klaviyo's words: SUBSCRIBED, UNSUBSCRIBED, NEVER_SUBSCRIBED.
    status: text(a.subscriptions?.email?.marketing?.consent),
    memberships: lists.map((l) => text(l.attributes.name)).filter((n): n is string => !!n),
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
  const name = text(a.name);
  const fields: RecordFields = { name, status: text(a.opt_in_process), createdAt: isoToMs(a.created), lastModifiedAt: isoToMs(a.updated) };
  return build(ctx, 'list', list.id, name ?? `List ${list.id}`, fields, [], klaviyoConsoleUrl('list', list.id), a.updated);
}
