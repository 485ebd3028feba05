import { z } from './zod-setup';
import { connectorIdSchema } from './record';

/** One reading of a named number, as a connector reports it (feeds the metrics issue). */
export const metricPointSchema = z.object({
  /** Stable id within the connector and account, e.g. `open-deal-value`, `mrr`. */
  metric: z.string(),
  connector: connectorIdSchema,
  account: z.string(),
  label: z.string(),
  value: z.number(),
  /** ISO currency for money (value then in minor units), `%`, or a count noun such as `contacts`. */
  unit: z.string(),
  /** When the value was true (epoch ms). */
  at: z.number(),
  /** Breakdown key such as a deal stage, when the metric has one. */
  dimension: z.optional(z.string()),
});
export type MetricPoint = z.infer<typeof metricPointSchema>;
