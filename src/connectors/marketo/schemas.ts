import { z } from '../../model/zod-setup';

/**
 * Marketo REST: every answer is `{requestId, success, result[], errors[], nextPageToken?,
 * moreResult?}` with HTTP 200, even a refusal (`success: false` with `errors[{code, message}]`,
 * codes as strings: 601 token invalid, 602 expired, 606 rate limit...). Dates are ISO with `Z`,
 * an offset (`-08:00`, `+0000`) or, in the asset API, both (`2017-07-27T01:38:33Z+0000`).
 */
export const marketoErrorSchema = z.object({ code: z.union([z.string(), z.number()]), message: z.string() });
export type MarketoError = z.infer<typeof marketoErrorSchema>;

/** The envelope alone, to tell a refusal from an answer before reading the result. */
export const marketoEnvelope = z.object({
  requestId: z.optional(z.string()),
  success: z.boolean(),
  errors: z.optional(z.array(marketoErrorSchema)),
});

/** An answer of `item` records, with its paging token. */
export function marketoPage<T extends z.ZodMiniType>(item: T) {
  return z.object({
    requestId: z.optional(z.string()),
    success: z.literal(true),
    errors: z.optional(z.array(marketoErrorSchema)),
    result: z.optional(z.array(item)),
    nextPageToken: z.optional(z.string()),
    moreResult: z.optional(z.boolean()),
  });
}

const nullableText = z.nullish(z.string());

/** A lead with the fields we ask for (`fields=`); Marketo sends only the default six unless asked, and null for blanks. */
export const marketoLeadSchema = z.object({
  id: z.number().check(z.int()),
  email: nullableText,
  firstName: nullableText,
  lastName: nullableText,
  phone: nullableText,
  mobilePhone: nullableText,
  company: nullableText,
  title: nullableText,
  city: nullableText,
  country: nullableText,
  website: nullableText,
  leadScore: z.nullish(z.number()),
  leadStatus: nullableText,
  createdAt: nullableText,
  updatedAt: nullableText,
});
export type MarketoLead = z.infer<typeof marketoLeadSchema>;
export const marketoLeadsPage = marketoPage(marketoLeadSchema);

/** `leads/{id}/listMembership.json`: the static lists a lead is in, by id. */
export const marketoMembershipSchema = z.object({ listId: z.number().check(z.int()), createdAt: nullableText, updatedAt: nullableText });
export const marketoMembershipPage = marketoPage(marketoMembershipSchema);

/** Asset API static list (`staticLists.json`, `staticList/{id}.json`). */
export const marketoStaticListSchema = z.object({
  id: z.number().check(z.int()),
  name: z.string(),
  description: nullableText,
  createdAt: nullableText,
  updatedAt: nullableText,
  folder: z.optional(z.object({ id: z.number(), type: z.string() })),
  /** The list's page in the console: `https://app-sjqe.marketo.com/#ST1021A1`. */
  computedUrl: nullableText,
});
export type MarketoStaticList = z.infer<typeof marketoStaticListSchema>;
export const marketoStaticListsPage = marketoPage(marketoStaticListSchema);

const attributeSchema = z.object({ name: z.string(), value: z.unknown() });

/** One activity (`activities.json`, `activities/leadchanges.json`). */
export const marketoActivitySchema = z.object({
  id: z.number().check(z.int()),
  marketoGUID: z.optional(z.string()),
  leadId: z.number().check(z.int()),
  activityDate: z.string(),
  activityTypeId: z.number().check(z.int()),
  primaryAttributeValueId: z.nullish(z.number()),
  /** The email's name for email activities, the page for a visit... */
  primaryAttributeValue: z.nullish(z.string()),
  attributes: z.optional(z.array(attributeSchema)),
  fields: z.optional(z.array(z.object({ id: z.number(), name: z.string(), newValue: z.unknown(), oldValue: z.unknown() }))),
});
export type MarketoActivity = z.infer<typeof marketoActivitySchema>;
export const marketoActivitiesPage = marketoPage(marketoActivitySchema);

export const marketoActivityTypeSchema = z.object({
  id: z.number().check(z.int()),
  name: z.string(),
  description: z.optional(z.string()),
  primaryAttribute: z.optional(z.object({ name: z.string(), dataType: z.string() })),
  attributes: z.optional(z.array(z.object({ name: z.string(), dataType: z.string() }))),
});
export const marketoActivityTypesPage = marketoPage(marketoActivityTypeSchema);

/** Record-level outcomes of a write (`status: created|updated|skipped` with `reasons[]`); read only by imports. */
export const marketoRecordStatusSchema = z.object({ id: z.optional(z.number()), status: z.string(), reasons: z.optional(z.array(marketoErrorSchema)) });
export const marketoRecordStatusPage = marketoPage(marketoRecordStatusSchema);

/** `activities/pagingtoken.json`: where reading activities since a date starts. */
export const marketoPagingToken = z.object({ requestId: z.optional(z.string()), success: z.literal(true), nextPageToken: z.string() });

/** `POST /identity/oauth/token` (client credentials): the access token and its life in seconds. */
export const marketoTokenSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  /** The API-only user's email: names who the credentials belong to. */
  scope: z.optional(z.string()),
});

/** The identity service's own refusal (OAuth style). */
export const marketoIdentityError = z.object({ error: z.string(), error_description: z.optional(z.string()) });
