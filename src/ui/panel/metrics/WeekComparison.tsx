import type { MetricSummary } from '../../../store/metrics';
import { VENDOR_METAS } from '../../../connectors/vendors';
import { change, measureLabel, weekComparisonCsv, weekComparisons, type AdMetricIds, type ComparedMeasure } from '../../../metrics/week-comparison';
import { connectorLabel } from '../../shared/labels';
import { download } from '../../shared/download';
import { formatDate } from '../../shared/format';
import { formatDelta, formatMetricValue } from './format-metric';

const AD_TOOLS: ReadonlyMap<string, AdMetricIds> = new Map(VENDOR_METAS.flatMap((meta) => (meta.traits.adMetrics ? [[meta.id, meta.traits.adMetrics] as const] : [])));

function Value({ value, unit, testId }: { value: number | undefined; unit: string; testId: string }) {
  return <td data-testid={testId}>{value === undefined ? <span title="Not captured yet">—</span> : formatMetricValue(value, unit === 'conversions' ? '' : unit)}</td>;
}

/** Green is good news: more conversions, a lower cost per conversion. Spend going up is neither. */
function tone(measure: ComparedMeasure['measure'], direction: 'up' | 'down' | 'flat'): 'up' | 'down' | 'flat' {
  if (measure === 'conversions') return direction;
  if (measure === 'cost-per-conversion') return direction === 'up' ? 'down' : direction === 'down' ? 'up' : 'flat';
  return 'flat';
}

function Change({ measure }: { measure: ComparedMeasure }) {
  const delta = measure.last === undefined ? undefined : formatDelta(measure.last, measure.previous, measure.unit === 'conversions' ? '' : measure.unit);
  if (!delta) return <td data-testid="week-change">—</td>;
  const { percent } = change(measure);
  return (
    <td data-testid="week-change" data-percent={percent ?? ''}>
      <span class={`delta ${tone(measure.measure, delta.direction)}`}>
        {/* The sign alone is easy to miss when read aloud. */}
        <span class="visually-hidden">{delta.direction === 'flat' ? 'unchanged' : delta.direction === 'up' ? 'up' : 'down'} </span>
        {delta.text}
      </span>
    </td>
  );
}

/**
 * The Monday question: spend, conversions and cost per conversion of each ads account, the last
 * 7 days against the 7 before, from the latest capture. Absent until an ads tool was captured.
 */
export function WeekComparison({ summaries }: { summaries: MetricSummary[] }) {
  const rows = weekComparisons(summaries, AD_TOOLS);
  if (rows.length === 0) return null;
  const accountsOf = (connector: string) => rows.filter((r) => r.connector === connector).length;
  const toolName = (connector: string, account: string) => (accountsOf(connector) > 1 ? `${connectorLabel(connector)} · ${account}` : connectorLabel(connector));
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section class="week-comparison" aria-labelledby="week-comparison-title" data-testid="week-comparison">
      <h2 id="week-comparison-title">Last 7 days vs the 7 before</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Measure</th>
            <th scope="col">Last 7 days</th>
            <th scope="col">7 days before</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        {rows.map((row) => (
          <tbody key={`${row.connector}:${row.account}`} data-testid="week-tool" data-tool={row.connector}>
            {row.measures.map((measure, i) => (
              <tr key={measure.measure} data-testid="week-row" data-measure={measure.measure}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={row.measures.length}>
                    {toolName(row.connector, row.account)}
                    <span class="muted fact-detail">{formatDate(row.capturedAt)}</span>
                  </th>
                )}
                <td>{measureLabel(measure.measure)}</td>
                <Value value={measure.last} unit={measure.unit} testId="week-last" />
                <Value value={measure.previous} unit={measure.unit} testId="week-previous" />
                <Change measure={measure} />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <button type="button" class="link" onClick={() => download(`ads-last-7-days-${stamp}.csv`, weekComparisonCsv(rows, connectorLabel), 'text/csv')} data-testid="export-week-csv">
        Export comparison as CSV
      </button>
    </section>
  );
}
