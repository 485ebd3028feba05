import { z } from '../../model/zod-setup';

/**
 * Klaviyo's JSON:API documents (revision 2024-10-15): `{data: {type, id, attributes,
 * relationships, links}}`, lists with `links.next` (a URL carrying `page[cursor]`). Almost every
 * attribute may be null; the spec-derived samples even carry null relationship ids, so
 * relationships are not read at all.
 */
const text = z.nullish(z.string());
const links = z.nullish(z.partial(z.object({ self: text, next: text, prev: text })));

const consent = z.nullish(z.partial(z.object({ consent: text, consent_timestamp: text, last_updated: text })));

export const klaviyoProfileSchema = z.object({
  type: z.literal('profile'),
  id: z.string().check(z.minLength(1)),
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
    location: z.nullish(z.partial(z.object({ address1: text, address2: text, city: text, country: text, region: text, zip: text, timezone: text }))),
    // Free-form custom properties; kept unread so an odd value never breaks the record.
    properties: z.nullish(z.record(z.string(), z.unknown())),
    // Only with `additional-fields[profile]=subscriptions`.
    subscriptions: z.nullish(
      z.partial(
        z.object({
          email: z.nullish(z.partial(z.object({ marketing: consent }))),
          sms: z.nullish(z.partial(z.object({ marketing: consent, transactional: consent }))),
        }),
      ),
    ),
    // Only with `additional-fields[profile]=predictive_analytics`; money in the account currency, as decimals.
    predictive_analytics: z.nullish(
      z.partial(
        z.object({
          historic_clv: z.nullish(z.number()),
          predicted_clv: z.nullish(z.number()),
          total_clv: z.nullish(z.number()),
          historic_number_of_orders: z.nullish(z.number()),
          average_order_value: z.nullish(z.number()),
          churn_probability: z.nullish(z.number()),
          expected_date_of_next_order: text,
        }),
      ),
    ),
  }),
  links,
});
export type KlaviyoProfile = z.infer<typeof klaviyoProfileSchema>;

export const klaviyoListSchema = z.object({
  type: z.literal('list'),
  id: z.string().check(z.minLength(1)),
  attributes: z.object({
    name: text,
    created: text,
    updated: text,
    opt_in_process: text,
    // Only on GET /api/lists/{id} with `additional-fields[list]=profile_count`.
    profile_count: z.nullish(z.number().check(z.int(), z.nonnegative())),
  }),
  links,
});
export type KlaviyoList = z.infer<typeof klaviyoListSchema>;

export const klaviyoAccountSchema = z.object({
  type: z.literal('account'),
  id: z.string().check(z.minLength(1)),
  attributes: z.object({
    test_account: z.nullish(z.boolean()),
    contact_information: z.nullish(z.partial(z.object({ organization_name: text, default_sender_name: text, website_url: text }))),
    preferred_currency: text,
    timezone: text,
  }),
});

/**
 * An event from `GET /api/events?include=metric`: when (ISO `datetime`, unix-seconds
 * `timestamp`), free-form `event_properties` ("Campaign Name", "Subject"...), and which metric
 * it is ("Opened Email"...) through `relationships.metric`, whose name is among `included`.
 */
export const klaviyoEventSchema = z.object({
  type: z.literal('event'),
  id: z.string().check(z.minLength(1)),
  attributes: z.object({
    timestamp: z.nullish(z.number()),
    datetime: text,
    uuid: text,
    // Free-form, set by whoever tracked the event; read key by key, never trusted as a shape.
    event_properties: z.nullish(z.record(z.string(), z.unknown())),
  }),
  relationships: z.nullish(z.partial(z.object({ metric: z.nullish(z.partial(z.object({ data: z.nullish(z.object({ type: z.string(), id: text })) }))) }))),
  links,
});
export type KlaviyoEvent = z.infer<typeof klaviyoEventSchema>;

/** `included` resources: metrics here (`attributes.name`); any other kind parses and is ignored. */
const includedSchema = z.object({ type: z.string(), id: z.string(), attributes: z.nullish(z.partial(z.object({ name: text }))) });
export type KlaviyoIncluded = z.infer<typeof includedSchema>;

export const klaviyoEventsPage = z.object({ data: z.array(klaviyoEventSchema), included: z.nullish(z.array(includedSchema)), links });

export const klaviyoProfileDocument = z.object({ data: klaviyoProfileSchema, links });
export const klaviyoProfilesPage = z.object({ data: z.array(klaviyoProfileSchema), links });
export const klaviyoListDocument = z.object({ data: klaviyoListSchema, links });
export const klaviyoListsPage = z.object({ data: z.array(klaviyoListSchema), links });
export const klaviyoAccounts = z.object({ data: z.array(klaviyoAccountSchema).check(z.minLength(1)) });

/** `{errors: [{id, status, code, title, detail, source: {pointer}}]}`; status is a number on the wire. */
export const klaviyoErrors = z.object({
  errors: z
    .array(
      z.object({
        id: z.string(),
        status: z.optional(z.union([z.number(), z.string()])),
        code: z.string(),
        title: z.string(),
        detail: z.string(),
        source: z.nullish(z.partial(z.object({ pointer: z.string(), parameter: z.string() }))),
      }),
    ).check(z.minLength(1)),
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
