import { z } from '../../model/zod-setup';

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
  email: z.nullable(z.string()),
  name: z.optional(z.nullable(z.string())),
  phone: z.optional(z.nullable(z.string())),
  created: z.number().check(z.int()),
  currency: z.optional(z.nullable(z.string())),
  delinquent: z.optional(z.nullable(z.boolean())),
  livemode: z.boolean(),
  address: z.optional(z.nullable(z.object({ city: z.nullable(z.string()), country: z.nullable(z.string()) }))),
  deleted: z.optional(z.boolean()),
});
export type StripeCustomer = z.infer<typeof stripeCustomerSchema>;

const priceSchema = z.object({
  id: z.string(),
  currency: z.string(),
  unit_amount: z.nullable(z.number().check(z.int())),
  nickname: z.optional(z.nullable(z.string())),
  product: z.optional(expandable),
  recurring: z.nullable(z.object({ interval: z.enum(['day', 'week', 'month', 'year']), interval_count: z.number().check(z.int()) })),
});

/** A plan (API versions before 2020-08-27, still pinned by older accounts) as the price it became. */
const planSchema = z.object({
  id: z.string(),
  currency: z.string(),
  amount: z.nullable(z.number().check(z.int())),
  nickname: z.optional(z.nullable(z.string())),
  product: z.optional(z.nullable(expandable)),
  interval: z.enum(['day', 'week', 'month', 'year']),
  interval_count: z.number().check(z.int()),
});
const planAsPrice = (plan: z.infer<typeof planSchema>): z.infer<typeof priceSchema> => ({
  id: plan.id,
  currency: plan.currency,
  unit_amount: plan.amount,
  nickname: plan.nickname,
  product: plan.product ?? undefined,
  recurring: { interval: plan.interval, interval_count: plan.interval_count },
});

const subscriptionItemSchema = z.pipe(
  z.object({ id: z.string(), quantity: z.optional(z.nullable(z.number().check(z.int()))), price: z.optional(priceSchema), plan: z.optional(z.nullable(planSchema)) }),
  z.transform((item, ctx) => {
    const price = item.price ?? (item.plan ? planAsPrice(item.plan) : undefined);
    if (!price) ctx.issues.push({ code: 'custom', message: 'a subscription item with neither price nor plan', input: item, path: ['price'] });
    return { id: item.id, quantity: item.quantity, price: price! };
  }),
);

/**
 * Current subscriptions carry `currency` and items with a `price`; legacy API versions send a
 * `plan` on each item (and on the subscription) and no top-level currency: read as the same.
 */
export const stripeSubscriptionSchema = z.pipe(
  z.object({
    id: z.string(),
    object: z.literal('subscription'),
    customer: expandable,
    status: z.string(),
    currency: z.optional(z.string()),
    plan: z.optional(z.nullable(planSchema)),
    created: z.number().check(z.int()),
    livemode: z.boolean(),
    items: z.object({ data: z.array(subscriptionItemSchema) }),
  }),
  z.transform(({ plan, ...subscription }, ctx) => {
    const currency = subscription.currency ?? subscription.items.data[0]?.price.currency ?? plan?.currency;
    if (!currency) ctx.issues.push({ code: 'custom', message: 'a subscription with no currency, price or plan', input: subscription, path: ['currency'] });
    return { ...subscription, currency: currency! };
  }),
);
export type StripeSubscription = z.output<typeof stripeSubscriptionSchema>;

/** Current invoices have `created` and `status`; invoices from before 2018 have `date`, `paid`, `closed`. */
export const stripeInvoiceSchema = z.object({
  id: z.string(),
  object: z.literal('invoice'),
  customer: z.nullable(expandable),
  number: z.optional(z.nullable(z.string())),
  currency: z.string(),
  total: z.number().check(z.int()),
  amount_paid: z.optional(z.number().check(z.int())),
  status: z.optional(z.nullable(z.string())),
  paid: z.optional(z.boolean()),
  created: z.optional(z.number().check(z.int())),
  date: z.optional(z.number().check(z.int())),
  livemode: z.boolean(),
});
export type StripeInvoice = z.infer<typeof stripeInvoiceSchema>;

export const stripeChargeSchema = z.object({
  id: z.string(),
  object: z.literal('charge'),
  amount: z.number().check(z.int()),
  amount_refunded: z.number().check(z.int()),
  currency: z.string(),
  customer: z.nullable(expandable),
  paid: z.boolean(),
  status: z.string(),
  created: z.number().check(z.int()),
  livemode: z.boolean(),
  billing_details: z.optional(z.object({ email: z.nullable(z.string()), name: z.nullable(z.string()) })),
  payment_intent: z.optional(z.nullable(expandable)),
  description: z.optional(z.nullable(z.string())),
});
export type StripeCharge = z.infer<typeof stripeChargeSchema>;

export const stripePaymentIntentSchema = z.object({
  id: z.string(),
  object: z.literal('payment_intent'),
  amount: z.number().check(z.int()),
  currency: z.string(),
  amount_received: z.optional(z.number().check(z.int())),
  status: z.string(),
  customer: z.nullable(expandable),
  latest_charge: z.optional(z.nullable(expandable)),
  description: z.optional(z.nullable(z.string())),
  created: z.number().check(z.int()),
  livemode: z.boolean(),
});
export type StripePaymentIntent = z.infer<typeof stripePaymentIntentSchema>;

export const stripeEventSchema = z.object({
  id: z.string(),
  object: z.literal('event'),
  type: z.string(),
  created: z.number().check(z.int()),
  livemode: z.boolean(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export function stripeListSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean(), url: z.string() });
}

export function stripeSearchSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ object: z.literal('search_result'), data: z.array(item), has_more: z.boolean(), next_page: z.optional(z.nullable(z.string())), url: z.string() });
}

export const stripeErrorSchema = z.object({
  error: z.object({ type: z.string(), message: z.optional(z.string()), code: z.optional(z.string()), param: z.optional(z.string()) }),
});

export const stripeAccountSchema = z.object({
  id: z.string(),
  object: z.literal('account'),
  business_profile: z.optional(z.nullable(z.object({ name: z.optional(z.nullable(z.string())) }))),
  settings: z.optional(z.nullable(z.object({ dashboard: z.optional(z.object({ display_name: z.optional(z.nullable(z.string())) })) }))),
  default_currency: z.optional(z.string()),
});
