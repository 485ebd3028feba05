import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { normalizeDomain, normalizeEmail } from '../../identity/normalize';
import { zendeskAgentUrl } from './pages';
import type { ZendeskOrganization, ZendeskTicket, ZendeskUser } from './schemas';
import { buildRecord } from '../kit/record';
import { isoToMs } from '../kit/dates';

export interface ZendeskNormalizeContext {
  subdomain: string;
  fetchedAt: number;
  defaultCountry?: string;
}


interface ZendeskDraft {
  type: RecordType;
  id: number;
  title: string;
  fields: RecordFields;
  links?: string[];
  url: string;
  updated: string;
  moreDomains?: string[];
}

function build(ctx: ZendeskNormalizeContext, draft: ZendeskDraft): CustomerRecord {
  const { updated, ...rest } = draft;
  return buildRecord({ connector: 'zendesk', account: ctx.subdomain, phoneCountry: ctx.defaultCountry, updatedAt: isoToMs(updated), fetchedAt: ctx.fetchedAt, ...rest });
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
  const links = user.organization_id ? [companyKey(ctx, user.organization_id)] : [];
  return build(ctx, { type: 'person', id: user.id, title: user.name || email || `User ${user.id}`, fields, links, url: zendeskAgentUrl(ctx.subdomain, 'users', user.id), updated: user.updated_at });
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
  return build(ctx, { type: 'ticket', id: ticket.id, title: `#${ticket.id} ${ticket.subject ?? '(no subject)'}`, fields, links, url: zendeskAgentUrl(ctx.subdomain, 'tickets', ticket.id), updated: ticket.updated_at });
}

export function normalizeZendeskOrganization(organization: ZendeskOrganization, ctx: ZendeskNormalizeContext): CustomerRecord {
  const domains = organization.domain_names.map(normalizeDomain).filter((d): d is string => !!d);
  const fields: RecordFields = { name: organization.name, domain: domains[0], tags: organization.tags, createdAt: isoToMs(organization.created_at), lastModifiedAt: isoToMs(organization.updated_at) };
  const url = zendeskAgentUrl(ctx.subdomain, 'organizations', organization.id);
  return build(ctx, { type: 'company', id: organization.id, title: organization.name, fields, moreDomains: domains, url, updated: organization.updated_at });
}
