import { z } from '../../model/zod-setup';
import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { zendeskOrganizationSchema, zendeskTicketMetricSchema, zendeskTicketSchema, zendeskUserSchema } from './schemas';
import { normalizeZendeskOrganization, normalizeZendeskTicket, normalizeZendeskUser } from './normalize';

/**
 * Zendesk objects in their wrappers: `user`/`users`, `ticket`/`tickets`, `organization`/
 * `organizations`, every one present read (a ticket with `?include=users,organizations` brings
 * its people and organisations beside it). Ticket metrics (`ticket_metric`/`ticket_metrics`) are
 * figures about tickets, not records: read, checked, and told in a note with nothing imported.
 * An error body (`{error, description}`) says it is one.
 */
export const readPayload: PayloadReader = (payload, account, notes = []) => {
  const ctx = { subdomain: account, fetchedAt: Date.now() };
  const body = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  const read = <T extends z.ZodMiniType>(schema: T, value: unknown, object: string) => parseVendorPayload('Zendesk', schema, value, object);
  const error = z.object({ error: z.union([z.string(), z.object({ title: z.optional(z.string()), message: z.optional(z.string()) })]), description: z.optional(z.string()) }).safeParse(payload);
  if (error.success) {
    const { error: what, description } = error.data;
    const message = typeof what === 'string' ? [what, description].filter(Boolean).join(': ') : [what.title, what.message].filter(Boolean).join(': ');
    throw new ConnectorError('schema', `This is a Zendesk error response, not records: ${message}`, { path: 'error' });
  }
  const records: CustomerRecord[] = [];
  const wrapped = (one: string, many: string) => [...(one in body ? [body[one]] : []), ...(many in body ? read(z.array(z.unknown()), body[many], many) : [])];
  if ('user' in body || 'users' in body) records.push(...wrapped('user', 'users').map((u, i) => normalizeZendeskUser(read(zendeskUserSchema, u, `user ${i}`), ctx)));
  if ('organization' in body || 'organizations' in body) records.push(...wrapped('organization', 'organizations').map((o, i) => normalizeZendeskOrganization(read(zendeskOrganizationSchema, o, `organization ${i}`), ctx)));
  if ('ticket' in body || 'tickets' in body) records.push(...wrapped('ticket', 'tickets').map((t, i) => normalizeZendeskTicket(read(zendeskTicketSchema, t, `ticket ${i}`), ctx)));
  if ('ticket_metric' in body || 'ticket_metrics' in body) {
    const metrics = wrapped('ticket_metric', 'ticket_metrics').map((m, i) => read(zendeskTicketMetricSchema, m, `ticket metric ${i}`));
    notes.push(`Read ${metrics.length} Zendesk ticket metric${metrics.length === 1 ? '' : 's'} (reply and resolution times): figures about tickets, not records, so nothing was imported from them.`);
    return records;
  }
  if (records.length === 0 && !['user', 'users', 'organization', 'organizations', 'ticket', 'tickets'].some((key) => key in body)) {
    throw new ConnectorError('schema', 'Zendesk payload without a user(s), ticket(s), organization(s) or ticket_metric(s) wrapper.', { path: '(root)' });
  }
  return records;
};
