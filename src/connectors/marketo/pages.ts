import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

/** The console lives on `app-<pod>.marketo.com` (`app-sjqe`, `app-ab12`); the pod is not the instance's Munchkin id. */
const CONSOLE_HOST = /^app-[a-z0-9]{2,12}\.marketo\.com$/;

export const isMarketoConsoleHost = (host: string) => CONSOLE_HOST.test(host);

/**
 * A lead's detail page: `/leadDatabase/loadLeadDetail?leadId=<id>` (not confirmed in Adobe's docs:
 * see the README). The URL names the pod, not the instance, so the account is left empty (the
 * connected instance is meant).
 */
export const marketoLeadPage: PageDetector = {
  name: 'marketo lead detail page',
  detect(url) {
    if (url.protocol !== 'https:' || !isMarketoConsoleHost(url.hostname)) return null;
    if (!/^\/leadDatabase\/loadLeadDetail\/?$/.test(url.pathname)) return null;
    const id = url.searchParams.get('leadId') ?? '';
    return /^\d{1,15}$/.test(id) ? { connector: 'marketo', account: '', type: 'person', id, host: url.hostname } : null;
  },
};

export const marketoPages: PageDetector[] = [marketoLeadPage];

/** Deep link to a lead (the console host comes from a static list's `computedUrl`, or the default pod). */
export function marketoLeadUrl(consoleHost: string, leadId: number | string): string {
  return `https://${consoleHost}/leadDatabase/loadLeadDetail?leadId=${leadId}`;
}

/** The console host of a `computedUrl` such as `https://app-sjqe.marketo.com/#ST1021A1`, or null. */
export function consoleHostOfUrl(url: string | undefined): string | null {
  try {
    const host = new URL(url ?? '').hostname;
    return isMarketoConsoleHost(host) ? host : null;
  } catch {
    return null;
  }
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://app-sjqe.marketo.com/leadDatabase/loadLeadDetail?leadId=318581', { account: '', type: 'person', id: '318581', host: 'app-sjqe.marketo.com' }],
    ['https://app-ab12.marketo.com/leadDatabase/loadLeadDetail/?leadId=42&tab=activity', { account: '', type: 'person', id: '42', host: 'app-ab12.marketo.com' }],
  ],
  negatives: [
    'https://app-sjqe.marketo.com/#ST1021A1',
    'https://app-sjqe.marketo.com/leadDatabase/loadLeadDetail?leadId=abc',
    'https://app-sjqe.marketo.com/leadDatabase/loadLeadDetail',
    'https://app-sjqe.marketo.com/leadDatabase/',
    'http://app-sjqe.marketo.com/leadDatabase/loadLeadDetail?leadId=318581',
    'https://app-sjqe.marketo.com.evil.example/leadDatabase/loadLeadDetail?leadId=318581',
    'https://evil.app-sjqe.marketo.com/leadDatabase/loadLeadDetail?leadId=318581',
    'https://www.marketo.com/leadDatabase/loadLeadDetail?leadId=318581',
    'https://123-ABC-456.mktorest.com/rest/v1/lead/318581.json',
    'https://evil.example/app-sjqe.marketo.com/leadDatabase/loadLeadDetail?leadId=318581',
  ],
};
