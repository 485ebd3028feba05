import { z } from '../../model/zod-setup';

/**
 * HubSpot CRM v3 JSON as it really is: every property value is a string (or null),
 * including numbers, booleans and dates. Typing happens in normalize.ts.
 */

/** HubSpot's docs render some objects as JSON-encoded strings; accept both forms. */
function jsonStringOr<T extends z.ZodMiniType>(schema: T) {
  const decoded = z.transform((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  });
  // What classic zod's z.preprocess(fn, schema) builds.
  return z.pipe(decoded, schema);
}

export const hubspotPropertiesSchema = jsonStringOr(z.record(z.string(), z.nullable(z.string())));

const propertyHistoryEntrySchema = z.object({
  value: z.nullable(z.string()),
  timestamp: z.string(),
  sourceType: z.string(),
  sourceId: z.optional(z.nullable(z.string())),
  updatedByUserId: z.optional(z.number()),
});

const associationResultsSchema = z.object({
  results: z.array(z.object({ id: z.string(), type: z.string() })),
  paging: z.optional(z.unknown()),
});

export const hubspotObjectSchema = z.object({
  id: z.string(),
  properties: hubspotPropertiesSchema,
  propertiesWithHistory: z.optional(jsonStringOr(z.record(z.string(), z.array(propertyHistoryEntrySchema)))),
  associations: z.optional(jsonStringOr(z.record(z.string(), associationResultsSchema))),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.optional(z.boolean()),
  archivedAt: z.optional(z.string()),
});
export type HubspotObject = z.infer<typeof hubspotObjectSchema>;

const pagingSchema = z.object({
  next: z.optional(z.object({ after: z.string(), link: z.optional(z.string()) })),
});

export const hubspotListSchema = z.object({
  results: z.array(hubspotObjectSchema),
  paging: z.optional(pagingSchema),
});

export const hubspotSearchSchema = z.object({
  total: z.number().check(z.int()),
  results: z.array(hubspotObjectSchema),
  paging: z.optional(pagingSchema),
});

/**
 * `POST /crm/v3/objects/<type>/batch/read`: 200 when every id was found, 207 with `errors`
 * for the ids that were not (those are skipped, not fatal).
 */
export const hubspotBatchReadSchema = z.object({
  status: z.string(),
  results: z.array(hubspotObjectSchema),
  numErrors: z.optional(z.number().check(z.int())),
  errors: z.optional(z.array(z.unknown())),
  requestedAt: z.optional(z.string()),
  startedAt: z.optional(z.string()),
  completedAt: z.optional(z.string()),
  links: z.optional(z.record(z.string(), z.string())),
});

/**
 * `GET /crm/v3/pipelines/<deals|tickets>`. Stage metadata values are strings:
 * deals `{isClosed: "false", probability: "0.2"}`, tickets `{ticketState: "OPEN"}`.
 */
const pipelineStageSchema = z.object({
  id: z.string(),
  label: z.string(),
  displayOrder: z.optional(z.number()),
  metadata: z.optional(z.record(z.string(), z.unknown())),
  archived: z.optional(z.boolean()),
  createdAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  writePermissions: z.optional(z.string()),
});

export const hubspotPipelinesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      displayOrder: z.optional(z.number()),
      stages: z.array(pipelineStageSchema),
      archived: z.optional(z.boolean()),
      createdAt: z.optional(z.string()),
      updatedAt: z.optional(z.string()),
    }),
  ),
});
export type HubspotPipelines = z.infer<typeof hubspotPipelinesSchema>;

export const hubspotErrorSchema = z.object({
  message: z.string(),
  category: z.optional(z.string()),
  correlationId: z.optional(z.string()),
  status: z.optional(z.string()),
  links: z.optional(z.record(z.string(), z.string())),
});

export const hubspotOwnerSchema = z.object({
  id: z.string(),
  email: z.optional(z.nullable(z.string())),
  firstName: z.optional(z.nullable(z.string())),
  lastName: z.optional(z.nullable(z.string())),
  userId: z.optional(z.nullable(z.number())),
});
export type HubspotOwner = z.infer<typeof hubspotOwnerSchema>;

export const hubspotAccountInfoSchema = z.object({
  portalId: z.number().check(z.int()),
  accountType: z.string(),
  uiDomain: z.string(),
  dataHostingLocation: z.optional(z.string()),
  companyCurrency: z.optional(z.string()),
  timeZone: z.optional(z.string()),
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

/** GET /crm/v4/objects/{from}/{id}/associations/{to}: ids are numbers here, unlike v3's strings. */
export const hubspotAssociationsV4Schema = z.object({
  results: z.array(
    z.object({
      toObjectId: z.union([z.number(), z.string()]),
      associationTypes: z.optional(z.array(z.object({ category: z.string(), typeId: z.number(), label: z.optional(z.nullable(z.string())) }))),
    }),
  ),
  paging: z.optional(pagingSchema),
});
