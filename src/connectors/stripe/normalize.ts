import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { buildRecord } from '../kit/record';
import { secondsToMs } from '../kit/dates';
import { currencyExponent, rescaleMinorUnits, type Money } from '../kit/money';
import { stripeDashboardUrl } from './pages';
import { expandedId, type StripeCharge, type StripeCustomer, type StripeInvoice, type StripePaymentIntent, type StripeSubscription } from './schemas';

export interface StripeNormalizeContext {
  /** `acct_…` (with `-test` in test mode). */
  account: string;
  testMode: boolean;
  fetchedAt: number;
  defaultCountry?: string;
  /** The account's default currency: a customer with no payments is worth 0 of it, not unknown. */
  currency?: string;
}

/**
 * Stripe amounts are already minor units, by Stripe's own count of decimals: that is ISO 4217's
 * except for ISK, which Stripe still counts in hundredths (100 is 1 króna), and MGA, which it
 * counts in whole ariary. https://docs.stripe.com/currencies#zero-decimal
 */
const STRIPE_EXPONENTS: Record<string, number> = { ISK: 2, MGA: 0 };

/** A Stripe amount in ISO minor units (rounded: a monthly share of a yearly price has fractions). */
export function stripeMinorUnits(amount: number, currency: string): number {
  const code = currency.toUpperCase();
  return rescaleMinorUnits(amount, STRIPE_EXPONENTS[code] ?? currencyExponent(code), code);
}
const money = (amount: number, currency: string): Money => ({ amountMinor: stripeMinorUnits(amount, currency), currency: currency.toUpperCase() });

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

const isPaid = (charge: StripeCharge) => charge.paid && charge.status === 'succeeded';

/**
 * Paid minus refunded, over the charges seen, in the currency most of them are in. No payment
 * at all is 0 in the customer's (or else the account's) currency: Stripe knows them and they paid nothing.
 */
export function lifetimeValue(charges: StripeCharge[], fallbackCurrency?: string): Money | undefined {
  const paid = charges.filter(isPaid);
  if (paid.length === 0) return fallbackCurrency ? money(0, fallbackCurrency) : undefined;
  const byCurrency = new Map<string, number>();
  for (const c of paid) byCurrency.set(c.currency, (byCurrency.get(c.currency) ?? 0) + c.amount - c.amount_refunded);
  const [currency, amount] = [...byCurrency].sort((a, b) => b[1] - a[1])[0]!;
  return money(amount, currency);
}

function record(type: RecordType, id: string, title: string, fields: RecordFields, links: string[], url: string, ctx: StripeNormalizeContext): CustomerRecord {
  return buildRecord({ connector: 'stripe', account: ctx.account, type, id, title, fields, phoneCountry: ctx.defaultCountry, links, url, updatedAt: fields.createdAt, fetchedAt: ctx.fetchedAt });
}

export function normalizeStripeCustomer(customer: StripeCustomer, ctx: StripeNormalizeContext, related: { subscriptions?: StripeSubscription[]; charges?: StripeCharge[] } = {}): CustomerRecord {
  const subscriptions = related.subscriptions ?? [];
  const mrr = subscriptions.reduce((sum, s) => sum + monthlyAmount(s), 0);
  const mrrCurrency = subscriptions[0]?.currency ?? customer.currency ?? undefined;
  const fields: RecordFields = {
    name: customer.name ?? undefined,
    emails: customer.email ? [customer.email] : [],
    phones: customer.phone ? [customer.phone] : [],
    city: customer.address?.city ?? undefined,
    country: customer.address?.country ?? undefined,
    status: customer.delinquent ? 'delinquent' : undefined,
    mrr: mrrCurrency && subscriptions.length ? money(mrr, mrrCurrency) : undefined,
    lifetimeValue: related.charges ? lifetimeValue(related.charges, customer.currency ?? ctx.currency) : undefined,
    memberships: subscriptions.filter((s) => BILLING_STATUSES.has(s.status)).map((s) => subscriptionTitle(s)),
    createdAt: secondsToMs(customer.created),
  };
  const title = customer.name ?? customer.email ?? customer.id;
  return record('person', customer.id, title, fields, [], stripeDashboardUrl('customers', customer.id, ctx.testMode), ctx);
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
    createdAt: secondsToMs(subscription.created),
  };
  const links = customerId ? [recordKey('stripe', ctx.account, 'person', customerId)] : [];
  // The status is its own field, shown beside the title: not repeated in it.
  return record('subscription', subscription.id, subscriptionTitle(subscription), fields, links, stripeDashboardUrl('subscriptions', subscription.id, ctx.testMode), ctx);
}

export function normalizeStripeInvoice(invoice: StripeInvoice, ctx: StripeNormalizeContext): CustomerRecord {
  const customerId = expandedId(invoice.customer);
  const fields: RecordFields = {
    amount: money(invoice.total, invoice.currency),
    status: invoice.status ?? (invoice.paid ? 'paid' : 'open'),
    orderKind: 'invoice',
    createdAt: secondsToMs(invoice.created ?? invoice.date),
  };
  const links = customerId ? [recordKey('stripe', ctx.account, 'person', customerId)] : [];
  return record('order', invoice.id, `Invoice ${invoice.number ?? invoice.id}`, fields, links, stripeDashboardUrl('invoices', invoice.id, ctx.testMode), ctx);
}

/** How a charge ended, in the words the timeline shows beside its amount. */
function chargeStatus(charge: StripeCharge): string {
  if (!isPaid(charge)) return charge.status;
  if (charge.amount_refunded === 0) return 'paid';
  return charge.amount_refunded >= charge.amount ? 'refunded' : 'partly refunded';
}

/**
 * A charge as a payment in the timeline. Its amount is what was kept (paid minus refunded, 0 when
 * it failed), the same figure lifetime value adds up, so the payments shown sum to it.
 */
export function normalizeStripeCharge(charge: StripeCharge, ctx: StripeNormalizeContext): CustomerRecord {
  const customerId = expandedId(charge.customer);
  const fields: RecordFields = {
    amount: money(isPaid(charge) ? charge.amount - charge.amount_refunded : 0, charge.currency),
    status: chargeStatus(charge),
    orderKind: 'payment',
    createdAt: secondsToMs(charge.created),
  };
  const links = customerId ? [recordKey('stripe', ctx.account, 'person', customerId)] : [];
  return record('order', charge.id, `Payment ${charge.id}`, fields, links, stripeDashboardUrl('payments', charge.id, ctx.testMode), ctx);
}

/**
 * One payment as read from a saved payload: a charge, or a payment intent with no charge beside
 * it (read as the charge it made), as the same payment record the connector makes.
 */
export function normalizeStripePayment(payment: StripeCharge | StripePaymentIntent, ctx: StripeNormalizeContext): CustomerRecord {
  return normalizeStripeCharge(payment.object === 'charge' ? payment : paymentIntentAsCharge(payment), ctx);
}

/** A payment intent as the charge it made, for lifetime value: only succeeded ones were paid. */
export function paymentIntentAsCharge(intent: StripePaymentIntent): StripeCharge {
  const succeeded = intent.status === 'succeeded';
  return { id: intent.id, object: 'charge', amount: intent.amount_received ?? (succeeded ? intent.amount : 0), amount_refunded: 0, currency: intent.currency, customer: intent.customer, paid: succeeded, status: intent.status, created: intent.created, livemode: intent.livemode };
}
