import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { domainIdentity, emailIdentity, normalizeDomain, normalizeEmail, normalizePhone, phoneIdentity } from '../../identity/normalize';
import { searchTokens } from '../../identity/tokens';
import { zendeskAgentUrl } from './pages';
import type { ZendeskOrganization, ZendeskTicket, ZendeskUser } from './schemas';
import { compactFields, isoToMs } from '../fields';

export interface ZendeskNormalizeContext {
  subdomain: string;
  fetchedAt: number;
  defaultCountry?: string;
}


function build(ctx: ZendeskNormalizeContext, type: RecordType, id: number, title: string, fields: RecordFields, identities: string[], links: string[], url: string, updated: string): CustomerRecord {
  const clean = compactFields(fields);
  return {
    key: recordKey('zendesk', ctx.subdomain, type, String(id)),
    connector: 'zendesk',
    account: ctx.subdomain,
    type,
    id: String(id),
    title,
    identities,
    fields: clean,
    links,
    url,
    updatedAt: isoToMs(updated) ?? ctx.fetchedAt,
    fetchedAt: ctx.fetchedAt,
    tokens: searchTokens(title, clean),
  };
}

const personKey = (ctx: ZendeskNormalizeContext, id: number) => recordKey('zendesk', ctx.subdomain, 'person', String(id));
const companyKey = (ctx: ZendeskNormalizeContext, id: number) => recordKey('zendesk', ctx.subdomain, 'company', String(id));

export function normalizeZendeskUser(user: ZendeskUser, ctx: ZendeskNormalizeContext, organization?: ZendeskOrganization): CustomerRecord {
  const email = user.email && normalizeEmail(user.email) ? user.email : undefined;
  const phone = user.phone ?? undefined;
  const fields: RecordFields = {
    name: user.name,
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
    companyName: organization?.name,
    status: user.suspended ? 'suspended' : undefined,
    tags: user.tags,
    createdAt: isoToMs(user.created_at),
    lastModifiedAt: isoToMs(user.updated_at),
    lastActivityAt: isoToMs(user.last_login_at),
  };
  const normalizedPhone = phone ? normalizePhone(phone, ctx.defaultCountry) : null;
  const identities = [...(email ? [emailIdentity(normalizeEmail(email)!)] : []), ...(normalizedPhone ? [phoneIdentity(normalizedPhone)] : [])];
  const links = user.organization_id ? [companyKey(ctx, user.organization_id)] : [];
  return build(ctx, 'person', user.id, user.name || email || `User ${user.id}`, fields, identities, links, zendeskAgentUrl(ctx.subdomain, 'users', user.id), user.updated_at);
}

export function normalizeZendeskTicket(ticket: ZendeskTicket, ctx: ZendeskNormalizeContext): CustomerRecord {
  const fields: RecordFields = {
    subject: ticket.subject ?? undefined,
    status: ticket.status,
    tags: ticket.tags,
    createdAt: isoToMs(ticket.created_at),
    lastModifiedAt: isoToMs(ticket.updated_at),
  };
  const links = [...(ticket.requester_id ? [personKey(ctx, ticket.requester_id)] : []), ...(ticket.organization_id ? [companyKey(ctx, ticket.organization_id)] : [])];
  return build(ctx, 'ticket', ticket.id, `#${ticket.id} ${ticket.subject ?? '(no subject)'}`, fields, [], links, zendeskAgentUrl(ctx.subdomain, 'tickets', ticket.id), ticket.updated_at);
}

export function normalizeZendeskOrganization(organization: ZendeskOrganization, ctx: ZendeskNormalizeContext): CustomerRecord {
  const domains = organization.domain_names.map(normalizeDomain).filter((d): d is string => !!d);
  const fields: RecordFields = { name: organization.name, domain: domains[0], tags: organization.tags, createdAt: isoToMs(organization.created_at), lastModifiedAt: isoToMs(organization.updated_at) };
  return build(ctx, 'company', organization.id, organization.name, fields, domains.map(domainIdentity), [], zendeskAgentUrl(ctx.subdomain, 'organizations', organization.id), organization.updated_at);
}
