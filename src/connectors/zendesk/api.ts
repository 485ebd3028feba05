import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import {
  zendeskCount,
  zendeskMe,
  zendeskOrganizationEnvelope,
  zendeskTicketEnvelope,
  zendeskTicketsPage,
  zendeskUserEnvelope,
  zendeskUsersCursorPage,
  zendeskUsersPage,
} from './schemas';

/** Plans allow 200-700 requests a minute; we use at most 100. */
const limiter = new RateLimiter(100, 60_000);
const SUBDOMAIN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface ZendeskCredentials {
  subdomain: string;
  email: string;
  token: string;
}

/** Only ever `https://<subdomain>.zendesk.com`: the subdomain is checked, so the token cannot be sent elsewhere. */
export function zendeskOrigin(subdomain: string): string {
  const clean = subdomain.trim().toLowerCase().replace(/\.zendesk\.com$/, '').replace(/^https?:\/\//, '');
  if (!SUBDOMAIN.test(clean)) throw new ConnectorError('auth', `“${subdomain}” is not a Zendesk subdomain (the “acme” of acme.zendesk.com).`);
  return `https://${clean}.zendesk.com`;
}

export class ZendeskApi {
  private readonly origin: string;
  constructor(
    private readonly credentials: ZendeskCredentials,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.origin = zendeskOrigin(credentials.subdomain);
  }

  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string): Promise<z.infer<T>> {
    const { email, token } = this.credentials;
    const body = await requestJson({
      vendor: 'Zendesk',
      object,
      url: `${this.origin}/api/v2${path}`,
      token,
      // API-token authentication: Basic "<agent email>/token:<api token>".
      authHeaders: { authorization: `Basic ${btoa(`${email}/token:${token}`)}` },
      limiter,
      fetchImpl: this.fetchImpl,
    });
    return parseVendorPayload('Zendesk', schema, body, object);
  }

  me() {
    return this.get('/users/me.json', zendeskMe, 'signed-in agent');
  }
  user(id: string) {
    return this.get(`/users/${encodeURIComponent(id)}.json`, zendeskUserEnvelope, `user ${id}`);
  }
  ticket(id: string) {
    return this.get(`/tickets/${encodeURIComponent(id)}.json?include=users,organizations`, zendeskTicketEnvelope, `ticket ${id}`);
  }
  organization(id: string | number) {
    return this.get(`/organizations/${encodeURIComponent(String(id))}.json`, zendeskOrganizationEnvelope, `organization ${id}`);
  }
  requestedTickets(userId: string | number) {
    return this.get(`/users/${encodeURIComponent(String(userId))}/tickets/requested.json?sort_by=updated_at&sort_order=desc`, zendeskTicketsPage, `tickets of user ${userId}`);
  }
  searchUsersByEmail(email: string) {
    return this.get(`/users/search.json?${new URLSearchParams({ query: `email:${email}` })}`, zendeskUsersPage, `user search for ${email}`);
  }
  /** A page of an organisation's users (end users and agents), 100 at a time. */
  organizationUsersPage(organizationId: string, after: string | null) {
    const query = new URLSearchParams({ 'page[size]': '100', ...(after ? { 'page[after]': after } : {}) });
    return this.get(`/organizations/${encodeURIComponent(organizationId)}/users.json?${query}`, zendeskUsersCursorPage, `users of organization ${organizationId}`);
  }
  usersPage(after: string | null) {
    return this.get(`/users.json?${new URLSearchParams({ 'page[size]': '100', ...(after ? { 'page[after]': after } : {}) })}`, zendeskUsersCursorPage, 'users page');
  }
  countTickets(query: string) {
    return this.get(`/search/count.json?${new URLSearchParams({ query: `type:ticket ${query}` })}`, zendeskCount, 'ticket count');
  }
}
