import { z } from 'zod';

/** Zendesk Support API v2: every object inside a wrapper (`{ticket: …}`), ISO dates, numeric ids. */
export const zendeskUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string(),
  organization_id: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  last_login_at: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  suspended: z.boolean().optional(),
});
export type ZendeskUser = z.infer<typeof zendeskUserSchema>;

export const zendeskTicketSchema = z.object({
  id: z.number().int(),
  subject: z.string().nullable(),
  status: z.string(),
  priority: z.string().nullable(),
  type: z.string().nullable().optional(),
  requester_id: z.number().int().nullable(),
  assignee_id: z.number().int().nullable().optional(),
  organization_id: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  tags: z.array(z.string()).optional(),
});
export type ZendeskTicket = z.infer<typeof zendeskTicketSchema>;

export const zendeskOrganizationSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  domain_names: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
  tags: z.array(z.string()).optional(),
});
export type ZendeskOrganization = z.infer<typeof zendeskOrganizationSchema>;

const minutes = z.object({ calendar: z.number().nullable(), business: z.number().nullable() });
export const zendeskTicketMetricSchema = z.object({
  id: z.number().int(),
  ticket_id: z.number().int(),
  reopens: z.number().int(),
  replies: z.number().int(),
  solved_at: z.string().nullable(),
  reply_time_in_minutes: minutes,
  full_resolution_time_in_minutes: minutes,
});

export const zendeskUserEnvelope = z.object({ user: zendeskUserSchema });
export const zendeskTicketEnvelope = z.object({ ticket: zendeskTicketSchema, users: z.array(zendeskUserSchema).optional(), organizations: z.array(zendeskOrganizationSchema).optional() });
export const zendeskOrganizationEnvelope = z.object({ organization: zendeskOrganizationSchema });
export const zendeskTicketMetricEnvelope = z.object({ ticket_metric: zendeskTicketMetricSchema });
/** Offset pagination (`next_page` URL) as in `/tickets/recent`. */
export const zendeskTicketsPage = z.object({ tickets: z.array(zendeskTicketSchema), next_page: z.string().nullable(), previous_page: z.string().nullable().optional(), count: z.number().int().optional() });
export const zendeskUsersPage = z.object({ users: z.array(zendeskUserSchema), next_page: z.string().nullable().optional(), count: z.number().int().optional() });
/** Cursor pagination (`page[size]`, `meta.after_cursor`), used for sync. */
export const zendeskUsersCursorPage = z.object({ users: z.array(zendeskUserSchema), meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable() }) });
export const zendeskCount = z.object({ count: z.number().int() });
export const zendeskMe = z.object({ user: zendeskUserSchema.extend({ email: z.string() }) });
