import { recordKey, type CampaignActivity, type CustomerRecord } from '../../model/record';
import { campaignEventRecord, newestEvents } from '../kit/campaign-events';
import { isoToMs, secondsToMs } from '../kit/dates';
import type { KlaviyoNormalizeContext } from './normalize';
import { klaviyoConsoleUrl } from './pages';
import type { KlaviyoEvent, KlaviyoIncluded } from './schemas';

/** Klaviyo's own email metrics, in our words; every other metric (orders, site visits, SMS...) is not an email campaign event. */
const ACTIVITIES: Record<string, CampaignActivity> = {
  'Received Email': 'sent',
  'Opened Email': 'open',
  'Clicked Email': 'click',
  'Bounced Email': 'bounce',
  'Unsubscribed': 'unsubscribe',
  'Unsubscribed from Email Marketing': 'unsubscribe',
};

const property = (event: KlaviyoEvent, name: string) => {
  const value = event.attributes.event_properties?.[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

/**
 * A profile's events as its campaign events: the metric (from `included`) says what happened,
 * "Campaign Name" and "Subject" which email. Klaviyo has no page per event, so the link goes to
 * the profile, whose activity feed lists them.
 */
export function normalizeKlaviyoEvents(events: KlaviyoEvent[], included: KlaviyoIncluded[], profileId: string, ctx: KlaviyoNormalizeContext): CustomerRecord[] {
  const metricNames = new Map(included.filter((r) => r.type === 'metric').map((r) => [r.id, r.attributes?.name ?? undefined]));
  const personKey = recordKey('klaviyo', ctx.account, 'person', profileId);
  const records = events.flatMap((event) => {
    const metricId = event.relationships?.metric?.data?.id;
    const activity = ACTIVITIES[(metricId && metricNames.get(metricId)) || ''];
    // Unix seconds first: `datetime` comes as "2023-07-24 20:15:57+00:00" in Klaviyo's own examples, not strict ISO.
    const at = secondsToMs(event.attributes.timestamp) ?? isoToMs(event.attributes.datetime);
    const subject = property(event, 'Subject');
    const campaign = property(event, 'Campaign Name') ?? subject;
    if (!activity || at === undefined || !Number.isFinite(at) || !campaign) return [];
    return [campaignEventRecord({ connector: 'klaviyo', account: ctx.account, id: event.id, personKey, activity, campaign, subject, at, url: klaviyoConsoleUrl('profile', profileId), fetchedAt: ctx.fetchedAt })];
  });
  return newestEvents(records);
}
