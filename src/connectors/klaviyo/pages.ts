import type { PageDetector } from '../contract';

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
