import { z } from './zod-setup';
import { CONNECTOR_IDS, RECORD_TYPES } from './keys';

export { recordKey, parseRecordKey, CAMPAIGN_ACTIVITIES, type CampaignActivity, type ConnectorId, type RecordType } from './keys';

/** Tools we know. A new vendor adds its id in keys.ts and a folder under src/connectors. */
export const connectorIdSchema = z.enum(CONNECTOR_IDS);
export const recordTypeSchema = z.enum(RECORD_TYPES);

/**
 * Canonical, typed fields. Vendors' strings are converted at the boundary:
 * dates are epoch milliseconds, numbers are numbers, multi-values are arrays.
 * Unknown vendor extras are not kept: the panel shows what we model.
 */
export const recordFieldsSchema = z.partial(
  z.object({
    name: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    jobTitle: z.string(),
    companyName: z.string(),
    domain: z.string(),
    industry: z.string(),
    city: z.string(),
    country: z.string(),
    lifecycleStage: z.string(),
    ownerId: z.string(),
    ownerName: z.string(),
    employees: z.number(),
    annualRevenue: z.object({ amountMinor: z.number().check(z.int()), currency: z.string() }),
    /** Money in minor units (cents) with ISO currency: lifetime value, MRR, deal amount, invoice total. */
    amount: z.object({ amountMinor: z.number().check(z.int()), currency: z.string() }),
    lifetimeValue: z.object({ amountMinor: z.number().check(z.int()), currency: z.string() }),
    mrr: z.object({ amountMinor: z.number().check(z.int()), currency: z.string() }),
    /** How many orders a shop tool says the person placed (its own count, not the orders we read). */
    orderCount: z.number().check(z.int()),
    /** Workflow status in the vendor's words: ticket `open`, subscription `active`, deal stage... */
    status: z.string(),
    subject: z.string(),
    /** What happened in a campaign event, in our words (see CAMPAIGN_ACTIVITIES in keys.ts): sent, open, click... */
    activity: z.string(),
    /** What an `order` is: a bill (`invoice`) or money taken (`payment`, a charge), so the two read apart. */
    orderKind: z.enum(['invoice', 'payment']),
    /** Subscription / list / campaign membership names. */
    memberships: z.array(z.string()),
    tags: z.array(z.string()),
    createdAt: z.number(),
    lastModifiedAt: z.number(),
    /** Last activity the vendor knows of (last seen, last open, last order). */
    lastActivityAt: z.number(),
    /**
     * The date fields above that the vendor gives as a calendar date without a time (Salesforce's
     * LastActivityDate, "2026-03-01"): kept as midnight UTC and shown without a time of day.
     */
    dateOnly: z.array(z.enum(['createdAt', 'lastModifiedAt', 'lastActivityAt'])),
  }),
);
export type RecordFields = z.infer<typeof recordFieldsSchema>;

export const customerRecordSchema = z.object({
  /** `connector:account:type:id`, unique across every tool and account. */
  key: z.string(),
  connector: connectorIdSchema,
  /** The vendor account the record lives in (HubSpot portal id, Stripe account...). */
  account: z.string(),
  type: recordTypeSchema,
  id: z.string(),
  title: z.string(),
  /** Normalised identities such as `email:ann@acme.com`, `domain:acme.com`. */
  identities: z.array(z.string()),
  fields: recordFieldsSchema,
  /** Keys of related records (a contact's companies...). */
  links: z.array(z.string()),
  /** Deep link back into the vendor console. */
  url: z.string(),
  /** When the vendor last changed it (epoch ms), when we fetched it (epoch ms). */
  updatedAt: z.number(),
  fetchedAt: z.number(),
  /** Lower-case search prefixes source: words of name, emails, company, domain. */
  tokens: z.array(z.string()),
  /**
   * Read off a console page (page mode): the page's word, not the vendor's. `pending` records
   * join no profile and count toward no shared identity until the user accepts them.
   */
  pageRead: z.optional(z.enum(['pending', 'accepted'])),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;
