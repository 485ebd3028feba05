import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import {
  pipedriveDealEnvelope,
  pipedriveDealsPage,
  pipedriveMeEnvelope,
  pipedriveOrganizationEnvelope,
  pipedrivePersonEnvelope,
  pipedrivePersonsPage,
  pipedriveSearchResult,
} from './schemas';

/** Plans allow 20-120 requests per 2 s (the lowest is 20): we start at most 8. */
const limiter = new RateLimiter(8, 2_000);
/** Search has its own 10 per 2 s: half of it, on top of the general pace. */
const searchLimiter = new RateLimiter(5, 2_000);
const SUBDOMAIN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Only ever `https://<company>.pipedrive.com`: the subdomain is checked, so the token cannot be sent elsewhere. */
export function pipedriveOrigin(site: string): string {
  const clean = site
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '')
    .replace(/\.pipedrive\.com$/, '');
  if (!SUBDOMAIN.test(clean)) throw new ConnectorError('auth', `“${site}” is not a Pipedrive company address (the “acme” of acme.pipedrive.com).`);
  return `https://${clean}.pipedrive.com`;
}

export interface DealQuery {
  status?: 'open' | 'won' | 'lost';
  personId?: number;
  /** RFC 3339; v2 filters on update_time. */
  updatedSince?: string;
  limit?: number;
  cursor?: string | null;
}

export class PipedriveApi {
  readonly origin: string;
  constructor(
    site: string,
    private readonly token: string,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.origin = pipedriveOrigin(site);
  }

  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string): Promise<z.infer<T>> {
    const body = await requestJson({
      vendor: 'Pipedrive',
      object,
      url: `${this.origin}${path}`,
      token: this.token,
      // A header, not `?api_token=`, so the token never lands in URLs, proxies or logs.
      authHeaders: { 'x-api-token': this.token },
      limiter,
      fetchImpl: this.fetchImpl,
    });
    return parseVendorPayload('Pipedrive', schema, body, object);
  }

  me() {
    return this.get('/api/v1/users/me', pipedriveMeEnvelope, 'signed-in user');
  }
  person(id: string | number) {
    return this.get(`/api/v2/persons/${encodeURIComponent(String(id))}`, pipedrivePersonEnvelope, `person ${id}`);
  }
  organization(id: string | number) {
    return this.get(`/api/v2/organizations/${encodeURIComponent(String(id))}`, pipedriveOrganizationEnvelope, `organization ${id}`);
  }
  deal(id: string | number) {
    return this.get(`/api/v2/deals/${encodeURIComponent(String(id))}`, pipedriveDealEnvelope, `deal ${id}`);
  }
  deals(query: DealQuery) {
    const params = new URLSearchParams({ limit: String(query.limit ?? 100) });
    if (query.status) params.set('status', query.status);
    if (query.personId !== undefined) params.set('person_id', String(query.personId));
    if (query.updatedSince) params.set('updated_since', query.updatedSince);
    if (query.cursor) params.set('cursor', query.cursor);
    return this.get(`/api/v2/deals?${params}`, pipedriveDealsPage, 'deals page');
  }
  async searchPersonsByEmail(email: string) {
    await searchLimiter.take();
    const params = new URLSearchParams({ term: email, fields: 'email', exact_match: 'true', limit: '10' });
    return this.get(`/api/v2/persons/search?${params}`, pipedriveSearchResult, `person search for ${email}`);
  }
  /** A page of persons, of one organisation when `orgId` is given. */
  personsPage(cursor: string | null, orgId?: string | number) {
    const params = new URLSearchParams({ limit: '100', ...(orgId !== undefined ? { org_id: String(orgId) } : {}), ...(cursor ? { cursor } : {}) });
    return this.get(`/api/v2/persons?${params}`, pipedrivePersonsPage, 'persons page');
  }
}
