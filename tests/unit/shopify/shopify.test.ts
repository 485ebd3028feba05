import { describe, expect, it, vi } from 'vitest';
import type { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import {
  shopifyCount,
  shopifyCustomerEnvelope,
  shopifyCustomersPage,
  shopifyGraphqlCustomerEnvelope,
  shopifyGraphqlCustomersPage,
  shopifyOrderEnvelope,
  shopifyOrdersPage,
  shopifyShopEnvelope,
} from '../../../src/connectors/shopify/schemas';
import { normalizeShopifyCustomer, normalizeShopifyOrder, splitTags } from '../../../src/connectors/shopify/normalize';
import { readPayload } from '../../../src/connectors/shopify/payload';
import { nextPageInfo, ShopifyApi, shopifyOrigin } from '../../../src/connectors/shopify/api';
import { normalizePayload } from '../../../src/import/normalize-payload';
import { customerRecordSchema } from '../../../src/model/record';

const ctx = { account: 'jsmith', currency: 'USD', fetchedAt: 1_700_000_000_000 };

const expectations: Record<string, z.ZodMiniType> = {
  'rest_customer_get.json': shopifyCustomerEnvelope,
  'rest_customer_orders.json': shopifyOrdersPage,
  'rest_customer_search_by_email.json': shopifyCustomersPage,
  'rest_customer_search_fields_subset.json': shopifyCustomersPage,
  'rest_customers_count.json': shopifyCount,
  'rest_customers_list.json': shopifyCustomersPage,
  'rest_customers_list_by_ids.json': shopifyCustomersPage,
  'rest_order_get.json': shopifyOrderEnvelope,
  'rest_orders_count.json': shopifyCount,
  'rest_orders_list_financial_status_authorized.json': shopifyOrdersPage,
  'rest_shop.json': shopifyShopEnvelope,
  'graphql_customer_get_docs_example_no_data_envelope.json': shopifyGraphqlCustomerEnvelope,
  'graphql_customers_page_cursor_docs_example_no_data_envelope.json': shopifyGraphqlCustomersPage,
};

describe('Shopify schemas on the published samples', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('shopify').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Shopify', schema, readSample('shopify', file), file)).not.toThrow();
  });

  it.each(sampleFiles('shopify'))('npm run normalize reads %s', (file) => {
    const records = normalizePayload('shopify', readSample('shopify', file));
    for (const record of records) expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(records.length > 0).toBe(!file.includes('count') && file !== 'rest_shop.json');
  });

  it('normalises a customer: lifetime value in minor units, tags split, the new admin’s URL', () => {
    const { customer } = shopifyCustomerEnvelope.parse(readSample('shopify', 'rest_customer_get.json'));
    const { orders } = shopifyOrdersPage.parse(readSample('shopify', 'rest_customer_orders.json'));
    const record = normalizeShopifyCustomer(customer, ctx, orders);
    expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      key: 'shopify:jsmith:person:207119551',
      title: 'Bob Norman',
      url: 'https://admin.shopify.com/store/jsmith/customers/207119551',
      identities: ['email:bob.norman@mail.example.com', 'phone:+16136120707'],
    });
    expect(record.fields).toMatchObject({
      lifetimeValue: { amountMinor: 19965, currency: 'USD' },
      orderCount: 1,
      tags: ['Léon', 'Noël'],
      city: 'Louisville',
      country: 'US',
      createdAt: Date.parse('2025-07-02T16:25:58Z'),
      lastActivityAt: Date.parse('2008-01-10T16:00:00Z'),
    });
  });

  it('normalises an order for the timeline: number, total after refunds, status, date, its customer', () => {
    const { order } = shopifyOrderEnvelope.parse(readSample('shopify', 'rest_order_get.json'));
    const record = normalizeShopifyOrder(order, ctx);
    expect(record).toMatchObject({
      key: 'shopify:jsmith:order:450789469',
      title: 'Order #1001',
      url: 'https://admin.shopify.com/store/jsmith/orders/450789469',
      links: ['shopify:jsmith:person:207119551'],
      identities: [],
      fields: { amount: { amountMinor: 19965, currency: 'USD' }, status: 'partially_refunded', createdAt: Date.parse('2008-01-10T16:00:00Z') },
    });
    expect(normalizeShopifyOrder({ ...order, cancelled_at: '2008-01-11T10:00:00-05:00' }, ctx).fields.status).toBe('cancelled');
    expect(normalizeShopifyOrder({ ...order, current_total_price: undefined, total_price: '1000', currency: 'JPY' }, ctx).fields.amount).toEqual({ amountMinor: 1000, currency: 'JPY' });
  });

  it('reads GraphQL customers: the gid’s number as id, the string amounts and counts', () => {
    const [bob] = readPayload(readSample('shopify', 'graphql_customer_get_docs_example_no_data_envelope.json'), 'jsmith');
    expect(bob).toMatchObject({ key: 'shopify:jsmith:person:544365967', fields: { tags: ['Bob', 'Canadian', 'Léon', 'Noël'], orderCount: 25 } });
    // The docs example selects no currency code: no amount rather than a guessed one.
    expect(bob!.fields.lifetimeValue).toBeUndefined();
    const page = readPayload({ data: readSample('shopify', 'graphql_customers_page_cursor_docs_example_no_data_envelope.json') }, 'jsmith');
    expect(page[0]).toMatchObject({ key: 'shopify:jsmith:person:56501169', identities: ['email:jennytest@b2b.example.com', 'phone:+13125551219'] });
  });

  it('refuses error bodies with Shopify’s words, and unknown shapes by name', () => {
    expect(() => readPayload({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, 'x')).toThrow(/Invalid API key/);
    expect(() => readPayload({ errors: { email: ['is invalid'] } }, 'x')).toThrow(/email is invalid/);
    expect(() => readPayload({ products: [] }, 'x')).toThrow(expect.objectContaining({ kind: 'schema' }));
    expect(() => readPayload({ customer: { id: 'x' } }, 'x')).toThrow(expect.objectContaining({ kind: 'schema' }));
  });

  it('splits tags and drops blanks', () => {
    expect(splitTags(' VIP,, Wholesale ,')).toEqual(['VIP', 'Wholesale']);
    expect(splitTags(null)).toEqual([]);
  });
});

describe('Shopify API', () => {
  it('only ever talks to <shop>.myshopify.com', () => {
    expect(shopifyOrigin('acme')).toBe('https://acme.myshopify.com');
    expect(shopifyOrigin(' https://Acme.myshopify.com/admin ')).toBe('https://acme.myshopify.com');
    for (const bad of ['evil.com', 'acme.evil', 'a b', '', undefined, 'acme.myshopify.com@evil.com', 'acme.myshopify.com.evil.example', '-acme', 'user:pw@acme']) {
      expect(() => shopifyOrigin(bad)).toThrow(expect.objectContaining({ kind: 'auth' }));
    }
  });

  it('reads the next page from the Link header', () => {
    const base = 'https://acme.myshopify.com/admin/api/2026-07/customers.json';
    expect(nextPageInfo(`<${base}?limit=2&page_info=abc>; rel="previous", <${base}?limit=2&page_info=xyz>; rel="next"`)).toBe('xyz');
    expect(nextPageInfo(`<${base}?limit=2&page_info=abc>; rel="previous"`)).toBeNull();
    expect(nextPageInfo(null)).toBeNull();
  });

  it('sends the token in X-Shopify-Access-Token, never in the URL or as a bearer', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(readSample('shopify', 'rest_shop.json')), { status: 200 })) as unknown as typeof fetch;
    const { shop } = await new ShopifyApi('acme', 'shpat_T0K', fetchImpl).shop();
    expect(shop.currency).toBe('USD');
    const [url, init] = (fetchImpl as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0]!;
    expect(url).toBe('https://acme.myshopify.com/admin/api/2026-07/shop.json');
    const headers = init.headers as Record<string, string>;
    expect(headers['x-shopify-access-token']).toBe('shpat_T0K');
    expect(headers.authorization).toBeUndefined();
  });
});
