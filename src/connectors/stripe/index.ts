import type { Connector, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { MetricPoint } from '../../model/metric';
import { ConnectorError } from '../errors';
import { StripeApi } from './api';
import { STRIPE_CONSOLE_HOST } from './pages';
import { monthlyAmount, stripeMinorUnits, normalizeStripeCharge, normalizeStripeCustomer, normalizeStripeInvoice, normalizeStripeSubscription, type StripeNormalizeContext } from './normalize';
import type { StripeCustomer } from './schemas';
import { stripeMeta } from './meta';

const isTestKey = (key: string) => /^(sk|rk)_test_/.test(key);

function context(connection: Connection): StripeNormalizeContext {
  return { account: connection.account, testMode: connection.isSandbox, fetchedAt: Date.now(), currency: connection.currency };
}

/** A customer with what billing knows about them: subscriptions (MRR), charges (lifetime value, and each as a payment), invoices. */
async function customerWithBilling(api: StripeApi, customer: StripeCustomer, connection: Connection): Promise<FetchResult> {
  const [subscriptions, charges, invoices] = await Promise.all([api.subscriptionsOf(customer.id), api.chargesOf(customer.id), api.invoicesOf(customer.id)]);
  const ctx = context(connection);
  return {
    records: [
      normalizeStripeCustomer(customer, ctx, { subscriptions: subscriptions.data, charges: charges.data }),
      ...subscriptions.data.map((s) => normalizeStripeSubscription(s, ctx)),
      ...invoices.data.map((i) => normalizeStripeInvoice(i, ctx)),
      ...charges.data.map((c) => normalizeStripeCharge(c, ctx)),
    ],
  };
}

/** Every page of a Stripe list, for metrics (bounded: 20 pages of 100). */
async function allPages<T extends { id: string }>(read: (after: string | null) => Promise<{ data: T[]; has_more: boolean }>): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const { data, has_more } = await read(after);
    items.push(...data);
    if (!has_more || data.length === 0) break;
    after = data.at(-1)!.id;
  }
  return items;
}

export const stripe: Connector = {
  ...stripeMeta,

  async verify({ token }) {
    const account = await new StripeApi(token).account();
    const test = isTestKey(token);
    const name = account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? account.id;
    return {
      connector: 'stripe',
      authMode: 'token',
      account: `${account.id}${test ? '-test' : ''}`,
      accountLabel: `${name}${test ? ' (test mode)' : ''}`,
      consoleHost: STRIPE_CONSOLE_HOST,
      isSandbox: test,
      currency: account.default_currency?.toUpperCase(),
    };
  },

  async fetchRecord(page, { token }, connection) {
    const api = new StripeApi(token);
    if (page.type === 'person') return customerWithBilling(api, await api.customer(page.id), connection);
    if (page.type === 'subscription') return { records: [normalizeStripeSubscription(await api.subscription(page.id), context(connection))] };
    if (page.id.startsWith('in_')) return { records: [normalizeStripeInvoice(await api.invoice(page.id), context(connection))] };
    throw new ConnectorError('not-found', 'Payments are shown from their customer: open the customer in Stripe.', { object: `payment ${page.id}` });
  },

  async findByEmail(email, { token }, connection) {
    const api = new StripeApi(token);
    const found = await api.searchCustomersByEmail(email);
    const results = await Promise.all(found.data.slice(0, 3).map((customer) => customerWithBilling(api, customer, connection)));
    return { records: results.flatMap((r) => r.records) };
  },

  async sync(cursor, { token }, connection) {
    const page = await new StripeApi(token).listCustomers(cursor);
    const ctx = context(connection);
    return { records: page.data.map((c) => normalizeStripeCustomer(c, ctx)), cursor: page.has_more && page.data.length ? page.data.at(-1)!.id : null };
  },

  async metrics({ token }, connection) {
    const api = new StripeApi(token);
    const at = Date.now();
    const since = Math.floor(at / 1000) - 30 * 86_400;
    const [subscriptions, charges] = await Promise.all([allPages((after) => api.activeSubscriptions(after)), allPages((after) => api.chargesSince(since, after))]);
    const currency = (connection.currency ?? subscriptions[0]?.currency ?? charges[0]?.currency ?? 'usd').toUpperCase();
    const inCurrency = <T extends { currency: string }>(items: T[]) => items.filter((i) => i.currency.toUpperCase() === currency);
    const paid = inCurrency(charges).filter((c) => c.paid && c.status === 'succeeded');
    const point = (metric: string, label: string, value: number, unit: string): MetricPoint => ({ metric, label, value: Math.round(value), unit, at, connector: 'stripe', account: connection.account });
    return [
      point('mrr', 'Stripe MRR', stripeMinorUnits(inCurrency(subscriptions).reduce((sum, s) => sum + monthlyAmount(s), 0), currency), currency),
      point('active-subscriptions', 'Active subscriptions', subscriptions.length, 'subscriptions'),
      point('revenue-30d', 'Stripe revenue (30 days)', stripeMinorUnits(paid.reduce((sum, c) => sum + c.amount, 0), currency), currency),
      point('refunds-30d', 'Stripe refunds (30 days)', stripeMinorUnits(paid.reduce((sum, c) => sum + c.amount_refunded, 0), currency), currency),
    ];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { stripe as connector };
