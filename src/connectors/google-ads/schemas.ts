import { z } from '../../model/zod-setup';

/**
 * Google Ads API over REST (JSON mapping of its protos): field names are camelCase, `int64`
 * values (clicks, impressions, costMicros, ids) are STRINGS ("1061083620") and `double` values
 * (conversions, conversionsValue) are numbers; Google leaves out zeros and unset fields, so
 * everything in a row is optional. Both kinds are read by `count()`/`amount()` in normalize.ts.
 */
const int64 = z.union([z.string().check(z.regex(/^-?\d+$/)), z.number().check(z.int())]);
const double = z.union([z.number(), z.string().check(z.regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/))]);

export const googleAdsCustomerSchema = z.object({
  resourceName: z.optional(z.string()),
  id: z.optional(int64),
  descriptiveName: z.optional(z.string()),
  currencyCode: z.optional(z.string()),
  timeZone: z.optional(z.string()),
  manager: z.optional(z.boolean()),
  testAccount: z.optional(z.boolean()),
});

export const googleAdsCampaignSchema = z.object({
  resourceName: z.optional(z.string()),
  id: z.optional(int64),
  name: z.optional(z.string()),
  status: z.optional(z.string()),
});

export const googleAdsMetricsSchema = z.object({
  clicks: z.optional(int64),
  impressions: z.optional(int64),
  costMicros: z.optional(int64),
  conversions: z.optional(double),
  conversionsValue: z.optional(double),
  costPerConversion: z.optional(double),
});

/** One GoogleAdsRow: one entry per resource named in the SELECT (others, like adGroupCriterion, are kept as they come). */
export const googleAdsRowSchema = z.object({
  customer: z.optional(googleAdsCustomerSchema),
  campaign: z.optional(googleAdsCampaignSchema),
  metrics: z.optional(googleAdsMetricsSchema),
  segments: z.optional(z.object({ date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))) })),
  adGroupCriterion: z.optional(z.record(z.string(), z.unknown())),
});
export type GoogleAdsRow = z.infer<typeof googleAdsRowSchema>;

/**
 * One SearchGoogleAdsStreamResponse: searchStream answers a JSON ARRAY of these batches (up to
 * 10,000 rows each); `fieldMask` and `requestId` come with each, `queryResourceConsumption` with
 * the last. A query with no rows may answer a batch without `results`, or an empty array.
 */
export const googleAdsBatchSchema = z.object({
  results: z.optional(z.array(googleAdsRowSchema)),
  fieldMask: z.optional(z.string()),
  requestId: z.optional(z.string()),
  queryResourceConsumption: z.optional(int64),
  summaryRow: z.optional(googleAdsRowSchema),
});
export const googleAdsStreamSchema = z.array(googleAdsBatchSchema);
export type GoogleAdsStream = z.infer<typeof googleAdsStreamSchema>;

/** A GoogleAdsError: `errorCode` has one key naming its enum (`authenticationError: 'OAUTH_TOKEN_EXPIRED'`). */
export const googleAdsErrorSchema = z.object({
  errorCode: z.optional(z.record(z.string(), z.string())),
  message: z.optional(z.string()),
  location: z.optional(z.unknown()),
  details: z.optional(
    z.object({
      quotaErrorDetails: z.optional(
        z.object({ rateScope: z.optional(z.string()), rateName: z.optional(z.string()), retryDelay: z.optional(z.string()) }),
      ),
    }),
  ),
});

/**
 * `google.rpc.Status` with a GoogleAdsFailure in `details` (the docs' example is this object
 * alone). Over REST it arrives as `{error: Status}`, and searchStream wraps that in an array.
 */
export const googleAdsStatusSchema = z.object({
  code: z.number().check(z.int()),
  message: z.string(),
  status: z.optional(z.string()),
  details: z.optional(
    z.array(
      z.object({
        '@type': z.optional(z.string()),
        errors: z.optional(z.array(googleAdsErrorSchema)),
        requestId: z.optional(z.string()),
      }),
    ),
  ),
});
export type GoogleAdsStatus = z.infer<typeof googleAdsStatusSchema>;

const envelope = z.object({ error: googleAdsStatusSchema });

/** Google's failure in any of its three forms (bare Status, `{error}`, `[{error}]`), or undefined. */
export function googleAdsFailureOf(body: unknown): GoogleAdsStatus | undefined {
  const first = Array.isArray(body) && body.length === 1 ? body[0] : body;
  return envelope.safeParse(first).data?.error ?? (first && typeof first === 'object' && 'details' in first ? googleAdsStatusSchema.safeParse(first).data : undefined);
}

/** The GoogleAdsErrors inside a failure, each as `{code: 'authenticationError.OAUTH_TOKEN_EXPIRED', message, retryDelay}`. */
export function googleAdsErrors(status: GoogleAdsStatus): Array<{ code: string; message: string; retryDelay?: string }> {
  return (status.details ?? []).flatMap((detail) =>
    (detail.errors ?? []).map((error) => {
      const [kind, value] = Object.entries(error.errorCode ?? {})[0] ?? ['', ''];
      const retryDelay = error.details?.quotaErrorDetails?.retryDelay;
      return { code: kind ? `${kind}.${value}` : '', message: error.message ?? '', ...(retryDelay ? { retryDelay } : {}) };
    }),
  );
}
