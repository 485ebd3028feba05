import { useState } from 'preact/hooks';
import { customerDb, type Pin } from '../../../store/db';
import { PinStatus } from './PinStatus';
import { metricSummaries, type MetricSummary } from '../../../store/metrics';
import { send } from '../../../protocol/client';
import { useLiveQuery } from '../../shared/use-live-query';
import { formatDate } from '../../shared/format';
import { formatDelta, formatMetricValue } from './format-metric';
import { Sparkline } from './Sparkline';
import { MetricChart } from './MetricChart';
import { metricsCsv, metricsJson } from './export';
import { download } from '../../shared/download';

function Delta({ label, latest, earlier, unit, testId }: { label: string; latest: number; earlier: number | undefined; unit: string; testId: string }) {
  const delta = formatDelta(latest, earlier, unit);
  if (!delta) return null;
  return (
    <span class={`delta ${delta.direction}`} data-testid={testId}>
      {label} {delta.text}
    </span>
  );
}

function MetricCard({ summary, pin }: { summary: MetricSummary; pin?: Pin }) {
  const [open, setOpen] = useState(false);
  const { definition, latest, previous, weekAgo, monthAgo, points } = summary;
  if (!latest) return null;
  return (
    <li class="metric" data-testid="metric" data-metric-id={definition.id}>
      <button type="button" class="metric-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span class="metric-label">{definition.label}</span>
        <span class="metric-value" data-testid="metric-value">{formatMetricValue(latest.value, definition.unit)}</span>
        <Sparkline values={points.map((p) => p.value)} label={`Trend of ${definition.label}`} />
      </button>
      <p class="metric-deltas">
        <Delta label="since last" latest={latest.value} earlier={previous?.value} unit={definition.unit} testId="delta-previous" />
        <Delta label="week" latest={latest.value} earlier={weekAgo?.value} unit={definition.unit} testId="delta-week" />
        <Delta label="month" latest={latest.value} earlier={monthAgo?.value} unit={definition.unit} testId="delta-month" />
        <span class="muted">
          {points.length} point{points.length === 1 ? '' : 's'} · {formatDate(latest.at)}
        </span>
      </p>
      {pin && <PinStatus pin={pin} />}
      {open && <MetricChart points={points} label={definition.label} />}
    </li>
  );
}

export function MetricsView() {
  const db = customerDb();
  const summaries = useLiveQuery(() => metricSummaries(db), []);
  const pins = useLiveQuery(() => db.pins.toArray(), []);
  const [capturing, setCapturing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const capture = async () => {
    setCapturing(true);
    setMessage(null);
    const reply = await send('panel→background:captureMetrics', {});
    setCapturing(false);
    if (!reply.ok) setMessage(reply.error.message);
    else if (reply.data.failures.length) setMessage(reply.data.failures.join(' '));
    else if (reply.data.captured === 0) setMessage('No connected tool offers metrics yet.');
  };
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <section class="metrics" aria-labelledby="metrics-title">
      <div class="metrics-toolbar">
        <h1 id="metrics-title">Metrics</h1>
        <button type="button" onClick={() => void capture()} disabled={capturing} data-testid="capture-all">
          {capturing ? 'Capturing…' : 'Capture all now'}
        </button>
      </div>
      {message && (
        <p class="notice error compact" role="alert">
          {message}
        </p>
      )}
      {summaries === undefined ? (
        <p class="muted" role="status">Loading…</p>
      ) : summaries.length === 0 ? (
        <p class="empty" data-testid="metrics-empty">
          No snapshots yet. “Capture all now” records today’s numbers from your connected tools; a daily snapshot then keeps the history. To keep any
          number on any page, right-click it and choose “Pin a number on this page…” (or press Alt+Shift+P).
        </p>
      ) : (
        <>
          <ul class="metric-list">
            {summaries.map((summary) => (
              <MetricCard key={summary.definition.id} summary={summary} pin={pins?.find((p) => p.id === summary.definition.id)} />
            ))}
          </ul>
          <div class="actions">
            <button type="button" class="link" onClick={() => download(`metrics-${stamp}.csv`, metricsCsv(summaries), 'text/csv')} data-testid="export-csv">
              Export CSV
            </button>
            <button type="button" class="link" onClick={() => download(`metrics-${stamp}.json`, metricsJson(summaries), 'application/json')} data-testid="export-json">
              Export JSON
            </button>
          </div>
        </>
      )}
    </section>
  );
}
