import { z } from '../../model/zod-setup';

/**
 * Intercom REST API 2.11: unix-second timestamps, string ids (24-hex for contacts and companies,
 * digits for conversations), list objects `{type:'list', data, total_count, pages}`.
 * Most attributes may be null; we are strict only on what normalize reads.
 */
const unix = z.optional(z.nullable(z.number()));
const text = z.optional(z.nullable(z.string()));

/** `{type, id, url}` references inside a contact (companies, tags, notes, subscriptions). */
const addressable = z.object({ type: z.optional(z.string()), id: z.string(), url: text, name: text });
const addressableList = z.object({ type: z.optional(z.string()), data: z.optional(z.array(addressable)), total_count: z.optional(z.number().check(z.int())), has_more: z.optional(z.boolean()) });

export const intercomContactSchema = z.object({
  type: z.literal('contact'),
  id: z.string(),
  workspace_id: z.optional(z.string()),
  external_id: text,
  role: z.string(),
  email: text,
  phone: text,
  name: text,
  owner_id: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  created_at: z.number(),
  updated_at: z.number(),
  signed_up_at: unix,
  last_seen_at: unix,
  last_replied_at: unix,
  last_contacted_at: unix,
  location: z.optional(z.nullable(z.object({ city: text, region: text, country: text, country_code: text }))),
  custom_attributes: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  tags: z.optional(addressableList),
  companies: z.optional(addressableList),
  opted_in_subscription_types: z.optional(addressableList),
  opted_out_subscription_types: z.optional(addressableList),
});
export type IntercomContact = z.infer<typeof intercomContactSchema>;

const tagList = z.object({ type: z.optional(z.string()), tags: z.array(z.object({ id: z.string(), name: z.string() })) });

export const intercomCompanySchema = z.object({
  type: z.literal('company'),
  id: z.string(),
  company_id: text,
  app_id: z.optional(z.string()),
  name: z.nullable(z.string()),
  website: text,
  industry: text,
  size: z.optional(z.nullable(z.number())),
  monthly_spend: z.optional(z.nullable(z.number())),
  user_count: z.optional(z.nullable(z.number())),
  remote_created_at: unix,
  created_at: z.number(),
  updated_at: z.number(),
  last_request_at: unix,
  plan: z.optional(z.object({ id: z.optional(z.string()), name: z.optional(z.string()) })),
  tags: z.optional(tagList),
  custom_attributes: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
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
  open: z.optional(z.boolean()),
  priority: text,
  admin_assignee_id: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  source: z.optional(z.nullable(z.object({ type: z.string(), id: z.string(), subject: text, body: text, author: z.optional(z.nullable(author)) }))),
  contacts: z.optional(z.object({ type: z.optional(z.string()), contacts: z.array(z.object({ type: z.optional(z.string()), id: z.string(), external_id: text })) })),
  tags: z.optional(tagList),
  statistics: z.optional(z.nullable(z.object({ last_contact_reply_at: unix, last_admin_reply_at: unix, last_close_at: unix }))),
  conversation_parts: z.optional(z.object({ total_count: z.optional(z.number().check(z.int())), conversation_parts: z.array(z.object({ id: z.union([z.string(), z.number()]), part_type: z.string(), body: text, created_at: z.number() })) })),
});
export type IntercomConversation = z.infer<typeof intercomConversationSchema>;

/** Cursor pages: `next.starting_after` when there is more (absent or null at the end). */
const pages = z.object({
  type: z.optional(z.literal('pages')),
  page: z.optional(z.number().check(z.int())),
  per_page: z.optional(z.number().check(z.int())),
  total_pages: z.optional(z.number().check(z.int())),
  next: z.optional(z.nullable(z.union([z.object({ page: z.optional(z.number().check(z.int())), starting_after: z.optional(z.nullable(z.string())) }), z.string()]))),
});

export const intercomContactList = z.object({ type: z.literal('list'), data: z.array(intercomContactSchema), total_count: z.number().check(z.int()), pages: z.optional(pages) });
export const intercomCompanyList = z.object({ type: z.literal('list'), data: z.array(intercomCompanySchema), total_count: z.optional(z.number().check(z.int())), pages: z.optional(pages) });
/** GET /contacts/{id}/companies: the reference names the array `companies`, live responses `data`. */
const contactCompaniesPage = z.object({ type: z.literal('list'), data: z.optional(z.array(intercomCompanySchema)), companies: z.optional(z.array(intercomCompanySchema)), total_count: z.optional(z.number().check(z.int())) });
export const intercomContactCompanies = z.pipe(
  contactCompaniesPage,
  z.transform((list: z.output<typeof contactCompaniesPage>) => ({ companies: list.data ?? list.companies ?? [], total_count: list.total_count })),
);
export const intercomConversationList = z.object({ type: z.literal('conversation.list'), conversations: z.array(intercomConversationSchema), total_count: z.number().check(z.int()), pages: z.optional(pages) });

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
export const intercomTagList = z.object({ type: z.literal('list'), data: z.array(z.object({ type: z.optional(z.string()), id: z.string(), name: z.string() })) });

/** GET /me: the admin the token belongs to, with the workspace (`app`). */
export const intercomMe = z.object({
  type: z.literal('admin'),
  id: z.string(),
  name: text,
  email: text,
  app: z.object({ type: z.optional(z.string()), id_code: z.string().check(z.minLength(1)), name: z.string(), region: text, timezone: text }),
});

export const intercomErrorSchema = z.object({
  type: z.literal('error.list'),
  request_id: text,
  errors: z.array(z.object({ code: z.string(), message: text })).check(z.minLength(1)),
});
