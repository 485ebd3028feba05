import { z } from 'zod';

/**
 * GA4 Data API v1beta `runReport`. Values are POSITIONAL STRINGS: row.metricValues[i] belongs to
 * metricHeaders[i] and is a decimal string ("2541", "0.63", "1234.5"); see reportRows() in
 * normalize.ts. Google omits empty things (no `rows` when there is no data, `metadata: {}`), so
 * almost everything is optional; header names and value strings are what we read.
 */
const value = z.object({ value: z.string().optional() });
export const ga4RowSchema = z.object({
  dimensionValues: z.array(value).optional(),
  metricValues: z.array(value).optional(),
});
export type Ga4RawRow = z.infer<typeof ga4RowSchema>;

/** TYPE_INTEGER, TYPE_FLOAT, TYPE_CURRENCY, TYPE_SECONDS...; Google adds types, so any string. */
export const ga4MetricHeaderSchema = z.object({ name: z.string(), type: z.string().optional() });
export const ga4DimensionHeaderSchema = z.object({ name: z.string() });

const quotaStatus = z.object({ consumed: z.number().int().optional(), remaining: z.number().int().optional() });
export const ga4PropertyQuotaSchema = z.object({
  tokensPerDay: quotaStatus.optional(),
  tokensPerHour: quotaStatus.optional(),
  concurrentRequests: quotaStatus.optional(),
  serverErrorsPerProjectPerHour: quotaStatus.optional(),
  potentiallyThresholdedRequestsPerHour: quotaStatus.optional(),
  tokensPerProjectPerHour: quotaStatus.optional(),
});

export const ga4ReportSchema = z.object({
  dimensionHeaders: z.array(ga4DimensionHeaderSchema).optional(),
  metricHeaders: z.array(ga4MetricHeaderSchema).optional(),
  rows: z.array(ga4RowSchema).optional(),
  totals: z.array(ga4RowSchema).optional(),
  maximums: z.array(ga4RowSchema).optional(),
  minimums: z.array(ga4RowSchema).optional(),
  rowCount: z.number().int().optional(),
  metadata: z
    .object({
      currencyCode: z.string().optional(),
      timeZone: z.string().optional(),
      dataLossFromOtherRow: z.boolean().optional(),
      subjectToThresholding: z.boolean().optional(),
    })
    .optional(),
  propertyQuota: ga4PropertyQuotaSchema.optional(),
  kind: z.string().optional(),
});
export type Ga4Report = z.infer<typeof ga4ReportSchema>;

/** Google's error envelope: `{error: {code: 403, message, status: 'PERMISSION_DENIED', details}}`. */
export const ga4ErrorSchema = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string(),
    status: z.string().optional(),
    details: z.array(z.unknown()).optional(),
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
