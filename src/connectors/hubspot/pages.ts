import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';
import type { RecordPageContext } from '../../model/page-context';
import type { RecordType } from '../../model/record';

/** HubSpot console hosts: the US default and the regional data centres. */
export const HUBSPOT_CONSOLE_HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-ap1.hubspot.com'];

export function isHubspotConsoleHost(host: string): boolean {
  return HUBSPOT_CONSOLE_HOSTS.includes(host);
}

/** HubSpot's object type ids as they appear in record URLs. */
const OBJECT_TYPE_IDS: Record<string, RecordType> = { '0-1': 'person', '0-2': 'company', '0-3': 'deal', '0-5': 'ticket' };
const LEGACY_SEGMENTS: Record<string, RecordType> = { contact: 'person', company: 'company', deal: 'deal', ticket: 'ticket' };
const TYPE_OBJECT_IDS: Partial<Record<RecordType, string>> = { person: '0-1', company: '0-2', deal: '0-3', ticket: '0-5' };

function context(url: URL, portal: string, type: RecordType, id: string): RecordPageContext {
  return { connector: 'hubspot', account: portal, type, id, host: url.hostname };
}

/**
 * `/contacts/<portal>/record/0-1/<id>` (contact), `0-2` (company), `0-3` (deal) and `0-5` (ticket),
 * with any trailing view path.
 */
export const recordPage: PageDetector = {
  name: 'hubspot record page',
  detect(url) {
    if (url.protocol !== 'https:' || !isHubspotConsoleHost(url.hostname)) return null;
    const match = /^\/contacts\/(\d+)\/record\/(\d+-\d+)\/(\d+)(?:\/|$)/.exec(url.pathname);
    const type = match && OBJECT_TYPE_IDS[match[2]!];
    return match && type ? context(url, match[1]!, type, match[3]!) : null;
  },
};

/** The older `/contacts/<portal>/contact/<id>`, `/company/<id>`, `/deal/<id>` and `/ticket/<id>` forms, still linked from emails. */
export const legacyRecordPage: PageDetector = {
  name: 'hubspot legacy record page',
  detect(url) {
    if (url.protocol !== 'https:' || !isHubspotConsoleHost(url.hostname)) return null;
    const match = /^\/contacts\/(\d+)\/(contact|company|deal|ticket)\/(\d+)(?:\/|$)/.exec(url.pathname);
    return match ? context(url, match[1]!, LEGACY_SEGMENTS[match[2]!]!, match[3]!) : null;
  },
};

export const hubspotPages: PageDetector[] = [recordPage, legacyRecordPage];

export function hubspotRecordUrl(host: string, portal: string, type: RecordType, id: string): string {
  const objectTypeId = TYPE_OBJECT_IDS[type] ?? '0-1';
  return `https://${host}/contacts/${portal}/record/${objectTypeId}/${id}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
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
  ],
  negatives: [
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
    // not URLs at all
    'not a url',
    '',
  ],
};
