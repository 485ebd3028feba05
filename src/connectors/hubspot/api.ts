import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import {
  hubspotAccountInfoSchema,
  hubspotAssociationsV4Schema,
  hubspotBatchReadSchema,
  hubspotPipelinesSchema,
  hubspotListSchema,
  hubspotObjectSchema,
  hubspotOwnerSchema,
  hubspotSearchSchema,
  isLegacyV2Payload,
  type HubspotObject,
  type HubspotOwner,
  type HubspotPipelines,
} from './schemas';

export const HUBSPOT_API_ORIGIN = 'https://api.hubapi.com';

export const CONTACT_PROPERTIES = [
  'firstname', 'lastname', 'email', 'hs_additional_emails', 'phone', 'mobilephone', 'jobtitle', 'company',
  'lifecyclestage', 'hubspot_owner_id', 'createdate', 'lastmodifieddate',
];
export const COMPANY_PROPERTIES = [
  'name', 'domain', 'phone', 'industry', 'city', 'country', 'lifecyclestage', 'hubspot_owner_id',
  'numberofemployees', 'annualrevenue', 'createdate', 'hs_lastmodifieddate',
];
export const DEAL_PROPERTIES = [
  'dealname', 'amount', 'deal_currency_code', 'dealstage', 'pipeline', 'closedate', 'createdate', 'hs_lastmodifieddate',
  'hubspot_owner_id',
];
export const TICKET_PROPERTIES = [
  'subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority', 'hubspot_owner_id', 'createdate',
  'hs_lastmodifieddate',
];

export type ObjectKind = 'contacts' | 'companies' | 'deals' | 'tickets';
export type ActivityKind = 'deals' | 'tickets';

const PROPERTIES: Record<ObjectKind, string[]> = { contacts: CONTACT_PROPERTIES, companies: COMPANY_PROPERTIES, deals: DEAL_PROPERTIES, tickets: TICKET_PROPERTIES };
const SINGULAR: Record<ObjectKind, string> = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };
/** What a single-object read asks associations for: a contact's or company's deals and tickets come with it. */
export const DEFAULT_ASSOCIATIONS: Record<ObjectKind, string[]> = {
  contacts: ['companies', 'deals', 'tickets'],
  companies: ['contacts', 'deals', 'tickets'],
  deals: ['contacts', 'companies'],
  tickets: ['contacts', 'companies'],
};
/** Batch reads take at most 100 ids; we ask for the newest 20 of a record's deals or tickets. */
export const MAX_ACTIVITY_READ = 20;
/** HubSpot's batch read limit. */
const MAX_BATCH = 100;
/** A company's people read on open: two batch reads at most. */
export const MAX_COMPANY_PEOPLE = 200;

/**
 * Private apps get 100-190 requests per 10 s. Interactive lookups may use up to 50 of them
 * and background sync (which goes through the same limiter) stays well under half,
 * so the user's own console keeps working.
 */
const limiter = new RateLimiter(50, 10_000);
/** CRM search is limited separately, to 4 requests per second per app. */
const searchLimiter = new RateLimiter(3, 1_000);

type SearchFilter = { propertyName: string; operator: string; value: string };

/** Parses a vendor payload or reports exactly where it did not match. */
export function parseHubspot<T extends z.ZodMiniType>(schema: T, value: unknown, object: string): z.infer<T> {
  if (isLegacyV2Payload(value)) {
    throw new ConnectorError('schema', `HubSpot sent a payload (${object}) in the retired v2 format (vid, property arrays), which we do not read.`, {
      object,
      path: 'vid',
    });
  }
  return parseVendorPayload('HubSpot', schema, value, object);
}

export class HubspotApi {
  constructor(
    private readonly token: string,
    private readonly fetchImpl?: typeof fetch,
  ) {}

  private get(path: string, object: string, limit = limiter) {
    return requestJson({ vendor: 'HubSpot', object, url: `${HUBSPOT_API_ORIGIN}${path}`, token: this.token, limiter: limit, fetchImpl: this.fetchImpl });
  }

  async accountInfo() {
    return parseHubspot(hubspotAccountInfoSchema, await this.get('/account-info/v3/details', 'account'), 'account');
  }

  async getObject(kind: ObjectKind, id: string, associations: string[] = DEFAULT_ASSOCIATIONS[kind]): Promise<HubspotObject> {
    const query = new URLSearchParams({ properties: PROPERTIES[kind].join(',') });
    if (associations.length) query.set('associations', associations.join(','));
    const object = `${SINGULAR[kind]} ${id}`;
    const body = await this.get(`/crm/v3/objects/${kind}/${encodeURIComponent(id)}?${query}`, object);
    return parseHubspot(hubspotObjectSchema, body, object);
  }

  /**
   * The ids of the contacts associated with a company, through the v4 associations API (500 a
   * page), at most `max`: a company with thousands of contacts shows its first ones, not all.
   */
  async companyContactIds(companyId: string, max = MAX_COMPANY_PEOPLE): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '500', ...(after ? { after } : {}) });
      const object = `company ${companyId} contacts`;
      const body = await this.get(`/crm/v4/objects/companies/${encodeURIComponent(companyId)}/associations/contacts?${query}`, object);
      const page = parseHubspot(hubspotAssociationsV4Schema, body, object);
      for (const result of page.results) {
        const id = String(result.toObjectId);
        if (!ids.includes(id)) ids.push(id);
      }
      after = page.paging?.next?.after;
    } while (after && ids.length < max);
    return ids.slice(0, max);
  }

  /** Objects by id in one request, at most 100 (ids HubSpot no longer has are left out, not fatal). */
  async batchRead(kind: ObjectKind, ids: string[], max = MAX_ACTIVITY_READ): Promise<HubspotObject[]> {
    const wanted = [...new Set(ids)].slice(0, Math.min(max, MAX_BATCH));
    if (!wanted.length) return [];
    const object = `${SINGULAR[kind]} batch`;
    const body = await requestJson({
      vendor: 'HubSpot',
      object,
      url: `${HUBSPOT_API_ORIGIN}/crm/v3/objects/${kind}/batch/read`,
      method: 'POST',
      token: this.token,
      limiter,
      fetchImpl: this.fetchImpl,
      body: { properties: PROPERTIES[kind], propertiesWithHistory: [], inputs: wanted.map((id) => ({ id })) },
    });
    return parseHubspot(hubspotBatchReadSchema, body, object).results;
  }

  /** The portal's deal or ticket pipelines with their stages' labels (and tickets' OPEN/CLOSED state). */
  async pipelines(kind: ActivityKind): Promise<HubspotPipelines> {
    const object = `${SINGULAR[kind]} pipelines`;
    return parseHubspot(hubspotPipelinesSchema, await this.get(`/crm/v3/pipelines/${kind}`, object), object);
  }

  async owner(ownerId: string): Promise<HubspotOwner> {
    const object = `owner ${ownerId}`;
    return parseHubspot(hubspotOwnerSchema, await this.get(`/crm/v3/owners/${encodeURIComponent(ownerId)}`, object), object);
  }

  async searchContactsByEmail(email: string): Promise<HubspotObject[]> {
    const object = `contact search for ${email}`;
    const body = await requestJson({
      vendor: 'HubSpot',
      object,
      url: `${HUBSPOT_API_ORIGIN}/crm/v3/objects/contacts/search`,
      method: 'POST',
      token: this.token,
      limiter: searchLimiter,
      fetchImpl: this.fetchImpl,
      body: {
        filterGroups: [
          { filters: [{ propertyName: 'email', operator: 'EQ', value: email }] },
          { filters: [{ propertyName: 'hs_additional_emails', operator: 'CONTAINS_TOKEN', value: email }] },
        ],
        properties: CONTACT_PROPERTIES,
        limit: 10,
      },
    });
    return parseHubspot(hubspotSearchSchema, body, object).results;
  }

  /** Companies whose primary domain is exactly this registrable domain. */
  async searchCompaniesByDomain(domain: string): Promise<HubspotObject[]> {
    return (await this.search('companies', [{ propertyName: 'domain', operator: 'EQ', value: domain }], COMPANY_PROPERTIES, 5)).results;
  }

  private async search(kind: ObjectKind, filters: SearchFilter[], properties: string[], limit: number, after?: string) {
    const object = `${kind} search`;
    const body = await requestJson({
      vendor: 'HubSpot',
      object,
      url: `${HUBSPOT_API_ORIGIN}/crm/v3/objects/${kind}/search`,
      method: 'POST',
      token: this.token,
      limiter: searchLimiter,
      fetchImpl: this.fetchImpl,
      body: { filterGroups: filters.length ? [{ filters }] : [], properties, limit, ...(after ? { after } : {}) },
    });
    return parseHubspot(hubspotSearchSchema, body, object);
  }

  /** How many objects match, from the search endpoint's `total` (one request, one result read). */
  async searchTotal(kind: ObjectKind, filters: SearchFilter[]): Promise<number> {
    return (await this.search(kind, filters, ['hs_object_id'], 1)).total;
  }

  /** Every open deal's amount and stage (bounded to 2,000 deals: ten search pages). */
  async openDeals(): Promise<HubspotObject[]> {
    const deals: HubspotObject[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await this.search('deals', [{ propertyName: 'hs_is_closed', operator: 'EQ', value: 'false' }], ['amount', 'dealstage', 'pipeline'], 200, after);
      deals.push(...result.results);
      after = result.paging?.next?.after;
      if (!after) break;
    }
    return deals;
  }

  /** One page of contacts or companies, with the given associations (a contact's companies, deals, tickets...). */
  async listObjects(kind: 'contacts' | 'companies', after: string | null, limit = 100, associations: string[] = kind === 'contacts' ? ['companies'] : []) {
    const query = new URLSearchParams({
      limit: String(limit),
      properties: PROPERTIES[kind].join(','),
      ...(associations.length ? { associations: associations.join(',') } : {}),
      ...(after ? { after } : {}),
    });
    const object = `${kind} page`;
    return parseHubspot(hubspotListSchema, await this.get(`/crm/v3/objects/${kind}?${query}`, object), object);
  }
}
