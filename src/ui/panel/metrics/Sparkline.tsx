/** A tiny inline trend: one SVG polyline, no library, scales to its points. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  if (values.length < 2) return <svg class="sparkline" width="96" height="24" aria-hidden="true" />;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values.map((v, i) => `${((i / (values.length - 1)) * 94 + 1).toFixed(1)},${(22 - ((v - min) / span) * 20).toFixed(1)}`).join(' ');
  return (
    <svg class="sparkline" width="96" height="24" viewBox="0 0 96 24" role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
