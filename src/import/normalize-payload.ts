import { z } from '../model/zod-setup';
import type { CustomerRecord } from '../model/record';
import { ConnectorError, parseVendorPayload } from '../connectors/errors';
import { parseHubspot } from '../connectors/hubspot/api';
import { hubspotListSchema, hubspotObjectSchema, hubspotSearchSchema } from '../connectors/hubspot/schemas';
import { normalizeHubspotCompany, normalizeHubspotContact } from '../connectors/hubspot/normalize';
import { stripeCustomerSchema, stripeInvoiceSchema, stripeSubscriptionSchema } from '../connectors/stripe/schemas';
import { normalizeStripeCustomer, normalizeStripeInvoice, normalizeStripeSubscription } from '../connectors/stripe/normalize';
import { zendeskOrganizationSchema, zendeskTicketSchema, zendeskUserSchema } from '../connectors/zendesk/schemas';
import { normalizeZendeskOrganization, normalizeZendeskTicket, normalizeZendeskUser } from '../connectors/zendesk/normalize';
import { normalizeGa4Payload } from '../connectors/ga4/payload';
import { normalizeSalesforcePayload } from '../connectors/salesforce/payload';
import { normalizeIntercomPayload } from '../connectors/intercom/payload';
import { normalizeMailchimpPayload } from '../connectors/mailchimp/payload';
import { normalizeKlaviyoPayload } from '../connectors/klaviyo/payload';
import { normalizePipedrivePayload } from '../connectors/pipedrive/payload';

/**
 * Canonical records from a vendor payload file, for `npm run normalize` and imports. The shape
 * is recognised from the payload itself (wrappers, `object` fields, list envelopes); anything
 * else is a schema error naming the path that did not match.
 */
const fetchedAt = Date.now();
/** Imported records are kept apart from any connected account's, under this account name. */
export const IMPORT_ACCOUNT = 'import';

function hubspot(payload: unknown): CustomerRecord[] {
  const ctx = { portal: IMPORT_ACCOUNT, consoleHost: 'app.hubspot.com', fetchedAt };
  // A company has `name`/`domain`; everything else HubSpot sends with `properties` is read as a contact.
  const one = (o: z.infer<typeof hubspotObjectSchema>) => ('domain' in o.properties || 'name' in o.properties ? normalizeHubspotCompany(o, ctx) : normalizeHubspotContact(o, ctx));
  if (payload && typeof payload === 'object' && 'results' in payload) {
    const list = 'total' in payload ? parseHubspot(hubspotSearchSchema, payload, 'search result') : parseHubspot(hubspotListSchema, payload, 'list');
    return list.results.map(one);
  }
  return [one(parseHubspot(hubspotObjectSchema, payload, 'object'))];
}

function stripe(payload: unknown): CustomerRecord[] {
  const ctx = { account: IMPORT_ACCOUNT, testMode: false, fetchedAt };
  const body = z.object({ object: z.string() }).safeParse(payload);
  const kind = body.success ? body.data.object : undefined;
  if (kind === 'list' || kind === 'search_result') {
    const data = parseVendorPayload('Stripe', z.object({ data: z.array(z.unknown()) }), payload, kind);
    return data.data.flatMap((item) => stripe(item));
  }
  if (kind === 'customer') return [normalizeStripeCustomer(parseVendorPayload('Stripe', stripeCustomerSchema, payload, 'customer'), ctx)];
  if (kind === 'subscription') return [normalizeStripeSubscription(parseVendorPayload('Stripe', stripeSubscriptionSchema, payload, 'subscription'), ctx)];
  if (kind === 'invoice') return [normalizeStripeInvoice(parseVendorPayload('Stripe', stripeInvoiceSchema, payload, 'invoice'), ctx)];
  throw new ConnectorError('schema', `Stripe payload of kind “${kind ?? 'unknown'}” is not one we read (customer, subscription, invoice, list).`, { path: 'object' });
}

function zendesk(payload: unknown): CustomerRecord[] {
  const ctx = { subdomain: IMPORT_ACCOUNT, fetchedAt };
  const body = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  const read = <T extends z.ZodMiniType>(schema: T, value: unknown, object: string) => parseVendorPayload('Zendesk', schema, value, object);
  if ('user' in body) return [normalizeZendeskUser(read(zendeskUserSchema, body.user, 'user'), ctx)];
  if ('ticket' in body) return [normalizeZendeskTicket(read(zendeskTicketSchema, body.ticket, 'ticket'), ctx)];
  if ('organization' in body) return [normalizeZendeskOrganization(read(zendeskOrganizationSchema, body.organization, 'organization'), ctx)];
  if ('users' in body) return read(z.array(zendeskUserSchema), body.users, 'users').map((u) => normalizeZendeskUser(u, ctx));
  if ('tickets' in body) return read(z.array(zendeskTicketSchema), body.tickets, 'tickets').map((t) => normalizeZendeskTicket(t, ctx));
  throw new ConnectorError('schema', 'Zendesk payload without a user, ticket, organization, users or tickets wrapper.', { path: '(root)' });
}

const readers: Record<string, (payload: unknown) => CustomerRecord[]> = {
  hubspot,
  stripe,
  zendesk,
  salesforce: (payload) => normalizeSalesforcePayload(payload, IMPORT_ACCOUNT),
  intercom: (payload) => normalizeIntercomPayload(payload, IMPORT_ACCOUNT),
  mailchimp: (payload) => normalizeMailchimpPayload(payload, IMPORT_ACCOUNT),
  klaviyo: (payload) => normalizeKlaviyoPayload(payload, IMPORT_ACCOUNT),
  pipedrive: (payload) => normalizePipedrivePayload(payload, IMPORT_ACCOUNT),
  ga4: (payload) => normalizeGa4Payload(payload, IMPORT_ACCOUNT),
};

export const SUPPORTED_CONNECTORS = Object.keys(readers);

export function normalizePayload(connector: string, payload: unknown): CustomerRecord[] {
  const reader = readers[connector];
  if (!reader) throw new ConnectorError('schema', `No reader for “${connector}”; supported: ${SUPPORTED_CONNECTORS.join(', ')}.`, { path: '(connector)' });
  return reader(payload);
}
