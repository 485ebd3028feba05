import { describe, expect, it } from 'vitest';
import { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload, ConnectorError } from '../../../src/connectors/errors';
import {
  stripeChargeSchema,
  stripeCustomerSchema,
  stripeEventSchema,
  stripeInvoiceSchema,
  stripePaymentIntentSchema,
  stripeSearchSchema,
  stripeSubscriptionSchema,
} from '../../../src/connectors/stripe/schemas';
import { lifetimeValue, monthlyAmount, normalizeStripeCharge, normalizeStripeCustomer, normalizeStripeInvoice, normalizeStripeSubscription } from '../../../src/connectors/stripe/normalize';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { makeStripeData } from '../../replica/stripe.mjs';

const ctx = { account: 'acct_1-test', testMode: true, fetchedAt: 1_700_000_000_000 };

const expectations: Record<string, z.ZodMiniType> = {
  'customer.json': stripeCustomerSchema,
  'subscription.json': stripeSubscriptionSchema,
  'invoice.json': stripeInvoiceSchema,
  'invoice_legacy_2016_stripe-java.json': stripeInvoiceSchema,
  'charge.json': stripeChargeSchema,
  'payment_intent.json': stripePaymentIntentSchema,
  'event.json': stripeEventSchema,
  'search_result_envelope_stripe-java.json': stripeSearchSchema(z.object({ id: z.string(), object: z.string() })),
};

describe('Stripe schemas on the published samples', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('stripe').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Stripe', schema, readSample('stripe', file), file)).not.toThrow();
  });

  it('normalises the samples into valid records with typed values', () => {
    const customer = normalizeStripeCustomer(stripeCustomerSchema.parse(readSample('stripe', 'customer.json')), ctx);
    expect(customerRecordSchema.parse(customer)).toEqual(customer);
    expect(customer).toMatchObject({ key: 'stripe:acct_1-test:person:cus_QXg1o8vcGmoR32', title: 'cus_QXg1o8vcGmoR32', identities: [] });
    expect(customer.fields.createdAt).toBe(1234567890_000);
    expect(customer.url).toBe('https://dashboard.stripe.com/test/customers/cus_QXg1o8vcGmoR32');

    const invoice = normalizeStripeInvoice(stripeInvoiceSchema.parse(readSample('stripe', 'invoice.json')), ctx);
    expect(invoice.fields).toMatchObject({ amount: { amountMinor: 1000, currency: 'USD' }, status: 'draft' });
    expect(invoice.links).toEqual(['stripe:acct_1-test:person:cus_QXg1o8vcGmoR32']);
    const legacy = normalizeStripeInvoice(stripeInvoiceSchema.parse(readSample('stripe', 'invoice_legacy_2016_stripe-java.json')), ctx);
    expect(legacy.fields).toMatchObject({ amount: { amountMinor: 6000, currency: 'USD' }, status: 'paid', createdAt: 1470163519_000 });

    const subscription = normalizeStripeSubscription(stripeSubscriptionSchema.parse(readSample('stripe', 'subscription.json')), ctx);
    expect(customerRecordSchema.parse(subscription)).toEqual(subscription);
  });

  it('reports a wrong type with its path', () => {
    const broken = { ...(readSample('stripe', 'customer.json') as object), created: '2024-01-01' };
    expect(() => parseVendorPayload('Stripe', stripeCustomerSchema, broken, 'customer x')).toThrow(ConnectorError);
    expect(() => parseVendorPayload('Stripe', stripeCustomerSchema, broken, 'customer x')).toThrow(/created/);
  });
});

describe('Stripe revenue maths', () => {
  const subscription = (interval: 'month' | 'year' | 'week', unit: number, quantity: number, status = 'active') =>
    stripeSubscriptionSchema.parse({ id: 'sub_1', object: 'subscription', customer: 'cus_1', status, currency: 'usd', created: 1, livemode: false, items: { data: [{ id: 'si', quantity, price: { id: 'p', currency: 'usd', unit_amount: unit, recurring: { interval, interval_count: 1 } } }] } });

  it('turns every billing interval into monthly amounts, quantity included, and ignores cancelled ones', () => {
    expect(monthlyAmount(subscription('month', 9900, 3))).toBe(29700);
    expect(monthlyAmount(subscription('year', 120000, 1))).toBe(10000);
    expect(monthlyAmount(subscription('week', 1200, 1))).toBeCloseTo(5200, 5);
    expect(monthlyAmount(subscription('month', 9900, 1, 'canceled'))).toBe(0);
  });

  it('counts paid charges minus refunds as lifetime value', () => {
    const charge = (amount: number, refunded: number, paid = true) => stripeChargeSchema.parse({ id: 'ch', object: 'charge', amount, amount_refunded: refunded, currency: 'usd', customer: 'cus_1', paid, status: paid ? 'succeeded' : 'failed', created: 1, livemode: false });
    expect(lifetimeValue([charge(10000, 0), charge(5000, 5000), charge(7000, 0, false)])).toEqual({ amountMinor: 10000, currency: 'USD' });
    expect(lifetimeValue([])).toBeUndefined();
  });

  it('gives a customer Stripe knows but who never paid a lifetime value of 0 in their currency, not unknown', () => {
    const customer = stripeCustomerSchema.parse({ id: 'cus_2', object: 'customer', email: 'new@example.com', name: 'New', created: 1, currency: 'eur', livemode: false });
    const ctx = { account: 'acct_1', testMode: false, fetchedAt: 1, currency: 'USD' };
    expect(normalizeStripeCustomer(customer, ctx, { charges: [] }).fields.lifetimeValue).toEqual({ amountMinor: 0, currency: 'EUR' });
    expect(normalizeStripeCustomer({ ...customer, currency: null }, ctx, { charges: [] }).fields.lifetimeValue).toEqual({ amountMinor: 0, currency: 'USD' });
    // Listed by a sync, charges unread: nothing is known about the money.
    expect(normalizeStripeCustomer(customer, ctx).fields.lifetimeValue).toBeUndefined();
  });

  it('turns each charge into a payment whose amount is what lifetime value counts of it', () => {
    const charge = (id: string, amount: number, refunded: number, paid = true) => stripeChargeSchema.parse({ id, object: 'charge', amount, amount_refunded: refunded, currency: 'usd', customer: 'cus_1', paid, status: paid ? 'succeeded' : 'failed', created: 1, livemode: false });
    const charges = [charge('ch_1', 4950, 0), charge('ch_2', 5000, 1000), charge('ch_3', 7000, 0, false), charge('ch_4', 3000, 3000)];
    const payments = charges.map((c) => normalizeStripeCharge(c, { account: 'acct_1', testMode: true, fetchedAt: 1 }));
    expect(payments.map((p) => [p.type, p.fields.orderKind, p.fields.status, p.fields.amount?.amountMinor])).toEqual([
      ['order', 'payment', 'paid', 4950],
      ['order', 'payment', 'partly refunded', 4000],
      ['order', 'payment', 'failed', 0],
      ['order', 'payment', 'refunded', 0],
    ]);
    expect(payments[0]!.links).toEqual(['stripe:acct_1:person:cus_1']);
    expect(payments[0]!.url).toBe('https://dashboard.stripe.com/test/payments/ch_1');
    expect(payments.reduce((sum, p) => sum + p.fields.amount!.amountMinor, 0)).toBe(lifetimeValue(charges)!.amountMinor);
  });
});

describe('Stripe replica', () => {
  const data = makeStripeData(makeHubspotData());
  it('speaks Stripe: every served object parses with the connector’s schemas', () => {
    for (const c of data.customers) stripeCustomerSchema.parse(c);
    for (const s of data.subscriptions) stripeSubscriptionSchema.parse(s);
    for (const c of data.charges) stripeChargeSchema.parse(c);
    for (const i of data.invoices) stripeInvoiceSchema.parse(i);
  });
  it('has Ann Lee with her email in another case, and people only Stripe knows', () => {
    expect(data.customers.find((c: { email: string }) => c.email === 'Ann.Lee@Acme-Robotics.com')).toBeTruthy();
    expect(data.customers.filter((c: { id: string }) => c.id.startsWith('cus_Online'))).toHaveLength(5);
  });
});
