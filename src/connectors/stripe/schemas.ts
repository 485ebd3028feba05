import { z } from 'zod';

/**
 * Stripe JSON as it is: unix seconds, amounts in minor units, lower-case currency codes,
 * expandable fields (an id string, or the object when expanded), list and search envelopes.
 */
const expandable = z.union([z.string(), z.object({ id: z.string() })]);
export function expandedId(value: z.infer<typeof expandable> | null | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.id;
}

export const stripeCustomerSchema = z.object({
  id: z.string(),
  object: z.literal('customer'),
  email: z.string().nullable(),
  name: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  created: z.number().int(),
  currency: z.string().nullable().optional(),
  delinquent: z.boolean().nullable().optional(),
  livemode: z.boolean(),
  address: z.object({ city: z.string().nullable(), country: z.string().nullable() }).nullable().optional(),
  deleted: z.boolean().optional(),
});
export type StripeCustomer = z.infer<typeof stripeCustomerSchema>;

const priceSchema = z.object({
  id: z.string(),
  currency: z.string(),
  unit_amount: z.number().int().nullable(),
  nickname: z.string().nullable().optional(),
  product: expandable.optional(),
  recurring: z.object({ interval: z.enum(['day', 'week', 'month', 'year']), interval_count: z.number().int() }).nullable(),
});

export const stripeSubscriptionSchema = z.object({
  id: z.string(),
  object: z.literal('subscription'),
  customer: expandable,
  status: z.string(),
  currency: z.string(),
  created: z.number().int(),
  livemode: z.boolean(),
  items: z.object({ data: z.array(z.object({ id: z.string(), quantity: z.number().int().nullable().optional(), price: priceSchema })) }),
});
export type StripeSubscription = z.infer<typeof stripeSubscriptionSchema>;

/** Current invoices have `created` and `status`; invoices from before 2018 have `date`, `paid`, `closed`. */
export const stripeInvoiceSchema = z.object({
  id: z.string(),
  object: z.literal('invoice'),
  customer: expandable.nullable(),
  number: z.string().nullable().optional(),
  currency: z.string(),
  total: z.number().int(),
  amount_paid: z.number().int().optional(),
  status: z.string().nullable().optional(),
  paid: z.boolean().optional(),
  created: z.number().int().optional(),
  date: z.number().int().optional(),
  livemode: z.boolean(),
});
export type StripeInvoice = z.infer<typeof stripeInvoiceSchema>;

export const stripeChargeSchema = z.object({
  id: z.string(),
  object: z.literal('charge'),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  currency: z.string(),
  customer: expandable.nullable(),
  paid: z.boolean(),
  status: z.string(),
  created: z.number().int(),
  livemode: z.boolean(),
  billing_details: z.object({ email: z.string().nullable(), name: z.string().nullable() }).optional(),
});
export type StripeCharge = z.infer<typeof stripeChargeSchema>;

export const stripePaymentIntentSchema = z.object({
  id: z.string(),
  object: z.literal('payment_intent'),
  amount: z.number().int(),
  currency: z.string(),
  status: z.string(),
  customer: expandable.nullable(),
  created: z.number().int(),
  livemode: z.boolean(),
});

export const stripeEventSchema = z.object({
  id: z.string(),
  object: z.literal('event'),
  type: z.string(),
  created: z.number().int(),
  livemode: z.boolean(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export function stripeListSchema<T extends z.ZodType>(item: T) {
  return z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean(), url: z.string() });
}

export function stripeSearchSchema<T extends z.ZodType>(item: T) {
  return z.object({ object: z.literal('search_result'), data: z.array(item), has_more: z.boolean(), next_page: z.string().nullable().optional(), url: z.string() });
}

export const stripeErrorSchema = z.object({
  error: z.object({ type: z.string(), message: z.string().optional(), code: z.string().optional(), param: z.string().optional() }),
});

export const stripeAccountSchema = z.object({
  id: z.string(),
  object: z.literal('account'),
  business_profile: z.object({ name: z.string().nullable().optional() }).nullable().optional(),
  settings: z.object({ dashboard: z.object({ display_name: z.string().nullable().optional() }).optional() }).nullable().optional(),
  default_currency: z.string().optional(),
});
