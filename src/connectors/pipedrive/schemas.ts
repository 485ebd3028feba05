import { z } from '../../model/zod-setup';

/**
 * Pipedrive API v1 and v2, as they really are. v1 embeds related objects (`org_id: {name, value}`),
 * times are `YYYY-MM-DD HH:MM:SS` in UTC without a zone, and custom fields are top-level 40-hex
 * keys. v2 sends bare ids, ISO times and a `custom_fields` object. We read both with one schema
 * per object and let normalize.ts tell them apart.
 */

/** v1 `org_id` / `owner_id` / `person_id`: a bare id, or the embedded object whose `value` is the id. */
const reference = z.optional(z.nullable(z.union([z.number().check(z.int()), z.object({ value: z.number().check(z.int()), name: z.optional(z.nullable(z.string())) })])));
export type PipedriveReference = z.infer<typeof reference>;

/** v1 `email`/`phone` and v2 `emails`/`phones`: `{label, value, primary}`; empty persons send `[{value: ''}]`. */
const contactPoint = z.object({ label: z.optional(z.nullable(z.string())), value: z.optional(z.nullable(z.string())), primary: z.optional(z.nullable(z.boolean())) });
const time = z.optional(z.nullable(z.string()));

export const pipedrivePersonSchema = z.object({
  id: z.number().check(z.int()),
  name: z.optional(z.nullable(z.string())),
  first_name: z.optional(z.nullable(z.string())),
  last_name: z.optional(z.nullable(z.string())),
  // v1 names
  email: z.optional(z.array(contactPoint)),
  phone: z.optional(z.array(contactPoint)),
  org_name: z.optional(z.nullable(z.string())),
  owner_name: z.optional(z.nullable(z.string())),
  /** The day of the latest done activity (`2026-03-01`), without a time. */
  last_activity_date: z.optional(z.nullable(z.string())),
  // v2 names
  emails: z.optional(z.array(contactPoint)),
  phones: z.optional(z.array(contactPoint)),
  org_id: reference,
  owner_id: reference,
  add_time: time,
  update_time: time,
});
export type PipedrivePerson = z.infer<typeof pipedrivePersonSchema>;

/** v2 `address` is an object (`value`, `locality`, `country`...); v1 sends a string plus `address_*` keys. */
const address = z.optional(
  z.nullable(
    z.union([
      z.string(),
      z.object({ value: z.optional(z.nullable(z.string())), formatted_address: z.optional(z.nullable(z.string())), locality: z.optional(z.nullable(z.string())), country: z.optional(z.nullable(z.string())) }),
    ]),
  ),
);

export const pipedriveOrganizationSchema = z.object({
  id: z.number().check(z.int()),
  name: z.string(),
  owner_id: reference,
  address,
  address_locality: z.optional(z.nullable(z.string())),
  address_country: z.optional(z.nullable(z.string())),
  add_time: time,
  update_time: time,
  /** v2 only. Values are strings, numbers, `{value, currency}`... we only look for a website in them. */
  custom_fields: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
export type PipedriveOrganization = z.infer<typeof pipedriveOrganizationSchema>;

export const pipedriveDealSchema = z.object({
  id: z.number().check(z.int()),
  title: z.string(),
  /** Major units (`1500.5` USD); JPY has none. */
  value: z.optional(z.nullable(z.number())),
  currency: z.optional(z.nullable(z.string())),
  status: z.string(),
  stage_id: z.optional(z.nullable(z.number().check(z.int()))),
  person_id: reference,
  org_id: reference,
  owner_id: reference,
  /** v1 deals name their owner here (`{id, name, email, value}`), not in `owner_id`. */
  user_id: reference,
  add_time: time,
  update_time: time,
  won_time: time,
  expected_close_date: z.optional(z.nullable(z.string())),
});
export type PipedriveDeal = z.infer<typeof pipedriveDealSchema>;

export const pipedriveUserMe = z.object({
  id: z.number().check(z.int()),
  name: z.string(),
  email: z.string(),
  company_id: z.number().check(z.int()),
  company_name: z.string(),
  company_domain: z.string(),
});

/** Every answer: `{success, data, additional_data}`. */
const one = <T extends z.ZodMiniType>(data: T) => z.object({ success: z.literal(true), data });
/** v2 lists page with `additional_data.next_cursor` (null or absent on the last page). */
const cursorPage = <T extends z.ZodMiniType>(item: T) =>
  z.object({ success: z.literal(true), data: z.nullable(z.array(item)), additional_data: z.optional(z.nullable(z.object({ next_cursor: z.optional(z.nullable(z.string())) }))) });

export const pipedrivePersonEnvelope = one(pipedrivePersonSchema);
export const pipedriveOrganizationEnvelope = one(pipedriveOrganizationSchema);
export const pipedriveDealEnvelope = one(pipedriveDealSchema);
export const pipedriveMeEnvelope = one(pipedriveUserMe);
export const pipedrivePersonsPage = cursorPage(pipedrivePersonSchema);
export const pipedriveDealsPage = cursorPage(pipedriveDealSchema);

/** v1 lists page by offset: `additional_data.pagination`. Read by the payload importer. */
export const pipedriveV1ListPage = z.object({
  success: z.literal(true),
  data: z.nullable(z.array(z.unknown())),
  additional_data: z.optional(z.object({ pagination: z.optional(z.object({ start: z.number(), limit: z.number(), more_items_in_collection: z.boolean(), next_start: z.optional(z.number()) })) })),
});

/** `/api/v2/persons/search`: hits carry only an id and a few strings; we fetch each person after. */
export const pipedriveSearchResult = z.object({
  success: z.literal(true),
  data: z.object({ items: z.array(z.object({ result_score: z.optional(z.number()), item: z.object({ id: z.number().check(z.int()), type: z.optional(z.string()), name: z.optional(z.nullable(z.string())) }) })) }),
});

export const pipedriveErrorSchema = z.object({
  success: z.literal(false),
  error: z.string(),
  error_info: z.optional(z.string()),
  errorCode: z.optional(z.union([z.number(), z.string()])),
});
