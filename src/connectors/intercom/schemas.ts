import { z } from 'zod';

/**
 * Intercom REST API 2.11: unix-second timestamps, string ids (24-hex for contacts and companies,
 * digits for conversations), list objects `{type:'list', data, total_count, pages}`.
 * Most attributes may be null; we are strict only on what normalize reads.
 */
const unix = z.number().nullable().optional();
const text = z.string().nullable().optional();

/** `{type, id, url}` references inside a contact (companies, tags, notes, subscriptions). */
const addressable = z.object({ type: z.string().optional(), id: z.string(), url: text, name: text });
const addressableList = z.object({ type: z.string().optional(), data: z.array(addressable).optional(), total_count: z.number().int().optional(), has_more: z.boolean().optional() });

export const intercomContactSchema = z.object({
  type: z.literal('contact'),
  id: z.string(),
  workspace_id: z.string().optional(),
  external_id: text,
  role: z.string(),
  email: text,
  phone: text,
  name: text,
  owner_id: z.union([z.number(), z.string()]).nullable().optional(),
  created_at: z.number(),
  updated_at: z.number(),
  signed_up_at: unix,
  last_seen_at: unix,
  last_replied_at: unix,
  last_contacted_at: unix,
  location: z.object({ city: text, region: text, country: text, country_code: text }).nullable().optional(),
  custom_attributes: z.record(z.string(), z.unknown()).nullable().optional(),
  tags: addressableList.optional(),
  companies: addressableList.optional(),
  opted_in_subscription_types: addressableList.optional(),
  opted_out_subscription_types: addressableList.optional(),
});
export type IntercomContact = z.infer<typeof intercomContactSchema>;

const tagList = z.object({ type: z.string().optional(), tags: z.array(z.object({ id: z.string(), name: z.string() })) });

export const intercomCompanySchema = z.object({
  type: z.literal('company'),
  id: z.string(),
  company_id: text,
  app_id: z.string().optional(),
  name: z.string().nullable(),
  website: text,
  industry: text,
  size: z.number().nullable().optional(),
  monthly_spend: z.number().nullable().optional(),
  user_count: z.number().nullable().optional(),
  remote_created_at: unix,
  created_at: z.number(),
  updated_at: z.number(),
  last_request_at: unix,
  plan: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  tags: tagList.optional(),
  custom_attributes: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type IntercomCompany = z.infer<typeof intercomCompanySchema>;

const author = z.object({ type: z.string(), id: z.string(), name: text, email: text });
export const intercomConversationSchema = z.object({
  type: z.literal('conversation'),
  id: z.string(),
  created_at: z.number(),
  updated_at: z.number(),
  title: text,
  /** open | closed | snoozed */
  state: z.string(),
  open: z.boolean().optional(),
  priority: text,
  admin_assignee_id: z.union([z.number(), z.string()]).nullable().optional(),
  source: z.object({ type: z.string(), id: z.string(), subject: text, body: text, author: author.nullable().optional() }).nullable().optional(),
  contacts: z.object({ type: z.string().optional(), contacts: z.array(z.object({ type: z.string().optional(), id: z.string(), external_id: text })) }).optional(),
  tags: tagList.optional(),
  statistics: z.object({ last_contact_reply_at: unix, last_admin_reply_at: unix, last_close_at: unix }).nullable().optional(),
  conversation_parts: z.object({ total_count: z.number().int().optional(), conversation_parts: z.array(z.object({ id: z.union([z.string(), z.number()]), part_type: z.string(), body: text, created_at: z.number() })) }).optional(),
});
export type IntercomConversation = z.infer<typeof intercomConversationSchema>;

/** Cursor pages: `next.starting_after` when there is more (absent or null at the end). */
const pages = z.object({
  type: z.literal('pages').optional(),
  page: z.number().int().optional(),
  per_page: z.number().int().optional(),
  total_pages: z.number().int().optional(),
  next: z.union([z.object({ page: z.number().int().optional(), starting_after: z.string().nullable().optional() }), z.string()]).nullable().optional(),
});

export const intercomContactList = z.object({ type: z.literal('list'), data: z.array(intercomContactSchema), total_count: z.number().int(), pages: pages.optional() });
export const intercomCompanyList = z.object({ type: z.literal('list'), data: z.array(intercomCompanySchema), total_count: z.number().int().optional(), pages: pages.optional() });
/** GET /contacts/{id}/companies: the reference names the array `companies`, live responses `data`. */
export const intercomContactCompanies = z
  .object({ type: z.literal('list'), data: z.array(intercomCompanySchema).optional(), companies: z.array(intercomCompanySchema).optional(), total_count: z.number().int().optional() })
  .transform((list) => ({ companies: list.data ?? list.companies ?? [], total_count: list.total_count }));
export const intercomConversationList = z.object({ type: z.literal('conversation.list'), conversations: z.array(intercomConversationSchema), total_count: z.number().int(), pages: pages.optional() });

export const intercomSubscriptionSchema = z.object({
  type: z.literal('subscription'),
  id: z.string(),
  state: z.string(),
  consent_type: z.string(),
  default_translation: z.object({ name: z.string(), description: text, locale: text }),
  content_types: z.array(z.string()),
});
export type IntercomSubscription = z.infer<typeof intercomSubscriptionSchema>;
export const intercomSubscriptionList = z.object({ type: z.literal('list'), data: z.array(intercomSubscriptionSchema) });
export const intercomTagList = z.object({ type: z.literal('list'), data: z.array(z.object({ type: z.string().optional(), id: z.string(), name: z.string() })) });

/** GET /me: the admin the token belongs to, with the workspace (`app`). */
export const intercomMe = z.object({
  type: z.literal('admin'),
  id: z.string(),
  name: text,
  email: text,
  app: z.object({ type: z.string().optional(), id_code: z.string().min(1), name: z.string(), region: text, timezone: text }),
});

export const intercomErrorSchema = z.object({
  type: z.literal('error.list'),
  request_id: text,
  errors: z.array(z.object({ code: z.string(), message: text })).min(1),
});
