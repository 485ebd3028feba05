import type { PageDetector } from '../contract';
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
    if (!pipedriveCompanyOf(url.hostname)) return null;
    const match = /^\/(person|organization|deal)\/(\d{1,15})(?:\/[\w-]*)*\/?$/.exec(url.pathname);
    return match ? { connector: 'pipedrive', account: '', type: SECTIONS[match[1]!]!, id: match[2]!, host: url.hostname } : null;
  },
};

export const pipedrivePages: PageDetector[] = [pipedriveRecordPage];

/** `consoleHost` is `<company>.pipedrive.com`; app.pipedrive.com also works (it redirects to the company). */
export function pipedriveConsoleUrl(consoleHost: string, section: PipedriveSection, id: number | string): string {
  return `https://${consoleHost}/${section}/${id}`;
}
