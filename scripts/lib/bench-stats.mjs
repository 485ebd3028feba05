// Statistics and the chart the benchmark reports: small enough to test without a browser.
import { mulberry32 } from '../../tests/replica/seed.mjs';

export function p95(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};


/**
 * 95% percentile-bootstrap interval of the median. Load times on a shared machine are skewed by
 * bursts, so no normal approximation: resample the pairs themselves.
 */
export function bootstrapMedianCI(values, { resamples = 4000, seed = 1 } = {}) {
  if (values.length === 0) return [NaN, NaN];
  // Seeded, so two runs over the same samples report the same interval.
  const random = mulberry32(seed);
  const medians = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: values.length }, () => values[Math.floor(random() * values.length)]);
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  return [medians[Math.floor(resamples * 0.025)], medians[Math.ceil(resamples * 0.975) - 1]];
}

const escapeXml = (text) => String(text).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
const COLOURS = ['#1b6ac9', '#d9480f', '#2b8a3e', '#862e9c', '#c92a2a', '#e67700', '#0b7285', '#5c940d', '#495057', '#a61e4d'];

/**
 * Search p95 by kind of query and lookup p95, against the record count (log scale), as an SVG
 * line chart. Budgets are drawn as dashed lines so a reader sees the margin, not just the value.
 */
export function p95ChartSvg(perSize, budgets = { search100k: 20, search1m: 50, lookup: 5 }) {
  const sizes = Object.values(perSize).sort((a, b) => a.records - b.records);
  const series = new Map();
  for (const size of sizes) {
    for (const [kind, ms] of Object.entries(size.searchP95ByKind ?? {})) series.set(`search: ${kind}`, [...(series.get(`search: ${kind}`) ?? []), [size.records, ms]]);
    series.set('lookup', [...(series.get('lookup') ?? []), [size.records, size.lookupP95Ms]]);
  }
  const width = 720;
  const height = 360;
  const left = 56;
  const right = 200;
  const top = 24;
  const bottom = 44;
  const maxMs = Math.max(budgets.search1m, ...[...series.values()].flat().map(([, ms]) => ms)) * 1.1;
  const logs = sizes.map((s) => Math.log10(s.records));
  const [minLog, maxLog] = [Math.min(...logs), Math.max(...logs)];
  const x = (records) => left + (maxLog === minLog ? 0.5 : (Math.log10(records) - minLog) / (maxLog - minLog)) * (width - left - right);
  const y = (ms) => top + (1 - ms / maxMs) * (height - top - bottom);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${left}" y="14" font-size="12" font-weight="bold">p95 ms by record count (search by kind of query, lookup)</text>`,
    `<line x1="${left}" y1="${y(0)}" x2="${width - right}" y2="${y(0)}" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${y(0)}" stroke="#333"/>`,
  ];
  for (let ms = 0; ms <= maxMs; ms += maxMs > 60 ? 20 : 10) parts.push(`<text x="${left - 6}" y="${y(ms) + 4}" text-anchor="end">${ms}</text>`);
  for (const size of sizes) parts.push(`<text x="${x(size.records)}" y="${height - bottom + 16}" text-anchor="middle">${size.records.toLocaleString('en-US')}</text>`);
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 8}" text-anchor="middle">records (log scale)</text>`);
  for (const [label, ms] of [['search budget at 100k', budgets.search100k], ['search budget at 1M', budgets.search1m], ['lookup budget', budgets.lookup]]) {
    parts.push(`<line x1="${left}" y1="${y(ms)}" x2="${width - right}" y2="${y(ms)}" stroke="#999" stroke-dasharray="4 4"/>`, `<text x="${width - right - 4}" y="${y(ms) - 3}" text-anchor="end" fill="#666">${escapeXml(label)} (${ms} ms)</text>`);
  }
  [...series].forEach(([label, points], index) => {
    const colour = COLOURS[index % COLOURS.length];
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map(([r, ms]) => `${x(r).toFixed(1)},${y(ms).toFixed(1)}`).join(' ')}"/>`);
    for (const [r, ms] of points) parts.push(`<circle cx="${x(r).toFixed(1)}" cy="${y(ms).toFixed(1)}" r="3" fill="${colour}"><title>${escapeXml(`${label} at ${r}: ${ms} ms`)}</title></circle>`);
    parts.push(`<rect x="${width - right + 12}" y="${top + index * 16}" width="10" height="10" fill="${colour}"/>`, `<text x="${width - right + 28}" y="${top + index * 16 + 9}">${escapeXml(label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
