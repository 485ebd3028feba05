import type { PageDetector } from './contract';
import type { RecordPageContext } from '../model/page-context';
import { hubspotPages } from './hubspot/pages';
import { stripePages } from './stripe/pages';
import { zendeskPages } from './zendesk/pages';
import { intercomPages } from './intercom/pages';
import { salesforcePages } from './salesforce/pages';
import { mailchimpPages } from './mailchimp/pages';
import { klaviyoPages } from './klaviyo/pages';
import { pipedrivePages } from './pipedrive/pages';

/**
 * Only the URL detectors, without API code, so the content script and the panel's
 * tab watcher stay small. One line per vendor.
 */
const detectors: PageDetector[] = [...hubspotPages, ...salesforcePages, ...stripePages, ...zendeskPages, ...intercomPages, ...mailchimpPages, ...klaviyoPages, ...pipedrivePages];

export function detectPage(href: string | undefined): RecordPageContext | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  for (const detector of detectors) {
    const context = detector.detect(url);
    if (context) return context;
  }
  return null;
}
