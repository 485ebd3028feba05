import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shopify } from '../../../src/connectors/shopify';
import { ShopifyApi } from '../../../src/connectors/shopify/api';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema } from '../../../src/model/record';
import { metricPointSchema } from '../../../src/model/metric';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createShopifyReplica, SHOPIFY_ANN, SHOPIFY_DEMO_TOKEN, SHOPIFY_SHOP } from '../../replica/shopify.mjs';
import { answerFromReplica } from '../replica-fetch';

/** The connector end to end against the replica's handler, with fetch routed in memory. */
const replica = createShopifyReplica(makeHubspotData());
const credentials = { token: SHOPIFY_DEMO_TOKEN, site: SHOPIFY_SHOP };

let connection: Connection;
beforeAll(async () => {
  vi.stubGlobal('fetch', answerFromReplica(replica));
  connection = { ...(await shopify.verify(credentials)), site: SHOPIFY_SHOP, connectedAt: 0 };
});
afterAll(() => vi.unstubAllGlobals());

describe('Shopify connector against the replica', () => {
  it('verifies the token with one call and names the shop and its currency', () => {
    expect(connection).toMatchObject({ connector: 'shopify', account: 'acme', accountLabel: 'Acme Robotics Store (USD)', currency: 'USD', consoleHost: 'admin.shopify.com' });
    expect(replica.state.requests.map((r: { path: string }) => r.path)).toEqual(['/admin/api/2026-07/shop.json']);
  });

  it('rejects a bad token with Shopify’s words left out of the UI message, and a hostile shop before any request', async () => {
    await expect(shopify.verify({ token: 'shpat_nope', site: 'acme' })).rejects.toMatchObject({ kind: 'auth' });
    const before = replica.state.requests.length;
    await expect(shopify.verify({ token: SHOPIFY_DEMO_TOKEN, site: 'acme.myshopify.com.evil.example' })).rejects.toMatchObject({ kind: 'auth' });
    expect(replica.state.requests.length).toBe(before);
  });

  it('opens Ann’s customer page with her orders for the timeline and her lifetime value', async () => {
    const page = shopify.pages[0]!.detect(new URL(SHOPIFY_ANN.consoleUrl))!;
    expect(page).toMatchObject({ account: 'acme', type: 'person', id: SHOPIFY_ANN.id });
    const { records, warnings } = await shopify.fetchRecord(page, credentials, connection);
    expect(warnings).toEqual([]);
    for (const record of records) customerRecordSchema.parse(record);
    const [ann, ...orders] = records;
    expect(ann).toMatchObject({ title: 'Anne Lee', url: SHOPIFY_ANN.consoleUrl, identities: ['email:ann.lee@acme-robotics.com', 'phone:+14155550100'] });
    expect(ann!.fields).toMatchObject({ lifetimeValue: { amountMinor: 20900, currency: 'USD' }, orderCount: 3, tags: ['VIP', 'Wholesale'] });
    expect(orders.map((o) => [o.title, o.fields.status, o.fields.amount?.amountMinor])).toEqual([
      ['Order #1003', 'refunded', 0],
      ['Order #1002', 'paid', 8900],
      ['Order #1001', 'paid', 12000],
    ]);
    for (const order of orders) expect(order.links).toEqual([ann!.key]);
    expect(ann!.fields.lastActivityAt).toBe(Math.max(...orders.map((o) => o.fields.createdAt!)));
  });

  it('opens an order page with its customer', async () => {
    const order = replica.data.orders.find((o: { customer: { id: number } }) => String(o.customer.id) === SHOPIFY_ANN.id);
    const page = shopify.pages[0]!.detect(new URL(`https://acme.myshopify.com/admin/orders/${order.id}`))!;
    const { records } = await shopify.fetchRecord(page, credentials, connection);
    expect(records[0]).toMatchObject({ type: 'order', id: String(order.id) });
    expect(records.filter((r) => r.type === 'person').map((r) => r.id)).toEqual([SHOPIFY_ANN.id]);
    expect(new Set(records.map((r) => r.key)).size).toBe(records.length);
  });

  it('finds Ann by email whatever its case', async () => {
    const { records } = await shopify.findByEmail('Ann.Lee@acme-robotics.com', credentials, connection);
    expect(records[0]).toMatchObject({ id: SHOPIFY_ANN.id });
    expect(records.filter((r) => r.type === 'order')).toHaveLength(3);
  });

  it('syncs every customer through Link-header pages, resumable from the cursor', async () => {
    const api = new ShopifyApi(SHOPIFY_SHOP, SHOPIFY_DEMO_TOKEN);
    const first = await api.customersPage(null);
    expect(first.items).toHaveLength(Math.min(250, replica.data.customers.length));
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result = await shopify.sync(cursor, credentials, connection);
      seen.push(...result.records.map((r) => r.id));
      cursor = result.cursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(replica.data.customers.length);
  });

  it('a page_info sent with filters is refused, as Shopify does', async () => {
    const response = await fetch('https://acme.myshopify.com/admin/api/2026-07/orders.json?page_info=eyJvZmZzZXQiOjF9&status=any', { headers: { 'x-shopify-access-token': SHOPIFY_DEMO_TOKEN } });
    expect(response.status).toBe(400);
  });

  it('reports orders and revenue over 7 and 30 days and the customer count', async () => {
    const points = await shopify.metrics!(credentials, connection);
    for (const point of points) metricPointSchema.parse(point);
    const byId = Object.fromEntries(points.map((p) => [p.metric, p]));
    const now = Date.now();
    const placed = (days: number) => replica.data.orders.filter((o: { cancelled_at: string | null; created_at: string }) => !o.cancelled_at && Date.parse(o.created_at) >= now - days * 86_400_000);
    const cents = (orders: Array<{ current_total_price: string }>) => orders.reduce((sum, o) => sum + Math.round(Number(o.current_total_price) * 100), 0);
    expect(byId['orders-30d']!.value).toBe(placed(30).length);
    expect(byId['orders-7d']!.value).toBe(placed(7).length);
    expect(byId['revenue-30d']).toMatchObject({ value: cents(placed(30)), unit: 'USD' });
    expect(byId['revenue-7d']!.value).toBe(cents(placed(7)));
    expect(byId['customers']!.value).toBe(replica.data.customers.length);
  });

  it('waits out a 429 for as long as Retry-After says, then reads', async () => {
    replica.state.faults.push({ pathIncludes: '/customers/count.json', status: 429, headers: { 'retry-after': '0.2' }, body: { errors: 'Exceeded 2 calls per second for api client.' }, times: 1 });
    const started = Date.now();
    const { count } = await new ShopifyApi(SHOPIFY_SHOP, SHOPIFY_DEMO_TOKEN).customersCount();
    expect(count).toBe(replica.data.customers.length);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('the replica’s leaky bucket answers 429 with Retry-After once 40 requests come at once', async () => {
    const bucketReplica = createShopifyReplica(makeHubspotData());
    const call = answerFromReplica(bucketReplica);
    const answers = await Promise.all(Array.from({ length: 45 }, () => call('https://acme.myshopify.com/admin/api/2026-07/customers/count.json', { headers: { 'x-shopify-access-token': SHOPIFY_DEMO_TOKEN } })));
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(4);
    expect(limited[0]!.headers.get('retry-after')).toBe('1.0');
  });
});
