import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';
import type { RecordType } from '../../model/keys';

/**
 * `<company>.pipedrive.com`: the company subdomain. It is not the company id our record keys use,
 * so detectors leave `account: ''` and the connected account is meant (resolve-context.ts).
 */
const PIPEDRIVE_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.pipedrive\.com$/;
/** Pipedrive's own sites on the same domain are no company's console. */
const NOT_COMPANIES = new Set(['www', 'api', 'developers', 'support', 'oauth', 'marketplace', 'status', 'community']);

export function pipedriveCompanyOf(host: string): string | null {
  const company = PIPEDRIVE_HOST.exec(host)?.[1];
  return company && !NOT_COMPANIES.has(company) ? company : null;
}

const SECTIONS: Record<string, RecordType> = { person: 'person', organization: 'company', deal: 'deal' };
export type PipedriveSection = 'person' | 'organization' | 'deal';

/** Detail pages: `/person/1`, `/organization/7`, `/deal/42`, with tabs such as `/deal/42/files` after. */
export const pipedriveRecordPage: PageDetector = {
  name: 'pipedrive record page',
  detect(url) {
    if (url.protocol !== 'https:' || !pipedriveCompanyOf(url.hostname)) return null;
    const match = /^\/(person|organization|deal)\/(\d{1,15})(?:\/[\w-]*)*\/?$/.exec(url.pathname);
    return match ? { connector: 'pipedrive', account: '', type: SECTIONS[match[1]!]!, id: match[2]!, host: url.hostname } : null;
  },
};

export const pipedrivePages: PageDetector[] = [pipedriveRecordPage];

/** `consoleHost` is `<company>.pipedrive.com`; app.pipedrive.com also works (it redirects to the company). */
export function pipedriveConsoleUrl(consoleHost: string, section: PipedriveSection, id: number | string): string {
  return `https://${consoleHost}/${section}/${id}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://acme.pipedrive.com/person/1', { account: '', type: 'person', id: '1', host: 'acme.pipedrive.com' }],
    ['https://acme.pipedrive.com/person/101/', { account: '', type: 'person', id: '101', host: 'acme.pipedrive.com' }],
    ['https://my-co.pipedrive.com/organization/7?tab=people', { account: '', type: 'company', id: '7', host: 'my-co.pipedrive.com' }],
    ['https://acme.pipedrive.com/deal/42', { account: '', type: 'deal', id: '42', host: 'acme.pipedrive.com' }],
    ['https://acme.pipedrive.com/deal/1', { account: '', type: 'deal', id: '1', host: 'acme.pipedrive.com' }],
    ['https://acme.pipedrive.com/deal/42/files#top', { account: '', type: 'deal', id: '42', host: 'acme.pipedrive.com' }],
    ['https://app.pipedrive.com/person/5', { account: '', type: 'person', id: '5', host: 'app.pipedrive.com' }],
  ],
  negatives: [
    'https://acme.pipedrive.com/persons/list',
    'https://acme.pipedrive.com/pipeline/1',
    'https://acme.pipedrive.com/person/new',
    'https://acme.pipedrive.com/organizations/list/filter/3',
    'https://pipedrive.com/person/1',
    'https://www.pipedrive.com/person/1',
    'https://developers.pipedrive.com/person/1',
    'http://acme.pipedrive.com/person/1',
    'https://acme.pipedrive.com.evil.example/person/1',
    'https://acme-pipedrive.com/person/1',
    'https://evil.example/acme.pipedrive.com/person/1',
    'https://acme.pipedrive.co/person/1',
  ],
};
