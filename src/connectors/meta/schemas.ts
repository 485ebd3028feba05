import { z } from '../../model/zod-setup';

/**
 * Meta Marketing API (Graph API) shapes. Insights send EVERY metric as a string ("14.35", "185",
 * "4.864865"): spend and action values are decimals in the ad account's currency, counts are
 * integer strings. Fields we did not ask for are absent, so almost everything is optional.
 */

/** One entry of `actions` / `action_values` / `cost_per_action_type`; attribution-window keys (`7d_click`...) are dropped. */
export const metaActionStatSchema = z.object({ action_type: z.string(), value: z.string() });
export type MetaActionStat = z.infer<typeof metaActionStatSchema>;

export const metaInsightsRowSchema = z.object({
  account_id: z.optional(z.string()),
  account_name: z.optional(z.string()),
  account_currency: z.optional(z.string()),
  spend: z.optional(z.string()),
  impressions: z.optional(z.string()),
  clicks: z.optional(z.string()),
  ctr: z.optional(z.string()),
  cpc: z.optional(z.string()),
  cpm: z.optional(z.string()),
  actions: z.optional(z.array(metaActionStatSchema)),
  action_values: z.optional(z.array(metaActionStatSchema)),
  cost_per_action_type: z.optional(z.array(metaActionStatSchema)),
  date_start: z.optional(z.string()),
  date_stop: z.optional(z.string()),
});
export type MetaInsightsRow = z.infer<typeof metaInsightsRowSchema>;

export const metaPagingSchema = z.object({
  cursors: z.optional(z.object({ before: z.optional(z.string()), after: z.optional(z.string()) })),
  next: z.optional(z.string()),
  previous: z.optional(z.string()),
});

/** `GET /act_<id>/insights`: `{data: [rows], paging}`; an account with no delivery in the range sends `data: []`. */
export const metaInsightsSchema = z.object({ data: z.array(metaInsightsRowSchema), paging: z.optional(metaPagingSchema) });
export type MetaInsights = z.infer<typeof metaInsightsSchema>;

/** `GET /act_<id>?fields=name,currency,timezone_name,account_status`. */
export const metaAdAccountSchema = z.object({
  id: z.string(),
  account_id: z.optional(z.string()),
  name: z.optional(z.string()),
  currency: z.optional(z.string()),
  timezone_name: z.optional(z.string()),
  /** 1 active, 2 disabled, 3 unsettled, 7 pending risk review, 101 closed... */
  account_status: z.optional(z.number().check(z.int())),
});
export type MetaAdAccount = z.infer<typeof metaAdAccountSchema>;

/** Graph API errors: `{error: {message, type: 'OAuthException', code, error_subcode, error_user_msg, fbtrace_id}}`. */
export const metaErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.optional(z.string()),
    code: z.number().check(z.int()),
    error_subcode: z.optional(z.number().check(z.int())),
    error_user_title: z.optional(z.string()),
    error_user_msg: z.optional(z.string()),
    is_transient: z.optional(z.boolean()),
    fbtrace_id: z.optional(z.string()),
  }),
});
export type MetaError = z.infer<typeof metaErrorSchema>;
