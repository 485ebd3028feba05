import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

/**
 * Google Ads consoles (`https://ads.google.com/aw/overview?ocid=…&__c=…`) show campaigns and
 * spend, never a person we could join, so there are no record detectors. The console's URL names
 * the account by an internal `ocid`, not the customer id the API takes: not confirmed, and not read.
 */
export const googleAdsPages: PageDetector[] = [];

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code): Google Ads
 * pages no detector of any vendor may match.
 */
export const pageExamples: PageExamples = {
  positives: [],
  negatives: ['https://ads.google.com/aw/overview?ocid=123456789', 'https://ads.google.com/aw/campaigns?ocid=123456789&__c=1234567890'],
};
