import { z } from '../../model/zod-setup';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { stripeCustomerSchema, stripeInvoiceSchema, stripeSubscriptionSchema } from './schemas';
import { normalizeStripeCustomer, normalizeStripeInvoice, normalizeStripeSubscription } from './normalize';

/** A customer, subscription or invoice, or a list or search result of them, told apart by Stripe's `object`. */
export const readPayload: PayloadReader = (payload, account) => {
  const ctx = { account, testMode: false, fetchedAt: Date.now() };
  const body = z.object({ object: z.string() }).safeParse(payload);
  const kind = body.success ? body.data.object : undefined;
  if (kind === 'list' || kind === 'search_result') {
    const data = parseVendorPayload('Stripe', z.object({ data: z.array(z.unknown()) }), payload, kind);
    return data.data.flatMap((item) => readPayload(item, account));
  }
  if (kind === 'customer') return [normalizeStripeCustomer(parseVendorPayload('Stripe', stripeCustomerSchema, payload, 'customer'), ctx)];
  if (kind === 'subscription') return [normalizeStripeSubscription(parseVendorPayload('Stripe', stripeSubscriptionSchema, payload, 'subscription'), ctx)];
  if (kind === 'invoice') return [normalizeStripeInvoice(parseVendorPayload('Stripe', stripeInvoiceSchema, payload, 'invoice'), ctx)];
  throw new ConnectorError('schema', `Stripe payload of kind “${kind ?? 'unknown'}” is not one we read (customer, subscription, invoice, list).`, { path: 'object' });
};
