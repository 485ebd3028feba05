import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { emailIdentity, normalizeEmail, normalizePhone, phoneIdentity } from '../../identity/normalize';
import { searchTokens } from '../../identity/tokens';
import { stripeDashboardUrl } from './pages';
import { expandedId, type StripeCharge, type StripeCustomer, type StripeInvoice, type StripeSubscription } from './schemas';

export interface StripeNormalizeContext {
  /** `acct_…` (with `-test` in test mode). */
  account: string;
  testMode: boolean;
  fetchedAt: number;
  defaultCountry?: string;
}

type Money = { amountMinor: number; currency: string };
const money = (amountMinor: number, currency: string): Money => ({ amountMinor: Math.round(amountMinor), currency: currency.toUpperCase() });
const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);

const MONTHS_PER_INTERVAL = { day: 12 / 365, week: 12 / 52, month: 1, year: 12 } as const;
const BILLING_STATUSES = new Set(['active', 'trialing', 'past_due']);

/** Monthly recurring revenue of one subscription, in minor units: quantity and interval aware. */
export function monthlyAmount(subscription: StripeSubscription): number {
  if (!BILLING_STATUSES.has(subscription.status)) return 0;
  return subscription.items.data.reduce((sum, item) => {
    const recurring = item.price.recurring;
    if (!recurring || item.price.unit_amount === null) return sum;
    const months = MONTHS_PER_INTERVAL[recurring.interval] * recurring.interval_count;
    return sum + (item.price.unit_amount * (item.quantity ?? 1)) / months;
  }, 0);
}

/** Paid minus refunded, over the charges seen, in the currency most of them are in. */
export function lifetimeValue(charges: StripeCharge[]): Money | undefined {
  const paid = charges.filter((c) => c.paid && c.status === 'succeeded');
  if (paid.length === 0) return undefined;
  const byCurrency = new Map<string, number>();
  for (const c of paid) byCurrency.set(c.currency, (byCurrency.get(c.currency) ?? 0) + c.amount - c.amount_refunded);
  const [currency, amount] = [...byCurrency].sort((a, b) => b[1] - a[1])[0]!;
  return money(amount, currency);
}

function compact(fields: RecordFields): RecordFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as RecordFields;
}

function record(type: RecordType, id: string, title: string, fields: RecordFields, identities: string[], links: string[], url: string, ctx: StripeNormalizeContext): CustomerRecord {
  const clean = compact(fields);
  return {
    key: recordKey('stripe', ctx.account, type, id),
    connector: 'stripe',
    account: ctx.account,
    type,
    id,
    title,
    identities,
    fields: clean,
    links,
    url,
    updatedAt: clean.lastModifiedAt ?? clean.createdAt ?? ctx.fetchedAt,
    fetchedAt: ctx.fetchedAt,
    tokens: searchTokens(title, clean),
  };
}

export function normalizeStripeCustomer(customer: StripeCustomer, ctx: StripeNormalizeContext, related: { subscriptions?: StripeSubscription[]; charges?: StripeCharge[] } = {}): CustomerRecord {
  const emails = customer.email && normalizeEmail(customer.email) ? [customer.email] : [];
  const phones = customer.phone ? [customer.phone] : [];
  const subscriptions = related.subscriptions ?? [];
  const mrr = subscriptions.reduce((sum, s) => sum + monthlyAmount(s), 0);
  const mrrCurrency = subscriptions[0]?.currency ?? customer.currency ?? undefined;
  const fields: RecordFields = {
    name: customer.name ?? undefined,
    emails,
    phones,
    city: customer.address?.city ?? undefined,
    country: customer.address?.country ?? undefined,
    status: customer.delinquent ? 'delinquent' : undefined,
    mrr: mrrCurrency && subscriptions.length ? money(mrr, mrrCurrency) : undefined,
    lifetimeValue: related.charges ? lifetimeValue(related.charges) : undefined,
    memberships: subscriptions.filter((s) => BILLING_STATUSES.has(s.status)).map((s) => subscriptionTitle(s)),
    createdAt: seconds(customer.created),
  };
  const identities = [
    ...emails.map((e) => emailIdentity(normalizeEmail(e)!)),
    ...phones.map((p) => normalizePhone(p, customer.address?.country ?? ctx.defaultCountry)).filter((p): p is string => !!p).map(phoneIdentity),
  ];
  const title = customer.name ?? customer.email ?? customer.id;
  return record('person', customer.id, title, fields, identities, [], stripeDashboardUrl('customers', customer.id, ctx.testMode), ctx);
}

function subscriptionTitle(subscription: StripeSubscription): string {
  const price = subscription.items.data[0]?.price;
  return price?.nickname ?? (typeof price?.product === 'string' ? price.product : 'Subscription');
}

export function normalizeStripeSubscription(subscription: StripeSubscription, ctx: StripeNormalizeContext): CustomerRecord {
  const customerId = expandedId(subscription.customer);
  const fields: RecordFields = {
    status: subscription.status,
    mrr: money(monthlyAmount(subscription), subscription.currency),
    createdAt: seconds(subscription.created),
  };
  const links = customerId ? [recordKey('stripe', ctx.account, 'person', customerId)] : [];
  return record('subscription', subscription.id, `${subscriptionTitle(subscription)} (${subscription.status})`, fields, [], links, stripeDashboardUrl('subscriptions', subscription.id, ctx.testMode), ctx);
}

export function normalizeStripeInvoice(invoice: StripeInvoice, ctx: StripeNormalizeContext): CustomerRecord {
  const customerId = expandedId(invoice.customer);
  const fields: RecordFields = {
    amount: money(invoice.total, invoice.currency),
    status: invoice.status ?? (invoice.paid ? 'paid' : 'open'),
    createdAt: seconds(invoice.created ?? invoice.date),
  };
  const links = customerId ? [recordKey('stripe', ctx.account, 'person', customerId)] : [];
  return record('order', invoice.id, `Invoice ${invoice.number ?? invoice.id}`, fields, [], links, stripeDashboardUrl('invoices', invoice.id, ctx.testMode), ctx);
}
