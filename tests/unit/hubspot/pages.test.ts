import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/connectors/page-registry';
import { hubspotRecordUrl, legacyRecordPage, recordPage } from '../../../src/connectors/hubspot/pages';

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
  // deals (0-3) and tickets (0-5), modern and legacy, on every console host
  ['https://app.hubspot.com/contacts/4815162/record/0-3/9001', { account: '4815162', type: 'deal', id: '9001', host: 'app.hubspot.com' }],
  ['https://app.hubspot.com/contacts/4815162/record/0-3/7041/view/1?tab=activity', { account: '4815162', type: 'deal', id: '7041', host: 'app.hubspot.com' }],
  ['https://app-eu1.hubspot.com/contacts/25000000/record/0-3/29846388244#notes', { account: '25000000', type: 'deal', id: '29846388244', host: 'app-eu1.hubspot.com' }],
  ['https://app-na2.hubspot.com/contacts/243000000/record/0-3/8', { account: '243000000', type: 'deal', id: '8', host: 'app-na2.hubspot.com' }],
  ['https://app-ap1.hubspot.com/contacts/300000000/record/0-3/9/', { account: '300000000', type: 'deal', id: '9', host: 'app-ap1.hubspot.com' }],
  ['https://app.hubspot.com/contacts/62515/deal/4433', { account: '62515', type: 'deal', id: '4433', host: 'app.hubspot.com' }],
  ['https://app-eu1.hubspot.com/contacts/62515/deal/4433/', { account: '62515', type: 'deal', id: '4433', host: 'app-eu1.hubspot.com' }],
  ['https://app.hubspot.com/contacts/4815162/record/0-5/9001', { account: '4815162', type: 'ticket', id: '9001', host: 'app.hubspot.com' }],
  ['https://app-eu1.hubspot.com/contacts/25000000/record/0-5/1234567/view/2', { account: '25000000', type: 'ticket', id: '1234567', host: 'app-eu1.hubspot.com' }],
  ['https://app-na2.hubspot.com/contacts/243000000/record/0-5/77?interaction=email', { account: '243000000', type: 'ticket', id: '77', host: 'app-na2.hubspot.com' }],
  ['https://app-ap1.hubspot.com/contacts/300000000/record/0-5/78', { account: '300000000', type: 'ticket', id: '78', host: 'app-ap1.hubspot.com' }],
  ['https://app.hubspot.com/contacts/62515/ticket/556677', { account: '62515', type: 'ticket', id: '556677', host: 'app.hubspot.com' }],
  ['https://app-na2.hubspot.com/contacts/62515/ticket/556677/', { account: '62515', type: 'ticket', id: '556677', host: 'app-na2.hubspot.com' }],
];

const negatives = [
  // HubSpot pages that are not a contact or company record
  'https://app.hubspot.com/contacts/4815162/objects/0-1/views/all/list',
  'https://app.hubspot.com/contacts/4815162/record/0-4/9001', // activity objects are not records we read
  'https://app.hubspot.com/contacts/4815162/record/0-7/9001', // products
  'https://app.hubspot.com/contacts/4815162/record/2-1234567/9001', // custom objects
  'https://app.hubspot.com/contacts/4815162/record/0-3/',
  'https://app.hubspot.com/contacts/4815162/record/0-5/abc',
  'https://app.hubspot.com/contacts/4815162/record/0-35/9001',
  'https://app.hubspot.com/contacts/4815162/deal/',
  'https://app.hubspot.com/contacts/4815162/tickets/9001',
  'https://app.hubspot.com/contacts/4815162/objects/0-3/views/all/board',
  'https://app.hubspot.com/contacts/4815162/objects/0-5/views/all/list',
  'https://app.hubspot.com/help-desk/4815162/view/123/ticket/9001',
  'https://app.hubspot.com/deals/4815162/record/0-3/9001',
  'https://www.hubspot.com/contacts/4815162/record/0-3/9001',
  'https://app.hubspot.com.evil.example/contacts/4815162/record/0-5/9001',
  'https://app-eu1.hubspot.co/contacts/4815162/deal/9001',
  'https://evil.example/app.hubspot.com/contacts/4815162/ticket/9001',
  'https://apphubspot.com/contacts/4815162/record/0-3/9001',
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
  'https://acme.pipedrive.com/deal/1',
  'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000ABCDeAAH/view',
  'https://acme.lightning.force.com/lightning/r/Case/5005g00000ABCDeAAH/view',
  'https://acme.zendesk.com/agent/tickets/9001',
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
    expect(recordPage.detect(new URL('https://app.hubspot.com/contacts/1/deal/2'))).toBeNull();
    expect(legacyRecordPage.detect(new URL('https://app.hubspot.com/contacts/1/record/0-5/2'))).toBeNull();
  });

  it('builds deep links for deals and tickets with their object type ids', () => {
    expect(hubspotRecordUrl('app-eu1.hubspot.com', '1', 'deal', '2')).toBe('https://app-eu1.hubspot.com/contacts/1/record/0-3/2');
    expect(hubspotRecordUrl('app.hubspot.com', '1', 'ticket', '3')).toBe('https://app.hubspot.com/contacts/1/record/0-5/3');
    expect(hubspotRecordUrl('app.hubspot.com', '1', 'company', '4')).toBe('https://app.hubspot.com/contacts/1/record/0-2/4');
    expect(hubspotRecordUrl('app.hubspot.com', '1', 'person', '5')).toBe('https://app.hubspot.com/contacts/1/record/0-1/5');
  });
});
