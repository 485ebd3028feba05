/**
 * URL patterns for pins: origin and path exactly, query string and fragment ignored. Path ids
 * are kept on purpose: another dashboard with the same layout must not feed this metric.
 */
export function pinPatternFor(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '') || '/'}`;
}

export function matchesPinPattern(pattern: string, href: string): boolean {
  return pinPatternFor(href) === pattern;
}
