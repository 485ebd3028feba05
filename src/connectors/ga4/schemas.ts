import { z } from '../../model/zod-setup';

/**
 * GA4 Data API v1beta `runReport`. Values are POSITIONAL STRINGS: row.metricValues[i] belongs to
 * metricHeaders[i] and is a decimal string ("2541", "0.63", "1234.5"); see reportRows() in
 * normalize.ts. Google omits empty things (no `rows` when there is no data, `metadata: {}`), so
 * almost everything is optional; header names and value strings are what we read.
 */
const value = z.object({ value: z.optional(z.string()) });
export const ga4RowSchema = z.object({
  dimensionValues: z.optional(z.array(value)),
  metricValues: z.optional(z.array(value)),
});
export type Ga4RawRow = z.infer<typeof ga4RowSchema>;

/** TYPE_INTEGER, TYPE_FLOAT, TYPE_CURRENCY, TYPE_SECONDS...; Google adds types, so any string. */
export const ga4MetricHeaderSchema = z.object({ name: z.string(), type: z.optional(z.string()) });
export const ga4DimensionHeaderSchema = z.object({ name: z.string() });

const quotaStatus = z.object({ consumed: z.optional(z.number().check(z.int())), remaining: z.optional(z.number().check(z.int())) });
export const ga4PropertyQuotaSchema = z.object({
  tokensPerDay: z.optional(quotaStatus),
  tokensPerHour: z.optional(quotaStatus),
  concurrentRequests: z.optional(quotaStatus),
  serverErrorsPerProjectPerHour: z.optional(quotaStatus),
  potentiallyThresholdedRequestsPerHour: z.optional(quotaStatus),
  tokensPerProjectPerHour: z.optional(quotaStatus),
});

export const ga4ReportSchema = z.object({
  dimensionHeaders: z.optional(z.array(ga4DimensionHeaderSchema)),
  metricHeaders: z.optional(z.array(ga4MetricHeaderSchema)),
  rows: z.optional(z.array(ga4RowSchema)),
  totals: z.optional(z.array(ga4RowSchema)),
  maximums: z.optional(z.array(ga4RowSchema)),
  minimums: z.optional(z.array(ga4RowSchema)),
  rowCount: z.optional(z.number().check(z.int())),
  metadata: z.optional(
    z.object({
      currencyCode: z.optional(z.string()),
      timeZone: z.optional(z.string()),
      // Documented as booleans; real answers send null for "not applicable".
      dataLossFromOtherRow: z.optional(z.nullable(z.boolean())),
      subjectToThresholding: z.optional(z.nullable(z.boolean())),
    }),
  ),
  propertyQuota: z.optional(ga4PropertyQuotaSchema),
  kind: z.optional(z.string()),
});
export type Ga4Report = z.infer<typeof ga4ReportSchema>;

/** Google's error envelope: `{error: {code: 403, message, status: 'PERMISSION_DENIED', details}}`. */
export const ga4ErrorSchema = z.object({
  error: z.object({
    code: z.number().check(z.int()),
    message: z.string(),
    status: z.optional(z.string()),
    details: z.optional(z.array(z.unknown())),
  }),
});
export type Ga4Error = z.infer<typeof ga4ErrorSchema>;

/** What we POST to runReport (our side of the wire, typed for the replica and tests). */
export interface Ga4ReportRequest {
  dateRanges: Array<{ startDate: string; endDate: string; name?: string }>;
  metrics: Array<{ name: string }>;
  dimensions?: Array<{ name: string }>;
  limit?: number;
  returnPropertyQuota?: boolean;
}
