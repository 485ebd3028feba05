import { toCsv } from '../../../metrics/csv';
import type { MetricSummary } from '../../../store/metrics';

/** One row per point: spreadsheet-ready (ISO time, raw number, unit in its own column). */
export function metricsCsv(summaries: MetricSummary[]): string {
  const rows = summaries.flatMap((s) => s.points.map((p) => [s.definition.id, s.definition.label, s.definition.unit, new Date(p.at), p.value]));
  return toCsv([['metric_id', 'metric', 'unit', 'captured_at', 'value'], ...rows]);
}

export function metricsJson(summaries: MetricSummary[]): string {
  return JSON.stringify(
    { format: 'customer-view-metrics', version: 1, exportedAt: new Date().toISOString(), metrics: summaries.map((s) => ({ ...s.definition, points: s.points.map(({ at, value, snapshotId }) => ({ at: new Date(at).toISOString(), value, snapshotId })) })) },
    null,
    2,
  );
}
