import { z } from '../../model/zod-setup';

/**
 * Mixpanel Query API (`https://{mixpanel|eu.mixpanel|in.mixpanel}.com/api/query`), shapes from
 * its OpenAPI spec. Profile properties are the project's own (`$email`, `$last_seen` and any
 * custom ones), so they are read as a loose record and typed where we use them. Profile dates
 * are ISO without an offset (`2008-06-09T23:08:40`, UTC); event `time` is Unix seconds.
 */
export const mixpanelProfileSchema = z.object({
  $distinct_id: z.union([z.string(), z.number()]),
  $properties: z.optional(z.record(z.string(), z.unknown())),
});
export type MixpanelProfile = z.infer<typeof mixpanelProfileSchema>;

/** `POST /engage`: one page of profiles; `session_id` and `page` ask for the next. */
export const mixpanelEngagePage = z.object({
  page: z.number().check(z.int()),
  page_size: z.optional(z.number().check(z.int())),
  results: z.array(mixpanelProfileSchema),
  session_id: z.optional(z.string()),
  status: z.optional(z.string()),
  /** Only on the first page. */
  total: z.optional(z.number().check(z.int())),
  computed_at: z.optional(z.string()),
});
export type MixpanelEngagePage = z.infer<typeof mixpanelEngagePage>;

/** One event of `GET /stream/query` (the profile's activity feed). */
export const mixpanelStreamEventSchema = z.object({
  event: z.string(),
  properties: z.object({ time: z.number() }),
});
export type MixpanelStreamEvent = z.infer<typeof mixpanelStreamEventSchema>;
export const mixpanelStreamSchema = z.object({
  status: z.optional(z.string()),
  results: z.object({ events: z.array(mixpanelStreamEventSchema) }),
});

/** `GET /segmentation` and `GET /events`: counts by event and date (`YYYY-MM-DD`). */
export const mixpanelSeriesSchema = z.object({
  data: z.object({
    series: z.array(z.string()),
    values: z.record(z.string(), z.record(z.string(), z.number())),
  }),
  legend_size: z.optional(z.number()),
});
export type MixpanelSeries = z.infer<typeof mixpanelSeriesSchema>;

/** `GET /events/names`: the project's most common event names this month. */
export const mixpanelEventNamesSchema = z.array(z.string());

/** `GET /insights` (a saved report): series by name and date-time. */
export const mixpanelInsightsSchema = z.object({
  computed_at: z.optional(z.string()),
  date_range: z.optional(z.object({ from_date: z.string(), to_date: z.string() })),
  headers: z.optional(z.array(z.string())),
  series: z.record(z.string(), z.record(z.string(), z.number())),
});

const funnelStep = z.object({ count: z.number(), event: z.string(), goal: z.optional(z.string()), step_label: z.optional(z.string()), step_conv_ratio: z.optional(z.number()), overall_conv_ratio: z.optional(z.number()) });
/** `GET /funnels`: steps and analysis per date. */
export const mixpanelFunnelsSchema = z.object({
  meta: z.object({ dates: z.array(z.string()) }),
  data: z.record(z.string(), z.object({ steps: z.array(funnelStep), analysis: z.optional(z.object({ completion: z.number(), starting_amount: z.number() })) })),
});

/** `POST /cohorts/list`. */
export const mixpanelCohortsSchema = z.array(
  z.object({ id: z.number(), name: z.string(), count: z.optional(z.number()), description: z.optional(z.string()), created: z.optional(z.string()), project_id: z.optional(z.number()), is_visible: z.optional(z.number()) }),
);

/** Mixpanel's refusal: `{"error": "...", "request": "/api/query/engage?..."}`, sometimes with `status: "error"`. */
export const mixpanelErrorSchema = z.object({ error: z.string(), request: z.optional(z.string()), status: z.optional(z.string()) });
