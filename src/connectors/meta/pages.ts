import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

/**
 * Ads Manager (`https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=<id>`) shows
 * campaigns and numbers, never a customer: Meta Ads is metrics-only and has no record detectors.
 * The URL form above is from Ads Manager as users share it, not confirmed on a Meta docs page.
 */
export const META_CONSOLE_HOST = 'adsmanager.facebook.com';

export const metaPages: PageDetector[] = [];

/** Ads Manager's campaign list for an ad account (`act_123` or `123`). */
export function metaAdsManagerUrl(accountId: string): string {
  return `https://${META_CONSOLE_HOST}/adsmanager/manage/campaigns?act=${accountId.replace(/^act_/, '')}`;
}

/** Example URLs for tests/unit/page-detectors.test.ts: Ads Manager pages no detector may match. */
export const pageExamples: PageExamples = {
  positives: [],
  negatives: ['https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=798085168510957', 'https://business.facebook.com/latest/home?asset_id=798085168510957'],
};
