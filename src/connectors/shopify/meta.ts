import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { SHOPIFY_CONSOLE_HOST, shopifyPages } from './pages';

/** Shopify without its API code: what the content script, the panel, Options and the build know of it. */
export const shopifyMeta: VendorMeta<'shopify'> = {
  id: 'shopify',
  label: 'Shopify',
  consoleMatches: [`https://${SHOPIFY_CONSOLE_HOST}/*`, 'https://*.myshopify.com/*'],
  apiMatches: ['https://*.myshopify.com/*'],
  pages: shopifyPages,
  auth: { modes: ['token'] },
  // Orders are what the customer paid: the shop is a billing tool for the money rules.
  traits: { billing: true, ordersCount: true },
};

/** How Options asks for Shopify's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenLabel: 'Admin API access token',
  tokenHelp: {
    createAt: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps',
    scopes: ['read_customers', 'read_orders', 'read_all_orders (optional: orders older than 60 days)'],
    steps:
      'In the Shopify admin open Settings → Apps and sales channels → Develop apps → Create an app, give its Admin API integration the read_customers and read_orders scopes and nothing else, install it, then reveal and copy the Admin API access token (shpat_…) once. Enter it with your shop’s address. Without read_all_orders Shopify shows only the last 60 days of orders; lifetime value counts them all either way.',
  },
  siteField: { label: 'Shop address', placeholder: 'acme (from acme.myshopify.com)', pattern: '[a-z0-9][a-z0-9\\-]*(\\.myshopify\\.com)?' },
};
