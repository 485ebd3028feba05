import { useState } from 'preact/hooks';
import type { Pin } from '../../../store/schema';
import { allPins } from '../../../store/pins';
import { boardsInOrder } from '../../../store/boards';
import { PinStatus } from './PinStatus';
import { AddToBoard, BoardBar, useBoardEditing } from './BoardControls';
import { metricSummaries, type MetricSummary } from '../../../store/metrics';
import { send } from '../../../protocol/client';
import { useLiveQuery } from '../../shared/use-live-query';
import { formatDate } from '../../shared/format';
import { formatDelta, formatMetricValue } from './format-metric';
import { Sparkline } from './Sparkline';
import { MetricChart } from './MetricChart';
import { metricsCsv, metricsJson } from './export';
import { download } from '../../shared/download';
import { groupByTool, toolOf } from './group-metrics';
import { WeekComparison } from './WeekComparison';

function Delta({ label, latest, earlier, unit, testId }: { label: string; latest: number; earlier: number | undefined; unit: string; testId: string }) {
  const delta = formatDelta(latest, earlier, unit);
  if (!delta) return null;
  return (
    <span class={`delta ${delta.direction}`} data-testid={testId}>
      {label} {delta.text}
    </span>
  );
}

interface BoardActions {
  up: () => void;
  down: () => void;
  remove: () => void;
}

function MetricCard({ summary, pin, board }: { summary: MetricSummary; pin?: Pin; board?: BoardActions }) {
  const [open, setOpen] = useState(false);
  const { definition, latest, previous, weekAgo, monthAgo, points } = summary;
  if (!latest) return null;
  return (
    <li class="metric" data-testid="metric" data-metric-id={definition.id}>
      <button type="button" class="metric-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span class="metric-name">
          <span class="metric-label">{definition.label}</span>
          {/* On a board, metrics of several tools sit together: each says whose it is. */}
          {board && <span class="muted metric-tool"> · {toolOf(summary)}</span>}
        </span>
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
      {board && (
        <p class="board-actions">
          <button type="button" class="link" onClick={board.up} aria-label={`Move ${definition.label} up`} data-testid="board-up">
            ↑
          </button>
          <button type="button" class="link" onClick={board.down} aria-label={`Move ${definition.label} down`} data-testid="board-down">
            ↓
          </button>
          <button type="button" class="link" onClick={board.remove} data-testid="board-remove">
            Remove from board
          </button>
        </p>
      )}
      {pin && <PinStatus pin={pin} />}
      {open && (
        <>
          <MetricChart points={points} label={definition.label} />
          <button type="button" class="link" onClick={() => download(`${definition.label.replace(/[^\w-]+/g, '-')}.csv`, metricsCsv([summary]), 'text/csv')} data-testid="export-metric-csv">
            Export this metric as CSV
          </button>
        </>
      )}
    </li>
  );
}

export function MetricsView() {
  const summaries = useLiveQuery(() => metricSummaries(), []);
  const pins = useLiveQuery(() => allPins(), []);
  const boards = useLiveQuery(() => boardsInOrder(), []);
  const [boardId, setBoardId] = useState<string | null>(null);
  const board = boards?.find((b) => b.id === boardId);
  const editing = useBoardEditing(board);
  // A board shows its metrics in the order the user gave them.
  const shown = board ? board.metricIds.map((id) => summaries?.find((s) => s.definition.id === id)).filter((s): s is MetricSummary => !!s) : summaries;
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
        <p class="notice error compact" role="alert" data-testid="capture-result">
          {message}
        </p>
      )}
      {boards && <BoardBar boards={boards} selected={board} onSelect={setBoardId} />}
      {board && summaries && <AddToBoard board={board} all={summaries} onAdd={editing.add} />}
      {shown === undefined ? (
        <p class="muted" role="status">Loading…</p>
      ) : board && shown.length === 0 ? (
        <p class="empty" data-testid="board-empty">This board is empty: add metrics to it above.</p>
      ) : shown.length === 0 ? (
        <p class="empty" data-testid="metrics-empty">
          No snapshots yet. “Capture all now” records today’s numbers from your connected tools; a daily snapshot then keeps the history. To keep any
          number on any page, right-click it and choose “Pin a number on this page…” (or press Alt+Shift+P).
        </p>
      ) : (
        <>
          {board ? (
            <ul class="metric-list">
              {shown.map((summary) => (
                <MetricCard
                  key={summary.definition.id}
                  summary={summary}
                  pin={pins?.find((p) => p.id === summary.definition.id)}
                  board={{ up: () => editing.move(summary.definition.id, -1), down: () => editing.move(summary.definition.id, 1), remove: () => editing.remove(summary.definition.id) }}
                />
              ))}
            </ul>
          ) : (
            [<WeekComparison key="week" summaries={shown} />, ...groupByTool(shown).map((group) => (
              <section class="metric-group" key={group.key} aria-labelledby={`metric-group-${group.key.replace(/[^\w-]/g, '-')}`} data-testid="metric-group">
                <h2 id={`metric-group-${group.key.replace(/[^\w-]/g, '-')}`}>{group.label}</h2>
                <ul class="metric-list">
                  {group.summaries.map((summary) => (
                    <MetricCard key={summary.definition.id} summary={summary} pin={pins?.find((p) => p.id === summary.definition.id)} />
                  ))}
                </ul>
              </section>
            ))]
          )}
          <div class="actions">
            <button type="button" class="link" onClick={() => download(`metrics-${stamp}.csv`, metricsCsv(shown), 'text/csv')} data-testid="export-csv">
              Export CSV
            </button>
            <button type="button" class="link" onClick={() => download(`metrics-${stamp}.json`, metricsJson(shown), 'application/json')} data-testid="export-json">
              Export JSON
            </button>
          </div>
        </>
      )}
    </section>
  );
}
