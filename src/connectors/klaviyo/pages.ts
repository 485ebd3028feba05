import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

/** Klaviyo has one console host; the account is not in its URLs (resolve-context fills it). */
export const KLAVIYO_CONSOLE_HOST = 'www.klaviyo.com';

/** Profile ids are 26-character ULIDs (`01GDDKASAP8TKDDA2GRZDSVP4H`); list ids are 6 characters (`Y6nRLr`). */
export const KLAVIYO_PROFILE_ID = /^[0-9A-Z]{26}$/;
export const KLAVIYO_LIST_ID = /^[A-Za-z0-9]{6}$/;

/** `/profile/<id>` with tails such as `/activity`; `/list/<id>` with tails such as `/members`. */
const PROFILE_PATH = /^\/profile\/([0-9A-Z]{26})(?:\/[\w-]*)*\/?$/;
const LIST_PATH = /^\/list\/([A-Za-z0-9]{6})(?:\/[\w-]*)*\/?$/;

export const klaviyoRecordPage: PageDetector = {
  name: 'klaviyo profile or list page',
  detect(url) {
    if (url.protocol !== 'https:' || url.hostname !== KLAVIYO_CONSOLE_HOST) return null;
    const profile = PROFILE_PATH.exec(url.pathname);
    if (profile) return { connector: 'klaviyo', account: '', type: 'person', id: profile[1]!, host: url.hostname };
    const list = LIST_PATH.exec(url.pathname);
    if (list) return { connector: 'klaviyo', account: '', type: 'list', id: list[1]!, host: url.hostname };
    return null;
  },
};

export const klaviyoPages: PageDetector[] = [klaviyoRecordPage];

export function klaviyoConsoleUrl(kind: 'profile' | 'list', id: string): string {
  return `https://${KLAVIYO_CONSOLE_HOST}/${kind}/${encodeURIComponent(id)}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://www.klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H', { account: '', type: 'person', id: '01GDDKASAP8TKDDA2GRZDSVP4H', host: 'www.klaviyo.com' }],
    ['https://www.klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H/', { account: '', type: 'person', id: '01GDDKASAP8TKDDA2GRZDSVP4H', host: 'www.klaviyo.com' }],
    ['https://www.klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H/activity?tab=events', { account: '', type: 'person', id: '01GDDKASAP8TKDDA2GRZDSVP4H', host: 'www.klaviyo.com' }],
    ['https://www.klaviyo.com/list/Y6nRLr', { account: '', type: 'list', id: 'Y6nRLr', host: 'www.klaviyo.com' }],
    ['https://www.klaviyo.com/list/Y6nRLr/members#top', { account: '', type: 'list', id: 'Y6nRLr', host: 'www.klaviyo.com' }],
  ],
  negatives: [
    'http://www.klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H',
    'https://klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H',
    'https://a.klaviyo.com/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H',
    'https://www.klaviyo.com.evil.example/profile/01GDDKASAP8TKDDA2GRZDSVP4H',
    'https://evil.example/www.klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H',
    'https://wwwklaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H',
    'https://www.klaviyo.com@evil.example/profile/01GDDKASAP8TKDDA2GRZDSVP4H',
    'https://www.klaviyo.com/profile/01gddkasap8tkdda2grzdsvp4h',
    'https://www.klaviyo.com/profile/SHORT1',
    'https://www.klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H/../../x',
    'https://www.klaviyo.com/list/create-new',
    'https://www.klaviyo.com/lists',
    'https://www.klaviyo.com/dashboard',
  ],
};
