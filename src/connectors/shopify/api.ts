import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import { shopOfDomain } from './pages';
import {
  shopifyCount,
  shopifyCustomerEnvelope,
  shopifyCustomersPage,
  shopifyErrorMessage,
  shopifyOrderEnvelope,
  shopifyOrdersPage,
  shopifyShopEnvelope,
} from './schemas';

/**
 * The REST Admin API version: the latest stable one shopify.dev documents the customer resource
 * under (2026-07; the samples are the 2025-07 fixtures, same shapes). Shopify supports a version
 * for a year and then answers with the oldest supported one, so this wants a bump each July.
 */
export const SHOPIFY_API_VERSION = '2026-07';

/**
 * REST is a leaky bucket of 40 requests per app and shop, leaking 2 a second. We use half of
 * both: at most 20 in any 20 s, so a burst of 20 and then one a second.
 */
const limiter = new RateLimiter(20, 20_000);
const SHOP = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** `acme`, `acme.myshopify.com` or its https URL, as the shop's handle; anything else is refused. */
export function shopHandle(site: string | undefined): string {
  const clean = (site ?? '').trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const shop = shopOfDomain(clean) ?? clean;
  if (!SHOP.test(shop)) throw new ConnectorError('auth', `“${site ?? ''}” is not a Shopify shop address (the “acme” of acme.myshopify.com).`);
  return shop;
}

/** Only ever `https://<shop>.myshopify.com`: the shop is checked, so the token cannot be sent elsewhere. */
export function shopifyOrigin(site: string | undefined): string {
  return `https://${shopHandle(site)}.myshopify.com`;
}

/** The `page_info` of `rel="next"` in a Link header, or null on the last page. */
export function nextPageInfo(link: string | null): string | null {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return new URL(match[1]!).searchParams.get('page_info');
  }
  return null;
}

export interface Page<T> {
  items: T[];
  /** The next page's cursor, null on the last. */
  next: string | null;
}

export class ShopifyApi {
  private readonly origin: string;
  constructor(
    site: string | undefined,
    private readonly token: string,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.origin = shopifyOrigin(site);
  }

  /** GET with the Link header of the answer, which is where Shopify puts the next page. */
  private async read<T extends z.ZodMiniType>(path: string, schema: T, object: string): Promise<{ body: z.infer<T>; link: string | null }> {
    let link: string | null = null;
    const base = this.fetchImpl ?? fetch;
    const body = await requestJson({
      vendor: 'Shopify',
      object,
      url: `${this.origin}/admin/api/${SHOPIFY_API_VERSION}${path}`,
      token: this.token,
      authHeaders: { 'x-shopify-access-token': this.token },
      limiter,
      vendorMessage: shopifyErrorMessage,
      fetchImpl: async (input, init) => {
        const response = await base(input, init);
        link = response.headers.get('link');
        return response;
      },
    });
    return { body: parseVendorPayload('Shopify', schema, body, object), link };
  }

  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string): Promise<z.infer<T>> {
    return (await this.read(path, schema, object)).body;
  }

  shop() {
    return this.get('/shop.json', shopifyShopEnvelope, 'shop');
  }
  customer(id: string) {
    return this.get(`/customers/${encodeURIComponent(id)}.json`, shopifyCustomerEnvelope, `customer ${id}`);
  }
  order(id: string) {
    return this.get(`/orders/${encodeURIComponent(id)}.json`, shopifyOrderEnvelope, `order ${id}`);
  }
  /** The customer's latest orders, cancelled and archived ones too (Shopify's default is open only). */
  ordersOf(customerId: string | number) {
    return this.get(`/customers/${encodeURIComponent(String(customerId))}/orders.json?${new URLSearchParams({ status: 'any', limit: '50' })}`, shopifyOrdersPage, `orders of customer ${customerId}`);
  }
  /** Shopify's search syntax: a value with spaces or quotes is quoted, quotes inside escaped. */
  searchCustomersByEmail(email: string) {
    const query = `email:"${email.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    return this.get(`/customers/search.json?${new URLSearchParams({ query, limit: '10' })}`, shopifyCustomersPage, `customer search for ${email}`);
  }
  /** A page of customers; after the first, only `page_info` and `limit` may be sent. */
  async customersPage(pageInfo: string | null): Promise<Page<z.infer<typeof shopifyCustomersPage>['customers'][number]>> {
    const query = new URLSearchParams({ limit: '250', ...(pageInfo ? { page_info: pageInfo } : {}) });
    const { body, link } = await this.read(`/customers.json?${query}`, shopifyCustomersPage, 'customers page');
    return { items: body.customers, next: nextPageInfo(link) };
  }
  async ordersSincePage(createdAtMin: string, pageInfo: string | null): Promise<Page<z.infer<typeof shopifyOrdersPage>['orders'][number]>> {
    const query = new URLSearchParams(pageInfo ? { limit: '250', page_info: pageInfo } : { limit: '250', status: 'any', created_at_min: createdAtMin });
    const { body, link } = await this.read(`/orders.json?${query}`, shopifyOrdersPage, 'recent orders');
    return { items: body.orders, next: nextPageInfo(link) };
  }
  customersCount() {
    return this.get('/customers/count.json', shopifyCount, 'customer count');
  }
}
