import type { z } from '../../model/zod-setup';
import type { PayloadReader } from '../contract';
import { parseHubspot } from './api';
import { hubspotListSchema, hubspotObjectSchema, hubspotSearchSchema } from './schemas';
import { normalizeHubspotCompany, normalizeHubspotContact } from './normalize';

/** A contact or company object, or a list or search page of them, as the CRM API sends them. */
export const readPayload: PayloadReader = (payload, account) => {
  const ctx = { portal: account, consoleHost: 'app.hubspot.com', fetchedAt: Date.now() };
  // A company has `name`/`domain`; everything else HubSpot sends with `properties` is read as a contact.
  const one = (o: z.infer<typeof hubspotObjectSchema>) => ('domain' in o.properties || 'name' in o.properties ? normalizeHubspotCompany(o, ctx) : normalizeHubspotContact(o, ctx));
  if (payload && typeof payload === 'object' && 'results' in payload) {
    const list = 'total' in payload ? parseHubspot(hubspotSearchSchema, payload, 'search result') : parseHubspot(hubspotListSchema, payload, 'list');
    return list.results.map(one);
  }
  return [one(parseHubspot(hubspotObjectSchema, payload, 'object'))];
};
