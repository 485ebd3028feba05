import { z } from '../../model/zod-setup';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { normalizeShopifyCustomer, normalizeShopifyGraphqlCustomer, normalizeShopifyOrder } from './normalize';
import {
  shopifyCount,
  shopifyCustomerEnvelope,
  shopifyCustomersPage,
  shopifyErrorMessage,
  shopifyGraphqlCustomerEnvelope,
  shopifyGraphqlCustomersPage,
  shopifyOrderEnvelope,
  shopifyOrdersPage,
  shopifyShopEnvelope,
} from './schemas';

const keys = z.record(z.string(), z.unknown());

/**
 * A saved Shopify answer, told apart by its envelope: REST `customer`, `customers`, `order`,
 * `orders` (a customer's orders also give the customer's last purchase date), `shop` and
 * `count` (no records), and GraphQL `customer` / `customers` (with or without `data`). An error
 * body is refused with Shopify's own words.
 */
export const readPayload: PayloadReader = (payload, account) => {
  const ctx = { account, fetchedAt: Date.now() };
  const error = shopifyErrorMessage(payload);
  if (error !== undefined) throw new ConnectorError('vendor', `Shopify answered with an error: ${error}`, { vendorMessage: error });
  const body = parseVendorPayload('Shopify', keys, payload, 'payload');
  if ('data' in body) return readPayload(body.data, account);
  // GraphQL ids are `gid://…` strings, REST ids numbers.
  if (typeof (body.customer as { id?: unknown } | undefined)?.id === 'string') {
    return [normalizeShopifyGraphqlCustomer(parseVendorPayload('Shopify', shopifyGraphqlCustomerEnvelope, payload, 'customer').customer, ctx)];
  }
  if ('customer' in body) return [normalizeShopifyCustomer(parseVendorPayload('Shopify', shopifyCustomerEnvelope, payload, 'customer').customer, ctx)];
  if ('customers' in body && !Array.isArray(body.customers)) {
    return parseVendorPayload('Shopify', shopifyGraphqlCustomersPage, payload, 'customers').customers.edges.map((edge) => normalizeShopifyGraphqlCustomer(edge.node, ctx));
  }
  if ('customers' in body) return parseVendorPayload('Shopify', shopifyCustomersPage, payload, 'customers').customers.map((c) => normalizeShopifyCustomer(c, ctx));
  if ('order' in body) return [normalizeShopifyOrder(parseVendorPayload('Shopify', shopifyOrderEnvelope, payload, 'order').order, ctx)];
  if ('orders' in body) return parseVendorPayload('Shopify', shopifyOrdersPage, payload, 'orders').orders.map((o) => normalizeShopifyOrder(o, ctx));
  // Checked, but they hold no customer.
  if ('shop' in body) return (parseVendorPayload('Shopify', shopifyShopEnvelope, payload, 'shop'), []);
  if ('count' in body) return (parseVendorPayload('Shopify', shopifyCount, payload, 'count'), []);
  throw new ConnectorError('schema', `Shopify payload with ${Object.keys(body).join(', ') || 'no keys'} is not one we read (customer, customers, order, orders, shop, count).`, { path: '(root)' });
};

