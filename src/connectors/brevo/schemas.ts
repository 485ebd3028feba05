import { z } from '../../model/zod-setup';

/**
 * Brevo API v3 bodies (shapes from Brevo's own API definition, as its SDK's wire tests show
 * them). Contacts and lists have integer ids; deals have string ids. Most fields may be absent,
 * and contact `attributes` are the account's own (FIRSTNAME, LASTNAME, SMS... by convention).
 */
const text = z.nullish(z.string());
const count = z.nullish(z.number());
const ids = z.nullish(z.array(z.number()));

/** One event of a contact's campaign statistics. */
const event = z.object({ campaignId: z.nullish(z.number()), eventTime: text, count, ip: text });
const clickedEvent = z.object({
  campaignId: z.nullish(z.number()),
  links: z.nullish(z.array(z.object({ count, eventTime: text, ip: text, url: text }))),
});
const events = z.nullish(z.array(event));

/** `GET /v3/contacts/{id}/campaignStats`, and `statistics` of a contact. */
export const brevoCampaignStatsSchema = z.object({
  messagesSent: events,
  delivered: events,
  opened: events,
  clicked: z.nullish(z.array(clickedEvent)),
  hardBounces: events,
  softBounces: events,
  complaints: events,
  unsubscriptions: z.nullish(z.partial(z.object({ userUnsubscription: events, adminUnsubscription: events }))),
  // Orders and other transactional data: free-form, never read.
  transacAttributes: z.nullish(z.array(z.unknown())),
});
export type BrevoCampaignStats = z.infer<typeof brevoCampaignStatsSchema>;

export const brevoContactSchema = z.object({
  id: z.number(),
  email: text,
  emailBlacklisted: z.nullish(z.boolean()),
  smsBlacklisted: z.nullish(z.boolean()),
  createdAt: text,
  modifiedAt: text,
  listIds: ids,
  listUnsubscribed: ids,
  // The account's own attributes, any type each: read key by key.
  attributes: z.nullish(z.record(z.string(), z.unknown())),
  statistics: z.nullish(brevoCampaignStatsSchema),
});
export type BrevoContact = z.infer<typeof brevoContactSchema>;

export const brevoContactsPage = z.object({ contacts: z.array(brevoContactSchema), count: count });

const campaignNumbers = z.partial(
  z.object({ listId: count, sent: count, delivered: count, uniqueViews: count, viewed: count, uniqueClicks: count, clickers: count, opensRate: count, unsubscriptions: count, hardBounces: count, softBounces: count }),
);

export const brevoListSchema = z.object({
  id: z.number(),
  name: z.string(),
  totalSubscribers: count,
  totalBlacklisted: count,
  uniqueSubscribers: count,
  folderId: count,
  createdAt: text,
  dynamicList: z.nullish(z.boolean()),
  campaignStats: z.nullish(z.array(z.object({ campaignId: z.number(), stats: z.nullish(campaignNumbers) }))),
});
export type BrevoList = z.infer<typeof brevoListSchema>;

export const brevoListsPage = z.object({ lists: z.nullish(z.array(brevoListSchema)), count });

export const brevoEmailCampaignSchema = z.object({
  id: z.number(),
  name: z.string(),
  subject: text,
  status: text,
  type: text,
  createdAt: text,
  modifiedAt: text,
  scheduledAt: text,
  sentDate: text,
  statistics: z.nullish(z.partial(z.object({ globalStats: z.nullish(campaignNumbers), campaignStats: z.nullish(z.array(campaignNumbers)) }))),
});
export type BrevoEmailCampaign = z.infer<typeof brevoEmailCampaignSchema>;

export const brevoEmailCampaignsPage = z.object({ campaigns: z.nullish(z.array(brevoEmailCampaignSchema)), count });

export const brevoDealSchema = z.object({
  id: z.string().check(z.minLength(1)),
  attributes: z.nullish(
    z.partial(
      z.object({
        deal_name: text,
        // A number in the account's currency, which the deal does not name.
        amount: count,
        deal_stage: text,
        deal_owner: text,
        pipeline: text,
        created_at: text,
        last_updated_date: text,
        last_activity_date: text,
        // Fern's generator fills untyped fields with placeholders ({"key": "value"}): not read.
        next_activity_date: z.unknown(),
      }),
    ),
  ),
  linkedContactsIds: ids,
  linkedCompaniesIds: z.nullish(z.array(z.string())),
});
export type BrevoDeal = z.infer<typeof brevoDealSchema>;

export const brevoDealsPage = z.object({ items: z.nullish(z.array(brevoDealSchema)) });

export const brevoAccountSchema = z.object({
  organization_id: text,
  user_id: count,
  companyName: text,
  email: text,
  firstName: text,
  lastName: text,
  plan: z.nullish(z.array(z.partial(z.object({ type: text, credits: count, creditsType: text })))),
});
export type BrevoAccount = z.infer<typeof brevoAccountSchema>;

/** Every Brevo error: `{code, message}` (`unauthorized`, `document_not_found`, `invalid_parameter`...). */
export const brevoErrorSchema = z.object({ code: z.string(), message: z.string() });

/** The vendor's words in an error body: "code: message". */
export function brevoErrorWords(body: unknown): string | undefined {
  const parsed = brevoErrorSchema.safeParse(body);
  return parsed.success ? `${parsed.data.code}: ${parsed.data.message}` : undefined;
}
