import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

/** The data centre (`us6`) prefixes every Mailchimp host: `<dc>.admin.mailchimp.com`, `<dc>.api.mailchimp.com`. */
export const MAILCHIMP_DC = /^[a-z]{2,4}\d{1,3}$/;
const CONSOLE_HOST = /^([a-z]{2,4}\d{1,3})\.admin\.mailchimp\.com$/;

export function mailchimpDcOfConsoleHost(host: string): string | null {
  return CONSOLE_HOST.exec(host)?.[1] ?? null;
}

/** Prefix of person ids that carry only the console's numeric member id (see index.ts fetchRecord). */
export const WEB_ID_PREFIX = 'web:';

/**
 * A contact's page in the console: `/lists/members/view?id=<member web_id>`. The URL names
 * neither the Mailchimp account nor the audience nor the subscriber hash, only the web id, so
 * the account is left empty (the connected one is meant) and the id is `web:<web_id>`.
 * `/lists/members?id=` (an audience's contact table) is a list page, not a record.
 */
export const mailchimpMemberPage: PageDetector = {
  name: 'mailchimp contact page',
  detect(url) {
    if (url.protocol !== 'https:' || !mailchimpDcOfConsoleHost(url.hostname)) return null;
    if (!/^\/lists\/members\/view\/?$/.test(url.pathname)) return null;
    const webId = url.searchParams.get('id') ?? '';
    return /^\d{1,20}$/.test(webId) ? { connector: 'mailchimp', account: '', type: 'person', id: `${WEB_ID_PREFIX}${webId}`, host: url.hostname } : null;
  },
};

export const mailchimpPages: PageDetector[] = [mailchimpMemberPage];

/** Deep link to a contact (by its web id) or to an audience's contact table (by the list's web id). */
export function mailchimpConsoleUrl(consoleHost: string, kind: 'member' | 'list', webId: number | string): string {
  return kind === 'member' ? `https://${consoleHost}/lists/members/view?id=${webId}` : `https://${consoleHost}/lists/members?id=${webId}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://us6.admin.mailchimp.com/lists/members/view?id=123456', { account: '', type: 'person', id: 'web:123456', host: 'us6.admin.mailchimp.com' }],
    ['https://us19.admin.mailchimp.com/lists/members/view/?id=547094062&tab=activity', { account: '', type: 'person', id: 'web:547094062', host: 'us19.admin.mailchimp.com' }],
  ],
  negatives: [
    'https://us6.admin.mailchimp.com/lists/members?id=210001',
    'https://us6.admin.mailchimp.com/lists/dashboard/overview?id=210001',
    'https://us6.admin.mailchimp.com/campaigns/',
    'https://us6.admin.mailchimp.com/campaigns/edit?id=12',
    'https://us6.admin.mailchimp.com/lists/members/view?id=abc',
    'https://us6.admin.mailchimp.com/lists/members/view',
    'http://us6.admin.mailchimp.com/lists/members/view?id=123456',
    'https://admin.mailchimp.com/lists/members/view?id=123456',
    'https://us6.admin.mailchimp.com.evil.example/lists/members/view?id=123456',
    'https://evil.us6.admin.mailchimp.com/lists/members/view?id=123456',
    'https://evil.example/us6.admin.mailchimp.com/lists/members/view?id=123456',
    'https://us6.api.mailchimp.com/lists/members/view?id=123456',
  ],
};
