import { z } from '../../model/zod-setup';
import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import {
  expandedId,
  stripeChargeSchema,
  stripeCustomerSchema,
  stripeErrorSchema,
  stripeEventSchema,
  stripeInvoiceSchema,
  stripePaymentIntentSchema,
  stripeSubscriptionSchema,
  type StripeCharge,
  type StripeCustomer,
  type StripePaymentIntent,
} from './schemas';
import { normalizeStripeCustomer, normalizeStripeInvoice, normalizeStripePayment, normalizeStripeSubscription, paymentIntentAsCharge, type StripeNormalizeContext } from './normalize';

/** What one Stripe object is read as; objects of other kinds inside a list are skipped. */
type Read = { customer: StripeCustomer } | { payment: StripeCharge | StripePaymentIntent } | { record: CustomerRecord };

/**
 * Stripe objects, told apart by their `object`: a customer, subscription (current `price` items
 * or legacy `plan` ones), invoice, charge or payment intent; a `list` or `search_result` of any
 * of them; an `event`, read by its `data.object`. Inside a list or an event, objects of other
 * kinds (payment methods, plans) are skipped and counted in a note; one alone is refused. Charges
 * and payment intents become payments (orders) linked to their customer, and a customer in the
 * same file gets their lifetime value from them, as the connector computes it from the charges
 * it reads (a payment intent counts only when no charge of it is in the file). An error body
 * says it is one.
 */
export const readPayload: PayloadReader = (payload, account, notes = []) => {
  const ctx: StripeNormalizeContext = { account, testMode: false, fetchedAt: Date.now() };
  const error = stripeErrorSchema.safeParse(payload);
  if (error.success) {
    const { type, code, message } = error.data.error;
    throw new ConnectorError('schema', `This is a Stripe error response, not records: ${code ?? type}: ${message ?? '(no message)'}`, { path: 'error.message' });
  }
  const skipped = new Map<string, number>();
  const readOne = (item: unknown, where: string, inside: boolean): Read[] => {
    const kind = z.object({ object: z.string() }).safeParse(item).data?.object;
    switch (kind) {
      case 'list':
      case 'search_result': {
        const list = parseVendorPayload('Stripe', z.object({ data: z.array(z.unknown()) }), item, kind);
        return list.data.flatMap((one, i) => readOne(one, `${kind} item ${i}`, true));
      }
      case 'event':
        return readOne(parseVendorPayload('Stripe', stripeEventSchema, item, 'event').data.object, 'event data.object', true);
      case 'customer':
        return [{ customer: parseVendorPayload('Stripe', stripeCustomerSchema, item, where) }];
      case 'subscription':
        return [{ record: normalizeStripeSubscription(parseVendorPayload('Stripe', stripeSubscriptionSchema, item, where), ctx) }];
      case 'invoice':
        return [{ record: normalizeStripeInvoice(parseVendorPayload('Stripe', stripeInvoiceSchema, item, where), ctx) }];
      case 'charge':
        return [{ payment: parseVendorPayload('Stripe', stripeChargeSchema, item, where) }];
      case 'payment_intent':
        return [{ payment: parseVendorPayload('Stripe', stripePaymentIntentSchema, item, where) }];
    }
    if (!inside) throw new ConnectorError('schema', `Stripe payload of kind “${kind ?? 'unknown'}” is not one we read (customer, subscription, invoice, charge, payment_intent, list, search_result, event).`, { path: 'object' });
    skipped.set(kind ?? 'unknown', (skipped.get(kind ?? 'unknown') ?? 0) + 1);
    return [];
  };
  const read = readOne(payload, 'object', false);
  // A payment intent whose charge is in the file too is that same payment: the charge stands for it.
  const charged = new Set(read.flatMap((r) => ('payment' in r && r.payment.object === 'charge' && r.payment.payment_intent ? [expandedId(r.payment.payment_intent)!] : [])));
  const payments = read.flatMap((r) => ('payment' in r && !charged.has(r.payment.id) ? [r.payment] : []));
  const asCharges = payments.map((p) => (p.object === 'charge' ? p : paymentIntentAsCharge(p)));
  const records = read.flatMap((r): CustomerRecord[] => {
    if ('customer' in r) return [normalizeStripeCustomer(r.customer, ctx, { charges: asCharges.filter((c) => expandedId(c.customer) === r.customer.id) })];
    if ('payment' in r) return charged.has(r.payment.id) ? [] : [normalizeStripePayment(r.payment, ctx)];
    return [r.record];
  });
  for (const [kind, count] of skipped) notes.push(`Skipped ${count} Stripe ${kind} object${count === 1 ? '' : 's'}: not a customer, subscription, invoice or payment.`);
  return records;
};
