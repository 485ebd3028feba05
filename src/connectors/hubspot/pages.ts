import type { PageDetector } from '../contract';
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
    if (!isHubspotConsoleHost(url.hostname)) return null;
    const match = /^\/contacts\/(\d+)\/record\/(\d+-\d+)\/(\d+)(?:\/|$)/.exec(url.pathname);
    const type = match && OBJECT_TYPE_IDS[match[2]!];
    return match && type ? context(url, match[1]!, type, match[3]!) : null;
  },
};

/** The older `/contacts/<portal>/contact/<id>`, `/company/<id>`, `/deal/<id>` and `/ticket/<id>` forms, still linked from emails. */
export const legacyRecordPage: PageDetector = {
  name: 'hubspot legacy record page',
  detect(url) {
    if (!isHubspotConsoleHost(url.hostname)) return null;
    const match = /^\/contacts\/(\d+)\/(contact|company|deal|ticket)\/(\d+)(?:\/|$)/.exec(url.pathname);
    return match ? context(url, match[1]!, LEGACY_SEGMENTS[match[2]!]!, match[3]!) : null;
  },
};

export const hubspotPages: PageDetector[] = [recordPage, legacyRecordPage];

export function hubspotRecordUrl(host: string, portal: string, type: RecordType, id: string): string {
  const objectTypeId = TYPE_OBJECT_IDS[type] ?? '0-1';
  return `https://${host}/contacts/${portal}/record/${objectTypeId}/${id}`;
}
