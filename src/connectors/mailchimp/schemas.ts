import { z } from '../../model/zod-setup';

/**
 * Mailchimp Marketing API 3.0: HAL-style `_links` on every object, ISO dates with offsets (or ''
 * when unknown, e.g. `timestamp_signup`), collections as `{<items>: [...], total_items}`.
 */
export const mailchimpLinkSchema = z.object({
  rel: z.string(),
  href: z.string(),
  method: z.string(),
  targetSchema: z.optional(z.string()),
  schema: z.optional(z.string()),
});
const links = z.optional(z.array(mailchimpLinkSchema));

/** The default ADDRESS merge field: an object once filled, '' when empty. */
const addressSchema = z.object({
  addr1: z.optional(z.string()),
  addr2: z.optional(z.string()),
  city: z.optional(z.string()),
  state: z.optional(z.string()),
  zip: z.optional(z.string()),
  country: z.optional(z.string()),
});

/** Merge fields are per-audience; we read the four default ones and drop the rest. */
const mergeFieldsSchema = z.object({
  FNAME: z.optional(z.string()),
  LNAME: z.optional(z.string()),
  PHONE: z.optional(z.union([z.string(), z.number()])),
  ADDRESS: z.optional(z.union([z.string(), addressSchema])),
});

export const mailchimpMemberSchema = z.object({
  /** The subscriber hash: MD5 of the lower-cased email. */
  id: z.string(),
  email_address: z.string(),
  unique_email_id: z.optional(z.string()),
  contact_id: z.optional(z.string()),
  full_name: z.optional(z.string()),
  /** The member's numeric id in the console (`/lists/members/view?id=`). */
  web_id: z.number().check(z.int()),
  email_type: z.optional(z.string()),
  status: z.string(),
  merge_fields: z.optional(mergeFieldsSchema),
  stats: z.optional(z.partial(z.object({ avg_open_rate: z.number(), avg_click_rate: z.number() }))),
  timestamp_signup: z.optional(z.string()),
  timestamp_opt: z.optional(z.string()),
  member_rating: z.optional(z.number()),
  last_changed: z.optional(z.string()),
  vip: z.optional(z.boolean()),
  email_client: z.optional(z.string()),
  location: z.optional(z.partial(z.object({ latitude: z.number(), longitude: z.number(), country_code: z.string(), timezone: z.string() }))),
  source: z.optional(z.string()),
  tags_count: z.optional(z.number().check(z.int())),
  tags: z.optional(z.array(z.object({ id: z.number().check(z.int()), name: z.string() }))),
  list_id: z.string(),
  _links: links,
});
export type MailchimpMember = z.infer<typeof mailchimpMemberSchema>;

export const mailchimpMembersPage = z.object({
  members: z.array(mailchimpMemberSchema),
  list_id: z.optional(z.string()),
  /** Absent in some relayed copies (and when `fields=` leaves it out). */
  total_items: z.optional(z.number().check(z.int())),
  _links: links,
});

/** `fields=members.id,members.web_id,...`: just enough to find a member by its console id. */
export const mailchimpMemberIdsPage = z.object({
  members: z.array(z.object({ id: z.string(), web_id: z.number().check(z.int()), list_id: z.string() })),
  total_items: z.number().check(z.int()),
});

export const mailchimpListSchema = z.object({
  id: z.string(),
  web_id: z.number().check(z.int()),
  name: z.string(),
  date_created: z.optional(z.string()),
  stats: z.optional(
    z.partial(
      z.object({
        member_count: z.number(),
        unsubscribe_count: z.number(),
        cleaned_count: z.number(),
        /** Percent, e.g. 42.5. */
        open_rate: z.number(),
        click_rate: z.number(),
        last_sub_date: z.string(),
      }),
    ),
  ),
  _links: links,
});
export type MailchimpList = z.infer<typeof mailchimpListSchema>;

export const mailchimpListsPage = z.object({ lists: z.array(mailchimpListSchema), total_items: z.number().check(z.int()), _links: links });

const memberMatches = z.object({ members: z.array(mailchimpMemberSchema), total_items: z.optional(z.number().check(z.int())) });
/** `/search-members`: exact email matches and a fuzzy full-text search, across audiences. */
export const mailchimpSearchMembers = z.object({ exact_matches: memberMatches, full_search: z.optional(memberMatches), _links: links });

/**
 * One item of a member's activity feed (`/lists/{id}/members/{hash}/activity-feed`). The feed
 * mixes many "alternative schemas" told apart by `activity_type` (open, click, bounce, unsub,
 * sent, but also signups, notes, orders, surveys and whatever comes next), so only the type is
 * required and everything we read is optional: an item of a new kind parses and is left out.
 */
export const mailchimpActivitySchema = z.object({
  activity_type: z.string(),
  /** ISO with microseconds and an offset: `2024-01-03T20:19:26.000000+00:00`. */
  created_at_timestamp: z.nullish(z.string()),
  campaign_id: z.nullish(z.string()),
  /** Blank when the activity belongs to no campaign (an unsubscribe by an admin). */
  campaign_title: z.nullish(z.string()),
  link_clicked: z.nullish(z.string()),
  bounce_type: z.nullish(z.string()),
  unsubscribe_reason: z.nullish(z.string()),
});
export type MailchimpActivity = z.infer<typeof mailchimpActivitySchema>;

export const mailchimpActivityFeed = z.object({
  activity: z.array(mailchimpActivitySchema),
  email_id: z.optional(z.string()),
  contact_id: z.optional(z.string()),
  list_id: z.optional(z.string()),
  total_items: z.optional(z.number().check(z.int())),
  _links: links,
});

/** API root `GET /3.0/`: the account the key belongs to. */
export const mailchimpRoot = z.object({
  account_id: z.string(),
  account_name: z.string(),
  login_id: z.optional(z.string()),
  email: z.optional(z.string()),
  _links: links,
});

/** RFC 7807-style error body on every failure. */
export const mailchimpError = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.string(),
  instance: z.optional(z.string()),
});
