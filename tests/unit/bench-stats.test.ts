import { describe, expect, it } from 'vitest';
import { bootstrapMedianCI, p95, p95ChartSvg } from '../../scripts/lib/bench-stats.mjs';

describe('benchmark statistics', () => {
  it('p95 is the sample below which 95% fall', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(p95(samples)).toBe(96);
    expect(p95([3])).toBe(3);
  });

  it('a host-page interval includes 1.00 when the pairs scatter around it, and not when ours is always slower', () => {
    const noisy = [0.97, 1.02, 0.99, 1.04, 1.0, 0.96, 1.03, 1.01, 0.98, 1.02, 0.99, 1.0];
    const [low, high] = bootstrapMedianCI(noisy);
    expect(low).toBeLessThanOrEqual(1);
    expect(high).toBeGreaterThanOrEqual(1);
    const slower = noisy.map((r) => r + 0.08);
    expect(bootstrapMedianCI(slower)[0]).toBeGreaterThan(1);
  });

  it('the same samples give the same interval (seeded)', () => {
    const values = [1.1, 0.9, 1.05, 0.98, 1.02];
    expect(bootstrapMedianCI(values)).toEqual(bootstrapMedianCI(values));
  });

  it('the chart draws one line per kind of query plus lookup, and escapes labels', () => {
    const perSize = {
      10000: { records: 10000, lookupP95Ms: 1.4, searchP95ByKind: { prefix: 4.5, 'a<b': 6 } },
      100000: { records: 100000, lookupP95Ms: 2.3, searchP95ByKind: { prefix: 7.5, 'a<b': 9 } },
    };
    const svg = p95ChartSvg(perSize);
    expect(svg.match(/<polyline/g)).toHaveLength(3);
    expect(svg).toContain('search: a&lt;b');
    expect(svg).not.toContain('search: a<b');
    expect(svg).toContain('100,000');
  });
});
