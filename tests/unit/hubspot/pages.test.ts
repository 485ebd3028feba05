import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/connectors/page-registry';
import { legacyRecordPage, recordPage } from '../../../src/connectors/hubspot/pages';

const positives: Array<[string, { account: string; type: string; id: string; host: string }]> = [
  ['https://app.hubspot.com/contacts/4815162/record/0-1/101', { account: '4815162', type: 'person', id: '101', host: 'app.hubspot.com' }],
  ['https://app.hubspot.com/contacts/4815162/record/0-1/101/', { account: '4815162', type: 'person', id: '101', host: 'app.hubspot.com' }],
  ['https://app.hubspot.com/contacts/4815162/record/0-1/98630638716/view/1?interaction=note', { account: '4815162', type: 'person', id: '98630638716', host: 'app.hubspot.com' }],
  ['https://app.hubspot.com/contacts/4815162/record/0-2/5001', { account: '4815162', type: 'company', id: '5001', host: 'app.hubspot.com' }],
  ['https://app-eu1.hubspot.com/contacts/25000000/record/0-1/42#activity', { account: '25000000', type: 'person', id: '42', host: 'app-eu1.hubspot.com' }],
  ['https://app-eu1.hubspot.com/contacts/25000000/record/0-2/29846388244', { account: '25000000', type: 'company', id: '29846388244', host: 'app-eu1.hubspot.com' }],
  ['https://app.hubspot.com/contacts/62515/contact/23511', { account: '62515', type: 'person', id: '23511', host: 'app.hubspot.com' }],
  ['https://app.hubspot.com/contacts/62515/company/777/', { account: '62515', type: 'company', id: '777', host: 'app.hubspot.com' }],
  ['https://app-na2.hubspot.com/contacts/243000000/record/0-1/7', { account: '243000000', type: 'person', id: '7', host: 'app-na2.hubspot.com' }],
];

const negatives = [
  // HubSpot pages that are not a contact or company record
  'https://app.hubspot.com/contacts/4815162/objects/0-1/views/all/list',
  'https://app.hubspot.com/contacts/4815162/record/0-3/9001', // deal: a later issue
  'https://app.hubspot.com/contacts/4815162/record/0-1/',
  'https://app.hubspot.com/contacts/4815162/record/0-1/abc',
  'https://app.hubspot.com/reports-dashboard/4815162/view/123',
  'https://app.hubspot.com/',
  'https://www.hubspot.com/contacts/4815162/record/0-1/101',
  'http://app.hubspot.com/contacts/4815162/record/0-1/101',
  'https://app.hubspot.com.evil.example/contacts/4815162/record/0-1/101',
  'https://evil.example/app.hubspot.com/contacts/4815162/record/0-1/101',
  // other vendors' record pages
  'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view',
  'https://dashboard.stripe.com/customers/cus_NffrFeUfNV2Hib',
  'https://dashboard.stripe.com/test/customers/cus_NffrFeUfNV2Hib',
  'https://acme.zendesk.com/agent/tickets/1',
  'https://acme.zendesk.com/agent/users/20014192',
  'https://app.intercom.com/a/inbox/abc123/inbox/conversation/1',
  'https://app.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4/all-conversations',
  'https://us6.admin.mailchimp.com/lists/members/view?id=123456',
  'https://www.klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H',
  'https://acme.pipedrive.com/person/1',
  'https://analytics.google.com/analytics/web/#/p123456/reports/intelligenthome',
  'not a url',
  '',
];

describe('HubSpot record page detectors', () => {
  it.each(positives)('recognises %s', (href, expected) => {
    expect(detectPage(href)).toEqual({ connector: 'hubspot', ...expected });
  });

  it.each(negatives)('ignores %s', (href) => {
    const context = detectPage(href);
    expect(context?.connector === 'hubspot' ? context : null).toBeNull();
  });

  it('keeps the modern and legacy URL forms in separate detectors', () => {
    expect(recordPage.detect(new URL('https://app.hubspot.com/contacts/1/contact/2'))).toBeNull();
    expect(legacyRecordPage.detect(new URL('https://app.hubspot.com/contacts/1/record/0-1/2'))).toBeNull();
  });
});
