import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

/** An account name: the subdomain of `<account>.api-us1.com` and `<account>.activehosted.com`. */
export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const CONSOLE_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.activehosted\.com$/;

/**
 * A contact's page in the console: `https://<account>.activehosted.com/app/contacts/<id>`, with
 * the contact's numeric id (the same id as the API's). The account is in the host.
 */
export const activecampaignContactPage: PageDetector = {
  name: 'activecampaign contact page',
  detect(url) {
    const account = url.protocol === 'https:' ? CONSOLE_HOST.exec(url.hostname)?.[1] : undefined;
    if (!account) return null;
    const id = /^\/app\/contacts\/(\d{1,15})\/?$/.exec(url.pathname)?.[1];
    return id ? { connector: 'activecampaign', account, type: 'person', id, host: url.hostname } : null;
  },
};

export const activecampaignPages: PageDetector[] = [activecampaignContactPage];

export function activecampaignConsoleUrl(account: string, kind: 'contact' | 'list' | 'deal', id: string): string {
  const host = `https://${account}.activehosted.com`;
  return kind === 'contact' ? `${host}/app/contacts/${id}` : kind === 'deal' ? `${host}/app/deals/${id}` : `${host}/app/contacts?listid=${id}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code): the record
 * pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://acme.activehosted.com/app/contacts/68', { account: 'acme', type: 'person', id: '68', host: 'acme.activehosted.com' }],
    ['https://acme-demo.activehosted.com/app/contacts/1205/?tab=activity', { account: 'acme-demo', type: 'person', id: '1205', host: 'acme-demo.activehosted.com' }],
  ],
  negatives: [
    'https://acme.activehosted.com/app/contacts',
    'https://acme.activehosted.com/app/contacts?listid=3',
    'https://acme.activehosted.com/app/contacts/abc',
    'https://acme.activehosted.com/app/deals/12',
    'https://acme.activehosted.com/app/campaigns',
    'http://acme.activehosted.com/app/contacts/68',
    'https://activehosted.com/app/contacts/68',
    'https://acme.activehosted.com.evil.example/app/contacts/68',
    'https://evil.example/acme.activehosted.com/app/contacts/68',
    'https://acme.api-us1.com/app/contacts/68',
    'https://acme.api-us1.com/api/3/contacts/68',
  ],
};
