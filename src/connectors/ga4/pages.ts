import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

/**
 * GA4 console pages look like `https://analytics.google.com/analytics/web/#/p312345678/reports/...`:
 * the property id is in the URL FRAGMENT (url.hash), not the path. GA4 holds no customer records,
 * so there are no record detectors: the user-explorer page (`#/p123/reports/explorer?...user-id...`)
 * shows a pseudonymous client id, not a person we could join, so it is deliberately left out.
 */
export const GA4_CONSOLE_HOST = 'analytics.google.com';
const PROPERTY_IN_HASH = /^#\/p(\d{4,12})(?:[/?]|$)/;

/** The GA4 property a console tab shows, for the metrics UI; null anywhere else. */
export function ga4PropertyOf(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== GA4_CONSOLE_HOST) return null;
  if (!/^\/analytics\/web\/?$/.test(url.pathname)) return null;
  return PROPERTY_IN_HASH.exec(url.hash)?.[1] ?? null;
}

export const ga4Pages: PageDetector[] = [];

/** Deep link to a report of the property (home by default). */
export function ga4ReportUrl(propertyId: string, report = 'intelligenthome'): string {
  return `https://${GA4_CONSOLE_HOST}/analytics/web/#/p${propertyId}/reports/${report}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    // GA4 consoles show reports, never a customer record: no detector of any vendor may match them.
  ],
  negatives: [
    'https://analytics.google.com/analytics/web/#/p123456789/reports/intelligenthome',
    'https://analytics.google.com/analytics/web/#/p123456/reports/intelligenthome',
  ],
};
