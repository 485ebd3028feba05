/**
 * Vendors that report money as decimals in major units (1000 yen, 12.34 euros, 1.234 dinars)
 * must store it in ISO 4217 minor units, and the panel must show it back as the vendor did.
 * Each payload is a real shared sample with only its amount and currency changed.
 */
import { describe, expect, it, vi } from 'vitest';
import { readSample } from '../samples';
import { formatMoney } from '../../../src/ui/shared/format';
import { formatMetricValue } from '../../../src/ui/panel/metrics/format-metric';
import { hubspotObjectSchema } from '../../../src/connectors/hubspot/schemas';
import { normalizeHubspotCompany, normalizeHubspotDeal } from '../../../src/connectors/hubspot/normalize';
import { salesforceAccountSchema, salesforceOpportunitySchema } from '../../../src/connectors/salesforce/schemas';
import { normalizeSalesforceAccount, normalizeSalesforceOpportunity } from '../../../src/connectors/salesforce/normalize';
import { SalesforceApi } from '../../../src/connectors/salesforce/api';
import { salesforce } from '../../../src/connectors/salesforce/index';
import { klaviyoProfileSchema } from '../../../src/connectors/klaviyo/schemas';
import { normalizeKlaviyoProfile } from '../../../src/connectors/klaviyo/normalize';
import { intercomCompanySchema } from '../../../src/connectors/intercom/schemas';
import { normalizeIntercomCompany } from '../../../src/connectors/intercom/normalize';
import { pipedriveDealSchema } from '../../../src/connectors/pipedrive/schemas';
import { normalizePipedriveDeal } from '../../../src/connectors/pipedrive/normalize';
import { stripeChargeSchema } from '../../../src/connectors/stripe/schemas';
import { lifetimeValue } from '../../../src/connectors/stripe/normalize';
import { minorUnits } from '../../../src/connectors/ga4/normalize';
import type { Connection } from '../../../src/model/health';

type Json = Record<string, any>;

/** The vendor says 1000 JPY, 12.34 EUR, 1.234 KWD: we keep 1000, 1234, 1234 minor units. */
const CASES = [
  { major: 1000, currency: 'JPY', minor: 1000 },
  { major: 12.34, currency: 'EUR', minor: 1234 },
  { major: 1.234, currency: 'KWD', minor: 1234 },
];

function expectShownAsVendorSaid(money: { amountMinor: number; currency: string } | undefined, minor: number, currency: string) {
  expect(money).toEqual({ amountMinor: minor, currency });
  if (currency === 'JPY') expect(formatMoney(money)).toBe('¥1,000');
}

const sample = (vendor: string, file: string) => structuredClone(readSample(vendor, file)) as Json;

describe('HubSpot: deal amounts, company revenue and open deal value', () => {
  const contact = sample('hubspot', 'contact_simple_public_object.json');
  const ctx = { portal: '4815162', consoleHost: 'app.hubspot.com', fetchedAt: 1 };

  it.each(CASES)('$major $currency', async ({ major, currency, minor }) => {
    const deal = hubspotObjectSchema.parse({ ...contact, properties: { dealname: 'Expansion', amount: String(major), deal_currency_code: currency, dealstage: 'contractsent' } });
    expectShownAsVendorSaid(normalizeHubspotDeal(deal, ctx).fields.amount, minor, currency);
    const portalCurrency = normalizeHubspotDeal(hubspotObjectSchema.parse({ ...contact, properties: { amount: String(major) } }), { ...ctx, currency });
    expectShownAsVendorSaid(portalCurrency.fields.amount, minor, currency);
    const company = hubspotObjectSchema.parse({ ...contact, properties: { name: 'Acme', annualrevenue: String(major) } });
    expectShownAsVendorSaid(normalizeHubspotCompany(company, { ...ctx, currency }).fields.annualRevenue, minor, currency);
    const { dealsByStage } = await import('../../../src/connectors/hubspot/index');
    expect(dealsByStage([deal], currency).get('contractsent')).toEqual({ valueMinor: minor, count: 1 });
  });
});

describe('Salesforce: opportunity amounts, account revenue and open pipeline', () => {
  const account = (sample('salesforce', 'soql_query_accounts.json').records as Json[])[2]!;
  const ctx = (currency: string) => ({ org: '00D000000000001AAA', consoleHost: 'acme.lightning.force.com', currency, fetchedAt: 1 });

  it.each(CASES)('$major $currency', async ({ major, currency, minor }) => {
    const opportunity = salesforceOpportunitySchema.parse({ ...account, attributes: { ...account.attributes, type: 'Opportunity' }, Amount: major });
    expectShownAsVendorSaid(normalizeSalesforceOpportunity(opportunity, ctx(currency)).fields.amount, minor, currency);
    const withRevenue = salesforceAccountSchema.parse({ ...account, AnnualRevenue: major });
    expectShownAsVendorSaid(normalizeSalesforceAccount(withRevenue, ctx(currency)).fields.annualRevenue, minor, currency);

    vi.spyOn(SalesforceApi.prototype, 'openPipeline').mockResolvedValue({ amount: major, count: 1 });
    vi.spyOn(SalesforceApi.prototype, 'count').mockResolvedValue(0);
    const connection = { account: '00D000000000001AAA', currency } as Connection;
    const points = await salesforce.metrics!({ token: 't', site: 'https://acme.my.salesforce.com' }, connection);
    const pipeline = points.find((p) => p.metric === 'open-pipeline')!;
    expect(pipeline).toMatchObject({ value: minor, unit: currency });
    if (currency === 'JPY') expect(formatMetricValue(pipeline.value, pipeline.unit)).toBe('¥1,000');
    vi.restoreAllMocks();
  });
});

describe('Klaviyo: historic customer lifetime value', () => {
  const profile = sample('klaviyo', 'profile_get_DERIVED_from_spec_field_examples.json').data as Json;

  it.each(CASES)('$major $currency', ({ major, currency, minor }) => {
    profile.attributes.predictive_analytics.historic_clv = major;
    const record = normalizeKlaviyoProfile(klaviyoProfileSchema.parse(profile), { account: 'XyZ123', fetchedAt: 1, currency });
    expectShownAsVendorSaid(record.fields.lifetimeValue, minor, currency);
  });
});

describe('Intercom: a company’s monthly spend', () => {
  const company = sample('intercom', 'company.json');

  it.each(CASES)('$major $currency', ({ major, currency, minor }) => {
    const record = normalizeIntercomCompany(intercomCompanySchema.parse({ ...company, monthly_spend: major }), { appId: 'abc123', consoleHost: 'app.intercom.com', fetchedAt: 1, currency });
    expectShownAsVendorSaid(record.fields.mrr, minor, currency);
  });
});

describe('Pipedrive: deal values', () => {
  // A v2 deal carries the same envelope as the v2 person sample; its money is the custom field's {value, currency} shape.
  const person = sample('pipedrive', 'person_v2.json');
  const deal = (value: number, currency: string) => pipedriveDealSchema.parse({ ...person, title: 'Expansion', status: 'open', person_id: person.id, value, currency });

  it.each([...CASES, { major: 1.234, currency: 'IQD', minor: 1234 }, { major: 1000, currency: 'XPF', minor: 1000 }])('$major $currency', ({ major, currency, minor }) => {
    const record = normalizePipedriveDeal(deal(major, currency), { account: '123', consoleHost: 'acme.pipedrive.com', fetchedAt: 1 });
    expectShownAsVendorSaid(record.fields.amount, minor, currency);
  });
});

describe('Stripe: amounts already in minor units, by Stripe’s count of decimals', () => {
  const charge = sample('stripe', 'charge.json');
  const paid = (amount: number, currency: string) => stripeChargeSchema.parse({ ...charge, amount, amount_refunded: 0, currency: currency.toLowerCase() });

  it('keeps yen, euro cents and fils as they are, so nothing divides them again', () => {
    expectShownAsVendorSaid(lifetimeValue([paid(1000, 'JPY')]), 1000, 'JPY');
    expectShownAsVendorSaid(lifetimeValue([paid(1234, 'EUR')]), 1234, 'EUR');
    expectShownAsVendorSaid(lifetimeValue([paid(1230, 'KWD')]), 1230, 'KWD');
  });

  it('rescales the two currencies Stripe counts unlike ISO 4217: ISK in hundredths, MGA in whole ariary', () => {
    expect(lifetimeValue([paid(150000, 'ISK')])).toEqual({ amountMinor: 1500, currency: 'ISK' });
    expect(lifetimeValue([paid(1500, 'MGA')])).toEqual({ amountMinor: 150000, currency: 'MGA' });
  });
});

describe('GA4 revenue and the panel’s display follow ISO 4217, not the browser’s currency data', () => {
  it('counts the Iraqi dinar in fils (three decimals) although Intl shows it without any', () => {
    expect(minorUnits(1.234, 'IQD')).toBe(1234);
    expect(formatMoney({ amountMinor: 1234, currency: 'IQD' })).toMatch(/^IQD\s1\.234$/);
    expect(formatMoney({ amountMinor: 1000, currency: 'IQD' })).toMatch(/^IQD\s1$/);
    expect(formatMoney({ amountMinor: 1234, currency: 'KWD' })).toMatch(/^KWD\s1\.234$/);
    expect(formatMoney({ amountMinor: 1234, currency: 'EUR' })).toBe('€12.34');
    expect(formatMoney({ amountMinor: 1200, currency: 'EUR' })).toBe('€12');
  });
});
