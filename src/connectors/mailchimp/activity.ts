import { recordKey, type CampaignActivity, type CustomerRecord } from '../../model/record';
import { campaignEventRecord } from '../kit/campaign-events';
import { isoToMs } from '../kit/dates';
import type { MailchimpNormalizeContext } from './normalize';
import { mailchimpConsoleUrl } from './pages';
import type { MailchimpActivity, MailchimpMember } from './schemas';

/** The feed's campaign activity types, in our words; every other type (signups, notes, orders...) is not a campaign event. */
const ACTIVITIES: Record<string, CampaignActivity> = { sent: 'sent', open: 'open', click: 'click', bounce: 'bounce', unsub: 'unsubscribe' };

/**
 * A member's activity feed in one audience as campaign events of the person (keyed by the
 * subscriber hash, as normalizeMailchimpPerson is). The feed has no event ids, so an event's id
 * is what identifies it: person, audience, time, type and campaign. The API gives the campaign
 * no console id (its pages need the web id), so the link goes to the contact's page, whose
 * activity tab lists the same events.
 */
export function normalizeMailchimpActivity(items: MailchimpActivity[], member: MailchimpMember, ctx: MailchimpNormalizeContext): CustomerRecord[] {
  const personKey = recordKey('mailchimp', ctx.account, 'person', member.id);
  const audience = ctx.listNames?.[member.list_id];
  return items.flatMap((item) => {
    const activity = ACTIVITIES[item.activity_type];
    const at = isoToMs(item.created_at_timestamp);
    const campaign = item.campaign_title?.trim() || audience;
    if (!activity || at === undefined || !campaign) return [];
    return [
      campaignEventRecord({
        connector: 'mailchimp',
        account: ctx.account,
        id: [member.id, member.list_id, at, item.activity_type, item.campaign_id || 'none'].join('-'),
        personKey,
        activity,
        campaign,
        at,
        url: mailchimpConsoleUrl(ctx.consoleHost, 'member', member.web_id),
        fetchedAt: ctx.fetchedAt,
      }),
    ];
  });
}
