import { z } from '../../model/zod-setup';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { zendeskOrganizationSchema, zendeskTicketSchema, zendeskUserSchema } from './schemas';
import { normalizeZendeskOrganization, normalizeZendeskTicket, normalizeZendeskUser } from './normalize';

/** A user, ticket or organization, or a page of users or tickets, in Zendesk's wrappers. */
export const readPayload: PayloadReader = (payload, account) => {
  const ctx = { subdomain: account, fetchedAt: Date.now() };
  const body = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  const read = <T extends z.ZodMiniType>(schema: T, value: unknown, object: string) => parseVendorPayload('Zendesk', schema, value, object);
  if ('user' in body) return [normalizeZendeskUser(read(zendeskUserSchema, body.user, 'user'), ctx)];
  if ('ticket' in body) return [normalizeZendeskTicket(read(zendeskTicketSchema, body.ticket, 'ticket'), ctx)];
  if ('organization' in body) return [normalizeZendeskOrganization(read(zendeskOrganizationSchema, body.organization, 'organization'), ctx)];
  if ('users' in body) return read(z.array(zendeskUserSchema), body.users, 'users').map((u) => normalizeZendeskUser(u, ctx));
  if ('tickets' in body) return read(z.array(zendeskTicketSchema), body.tickets, 'tickets').map((t) => normalizeZendeskTicket(t, ctx));
  throw new ConnectorError('schema', 'Zendesk payload without a user, ticket, organization, users or tickets wrapper.', { path: '(root)' });
};
