import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { parseVendorPayload } from '../errors';
import {
  stripeAccountSchema,
  stripeChargeSchema,
  stripeCustomerSchema,
  stripeInvoiceSchema,
  stripeListSchema,
  stripeSearchSchema,
  stripeSubscriptionSchema,
} from './schemas';

export const STRIPE_API_ORIGIN = 'https://api.stripe.com';

/** Live mode allows 100 requests/s and test mode 25; we stay far below, search (20/s) included. */
const limiter = new RateLimiter(10, 1_000);

export class StripeApi {
  constructor(
    private readonly key: string,
    private readonly fetchImpl?: typeof fetch,
  ) {}

  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string): Promise<z.infer<T>> {
    const body = await requestJson({ vendor: 'Stripe', object, url: `${STRIPE_API_ORIGIN}${path}`, token: this.key, limiter, fetchImpl: this.fetchImpl });
    return parseVendorPayload('Stripe', schema, body, object);
  }

  account() {
    return this.get('/v1/account', stripeAccountSchema, 'account');
  }

  customer(id: string) {
    return this.get(`/v1/customers/${encodeURIComponent(id)}`, stripeCustomerSchema, `customer ${id}`);
  }

  subscriptionsOf(customerId: string) {
    return this.get(`/v1/subscriptions?${new URLSearchParams({ customer: customerId, status: 'all', limit: '20' })}`, stripeListSchema(stripeSubscriptionSchema), `subscriptions of ${customerId}`);
  }

  chargesOf(customerId: string) {
    return this.get(`/v1/charges?${new URLSearchParams({ customer: customerId, limit: '100' })}`, stripeListSchema(stripeChargeSchema), `charges of ${customerId}`);
  }

  invoicesOf(customerId: string) {
    return this.get(`/v1/invoices?${new URLSearchParams({ customer: customerId, limit: '10' })}`, stripeListSchema(stripeInvoiceSchema), `invoices of ${customerId}`);
  }

  subscription(id: string) {
    return this.get(`/v1/subscriptions/${encodeURIComponent(id)}`, stripeSubscriptionSchema, `subscription ${id}`);
  }

  invoice(id: string) {
    return this.get(`/v1/invoices/${encodeURIComponent(id)}`, stripeInvoiceSchema, `invoice ${id}`);
  }

  /** Stripe's search language quotes values with single quotes; a quote inside is escaped. */
  searchCustomersByEmail(email: string) {
    const query = `email:'${email.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    return this.get(`/v1/customers/search?${new URLSearchParams({ query, limit: '10' })}`, stripeSearchSchema(stripeCustomerSchema), `customer search for ${email}`);
  }

  listCustomers(startingAfter: string | null) {
    const query = new URLSearchParams({ limit: '100', ...(startingAfter ? { starting_after: startingAfter } : {}) });
    return this.get(`/v1/customers?${query}`, stripeListSchema(stripeCustomerSchema), 'customers page');
  }

  activeSubscriptions(startingAfter: string | null) {
    const query = new URLSearchParams({ status: 'active', limit: '100', ...(startingAfter ? { starting_after: startingAfter } : {}) });
    return this.get(`/v1/subscriptions?${query}`, stripeListSchema(stripeSubscriptionSchema), 'active subscriptions');
  }

  chargesSince(createdGte: number, startingAfter: string | null) {
    const query = new URLSearchParams({ 'created[gte]': String(createdGte), limit: '100', ...(startingAfter ? { starting_after: startingAfter } : {}) });
    return this.get(`/v1/charges?${query}`, stripeListSchema(stripeChargeSchema), 'recent charges');
  }
}
