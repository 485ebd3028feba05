import { z } from 'zod';

/**
 * Mailchimp Marketing API 3.0: HAL-style `_links` on every object, ISO dates with offsets (or ''
 * when unknown, e.g. `timestamp_signup`), collections as `{<items>: [...], total_items}`.
 */
export const mailchimpLinkSchema = z.object({
  rel: z.string(),
  href: z.string(),
  method: z.string(),
  targetSchema: z.string().optional(),
  schema: z.string().optional(),
});
const links = z.array(mailchimpLinkSchema).optional();

/** The default ADDRESS merge field: an object once filled, '' when empty. */
const addressSchema = z.object({
  addr1: z.string().optional(),
  addr2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.string().optional(),
  country: z.string().optional(),
});

/** Merge fields are per-audience; we read the four default ones and drop the rest. */
const mergeFieldsSchema = z.object({
  FNAME: z.string().optional(),
  LNAME: z.string().optional(),
  PHONE: z.union([z.string(), z.number()]).optional(),
  ADDRESS: z.union([z.string(), addressSchema]).optional(),
});

export const mailchimpMemberSchema = z.object({
  /** The subscriber hash: MD5 of the lower-cased email. */
  id: z.string(),
  email_address: z.string(),
  unique_email_id: z.string().optional(),
  contact_id: z.string().optional(),
  full_name: z.string().optional(),
  /** The member's numeric id in the console (`/lists/members/view?id=`). */
  web_id: z.number().int(),
  email_type: z.string().optional(),
  status: z.string(),
  merge_fields: mergeFieldsSchema.optional(),
  stats: z.object({ avg_open_rate: z.number(), avg_click_rate: z.number() }).partial().optional(),
  timestamp_signup: z.string().optional(),
  timestamp_opt: z.string().optional(),
  member_rating: z.number().optional(),
  last_changed: z.string().optional(),
  vip: z.boolean().optional(),
  email_client: z.string().optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), country_code: z.string(), timezone: z.string() }).partial().optional(),
  source: z.string().optional(),
  tags_count: z.number().int().optional(),
  tags: z.array(z.object({ id: z.number().int(), name: z.string() })).optional(),
  list_id: z.string(),
  _links: links,
});
export type MailchimpMember = z.infer<typeof mailchimpMemberSchema>;

export const mailchimpMembersPage = z.object({
  members: z.array(mailchimpMemberSchema),
  list_id: z.string().optional(),
  /** Absent in some relayed copies (and when `fields=` leaves it out). */
  total_items: z.number().int().optional(),
  _links: links,
});

/** `fields=members.id,members.web_id,...`: just enough to find a member by its console id. */
export const mailchimpMemberIdsPage = z.object({
  members: z.array(z.object({ id: z.string(), web_id: z.number().int(), list_id: z.string() })),
  total_items: z.number().int(),
});

export const mailchimpListSchema = z.object({
  id: z.string(),
  web_id: z.number().int(),
  name: z.string(),
  date_created: z.string().optional(),
  stats: z
    .object({
      member_count: z.number(),
      unsubscribe_count: z.number(),
      cleaned_count: z.number(),
      /** Percent, e.g. 42.5. */
      open_rate: z.number(),
      click_rate: z.number(),
      last_sub_date: z.string(),
    })
    .partial()
    .optional(),
  _links: links,
});
export type MailchimpList = z.infer<typeof mailchimpListSchema>;

export const mailchimpListsPage = z.object({ lists: z.array(mailchimpListSchema), total_items: z.number().int(), _links: links });

const memberMatches = z.object({ members: z.array(mailchimpMemberSchema), total_items: z.number().int().optional() });
/** `/search-members`: exact email matches and a fuzzy full-text search, across audiences. */
export const mailchimpSearchMembers = z.object({ exact_matches: memberMatches, full_search: memberMatches.optional(), _links: links });

/** API root `GET /3.0/`: the account the key belongs to. */
export const mailchimpRoot = z.object({
  account_id: z.string(),
  account_name: z.string(),
  login_id: z.string().optional(),
  email: z.string().optional(),
  _links: links,
});

/** RFC 7807-style error body on every failure. */
export const mailchimpError = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
});
