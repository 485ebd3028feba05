import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { normalizeDomain } from '../../identity/normalize';
import { intercomConsoleUrl } from './pages';
import type { IntercomCompany, IntercomContact, IntercomConversation, IntercomSubscription } from './schemas';
import { buildRecord } from '../kit/record';
import { decodeEntities, text, unescapedText } from '../kit/text';
import { secondsToMs } from '../kit/dates';
import { moneyFromMajor } from '../kit/money';

export interface IntercomNormalizeContext {
  /** Workspace id code (`app.id_code`): the account. */
  appId: string;
  /** app.intercom.com, app.eu.intercom.com or app.au.intercom.com. */
  consoleHost: string;
  fetchedAt: number;
  /** Intercom's `monthly_spend` has no currency; only the connection's default makes it money. */
  currency?: string;
  defaultCountry?: string;
}

const latest = (...values: Array<number | null | undefined>) => {
  const all = values.map(secondsToMs).filter((v): v is number => v !== undefined);
  return all.length ? Math.max(...all) : undefined;
};

function build(ctx: IntercomNormalizeContext, type: RecordType, id: string, title: string, fields: RecordFields, links: string[], updatedSeconds: number, phoneCountry?: string | null): CustomerRecord {
  const urlKind = type === 'person' || type === 'company' ? type : 'conversation';
  return buildRecord({
    connector: 'intercom',
    account: ctx.appId,
    type,
    id,
    title,
    fields,
    phoneCountry,
    links,
    url: intercomConsoleUrl(ctx.consoleHost, ctx.appId, urlKind, id),
    updatedAt: secondsToMs(updatedSeconds),
    fetchedAt: ctx.fetchedAt,
  });
}

const personKey = (ctx: IntercomNormalizeContext, id: string) => recordKey('intercom', ctx.appId, 'person', id);
const companyKey = (ctx: IntercomNormalizeContext, id: string) => recordKey('intercom', ctx.appId, 'company', id);

const CHANNELS: Record<string, string> = { email: 'email', sms_message: 'SMS' };

/**
 * GET /contacts/{id}/subscriptions lists opt-in types the contact joined and opt-out types they
 * left; only the first are memberships.
 */
export function intercomMemberships(subscriptions: IntercomSubscription[]): string[] {
  const names = subscriptions
    .filter((s) => s.consent_type === 'opt_in' && s.state !== 'archived')
    .map((s) => {
      const channels = s.content_types.map((c) => CHANNELS[c] ?? c).join(', ');
      const name = unescapedText(s.default_translation.name) ?? s.default_translation.name;
      return channels ? `${name} (${channels})` : name;
    });
  return [...new Set(names)];
}

export interface IntercomContactExtras {
  companies?: IntercomCompany[];
  subscriptions?: IntercomSubscription[];
  tags?: string[];
}

export function normalizeIntercomContact(contact: IntercomContact, ctx: IntercomNormalizeContext, extras: IntercomContactExtras = {}): CustomerRecord {
  const email = unescapedText(contact.email);
  const phone = unescapedText(contact.phone);
  const name = unescapedText(contact.name);
  const tagNames = extras.tags ?? (contact.tags?.data ?? []).map((t) => unescapedText(t.name)).filter((t): t is string => !!t);
  const fields: RecordFields = {
    name,
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
    companyName: unescapedText(extras.companies?.[0]?.name),
    city: unescapedText(contact.location?.city),
    country: unescapedText(contact.location?.country),
    // Intercom's own lifecycle: a signed-up `user` or an anonymous/unconverted `lead`.
    lifecycleStage: contact.role,
    ownerId: contact.owner_id === null || contact.owner_id === undefined ? undefined : String(contact.owner_id),
    memberships: extras.subscriptions ? intercomMemberships(extras.subscriptions) : [],
    tags: tagNames,
    createdAt: secondsToMs(contact.created_at),
    lastModifiedAt: secondsToMs(contact.updated_at),
    lastActivityAt: latest(contact.last_seen_at, contact.last_replied_at, contact.last_contacted_at),
  };
  const companyIds = [...(contact.companies?.data ?? []).map((c) => c.id), ...(extras.companies ?? []).map((c) => c.id)];
  const title = name ?? email ?? `${contact.role === 'lead' ? 'Lead' : 'User'} ${contact.id}`;
  return build(ctx, 'person', contact.id, title, fields, companyIds.map((id) => companyKey(ctx, id)), contact.updated_at, contact.location?.country_code ?? ctx.defaultCountry);
}

export function normalizeIntercomCompany(company: IntercomCompany, ctx: IntercomNormalizeContext): CustomerRecord {
  const domain = company.website ? normalizeDomain(company.website) : null;
  const spend = company.monthly_spend;
  const fields: RecordFields = {
    name: unescapedText(company.name),
    domain: domain ?? undefined,
    industry: unescapedText(company.industry),
    employees: typeof company.size === 'number' && company.size > 0 ? company.size : undefined,
    mrr: typeof spend === 'number' && spend > 0 ? moneyFromMajor(spend, ctx.currency) : undefined,
    memberships: [unescapedText(company.plan?.name)].filter((plan): plan is string => !!plan),
    tags: company.tags?.tags.map((t) => unescapedText(t.name) ?? t.name),
    createdAt: secondsToMs(company.remote_created_at) ?? secondsToMs(company.created_at),
    lastModifiedAt: secondsToMs(company.updated_at),
    lastActivityAt: secondsToMs(company.last_request_at),
  };
  const title = unescapedText(company.name) ?? domain ?? `Company ${company.id}`;
  return build(ctx, 'company', company.id, title, fields, [], company.updated_at);
}

/** Message bodies are HTML; a title is their first words as plain text. */
export function intercomPlainText(html: string, max = 80): string {
  // The title needs only the start; bounding the input keeps the regexes linear on hostile bodies.
  const textOnly = decodeEntities(html.slice(0, 4000).replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return textOnly.length > max ? `${textOnly.slice(0, max - 1).trimEnd()}…` : textOnly;
}

export function normalizeIntercomConversation(conversation: IntercomConversation, ctx: IntercomNormalizeContext): CustomerRecord {
  const subject = unescapedText(conversation.title) ?? text(conversation.source?.subject ? intercomPlainText(conversation.source.subject) : undefined);
  const summary = subject ?? text(conversation.source?.body ? intercomPlainText(conversation.source.body) : undefined);
  const stats = conversation.statistics;
  const fields: RecordFields = {
    subject,
    status: conversation.state,
    ownerId: conversation.admin_assignee_id === null || conversation.admin_assignee_id === undefined ? undefined : String(conversation.admin_assignee_id),
    tags: conversation.tags?.tags.map((t) => unescapedText(t.name) ?? t.name),
    createdAt: secondsToMs(conversation.created_at),
    lastModifiedAt: secondsToMs(conversation.updated_at),
    lastActivityAt: latest(conversation.updated_at, stats?.last_contact_reply_at, stats?.last_admin_reply_at),
  };
  const links = (conversation.contacts?.contacts ?? []).map((c) => personKey(ctx, c.id));
  return build(ctx, 'conversation', conversation.id, summary ?? `Conversation ${conversation.id}`, fields, links, conversation.updated_at);
}
