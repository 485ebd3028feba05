import { z } from '../../model/zod-setup';

/**
 * ActiveCampaign API v3: every id, count and flag is a string (`"id": "68"`, `"deleted": "0"`),
 * dates are ISO with an offset or MySQL-style `0000-00-00 00:00:00` for "never", collections are
 * `{<items>: [...], meta: {total: "2"}}`, and `GET /contacts/{id}` side-loads the contact's
 * list memberships and deals beside it.
 */
const numeric = z.union([z.string(), z.number()]);
const meta = z.optional(z.object({ total: z.optional(numeric) }));

export const acContactSchema = z.object({
  id: z.string(),
  email: z.string(),
  phone: z.nullish(z.string()),
  firstName: z.nullish(z.string()),
  lastName: z.nullish(z.string()),
  orgid: z.nullish(z.string()),
  /** Newer responses only: the organisation's name. */
  orgname: z.nullish(z.string()),
  cdate: z.nullish(z.string()),
  udate: z.nullish(z.string()),
  /** Last update as a MySQL time in the account's zone. */
  adate: z.nullish(z.string()),
  deleted: z.nullish(z.string()),
});
export type AcContact = z.infer<typeof acContactSchema>;

export const acContactListSchema = z.object({
  contact: z.string(),
  list: z.string(),
  /** 1 active, 2 unsubscribed, 0 unconfirmed, 3 bounced. */
  status: numeric,
  sdate: z.nullish(z.string()),
  udate: z.nullish(z.string()),
  id: z.optional(z.string()),
});
export type AcContactList = z.infer<typeof acContactListSchema>;

export const acDealSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** In cents, as a string: `"45600"` is 456.00. */
  value: numeric,
  currency: z.nullish(z.string()),
  /** 0 open, 1 won, 2 lost. */
  status: numeric,
  contact: z.nullish(z.string()),
  stage: z.nullish(z.string()),
  owner: z.nullish(z.string()),
  cdate: z.nullish(z.string()),
  mdate: z.nullish(z.string()),
});
export type AcDeal = z.infer<typeof acDealSchema>;

export const acListSchema = z.object({
  id: z.string(),
  name: z.string(),
  stringid: z.nullish(z.string()),
  cdate: z.nullish(z.string()),
  udate: z.nullish(z.string()),
});
export type AcList = z.infer<typeof acListSchema>;

export const acCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.optional(numeric),
  sdate: z.nullish(z.string()),
  ldate: z.nullish(z.string()),
  send_amt: z.optional(numeric),
  uniqueopens: z.optional(numeric),
  uniquelinkclicks: z.optional(numeric),
});
export type AcCampaign = z.infer<typeof acCampaignSchema>;

export const acContactsPage = z.object({ contacts: z.array(acContactSchema), meta });
/** `GET /contacts/{id}`: the contact with its memberships and deals side-loaded. */
export const acContactWithRelations = z.object({
  contact: acContactSchema,
  contactLists: z.optional(z.array(acContactListSchema)),
  deals: z.optional(z.array(acDealSchema)),
});
/** `POST /contact/sync`: the contact and its field values (ids in the newer shape). */
export const acContactSync = z.object({ contact: acContactSchema, fieldValues: z.optional(z.array(z.unknown())) });
export const acListsPage = z.object({ lists: z.array(acListSchema), meta });
export const acContactListsPage = z.object({ contactLists: z.array(acContactListSchema), meta });
export const acDealsPage = z.object({ deals: z.array(acDealSchema), meta });
export const acCampaignsPage = z.object({ campaigns: z.array(acCampaignSchema), meta });

/**
 * One line of a contact's tracking log (`GET /contacts/{id}/trackingLogs`, named on the API
 * reference's "Get Contact By Event ID" page). No published example body: the fields read are
 * the ones ActiveCampaign's v3 objects use elsewhere (string ids, `tstamp`), kept loose.
 */
export const acTrackingLogSchema = z.object({
  id: z.string(),
  type: z.string(),
  tstamp: z.nullish(z.string()),
  campaign: z.nullish(z.string()),
});
export type AcTrackingLog = z.infer<typeof acTrackingLogSchema>;
export const acTrackingLogsPage = z.object({ trackingLogs: z.array(acTrackingLogSchema), meta });
export const acUserMe = z.object({ user: z.object({ id: z.string(), username: z.optional(z.string()), email: z.optional(z.string()), firstName: z.nullish(z.string()), lastName: z.nullish(z.string()) }) });

/** Failures: `{message}` (404, 403) or `{errors: [{title, detail}]}` (422). */
export function acErrorMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as { message?: unknown; errors?: Array<{ title?: unknown; detail?: unknown }> };
  if (typeof record.message === 'string') return record.message;
  const first = Array.isArray(record.errors) ? record.errors[0] : undefined;
  return typeof first?.title === 'string' ? first.title : typeof first?.detail === 'string' ? first.detail : undefined;
}
