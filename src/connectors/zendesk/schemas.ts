import { z } from '../../model/zod-setup';

/** Zendesk Support API v2: every object inside a wrapper (`{ticket: …}`), ISO dates, numeric ids. */
export const zendeskUserSchema = z.object({
  id: z.number().check(z.int()),
  name: z.string(),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  role: z.string(),
  organization_id: z.nullable(z.number().check(z.int())),
  created_at: z.string(),
  updated_at: z.string(),
  last_login_at: z.optional(z.nullable(z.string())),
  tags: z.optional(z.array(z.string())),
  suspended: z.optional(z.boolean()),
});
export type ZendeskUser = z.infer<typeof zendeskUserSchema>;

export const zendeskTicketSchema = z.object({
  id: z.number().check(z.int()),
  subject: z.nullable(z.string()),
  status: z.string(),
  priority: z.nullable(z.string()),
  type: z.optional(z.nullable(z.string())),
  requester_id: z.nullable(z.number().check(z.int())),
  assignee_id: z.optional(z.nullable(z.number().check(z.int()))),
  organization_id: z.nullable(z.number().check(z.int())),
  created_at: z.string(),
  updated_at: z.string(),
  tags: z.optional(z.array(z.string())),
});
export type ZendeskTicket = z.infer<typeof zendeskTicketSchema>;

export const zendeskOrganizationSchema = z.object({
  id: z.number().check(z.int()),
  name: z.string(),
  domain_names: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
  tags: z.optional(z.array(z.string())),
});
export type ZendeskOrganization = z.infer<typeof zendeskOrganizationSchema>;

const minutes = z.object({ calendar: z.nullable(z.number()), business: z.nullable(z.number()) });
export const zendeskTicketMetricSchema = z.object({
  id: z.number().check(z.int()),
  ticket_id: z.number().check(z.int()),
  reopens: z.number().check(z.int()),
  replies: z.number().check(z.int()),
  solved_at: z.nullable(z.string()),
  reply_time_in_minutes: minutes,
  full_resolution_time_in_minutes: minutes,
});

export const zendeskUserEnvelope = z.object({ user: zendeskUserSchema });
export const zendeskTicketEnvelope = z.object({ ticket: zendeskTicketSchema, users: z.optional(z.array(zendeskUserSchema)), organizations: z.optional(z.array(zendeskOrganizationSchema)) });
export const zendeskOrganizationEnvelope = z.object({ organization: zendeskOrganizationSchema });
export const zendeskTicketMetricEnvelope = z.object({ ticket_metric: zendeskTicketMetricSchema });
/** Offset pagination (`next_page` URL) as in `/tickets/recent`. */
export const zendeskTicketsPage = z.object({ tickets: z.array(zendeskTicketSchema), next_page: z.nullable(z.string()), previous_page: z.optional(z.nullable(z.string())), count: z.optional(z.number().check(z.int())) });
export const zendeskUsersPage = z.object({ users: z.array(zendeskUserSchema), next_page: z.optional(z.nullable(z.string())), count: z.optional(z.number().check(z.int())) });
/** Cursor pagination (`page[size]`, `meta.after_cursor`), used for sync. */
export const zendeskUsersCursorPage = z.object({ users: z.array(zendeskUserSchema), meta: z.object({ has_more: z.boolean(), after_cursor: z.nullable(z.string()) }) });
export const zendeskCount = z.object({ count: z.number().check(z.int()) });
export const zendeskMe = z.object({ user: z.extend(zendeskUserSchema, { email: z.string() }) });
