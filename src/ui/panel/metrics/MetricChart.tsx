import { useEffect, useRef, useState } from 'preact/hooks';
import type { MetricPointRow } from '../../../store/schema';

/** The full chart, with uPlot (a small time-series library) loaded only when it is opened. */
export function MetricChart({ points, label }: { points: MetricPointRow[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
      .then(([{ default: UPlot }]) => {
        if (cancelled || !container.current) return;
        const width = container.current.clientWidth || 340;
        chart = new UPlot(
          {
            width,
            height: 180,
            series: [{}, { label, stroke: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() || '#0b5cad', width: 2 }],
            axes: [{ stroke: 'currentColor' }, { stroke: 'currentColor' }],
            legend: { show: false },
          },
          [points.map((p) => p.at / 1000), points.map((p) => p.value)],
          container.current,
        );
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [points, label]);
  if (failed) return <p class="muted">The chart could not be drawn.</p>;
  return <div class="metric-chart" ref={container} data-testid="metric-chart" />;
}
