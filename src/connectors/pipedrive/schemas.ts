import { z } from 'zod';

/**
 * Pipedrive API v1 and v2, as they really are. v1 embeds related objects (`org_id: {name, value}`),
 * times are `YYYY-MM-DD HH:MM:SS` in UTC without a zone, and custom fields are top-level 40-hex
 * keys. v2 sends bare ids, ISO times and a `custom_fields` object. We read both with one schema
 * per object and let normalize.ts tell them apart.
 */

/** v1 `org_id` / `owner_id` / `person_id`: a bare id, or the embedded object whose `value` is the id. */
const reference = z
  .union([z.number().int(), z.object({ value: z.number().int(), name: z.string().nullable().optional() })])
  .nullable()
  .optional();
export type PipedriveReference = z.infer<typeof reference>;

/** v1 `email`/`phone` and v2 `emails`/`phones`: `{label, value, primary}`; empty persons send `[{value: ''}]`. */
const contactPoint = z.object({ label: z.string().nullable().optional(), value: z.string().nullable().optional(), primary: z.boolean().nullable().optional() });
const time = z.string().nullable().optional();

export const pipedrivePersonSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable().optional(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  // v1 names
  email: z.array(contactPoint).optional(),
  phone: z.array(contactPoint).optional(),
  org_name: z.string().nullable().optional(),
  owner_name: z.string().nullable().optional(),
  // v2 names
  emails: z.array(contactPoint).optional(),
  phones: z.array(contactPoint).optional(),
  org_id: reference,
  owner_id: reference,
  add_time: time,
  update_time: time,
});
export type PipedrivePerson = z.infer<typeof pipedrivePersonSchema>;

/** v2 `address` is an object (`value`, `locality`, `country`...); v1 sends a string plus `address_*` keys. */
const address = z
  .union([
    z.string(),
    z.object({ value: z.string().nullable().optional(), formatted_address: z.string().nullable().optional(), locality: z.string().nullable().optional(), country: z.string().nullable().optional() }),
  ])
  .nullable()
  .optional();

export const pipedriveOrganizationSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  owner_id: reference,
  address,
  address_locality: z.string().nullable().optional(),
  address_country: z.string().nullable().optional(),
  add_time: time,
  update_time: time,
  /** v2 only. Values are strings, numbers, `{value, currency}`... we only look for a website in them. */
  custom_fields: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type PipedriveOrganization = z.infer<typeof pipedriveOrganizationSchema>;

export const pipedriveDealSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  /** Major units (`1500.5` USD); JPY has none. */
  value: z.number().nullable().optional(),
  currency: z.string().nullable().optional(),
  status: z.string(),
  stage_id: z.number().int().nullable().optional(),
  person_id: reference,
  org_id: reference,
  owner_id: reference,
  add_time: time,
  update_time: time,
  won_time: time,
  expected_close_date: z.string().nullable().optional(),
});
export type PipedriveDeal = z.infer<typeof pipedriveDealSchema>;

export const pipedriveUserMe = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  company_id: z.number().int(),
  company_name: z.string(),
  company_domain: z.string(),
});

/** Every answer: `{success, data, additional_data}`. */
const one = <T extends z.ZodType>(data: T) => z.object({ success: z.literal(true), data });
/** v2 lists page with `additional_data.next_cursor` (null or absent on the last page). */
const cursorPage = <T extends z.ZodType>(item: T) =>
  z.object({ success: z.literal(true), data: z.array(item).nullable(), additional_data: z.object({ next_cursor: z.string().nullable().optional() }).nullable().optional() });

export const pipedrivePersonEnvelope = one(pipedrivePersonSchema);
export const pipedriveOrganizationEnvelope = one(pipedriveOrganizationSchema);
export const pipedriveDealEnvelope = one(pipedriveDealSchema);
export const pipedriveMeEnvelope = one(pipedriveUserMe);
export const pipedrivePersonsPage = cursorPage(pipedrivePersonSchema);
export const pipedriveDealsPage = cursorPage(pipedriveDealSchema);

/** v1 lists page by offset: `additional_data.pagination`. Read by the payload importer. */
export const pipedriveV1ListPage = z.object({
  success: z.literal(true),
  data: z.array(z.unknown()).nullable(),
  additional_data: z.object({ pagination: z.object({ start: z.number(), limit: z.number(), more_items_in_collection: z.boolean(), next_start: z.number().optional() }).optional() }).optional(),
});

/** `/api/v2/persons/search`: hits carry only an id and a few strings; we fetch each person after. */
export const pipedriveSearchResult = z.object({
  success: z.literal(true),
  data: z.object({ items: z.array(z.object({ result_score: z.number().optional(), item: z.object({ id: z.number().int(), type: z.string().optional(), name: z.string().nullable().optional() }) })) }),
});

export const pipedriveErrorSchema = z.object({
  success: z.literal(false),
  error: z.string(),
  error_info: z.string().optional(),
  errorCode: z.union([z.number(), z.string()]).optional(),
});
