import { describe, expect, it } from 'vitest';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { normalizeMailchimpActivity } from '../../../src/connectors/mailchimp/activity';
import { mailchimpActivityFeed, mailchimpMemberSchema } from '../../../src/connectors/mailchimp/schemas';
import { customerRecordSchema } from '../../../src/model/record';
import { MAILCHIMP_ACTIVITY_FEED_DOC } from './fixtures/activity-feed';

const ctx = { account: 'acct1', consoleHost: 'us6.admin.mailchimp.com', fetchedAt: 1_700_000_000_000, listNames: { '91930a8a88': 'Newsletter' } };
const member = mailchimpMemberSchema.parse({ id: '62eeb292278cc15f5817cb78f7790b08', email_address: 'urist.mcvankab@freddiesjokes.com', web_id: 4321, status: 'unsubscribed', list_id: '91930a8a88' });
const feedOf = (payload: unknown) => parseVendorPayload('Mailchimp', mailchimpActivityFeed, payload, 'activity feed');

describe('Mailchimp member activity feed', () => {
  it('turns the documented feed into campaign events of the person, in our words, newest first', () => {
    const records = normalizeMailchimpActivity(feedOf(MAILCHIMP_ACTIVITY_FEED_DOC).activity, member, ctx);
    for (const record of records) customerRecordSchema.parse(record);
    expect(records.map((r) => [r.fields.activity, r.title, r.fields.createdAt])).toEqual([
      // An unsubscribe outside any campaign is named by its audience.
      ['unsubscribe', 'Newsletter', Date.parse('2024-01-03T20:19:26Z')],
      ['bounce', 'December digest', Date.parse('2023-12-20T09:00:05Z')],
      ['click', 'Spring sale', Date.parse('2023-12-01T16:42:10Z')],
      ['open', 'Spring sale', Date.parse('2023-12-01T16:41:58Z')],
      ['sent', 'Spring sale', Date.parse('2023-12-01T15:00:00Z')],
    ]);
    expect(records[2]).toMatchObject({
      key: 'mailchimp:acct1:campaign:62eeb292278cc15f5817cb78f7790b08-91930a8a88-1701448930000-click-42694e9e57',
      connector: 'mailchimp',
      type: 'campaign',
      identities: [],
      links: ['mailchimp:acct1:person:62eeb292278cc15f5817cb78f7790b08'],
      url: 'https://us6.admin.mailchimp.com/lists/members/view?id=4321',
      updatedAt: Date.parse('2023-12-01T16:42:10Z'),
    });
  });

  it('gives the same event the same key on every fetch, so a refetch overwrites it', () => {
    const once = normalizeMailchimpActivity(feedOf(MAILCHIMP_ACTIVITY_FEED_DOC).activity, member, ctx);
    const again = normalizeMailchimpActivity(feedOf(structuredClone(MAILCHIMP_ACTIVITY_FEED_DOC)).activity, member, { ...ctx, fetchedAt: ctx.fetchedAt + 60_000 });
    expect(again.map((r) => r.key)).toEqual(once.map((r) => r.key));
    expect(new Set(once.map((r) => r.key)).size).toBe(once.length);
  });

  it('parses activity types it does not know (and odd items of them), leaving them out', () => {
    const drifted = {
      ...MAILCHIMP_ACTIVITY_FEED_DOC,
      activity: [
        { activity_type: 'survey_response', created_at_timestamp: '2024-02-01T10:00:00.000000+00:00', survey_title: 'NPS', survey_id: 7 },
        { activity_type: 'postcard_sent', created_at_timestamp: null, campaign_id: null, campaign_title: null, extra: { nested: [1, 2] } },
        { activity_type: 'open', created_at_timestamp: '2024-02-02T10:00:00.000000+00:00', campaign_id: 'x1', campaign_title: 'Winter news' },
      ],
    };
    const records = normalizeMailchimpActivity(feedOf(drifted).activity, member, ctx);
    expect(records.map((r) => [r.fields.activity, r.title])).toEqual([['open', 'Winter news']]);
  });

  it('skips a campaign item without a readable time rather than inventing one', () => {
    const records = normalizeMailchimpActivity(feedOf({ activity: [{ activity_type: 'open', created_at_timestamp: 'yesterday', campaign_id: 'x', campaign_title: 'X' }] }).activity, member, ctx);
    expect(records).toEqual([]);
  });
});
