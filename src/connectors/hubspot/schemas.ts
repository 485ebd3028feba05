import { z } from 'zod';

/**
 * HubSpot CRM v3 JSON as it really is: every property value is a string (or null),
 * including numbers, booleans and dates. Typing happens in normalize.ts.
 */

/** HubSpot's docs render some objects as JSON-encoded strings; accept both forms. */
function jsonStringOr<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }, schema);
}

export const hubspotPropertiesSchema = jsonStringOr(z.record(z.string(), z.string().nullable()));

const propertyHistoryEntrySchema = z.object({
  value: z.string().nullable(),
  timestamp: z.string(),
  sourceType: z.string(),
  sourceId: z.string().nullable().optional(),
  updatedByUserId: z.number().optional(),
});

const associationResultsSchema = z.object({
  results: z.array(z.object({ id: z.string(), type: z.string() })),
  paging: z.unknown().optional(),
});

export const hubspotObjectSchema = z.object({
  id: z.string(),
  properties: hubspotPropertiesSchema,
  propertiesWithHistory: jsonStringOr(z.record(z.string(), z.array(propertyHistoryEntrySchema))).optional(),
  associations: jsonStringOr(z.record(z.string(), associationResultsSchema)).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional(),
  archivedAt: z.string().optional(),
});
export type HubspotObject = z.infer<typeof hubspotObjectSchema>;

const pagingSchema = z.object({
  next: z.object({ after: z.string(), link: z.string().optional() }).optional(),
});

export const hubspotListSchema = z.object({
  results: z.array(hubspotObjectSchema),
  paging: pagingSchema.optional(),
});

export const hubspotSearchSchema = z.object({
  total: z.number().int(),
  results: z.array(hubspotObjectSchema),
  paging: pagingSchema.optional(),
});

/**
 * `POST /crm/v3/objects/<type>/batch/read`: 200 when every id was found, 207 with `errors`
 * for the ids that were not (those are skipped, not fatal).
 */
export const hubspotBatchReadSchema = z.object({
  status: z.string(),
  results: z.array(hubspotObjectSchema),
  numErrors: z.number().int().optional(),
  errors: z.array(z.unknown()).optional(),
  requestedAt: z.string().optional(),
  startedAt: z.string().optional(),
  completedAt: z.string().optional(),
  links: z.record(z.string(), z.string()).optional(),
});

/**
 * `GET /crm/v3/pipelines/<deals|tickets>`. Stage metadata values are strings:
 * deals `{isClosed: "false", probability: "0.2"}`, tickets `{ticketState: "OPEN"}`.
 */
const pipelineStageSchema = z.object({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  archived: z.boolean().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  writePermissions: z.string().optional(),
});

export const hubspotPipelinesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      displayOrder: z.number().optional(),
      stages: z.array(pipelineStageSchema),
      archived: z.boolean().optional(),
      createdAt: z.string().optional(),
      updatedAt: z.string().optional(),
    }),
  ),
});
export type HubspotPipelines = z.infer<typeof hubspotPipelinesSchema>;

export const hubspotErrorSchema = z.object({
  message: z.string(),
  category: z.string().optional(),
  correlationId: z.string().optional(),
  status: z.string().optional(),
  links: z.record(z.string(), z.string()).optional(),
});

export const hubspotOwnerSchema = z.object({
  id: z.string(),
  email: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  userId: z.number().nullable().optional(),
});
export type HubspotOwner = z.infer<typeof hubspotOwnerSchema>;

export const hubspotAccountInfoSchema = z.object({
  portalId: z.number().int(),
  accountType: z.string(),
  uiDomain: z.string(),
  dataHostingLocation: z.string().optional(),
  companyCurrency: z.string().optional(),
  timeZone: z.string().optional(),
});
export type HubspotAccountInfo = z.infer<typeof hubspotAccountInfoSchema>;

/**
 * The retired v2 contacts API (`vid`, properties as `[{name, value}]`). We do not read it;
 * recognising it lets us say so plainly instead of reporting a confusing zod path.
 */
export function isLegacyV2Payload(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const body = value as Record<string, unknown>;
  const first = Array.isArray(body.contacts) ? body.contacts[0] : body;
  return !!first && typeof first === 'object' && 'vid' in first;
}
