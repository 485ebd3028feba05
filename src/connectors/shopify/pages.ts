import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';
import type { RecordType } from '../../model/keys';

/** Shopify's admin since 2022; the older admin on the shop's own host still opens the same pages. */
export const SHOPIFY_CONSOLE_HOST = 'admin.shopify.com';

/** A shop's handle: the `acme` of acme.myshopify.com, which is also our account id for the shop. */
const SHOP = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MYSHOPIFY_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.myshopify\.com$/;

const SECTIONS: Record<string, RecordType> = { customers: 'person', orders: 'order' };
export type ShopifySection = 'customers' | 'orders';

export function shopOfDomain(domain: string): string | null {
  return MYSHOPIFY_HOST.exec(domain.trim().toLowerCase())?.[1] ?? null;
}

/**
 * Customer and order pages, which name the shop, so the account is known from the URL:
 * `admin.shopify.com/store/<shop>/customers/<id>` (and `/orders/<id>`), and the older
 * `<shop>.myshopify.com/admin/customers/<id>`. Ids are numeric; `/customers/new` is no record.
 */
export const shopifyRecordPage: PageDetector = {
  name: 'shopify admin record page',
  detect(url) {
    if (url.protocol !== 'https:') return null;
    let shop: string | undefined;
    let rest: RegExpExecArray | null = null;
    if (url.hostname === SHOPIFY_CONSOLE_HOST) {
      const match = /^\/store\/([^/]+)(\/.*)$/.exec(url.pathname);
      shop = match?.[1];
      rest = match ? /^\/(customers|orders)\/(\d{1,20})\/?$/.exec(match[2]!) : null;
    } else {
      shop = MYSHOPIFY_HOST.exec(url.hostname)?.[1];
      rest = shop ? /^\/admin\/(customers|orders)\/(\d{1,20})\/?$/.exec(url.pathname) : null;
    }
    if (!shop || !SHOP.test(shop) || !rest) return null;
    return { connector: 'shopify', account: shop, type: SECTIONS[rest[1]!]!, id: rest[2]!, host: url.hostname };
  },
};

export const shopifyPages: PageDetector[] = [shopifyRecordPage];

export function shopifyAdminUrl(shop: string, section: ShopifySection, id: number | string): string {
  return `https://${SHOPIFY_CONSOLE_HOST}/store/${shop}/${section}/${id}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://admin.shopify.com/store/acme/customers/207119551', { account: 'acme', type: 'person', id: '207119551', host: 'admin.shopify.com' }],
    ['https://admin.shopify.com/store/my-shop-2/customers/207119551/', { account: 'my-shop-2', type: 'person', id: '207119551', host: 'admin.shopify.com' }],
    ['https://admin.shopify.com/store/acme/orders/450789469?tab=timeline', { account: 'acme', type: 'order', id: '450789469', host: 'admin.shopify.com' }],
    ['https://acme.myshopify.com/admin/customers/207119551', { account: 'acme', type: 'person', id: '207119551', host: 'acme.myshopify.com' }],
    ['https://jsmith.myshopify.com/admin/orders/450789469#fulfillments', { account: 'jsmith', type: 'order', id: '450789469', host: 'jsmith.myshopify.com' }],
  ],
  negatives: [
    'https://admin.shopify.com/store/acme/customers',
    'https://admin.shopify.com/store/acme/customers/new',
    'https://admin.shopify.com/store/acme/products/632910392',
    'https://admin.shopify.com/customers/207119551',
    'https://admin.shopify.com/store/Acme Shop/customers/1',
    'https://acme.myshopify.com/customers/207119551',
    'https://acme.myshopify.com/admin/api/2026-07/customers/207119551.json',
    'https://shopify.com/store/acme/customers/1',
    'https://admin.shopify.com.evil.example/store/acme/customers/1',
    'https://acme.myshopify.com.evil.example/admin/customers/1',
    'http://admin.shopify.com/store/acme/customers/1',
  ],
};
