import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { buildRecord } from '../kit/record';
import { isoToMs } from '../kit/dates';
import { moneyFromMajor } from '../kit/money';
import { shopifyAdminUrl, type ShopifySection } from './pages';
import type { ShopifyCustomer, ShopifyGraphqlCustomer, ShopifyOrder } from './schemas';

export interface ShopifyNormalizeContext {
  /** The shop's handle (`acme` of acme.myshopify.com). */
  account: string;
  /** The shop's currency, for amounts whose record does not say theirs. */
  currency?: string;
  fetchedAt: number;
  defaultCountry?: string;
}

/** Shopify writes money as decimal strings; a blank or unreadable one is no amount. */
function money(amount: string | null | undefined, currency: string | null | undefined) {
  if (!amount?.trim()) return undefined;
  return moneyFromMajor(Number(amount), currency);
}

/** REST tags are one string, `"Léon, Noël"`. */
export function splitTags(tags: string | null | undefined): string[] {
  return (tags ?? '').split(',').map((tag) => tag.trim()).filter(Boolean);
}

function record(type: RecordType, id: number | string, title: string, fields: RecordFields, links: string[], section: ShopifySection, ctx: ShopifyNormalizeContext, updatedAt?: number): CustomerRecord {
  return buildRecord({ connector: 'shopify', account: ctx.account, type, id, title, fields, phoneCountry: ctx.defaultCountry, links, url: shopifyAdminUrl(ctx.account, section, id), updatedAt: updatedAt ?? fields.createdAt, fetchedAt: ctx.fetchedAt });
}

const fullName = (first: string | null | undefined, last: string | null | undefined) => [first, last].filter((part) => part?.trim()).join(' ') || undefined;

/**
 * A customer with what the shop knows of their buying: lifetime value (Shopify's `total_spent`,
 * in the customer's currency), the last order's date when the orders were read, and tags.
 */
export function normalizeShopifyCustomer(customer: ShopifyCustomer, ctx: ShopifyNormalizeContext, orders: ShopifyOrder[] = []): CustomerRecord {
  const name = fullName(customer.first_name, customer.last_name);
  const address = customer.default_address;
  const lastOrderAt = orders.map((o) => orderDate(o)).filter((d): d is number => d !== undefined).sort((a, b) => b - a)[0];
  const fields: RecordFields = {
    name,
    firstName: customer.first_name ?? undefined,
    lastName: customer.last_name ?? undefined,
    emails: customer.email ? [customer.email] : [],
    phones: customer.phone ? [customer.phone] : [],
    companyName: address?.company ?? undefined,
    city: address?.city ?? undefined,
    country: address?.country_code ?? address?.country ?? undefined,
    status: customer.state ?? undefined,
    lifetimeValue: money(customer.total_spent, customer.currency ?? ctx.currency),
    orderCount: customer.orders_count ?? undefined,
    tags: splitTags(customer.tags),
    createdAt: isoToMs(customer.created_at),
    lastModifiedAt: isoToMs(customer.updated_at),
    lastActivityAt: lastOrderAt,
  };
  return record('person', customer.id, name ?? customer.email ?? `Customer ${customer.id}`, fields, [], 'customers', ctx, isoToMs(customer.updated_at));
}

const orderDate = (order: ShopifyOrder) => isoToMs(order.processed_at) ?? isoToMs(order.created_at);

/** An order in the timeline: its number (`#1001`), what it costs now, how it stands, when it was placed. */
export function normalizeShopifyOrder(order: ShopifyOrder, ctx: ShopifyNormalizeContext): CustomerRecord {
  const fields: RecordFields = {
    amount: money(order.current_total_price ?? order.total_price, order.currency),
    status: order.cancelled_at ? 'cancelled' : (order.financial_status ?? undefined),
    createdAt: orderDate(order),
  };
  const links = order.customer ? [recordKey('shopify', ctx.account, 'person', String(order.customer.id))] : [];
  // It joins its customer's profile through the link (its email is the customer's, not an identity of its own).
  return record('order', order.id, `Order ${order.name}`, fields, links, 'orders', ctx);
}

/** A GraphQL customer (saved payloads): the id is the number at the end of its gid. */
export function normalizeShopifyGraphqlCustomer(customer: ShopifyGraphqlCustomer, ctx: ShopifyNormalizeContext): CustomerRecord {
  const id = customer.legacyResourceId ?? customer.id.split('/').at(-1)!;
  const name = fullName(customer.firstName, customer.lastName) ?? customer.displayName;
  const email = customer.defaultEmailAddress?.emailAddress ?? customer.email;
  const phone = customer.defaultPhoneNumber?.phoneNumber ?? customer.phone;
  const fields: RecordFields = {
    name,
    firstName: customer.firstName ?? undefined,
    lastName: customer.lastName ?? undefined,
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
    status: customer.state?.toLowerCase(),
    lifetimeValue: money(customer.amountSpent?.amount, customer.amountSpent?.currencyCode ?? ctx.currency),
    // GraphQL gives the count as a string ("25", an unsigned 64-bit integer).
    orderCount: /^\d{1,9}$/.test(customer.numberOfOrders ?? '') ? Number(customer.numberOfOrders) : undefined,
    tags: customer.tags ?? [],
    createdAt: isoToMs(customer.createdAt),
    lastModifiedAt: isoToMs(customer.updatedAt),
  };
  return record('person', id, name ?? email ?? `Customer ${id}`, fields, [], 'customers', ctx, isoToMs(customer.updatedAt));
}
