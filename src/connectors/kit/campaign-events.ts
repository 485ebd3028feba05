import type { CampaignActivity, ConnectorId, CustomerRecord } from '../../model/record';
import { buildRecord } from './record';

/** Events kept per person and tool: the newest, so the timeline stays a summary and the store small. */
export const MAX_CAMPAIGN_EVENTS = 20;

export interface CampaignEvent {
  connector: ConnectorId;
  account: string;
  /** Stable across refetches (the vendor's event id, or one built from what identifies the event), so a refetch overwrites. */
  id: string;
  /** The person record the event happened to. */
  personKey: string;
  activity: CampaignActivity;
  /** The campaign's name as the vendor shows it (or the audience's, for an unsubscribe outside a campaign). */
  campaign: string;
  /** The email's subject line, when the vendor says it. */
  subject?: string;
  /** Epoch ms. */
  at: number;
  /** Where to see it in the console (the campaign, or the person's activity). */
  url: string;
  fetchedAt: number;
}

/** One campaign event as a canonical record of type `campaign`, linked to its person. */
export function campaignEventRecord(event: CampaignEvent): CustomerRecord {
  return buildRecord({
    connector: event.connector,
    account: event.account,
    type: 'campaign',
    id: event.id,
    title: event.campaign,
    fields: { name: event.campaign, activity: event.activity, subject: event.subject, createdAt: event.at },
    links: [event.personKey],
    url: event.url,
    updatedAt: event.at,
    fetchedAt: event.fetchedAt,
    // Not searched: a search for "spring" wants people and companies, not twenty copies of one send.
    searchable: false,
  });
}

/** Newest first, at most MAX_CAMPAIGN_EVENTS, each key once (a vendor may list one event twice across pages or audiences). */
export function newestEvents(records: CustomerRecord[]): CustomerRecord[] {
  const unique = [...new Map(records.map((r) => [r.key, r])).values()];
  return unique.sort((a, b) => (b.fields.createdAt ?? 0) - (a.fields.createdAt ?? 0)).slice(0, MAX_CAMPAIGN_EVENTS);
}
