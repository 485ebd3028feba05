import type { PageDetector } from './contract';
import type { RecordPageContext } from '../model/page-context';
import { VENDOR_METAS } from './vendors';

/**
 * Only the URL detectors, from the vendors' metas without API code, so the content script and
 * the panel's tab watcher stay small.
 */
const detectors: PageDetector[] = VENDOR_METAS.flatMap((meta) => meta.pages);

export function detectPage(href: string | undefined): RecordPageContext | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  for (const detector of detectors) {
    const context = detector.detect(url);
    if (context) return context;
  }
  return null;
}
