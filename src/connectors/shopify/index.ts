import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { MetricPoint } from '../../model/metric';
import { secondaryRead, type ConnectorError } from '../errors';
import { moneyFromMajor } from '../kit/money';
import { ShopifyApi, shopHandle } from './api';
import { SHOPIFY_CONSOLE_HOST } from './pages';
import { normalizeShopifyCustomer, normalizeShopifyOrder, type ShopifyNormalizeContext } from './normalize';
import type { ShopifyCustomer, ShopifyOrder } from './schemas';
import { shopifyMeta } from './meta';

const DAY_MS = 86_400_000;

function context(connection: Connection): ShopifyNormalizeContext {
  return { account: connection.account, currency: connection.currency, fetchedAt: Date.now() };
}

const apiFor = (credentials: Credentials, connection?: Connection) => new ShopifyApi(credentials.site ?? connection?.site ?? connection?.account, credentials.token);

/** A customer and their orders: the orders are the timeline, and give the last purchase date. */
async function customerWithOrders(api: ShopifyApi, customer: ShopifyCustomer, connection: Connection, warnings: ConnectorError[]): Promise<FetchResult['records']> {
  const { orders } = await secondaryRead(api.ordersOf(customer.id), { orders: [] as ShopifyOrder[] }, warnings);
  const ctx = context(connection);
  return [normalizeShopifyCustomer(customer, ctx, orders), ...orders.map((o) => normalizeShopifyOrder(o, ctx))];
}

export const shopify: Connector = {
  ...shopifyMeta,

  async verify(credentials) {
    const { shop } = await apiFor(credentials).shop();
    const handle = shopHandle(shop.myshopify_domain);
    return {
      connector: 'shopify',
      authMode: 'token',
      account: handle,
      accountLabel: `${shop.name} (${shop.currency})`,
      consoleHost: SHOPIFY_CONSOLE_HOST,
      isSandbox: false,
      currency: shop.currency.toUpperCase(),
    };
  },

  /** A customer page opens the customer with their orders; an order page opens the order's customer too. */
  async fetchRecord(page, credentials, connection) {
    const api = apiFor(credentials, connection);
    const warnings: ConnectorError[] = [];
    if (page.type === 'person') {
      const { customer } = await api.customer(page.id);
      return { records: await customerWithOrders(api, customer, connection, warnings), warnings };
    }
    const { order } = await api.order(page.id);
    const records = [normalizeShopifyOrder(order, context(connection))];
    if (order.customer) {
      const found = await secondaryRead(api.customer(String(order.customer.id)), null, warnings);
      if (found) records.push(...(await customerWithOrders(api, found.customer, connection, warnings)).filter((r) => r.key !== records[0]!.key));
    }
    return { records, warnings };
  },

  async findByEmail(email, credentials, connection) {
    const api = apiFor(credentials, connection);
    const warnings: ConnectorError[] = [];
    const { customers } = await api.searchCustomersByEmail(email);
    const found = await Promise.all(customers.slice(0, 3).map((customer) => customerWithOrders(api, customer, connection, warnings)));
    return { records: found.flat(), warnings };
  },

  async sync(cursor, credentials, connection) {
    const page = await apiFor(credentials, connection).customersPage(cursor);
    const ctx = context(connection);
    return { records: page.items.map((c) => normalizeShopifyCustomer(c, ctx)), cursor: page.next };
  },

  /** Orders and revenue over 7 and 30 days (cancelled orders left out), and how many customers the shop has. */
  async metrics(credentials, connection) {
    const api = apiFor(credentials, connection);
    const at = Date.now();
    const orders: ShopifyOrder[] = [];
    let cursor: string | null = null;
    // Bounded: 20 pages of 250 orders.
    for (let page = 0; page < 20; page++) {
      const { items, next }: { items: ShopifyOrder[]; next: string | null } = await api.ordersSincePage(new Date(at - 30 * DAY_MS).toISOString(), cursor);
      orders.push(...items);
      if (!next || items.length === 0) break;
      cursor = next;
    }
    const { count: customers } = await api.customersCount();
    const currency = (connection.currency ?? orders[0]?.currency ?? 'USD').toUpperCase();
    const placed = orders.filter((o) => !o.cancelled_at);
    const within = (days: number) => placed.filter((o) => Date.parse(o.created_at) >= at - days * DAY_MS);
    const revenue = (list: ShopifyOrder[]) =>
      list.filter((o) => o.currency.toUpperCase() === currency).reduce((sum, o) => sum + (moneyFromMajor(Number(o.current_total_price ?? o.total_price), currency)?.amountMinor ?? 0), 0);
    const point = (metric: string, label: string, value: number, unit: string): MetricPoint => ({ metric, label, value, unit, at, connector: 'shopify', account: connection.account });
    return [
      point('orders-7d', 'Shopify orders (7 days)', within(7).length, 'orders'),
      point('orders-30d', 'Shopify orders (30 days)', within(30).length, 'orders'),
      point('revenue-7d', 'Shopify revenue (7 days)', revenue(within(7)), currency),
      point('revenue-30d', 'Shopify revenue (30 days)', revenue(within(30)), currency),
      point('customers', 'Shopify customers', customers, 'customers'),
    ];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { shopify as connector };
