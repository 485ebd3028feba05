import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import {
  intercomCompanySchema,
  intercomContactCompanies,
  intercomContactList,
  intercomContactSchema,
  intercomConversationList,
  intercomConversationSchema,
  intercomMe,
  intercomSubscriptionList,
  intercomTagList,
} from './schemas';

/** Intercom allows 10,000 requests a minute per app (about 1,666 per 10 s); we stay far below. */
const limiter = new RateLimiter(80, 10_000);
export const INTERCOM_VERSION = '2.11';

export type IntercomRegion = 'us' | 'eu' | 'au';
const API_ORIGINS: Record<IntercomRegion, string> = { us: 'https://api.intercom.io', eu: 'https://api.eu.intercom.io', au: 'https://api.au.intercom.io' };
const CONSOLE_HOSTS: Record<IntercomRegion, string> = { us: 'app.intercom.com', eu: 'app.eu.intercom.com', au: 'app.au.intercom.com' };

/** The data-hosting region from Options (`''`/`us`, `eu`, `au`); anything else is refused. */
export function intercomRegion(site: string | undefined): IntercomRegion {
  const value = (site ?? '').trim().toLowerCase();
  if (value === '' || value === 'us') return 'us';
  if (value === 'eu' || value === 'au') return value;
  throw new ConnectorError('auth', `“${site}” is not an Intercom region: leave it empty (US) or enter eu or au.`);
}

/** The token only ever goes to one of Intercom's three regional API origins, picked from a fixed table. */
export function intercomOrigin(site: string | undefined): string {
  return API_ORIGINS[intercomRegion(site)];
}

export function intercomConsoleHost(site: string | undefined): string {
  return CONSOLE_HOSTS[intercomRegion(site)];
}

type SearchQuery = { field: string; operator: string; value: string | number | boolean } | { operator: 'AND' | 'OR'; value: SearchQuery[] };

export class IntercomApi {
  private readonly origin: string;
  constructor(
    private readonly credentials: { token: string; site?: string },
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.origin = intercomOrigin(credentials.site);
  }

  private async call<T extends z.ZodMiniType>(path: string, schema: T, object: string, body?: unknown): Promise<z.output<T>> {
    const raw = await requestJson({
      vendor: 'Intercom',
      object,
      url: `${this.origin}${path}`,
      token: this.credentials.token,
      headers: { 'Intercom-Version': INTERCOM_VERSION },
      method: body === undefined ? 'GET' : 'POST',
      body,
      limiter,
      fetchImpl: this.fetchImpl,
    });
    return parseVendorPayload('Intercom', schema, raw, object);
  }

  me() {
    return this.call('/me', intercomMe, 'signed-in admin');
  }
  contact(id: string) {
    return this.call(`/contacts/${encodeURIComponent(id)}`, intercomContactSchema, `contact ${id}`);
  }
  company(id: string) {
    return this.call(`/companies/${encodeURIComponent(id)}`, intercomCompanySchema, `company ${id}`);
  }
  conversation(id: string) {
    return this.call(`/conversations/${encodeURIComponent(id)}`, intercomConversationSchema, `conversation ${id}`);
  }
  contactCompanies(id: string) {
    return this.call(`/contacts/${encodeURIComponent(id)}/companies`, intercomContactCompanies, `companies of contact ${id}`);
  }
  contactSubscriptions(id: string) {
    return this.call(`/contacts/${encodeURIComponent(id)}/subscriptions`, intercomSubscriptionList, `subscriptions of contact ${id}`);
  }
  contactTags(id: string) {
    return this.call(`/contacts/${encodeURIComponent(id)}/tags`, intercomTagList, `tags of contact ${id}`);
  }
  /** Newest conversations a contact took part in. */
  contactConversations(id: string, perPage = 10) {
    return this.searchConversations({ field: 'contact_ids', operator: '=', value: id }, perPage, `conversations of contact ${id}`);
  }
  searchConversations(query: SearchQuery, perPage: number, object: string) {
    return this.call('/conversations/search', intercomConversationList, object, { query, pagination: { per_page: perPage } });
  }
  searchContactsByEmail(email: string) {
    return this.call('/contacts/search', intercomContactList, `contact search for ${email}`, { query: { field: 'email', operator: '=', value: email }, pagination: { per_page: 5 } });
  }
  /** A page of the contacts attached to a company, with the `starting_after` cursor of the contacts list. */
  companyContactsPage(companyId: string, startingAfter: string | null, perPage = 150) {
    const query = new URLSearchParams({ per_page: String(perPage), ...(startingAfter ? { starting_after: startingAfter } : {}) });
    return this.call(`/companies/${encodeURIComponent(companyId)}/contacts?${query}`, intercomContactList, `contacts of company ${companyId}`);
  }
  contactsPage(startingAfter: string | null, perPage = 150) {
    const query = new URLSearchParams({ per_page: String(perPage), ...(startingAfter ? { starting_after: startingAfter } : {}) });
    return this.call(`/contacts?${query}`, intercomContactList, 'contacts page');
  }
}
