import type { ResolveSource } from '../../src/identity/resolve';
import { recordKey, type CustomerRecord } from '../../src/model/record';
import { hubspotObjectSchema } from '../../src/connectors/hubspot/schemas';
import { normalizeHubspotCompany, normalizeHubspotContact, normalizeHubspotDeal, normalizeHubspotTicket, stagesFromPipelines } from '../../src/connectors/hubspot/normalize';
import { stripeChargeSchema, stripeCustomerSchema, stripeInvoiceSchema, stripeSubscriptionSchema } from '../../src/connectors/stripe/schemas';
import { normalizeStripeCharge, normalizeStripeCustomer, normalizeStripeInvoice, normalizeStripeSubscription } from '../../src/connectors/stripe/normalize';
import { zendeskOrganizationSchema, zendeskTicketSchema, zendeskUserSchema } from '../../src/connectors/zendesk/schemas';
import { normalizeZendeskOrganization, normalizeZendeskTicket, normalizeZendeskUser } from '../../src/connectors/zendesk/normalize';
import { intercomCompanySchema, intercomContactSchema, intercomConversationSchema, intercomSubscriptionSchema } from '../../src/connectors/intercom/schemas';
import { normalizeIntercomCompany, normalizeIntercomContact, normalizeIntercomConversation } from '../../src/connectors/intercom/normalize';
import { mailchimpListSchema, mailchimpMemberSchema } from '../../src/connectors/mailchimp/schemas';
import { normalizeMailchimpList, normalizeMailchimpPerson } from '../../src/connectors/mailchimp/normalize';
import { klaviyoListSchema, klaviyoProfileSchema } from '../../src/connectors/klaviyo/schemas';
import { normalizeKlaviyoList, normalizeKlaviyoProfile } from '../../src/connectors/klaviyo/normalize';
import { salesforceAccountSchema, salesforceCaseSchema, salesforceContactSchema, salesforceOpportunitySchema } from '../../src/connectors/salesforce/schemas';
import { normalizeSalesforceAccount, normalizeSalesforceCase, normalizeSalesforceContact, normalizeSalesforceOpportunity } from '../../src/connectors/salesforce/normalize';
import { pipedriveDealSchema, pipedriveOrganizationSchema, pipedrivePersonSchema } from '../../src/connectors/pipedrive/schemas';
import { normalizePipedriveDeal, normalizePipedriveOrganization, normalizePipedrivePerson } from '../../src/connectors/pipedrive/normalize';
import { makeHubspotData } from '../replica/seed.mjs';
import { HUBSPOT_PIPELINES } from '../replica/hubspot.mjs';
import { makeStripeData } from '../replica/stripe.mjs';
import { makeZendeskData } from '../replica/zendesk.mjs';
import { makeIntercomData, INTERCOM_ANN, INTERCOM_APP_ID } from '../replica/intercom.mjs';
import { makeMailchimpData } from '../replica/mailchimp.mjs';
import { makeKlaviyoData, KLAVIYO_ANN } from '../replica/klaviyo.mjs';
import { makeSalesforceData } from '../replica/salesforce.mjs';
import { makePipedriveData } from '../replica/pipedrive.mjs';

/**
 * What the extension caches after meeting Ann Lee (HubSpot contact 101) and Acme Robotics (5001)
 * in every tool: the replicas' demo data, parsed by each connector's schemas and normalised by
 * its normalisers, each tool read at its own time.
 */
export const FETCHED = { hubspot: Date.UTC(2026, 9, 2, 9), stripe: Date.UTC(2026, 9, 2, 8), zendesk: Date.UTC(2026, 9, 2, 7), intercom: Date.UTC(2026, 9, 2, 6), mailchimp: Date.UTC(2026, 9, 2, 5), klaviyo: Date.UTC(2026, 9, 2, 4), salesforce: Date.UTC(2026, 9, 2, 3), pipedrive: Date.UTC(2026, 9, 2, 2) };

type Raw = Record<string, unknown>;
const hubspot = makeHubspotData();
const PORTAL = String(hubspot.portalId);

function hubspotRecords(): CustomerRecord[] {
  const ctx = { portal: PORTAL, consoleHost: 'app.hubspot.com', fetchedAt: FETCHED.hubspot, currency: 'USD', dealStages: stagesFromPipelines(HUBSPOT_PIPELINES.deals), ticketStages: stagesFromPipelines(HUBSPOT_PIPELINES.tickets) };
  const key = (type: 'person' | 'company', id: string) => recordKey('hubspot', PORTAL, type, id);
  const ann = hubspot.contacts.find((c: Raw) => c.id === '101');
  const acme = hubspot.companies.find((c: Raw) => c.id === '5001');
  const association = (id: string) => ({ results: [{ id, type: 'contact_to_company' }] });
  const deals = hubspot.deals.filter((d: Raw) => hubspot.dealCompany.get(d.id) === '5001');
  const tickets = hubspot.tickets.filter((t: Raw) => hubspot.ticketContact.get(t.id) === '101');
  return [
    normalizeHubspotContact(hubspotObjectSchema.parse({ ...ann, associations: { companies: association('5001') } }), ctx),
    normalizeHubspotCompany(hubspotObjectSchema.parse(acme), ctx),
    ...deals.map((d: Raw) => normalizeHubspotDeal(hubspotObjectSchema.parse(d), ctx, [key('company', '5001'), ...(hubspot.dealContacts.get(d.id) ?? []).map((c: string) => key('person', c))])),
    ...tickets.map((t: Raw) => normalizeHubspotTicket(hubspotObjectSchema.parse(t), ctx, [key('person', '101')])),
  ];
}

function stripeRecords(): CustomerRecord[] {
  const data = makeStripeData(hubspot);
  const ctx = { account: `${data.accountId}-test`, testMode: true, fetchedAt: FETCHED.stripe };
  const mine = (list: Raw[]) => list.filter((x) => x.customer === 'cus_Demo101');
  const subscriptions = mine(data.subscriptions).map((s) => stripeSubscriptionSchema.parse(s));
  const charges = mine(data.charges).map((c) => stripeChargeSchema.parse(c));
  const customer = stripeCustomerSchema.parse(data.customers.find((c: Raw) => c.id === 'cus_Demo101'));
  return [
    normalizeStripeCustomer(customer, ctx, { subscriptions, charges }),
    ...subscriptions.map((s) => normalizeStripeSubscription(s, ctx)),
    ...mine(data.invoices).map((i) => normalizeStripeInvoice(stripeInvoiceSchema.parse(i), ctx)),
    ...charges.map((c) => normalizeStripeCharge(c, ctx)),
  ];
}

function zendeskRecords(): CustomerRecord[] {
  const data = makeZendeskData(hubspot);
  const ctx = { subdomain: 'acme', fetchedAt: FETCHED.zendesk };
  const annie = data.users.find((u: Raw) => u.name === 'Annie Lee');
  const organization = zendeskOrganizationSchema.parse(data.organizations.find((o: Raw) => o.id === annie.organization_id));
  return [
    normalizeZendeskUser(zendeskUserSchema.parse(annie), ctx, organization),
    normalizeZendeskOrganization(organization, ctx),
    ...data.tickets.filter((t: Raw) => t.requester_id === annie.id).map((t: Raw) => normalizeZendeskTicket(zendeskTicketSchema.parse(t), ctx)),
  ];
}

function intercomRecords(): CustomerRecord[] {
  const data = makeIntercomData(hubspot);
  const ctx = { appId: INTERCOM_APP_ID, consoleHost: 'app.intercom.com', fetchedAt: FETCHED.intercom };
  const subscriptions = data.contactSubscriptions.get(INTERCOM_ANN.id).map((s: Raw) => intercomSubscriptionSchema.parse(s));
  const contact = intercomContactSchema.parse(data.contacts.find((c: Raw) => c.id === INTERCOM_ANN.id));
  const companies = data.companies.filter((c: Raw) => contact.companies?.data?.some((x) => x.id === c.id)).map((c: Raw) => intercomCompanySchema.parse(c));
  const conversations = data.conversations.filter((c: { contacts: { contacts: Raw[] } }) => c.contacts.contacts.some((x) => x.id === INTERCOM_ANN.id));
  return [
    normalizeIntercomContact(contact, ctx, { companies, subscriptions, tags: data.contactTags.get(INTERCOM_ANN.id).map((t: Raw) => t.name) }),
    ...companies.map((c) => normalizeIntercomCompany(c, ctx)),
    ...conversations.map((c: Raw) => normalizeIntercomConversation(intercomConversationSchema.parse(c), ctx)),
  ];
}

function mailchimpRecords(): CustomerRecord[] {
  const data = makeMailchimpData(hubspot);
  const lists = data.lists.map((l: Raw) => mailchimpListSchema.parse(l));
  const ctx = { account: data.account.account_id, consoleHost: 'us6.admin.mailchimp.com', fetchedAt: FETCHED.mailchimp, listNames: Object.fromEntries(lists.map((l) => [l.id, l.name])) };
  const work = data.members.filter((m: Raw) => m.email_address === 'Ann.Lee@Acme-Robotics.com').map((m: Raw) => mailchimpMemberSchema.parse(m));
  return [normalizeMailchimpPerson(work, ctx), ...lists.filter((l) => work.some((m) => m.list_id === l.id)).map((l) => normalizeMailchimpList(l, ctx))];
}

function klaviyoRecords(): CustomerRecord[] {
  const data = makeKlaviyoData(hubspot);
  const ctx = { account: data.accountId, fetchedAt: FETCHED.klaviyo, currency: 'USD' };
  const raw = data.profiles.find((p: Raw) => p.id === KLAVIYO_ANN.id);
  // Six shop orders of $198, as the replica answers with `additional-fields[profile]=predictive_analytics`.
  const profile = klaviyoProfileSchema.parse({ ...raw, attributes: { ...raw.attributes, predictive_analytics: { historic_clv: 1188, historic_number_of_orders: 6 } } });
  const lists = data.lists.filter((l: Raw) => data.memberships.get(KLAVIYO_ANN.id).includes(l.id)).map((l: Raw) => klaviyoListSchema.parse(l));
  return [normalizeKlaviyoProfile(profile, ctx, lists), ...lists.map((l) => normalizeKlaviyoList(l, ctx))];
}

function salesforceRecords(): CustomerRecord[] {
  const data = makeSalesforceData(hubspot);
  const ctx = { org: data.orgId, consoleHost: 'acme.lightning.force.com', currency: 'USD', fetchedAt: FETCHED.salesforce };
  const contact = data.Contact.find((c: Raw) => c.Email === 'Ann.Lee@acme-robotics.com');
  const account = data.Account.find((a: Raw) => a.Id === contact.AccountId);
  // What the connector reads: the account's open opportunities and the contact's open cases.
  return [
    normalizeSalesforceContact(salesforceContactSchema.parse(contact), ctx),
    normalizeSalesforceAccount(salesforceAccountSchema.parse(account), ctx),
    ...data.Opportunity.filter((o: Raw) => o.AccountId === account.Id && !o.IsClosed).map((o: Raw) => normalizeSalesforceOpportunity(salesforceOpportunitySchema.parse(o), ctx)),
    ...data.Case.filter((c: Raw) => c.ContactId === contact.Id && !c.IsClosed).map((c: Raw) => normalizeSalesforceCase(salesforceCaseSchema.parse(c), ctx)),
  ];
}

function pipedriveRecords(): CustomerRecord[] {
  const data = makePipedriveData(hubspot, 13, Date.UTC(2026, 9, 1));
  const ctx = { account: '8675309', consoleHost: 'acme.pipedrive.com', fetchedAt: FETCHED.pipedrive };
  const person = pipedrivePersonSchema.parse(data.persons.find((p: Raw) => p.id === 101));
  const organization = pipedriveOrganizationSchema.parse(data.organizations.find((o: Raw) => o.id === person.org_id));
  return [
    normalizePipedrivePerson(person, ctx, organization),
    normalizePipedriveOrganization(organization, ctx),
    ...data.deals.filter((d: Raw) => d.person_id === 101 && d.status === 'open').map((d: Raw) => normalizePipedriveDeal(pipedriveDealSchema.parse(d), ctx)),
  ];
}

export const demoRecords: CustomerRecord[] = [...hubspotRecords(), ...stripeRecords(), ...zendeskRecords(), ...intercomRecords(), ...mailchimpRecords(), ...klaviyoRecords(), ...salesforceRecords(), ...pipedriveRecords()];

/** The store's lookups over a set of records, as profileOf gives them to resolveProfile. */
export function sourceOf(records: CustomerRecord[]): ResolveSource {
  return {
    keysByIdentity: async (identity, limit) => records.filter((r) => r.identities.includes(identity)).slice(0, limit).map((r) => r.key),
    byKeys: async (keys) => records.filter((r) => keys.includes(r.key)),
    linking: async (key) => records.filter((r) => r.links.includes(key)),
  };
}

export const hubspotKey = (type: 'person' | 'company', id: string) => recordKey('hubspot', PORTAL, type, id);
