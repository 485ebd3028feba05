import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

/**
 * Brevo has one console host; the account is not in its URLs (resolve-context fills it). The
 * contact page `/contact/index/<id>` and the list page `/contact/list/id/<id>` are the forms
 * integrations link to; Brevo's developer docs do not document console URLs (see README).
 */
export const BREVO_CONSOLE_HOST = 'app.brevo.com';

/** Contact and list ids are positive integers. */
export const BREVO_ID = /^[1-9]\d{0,14}$/;

const CONTACT_PATH = /^\/contact\/index\/([1-9]\d{0,14})(?:\/[\w-]*)*\/?$/;
const LIST_PATH = /^\/contact\/list\/id\/([1-9]\d{0,14})\/?$/;

export const brevoRecordPage: PageDetector = {
  name: 'brevo contact or list page',
  detect(url) {
    if (url.protocol !== 'https:' || url.hostname !== BREVO_CONSOLE_HOST) return null;
    const contact = CONTACT_PATH.exec(url.pathname);
    if (contact) return { connector: 'brevo', account: '', type: 'person', id: contact[1]!, host: url.hostname };
    const list = LIST_PATH.exec(url.pathname);
    if (list) return { connector: 'brevo', account: '', type: 'list', id: list[1]!, host: url.hostname };
    return null;
  },
};

export const brevoPages: PageDetector[] = [brevoRecordPage];

export function brevoConsoleUrl(kind: 'contact' | 'list', id: string | number): string {
  return kind === 'contact' ? `https://${BREVO_CONSOLE_HOST}/contact/index/${encodeURIComponent(id)}` : `https://${BREVO_CONSOLE_HOST}/contact/list/id/${encodeURIComponent(id)}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://app.brevo.com/contact/index/42', { account: '', type: 'person', id: '42', host: 'app.brevo.com' }],
    ['https://app.brevo.com/contact/index/42/', { account: '', type: 'person', id: '42', host: 'app.brevo.com' }],
    ['https://app.brevo.com/contact/index/1201?tab=activity#top', { account: '', type: 'person', id: '1201', host: 'app.brevo.com' }],
    ['https://app.brevo.com/contact/list/id/7', { account: '', type: 'list', id: '7', host: 'app.brevo.com' }],
    ['https://app.brevo.com/contact/list/id/7/', { account: '', type: 'list', id: '7', host: 'app.brevo.com' }],
  ],
  negatives: [
    'http://app.brevo.com/contact/index/42',
    'https://brevo.com/contact/index/42',
    'https://api.brevo.com/v3/contacts/42',
    'https://app.brevo.com.evil.example/contact/index/42',
    'https://evil.example/app.brevo.com/contact/index/42',
    'https://app.brevo.com@evil.example/contact/index/42',
    'https://app.brevo.com/contact/index/0',
    'https://app.brevo.com/contact/index/abc',
    'https://app.brevo.com/contact/index/42/../../x',
    'https://app.brevo.com/contact/list',
    'https://app.brevo.com/contact/list/id/abc',
    'https://app.brevo.com/settings/keys/api',
    'https://app.brevo.com/camp/report/21',
    'https://my.sendinblue.com/users/view/id/42',
  ],
};
