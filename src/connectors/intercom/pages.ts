import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

/** Intercom's web app per data-hosting region: US, EU, Australia. */
export const INTERCOM_CONSOLE_HOSTS = ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'] as const;
const CONSOLE_HOST = /^app(?:\.(?:eu|au))?\.intercom\.com$/;
/** Workspace ("app") id codes are short lower-case codes such as `vq8k2m1x`. */
const APP = '([a-z0-9_]{2,64})';
/** Contacts and companies have 24-hex ids; `/users/segments/...` list pages must not match. */
const OBJECT_ID = '([0-9a-f]{24})';

const CONTACT_PATH = new RegExp(`^/a/apps/${APP}/users/${OBJECT_ID}(?:/[\\w-]+)*/?$`);
const COMPANY_PATH = new RegExp(`^/a/apps/${APP}/companies/${OBJECT_ID}(?:/[\\w-]+)*/?$`);
/**
 * The inbox puts views before the conversation: `/a/inbox/<app>/inbox/conversation/1`,
 * `/a/inbox/<app>/inbox/shared/all/conversation/1`, `/a/apps/<app>/inbox/inbox/admin/5/conversation/1`;
 * older links are `/a/apps/<app>/conversations/1`.
 */
const CONVERSATION_PATHS = [
  new RegExp(`^/a/inbox/${APP}/inbox(?:/[\\w.-]+)*?/conversations?/(\\d+)/?$`),
  new RegExp(`^/a/apps/${APP}/inbox(?:/[\\w.-]+)*?/conversations?/(\\d+)/?$`),
  new RegExp(`^/a/apps/${APP}/conversations/(\\d+)/?$`),
];

function consoleUrl(url: URL): boolean {
  return url.protocol === 'https:' && CONSOLE_HOST.test(url.hostname) && url.port === '';
}

export const intercomContactPage: PageDetector = {
  name: 'intercom contact (user or lead) page',
  detect(url) {
    const match = consoleUrl(url) ? CONTACT_PATH.exec(url.pathname) : null;
    return match ? { connector: 'intercom', account: match[1]!, type: 'person', id: match[2]!, host: url.hostname } : null;
  },
};

export const intercomCompanyPage: PageDetector = {
  name: 'intercom company page',
  detect(url) {
    const match = consoleUrl(url) ? COMPANY_PATH.exec(url.pathname) : null;
    return match ? { connector: 'intercom', account: match[1]!, type: 'company', id: match[2]!, host: url.hostname } : null;
  },
};

export const intercomConversationPage: PageDetector = {
  name: 'intercom inbox conversation',
  detect(url) {
    if (!consoleUrl(url)) return null;
    for (const path of CONVERSATION_PATHS) {
      const match = path.exec(url.pathname);
      if (match) return { connector: 'intercom', account: match[1]!, type: 'conversation', id: match[2]!, host: url.hostname };
    }
    return null;
  },
};

export const intercomPages: PageDetector[] = [intercomContactPage, intercomCompanyPage, intercomConversationPage];

/** Deep link into the Intercom web app on the workspace's regional host. */
export function intercomConsoleUrl(host: string, app: string, kind: 'person' | 'company' | 'conversation', id: string): string {
  const safeHost = CONSOLE_HOST.test(host) ? host : 'app.intercom.com';
  const a = encodeURIComponent(app);
  const i = encodeURIComponent(id);
  if (kind === 'person') return `https://${safeHost}/a/apps/${a}/users/${i}/all-conversations`;
  if (kind === 'company') return `https://${safeHost}/a/apps/${a}/companies/${i}`;
  return `https://${safeHost}/a/inbox/${a}/inbox/conversation/${i}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://app.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4/all-conversations', { account: 'abc123', type: 'person', id: '5ba682d23d7cf92bef87bfd4', host: 'app.intercom.com' }],
    ['https://app.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4', { account: 'abc123', type: 'person', id: '5ba682d23d7cf92bef87bfd4', host: 'app.intercom.com' }],
    ['https://app.eu.intercom.com/a/apps/vq8k2m1x/users/5ba682d23d7cf92bef87bfd4/profile?tab=notes', { account: 'vq8k2m1x', type: 'person', id: '5ba682d23d7cf92bef87bfd4', host: 'app.eu.intercom.com' }],
    ['https://app.intercom.com/a/apps/abc123/companies/6762f07f1bb69f9f2193baf5', { account: 'abc123', type: 'company', id: '6762f07f1bb69f9f2193baf5', host: 'app.intercom.com' }],
    ['https://app.au.intercom.com/a/apps/abc123/companies/6762f07f1bb69f9f2193baf5/users', { account: 'abc123', type: 'company', id: '6762f07f1bb69f9f2193baf5', host: 'app.au.intercom.com' }],
    ['https://app.intercom.com/a/inbox/abc123/inbox/conversation/503', { account: 'abc123', type: 'conversation', id: '503', host: 'app.intercom.com' }],
    ['https://app.intercom.com/a/inbox/abc123/inbox/conversation/1', { account: 'abc123', type: 'conversation', id: '1', host: 'app.intercom.com' }],
    ['https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/215467411148437', { account: 'abc123', type: 'conversation', id: '215467411148437', host: 'app.intercom.com' }],
    ['https://app.intercom.com/a/inbox/abc123/inbox/admin/991267645/conversation/503?view=List', { account: 'abc123', type: 'conversation', id: '503', host: 'app.intercom.com' }],
    ['https://app.intercom.com/a/apps/abc123/inbox/inbox/conversation/503', { account: 'abc123', type: 'conversation', id: '503', host: 'app.intercom.com' }],
    ['https://app.eu.intercom.com/a/apps/abc123/conversations/503', { account: 'abc123', type: 'conversation', id: '503', host: 'app.eu.intercom.com' }],
  ],
  negatives: [
    'https://app.intercom.com/a/apps/abc123/users/segments/all-users',
    'https://app.intercom.com/a/apps/abc123/companies/segments/active',
    'https://app.intercom.com/a/inbox/abc123/inbox/shared/all',
    'https://app.intercom.com/a/apps/abc123/home',
    'https://app.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4x',
    'http://app.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4/all-conversations',
    'https://app.intercom.com:8443/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4',
    'https://app.intercom.com.evil.example/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4',
    'https://evil-app.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4',
    'https://app.xx.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4',
    'https://intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4',
    'https://evil.example/app.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4',
    'https://www.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4',
  ],
};
