import { z } from 'zod';

/**
 * Klaviyo's JSON:API documents (revision 2024-10-15): `{data: {type, id, attributes,
 * relationships, links}}`, lists with `links.next` (a URL carrying `page[cursor]`). Almost every
 * attribute may be null; the spec-derived samples even carry null relationship ids, so
 * relationships are not read at all.
 */
const text = z.string().nullish();
const links = z.object({ self: text, next: text, prev: text }).partial().nullish();

const consent = z.object({ consent: text, consent_timestamp: text, last_updated: text }).partial().nullish();

export const klaviyoProfileSchema = z.object({
  type: z.literal('profile'),
  id: z.string().min(1),
  attributes: z.object({
    email: text,
    phone_number: text,
    external_id: text,
    first_name: text,
    last_name: text,
    organization: text,
    title: text,
    locale: text,
    created: text,
    updated: text,
    last_event_date: text,
    location: z.object({ address1: text, address2: text, city: text, country: text, region: text, zip: text, timezone: text }).partial().nullish(),
    // Free-form custom properties; kept unread so an odd value never breaks the record.
    properties: z.record(z.string(), z.unknown()).nullish(),
    // Only with `additional-fields[profile]=subscriptions`.
    subscriptions: z
      .object({
        email: z.object({ marketing: consent }).partial().nullish(),
        sms: z.object({ marketing: consent, transactional: consent }).partial().nullish(),
      })
      .partial()
      .nullish(),
    // Only with `additional-fields[profile]=predictive_analytics`; money in the account currency, as decimals.
    predictive_analytics: z
      .object({
        historic_clv: z.number().nullish(),
        predicted_clv: z.number().nullish(),
        total_clv: z.number().nullish(),
        historic_number_of_orders: z.number().nullish(),
        average_order_value: z.number().nullish(),
        churn_probability: z.number().nullish(),
        expected_date_of_next_order: text,
      })
      .partial()
      .nullish(),
  }),
  links,
});
export type KlaviyoProfile = z.infer<typeof klaviyoProfileSchema>;

export const klaviyoListSchema = z.object({
  type: z.literal('list'),
  id: z.string().min(1),
  attributes: z.object({
    name: text,
    created: text,
    updated: text,
    opt_in_process: text,
    // Only on GET /api/lists/{id} with `additional-fields[list]=profile_count`.
    profile_count: z.number().int().nonnegative().nullish(),
  }),
  links,
});
export type KlaviyoList = z.infer<typeof klaviyoListSchema>;

export const klaviyoAccountSchema = z.object({
  type: z.literal('account'),
  id: z.string().min(1),
  attributes: z.object({
    test_account: z.boolean().nullish(),
    contact_information: z.object({ organization_name: text, default_sender_name: text, website_url: text }).partial().nullish(),
    preferred_currency: text,
    timezone: text,
  }),
});

export const klaviyoProfileDocument = z.object({ data: klaviyoProfileSchema, links });
export const klaviyoProfilesPage = z.object({ data: z.array(klaviyoProfileSchema), links });
export const klaviyoListDocument = z.object({ data: klaviyoListSchema, links });
export const klaviyoListsPage = z.object({ data: z.array(klaviyoListSchema), links });
export const klaviyoAccounts = z.object({ data: z.array(klaviyoAccountSchema).min(1) });

/** `{errors: [{id, status, code, title, detail, source: {pointer}}]}`; status is a number on the wire. */
export const klaviyoErrors = z.object({
  errors: z
    .array(
      z.object({
        id: z.string(),
        status: z.union([z.number(), z.string()]).optional(),
        code: z.string(),
        title: z.string(),
        detail: z.string(),
        source: z.object({ pointer: z.string(), parameter: z.string() }).partial().nullish(),
      }),
    )
    .min(1),
});

/** The `page[cursor]` of a `links.next` URL, never the URL itself (it is rebuilt on our fixed origin). */
export function nextCursor(page: { links?: { next?: string | null } | null }): string | null {
  const next = page.links?.next;
  if (!next) return null;
  try {
    return new URL(next, 'https://a.klaviyo.com').searchParams.get('page[cursor]') || null;
  } catch {
    return null;
  }
}
