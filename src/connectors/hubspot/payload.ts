import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError } from '../errors';
import { parseHubspot } from './api';
import { hubspotErrorSchema, hubspotListSchema, hubspotObjectSchema, hubspotSearchSchema, type HubspotObject } from './schemas';
import { normalizeHubspotCompany, normalizeHubspotContact, normalizeHubspotDeal, normalizeHubspotTicket, type HubspotNormalizeContext } from './normalize';

/**
 * Which CRM object a v3 object is, from the properties HubSpot returns for it (a search or list
 * answer returns each type's default properties, null or not, so the keys are there even when
 * empty). Objects of every endpoint look alike otherwise: a deal read as a contact would be a
 * "Contact 4794…" person in search, so an object with none of these keys is refused, not guessed.
 */
const SIGNS = [
  ['deal', ['dealname', 'dealstage', 'amount', 'pipeline', 'closedate']],
  ['ticket', ['subject', 'hs_pipeline_stage', 'hs_ticket_priority', 'hs_ticket_category', 'content']],
  ['company', ['name', 'domain']],
  ['contact', ['firstname', 'lastname', 'email', 'lastmodifieddate']],
] as const;

type Kind = (typeof SIGNS)[number][0];

function kindOf(object: HubspotObject): Kind | undefined {
  const keys = Object.keys(object.properties);
  return SIGNS.find(([, signs]) => signs.some((sign) => keys.includes(sign)))?.[0];
}

/**
 * A contact, company, deal or ticket object, or a list or search page of them, as the CRM API
 * sends them (v3; the retired v2 format and error bodies are refused with what they are).
 */
export const readPayload: PayloadReader = (payload, account) => {
  const ctx: HubspotNormalizeContext = { portal: account, consoleHost: 'app.hubspot.com', fetchedAt: Date.now() };
  const error = hubspotErrorSchema.safeParse(payload);
  if (error.success && !(payload && typeof payload === 'object' && ('id' in payload || 'results' in payload))) {
    const category = error.data.category ? `${error.data.category}: ` : '';
    throw new ConnectorError('schema', `This is a HubSpot error response, not records: ${category}${error.data.message}`, { path: 'message' });
  }
  const one = (object: HubspotObject, where: string): CustomerRecord => {
    const kind = kindOf(object);
    if (kind === 'deal') return normalizeHubspotDeal(object, ctx);
    if (kind === 'ticket') return normalizeHubspotTicket(object, ctx);
    if (kind === 'company') return normalizeHubspotCompany(object, ctx);
    if (kind === 'contact') return normalizeHubspotContact(object, ctx);
    throw new ConnectorError(
      'schema',
      `HubSpot ${where} (id ${object.id}) has none of the properties that tell a contact (firstname, lastname, email), company (name, domain), deal (dealname, dealstage, amount) or ticket (subject, hs_pipeline_stage) apart, so it is not read as any of them; save it with those properties requested.`,
      { path: `${where === 'object' ? '' : `${where.replace('result ', 'results.')}.`}properties` },
    );
  };
  if (payload && typeof payload === 'object' && 'results' in payload) {
    const list = 'total' in payload ? parseHubspot(hubspotSearchSchema, payload, 'search result') : parseHubspot(hubspotListSchema, payload, 'list');
    return list.results.map((object, i) => one(object, `result ${i}`));
  }
  return [one(parseHubspot(hubspotObjectSchema, payload, 'object'), 'object')];
};
