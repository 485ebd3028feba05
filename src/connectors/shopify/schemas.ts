import { z } from '../../model/zod-setup';

/**
 * Shopify Admin JSON as it is. REST (the connector's API): numeric ids, ISO dates with the
 * shop's offset, money as decimal strings (`"199.65"`) beside a `currency`, `tags` as one
 * comma-separated string, `{customer}` / `{customers: []}` envelopes. GraphQL (read from saved
 * payloads only): `gid://shopify/Customer/…` ids, `numberOfOrders` and `amountSpent.amount` as
 * strings, `tags` as an array, connections of `edges` and `pageInfo`.
 */
const text = z.optional(z.nullable(z.string()));

const addressSchema = z.object({
  city: text,
  country: text,
  country_code: text,
  company: text,
});

/** `fields=` subsets (search with `fields=id,email,…`) leave out all but the id. */
export const shopifyCustomerSchema = z.object({
  id: z.number().check(z.int()),
  email: text,
  first_name: text,
  last_name: text,
  phone: text,
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
  orders_count: z.optional(z.number().check(z.int())),
  total_spent: z.optional(z.string()),
  currency: text,
  tags: text,
  state: text,
  last_order_name: text,
  default_address: z.optional(z.nullable(addressSchema)),
});
export type ShopifyCustomer = z.infer<typeof shopifyCustomerSchema>;

export const shopifyOrderSchema = z.object({
  id: z.number().check(z.int()),
  /** `#1001`: the number the shop shows. */
  name: z.string(),
  order_number: z.optional(z.number().check(z.int())),
  total_price: z.string(),
  /** After refunds and edits; the sample order of 598.94 is 199.65 now. */
  current_total_price: z.optional(z.string()),
  currency: z.string(),
  financial_status: text,
  fulfillment_status: text,
  cancelled_at: text,
  created_at: z.string(),
  processed_at: text,
  email: text,
  customer: z.optional(z.nullable(z.object({ id: z.number().check(z.int()) }))),
});
export type ShopifyOrder = z.infer<typeof shopifyOrderSchema>;

export const shopifyCustomerEnvelope = z.object({ customer: shopifyCustomerSchema });
export const shopifyCustomersPage = z.object({ customers: z.array(shopifyCustomerSchema) });
export const shopifyOrderEnvelope = z.object({ order: shopifyOrderSchema });
export const shopifyOrdersPage = z.object({ orders: z.array(shopifyOrderSchema) });
export const shopifyCount = z.object({ count: z.number().check(z.int()) });

export const shopifyShopEnvelope = z.object({
  shop: z.object({ id: z.number().check(z.int()), name: z.string(), myshopify_domain: z.string(), currency: z.string(), domain: text }),
});
export type ShopifyShop = z.infer<typeof shopifyShopEnvelope>['shop'];

/** REST errors: `{"errors": "[API] Invalid API key or access token …"}` or `{"errors": {"email": ["is invalid"]}}`. */
export const shopifyErrorSchema = z.object({
  errors: z.union([z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))]),
});

export function shopifyErrorMessage(body: unknown): string | undefined {
  const parsed = shopifyErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { errors } = parsed.data;
  if (typeof errors === 'string') return errors;
  return Object.entries(errors)
    .map(([field, said]) => `${field} ${Array.isArray(said) ? said.join(', ') : said}`)
    .join('; ');
}

export const shopifyGraphqlCustomerSchema = z.object({
  id: z.string().check(z.regex(/^gid:\/\/shopify\/Customer\/\d+$/)),
  legacyResourceId: z.optional(z.string()),
  firstName: text,
  lastName: text,
  displayName: z.optional(z.string()),
  email: text,
  phone: text,
  defaultEmailAddress: z.optional(z.nullable(z.object({ emailAddress: text }))),
  defaultPhoneNumber: z.optional(z.nullable(z.object({ phoneNumber: text }))),
  numberOfOrders: z.optional(z.string()),
  amountSpent: z.optional(z.object({ amount: z.string(), currencyCode: z.optional(z.string()) })),
  tags: z.optional(z.array(z.string())),
  state: z.optional(z.string()),
  createdAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
});
export type ShopifyGraphqlCustomer = z.infer<typeof shopifyGraphqlCustomerSchema>;

export const shopifyGraphqlCustomerEnvelope = z.object({ customer: shopifyGraphqlCustomerSchema });
export const shopifyGraphqlCustomersPage = z.object({
  customers: z.object({
    edges: z.array(z.object({ cursor: z.optional(z.string()), node: shopifyGraphqlCustomerSchema })),
    pageInfo: z.optional(z.object({ hasNextPage: z.boolean(), endCursor: z.optional(z.nullable(z.string())) })),
  }),
});
