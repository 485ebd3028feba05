import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';
import type { RecordType } from '../../model/keys';

/** `<subdomain>.zendesk.com`: the subdomain is the account. */
const ZENDESK_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.zendesk\.com$/;

export function zendeskSubdomainOf(host: string): string | null {
  return ZENDESK_HOST.exec(host)?.[1] ?? null;
}

const SECTIONS: Record<string, RecordType> = { tickets: 'ticket', users: 'person', organizations: 'company' };

/** Agent workspace pages: `/agent/tickets/1`, `/agent/users/20014192/requested_tickets`, `/agent/organizations/7/tickets`. */
export const zendeskAgentPage: PageDetector = {
  name: 'zendesk agent record page',
  detect(url) {
    const subdomain = zendeskSubdomainOf(url.hostname);
    if (url.protocol !== 'https:' || !subdomain) return null;
    const match = /^\/agent\/(tickets|users|organizations)\/(\d+)(?:\/[\w-]*)*\/?$/.exec(url.pathname);
    return match ? { connector: 'zendesk', account: subdomain, type: SECTIONS[match[1]!]!, id: match[2]!, host: url.hostname } : null;
  },
};

export const zendeskPages: PageDetector[] = [zendeskAgentPage];

export function zendeskAgentUrl(subdomain: string, section: 'tickets' | 'users' | 'organizations', id: number | string): string {
  return `https://${subdomain}.zendesk.com/agent/${section}/${id}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://acme.zendesk.com/agent/tickets/1', { account: 'acme', type: 'ticket', id: '1', host: 'acme.zendesk.com' }],
    ['https://acme.zendesk.com/agent/tickets/9001', { account: 'acme', type: 'ticket', id: '9001', host: 'acme.zendesk.com' }],
    ['https://acme.zendesk.com/agent/tickets/1/events', { account: 'acme', type: 'ticket', id: '1', host: 'acme.zendesk.com' }],
    ['https://acme.zendesk.com/agent/users/20014192', { account: 'acme', type: 'person', id: '20014192', host: 'acme.zendesk.com' }],
    ['https://acme.zendesk.com/agent/users/20014192/requested_tickets', { account: 'acme', type: 'person', id: '20014192', host: 'acme.zendesk.com' }],
    ['https://my-co.zendesk.com/agent/users/20014192?x=1', { account: 'my-co', type: 'person', id: '20014192', host: 'my-co.zendesk.com' }],
    ['https://acme.zendesk.com/agent/organizations/20526581/tickets', { account: 'acme', type: 'company', id: '20526581', host: 'acme.zendesk.com' }],
  ],
  negatives: [
    'https://acme.zendesk.com/agent/dashboard',
    'https://acme.zendesk.com/agent/filters/360001',
    'https://acme.zendesk.com/hc/en-us/articles/123',
    'https://acme.zendesk.com/agent/tickets/new/1',
    'https://zendesk.com/agent/tickets/1',
    'https://acme.zendesk.com.evil.example/agent/tickets/1',
    'https://evil.example/acme.zendesk.com/agent/tickets/1',
    'http://acme.zendesk.com/agent/tickets/1',
  ],
};
