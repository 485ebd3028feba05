import { describe, expect, it } from 'vitest';
import type { PageDetector } from '../../src/connectors/contract';
import type { PageExamples } from '../../src/connectors/vendor-meta';
import { VENDOR_METAS } from '../../src/connectors/vendors';
import { detectPage } from '../../src/connectors/page-registry';

/** Every vendor's example URLs, from the `pageExamples` its pages.ts exports. */
const exported = import.meta.glob<PageExamples>('../../src/connectors/*/pages.ts', { eager: true, import: 'pageExamples' });
const examplesOf = (id: string): PageExamples => exported[`../../src/connectors/${id}/pages.ts`] ?? { positives: [], negatives: [] };
const hrefsOf = (id: string) => [...examplesOf(id).positives.map(([href]) => href), ...examplesOf(id).negatives];

/**
 * What these detectors alone find on a URL, first match winning; nothing for a string that is no
 * URL. No https gate here (detectPage has one): each detector refuses plain http itself.
 */
function detectWith(detectors: PageDetector[], href: string) {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  for (const detector of detectors) {
    const context = detector.detect(url);
    if (context) return context;
  }
  return null;
}

describe.each(VENDOR_METAS.map((meta) => [meta.label, meta] as const))('%s page detectors', (_label, meta) => {
  const { positives, negatives } = examplesOf(meta.id);

  if (positives.length > 0) {
    it.each(positives)('recognise %s', (href, context) => {
      expect(detectPage(href)).toEqual({ connector: meta.id, ...context });
    });
  }

  if (negatives.length > 0) {
    it.each(negatives)('ignore %s', (href) => {
      expect(detectWith(meta.pages, href)).toBeNull();
      expect(detectPage(href)?.connector).not.toBe(meta.id);
    });
  }

  it('match no other vendor’s example page', () => {
    const others = VENDOR_METAS.filter((other) => other.id !== meta.id).flatMap((other) => hrefsOf(other.id));
    expect(others.filter((href) => detectWith(meta.pages, href))).toEqual([]);
  });

  it('each have an example page they recognise', () => {
    const unexampled = meta.pages.filter((detector) => !positives.some(([href]) => detectWith([detector], href)));
    expect(unexampled.map((detector) => detector.name)).toEqual([]);
  });
});
