import { VENDOR_METAS, vendorsWith } from '../connectors/vendors';

/**
 * Connector ids, record types and record keys without zod, so the panel and the content
 * script can use them without bundling the schema library (the zod enums in record.ts are
 * built from these same lists). The ids are the vendors' metas' (connectors/vendors.ts): each
 * meta is typed `VendorMeta<'its id'>`, so the union is known without inferring the metas.
 */
export type ConnectorId = (typeof VENDOR_METAS)[number]['id'];
export const CONNECTOR_IDS = VENDOR_METAS.map((meta) => meta.id) as [ConnectorId, ...ConnectorId[]];

export const RECORD_TYPES = ['person', 'company', 'deal', 'ticket', 'order', 'subscription', 'conversation', 'campaign', 'list'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * What a campaign event (a record of type `campaign` linked to its person) says happened. Each
 * connector maps its vendor's words onto these (Mailchimp `unsub`, Klaviyo "Opened Email"...);
 * anything else the vendors report is not a campaign event and is left out.
 */
export const CAMPAIGN_ACTIVITIES = ['sent', 'open', 'click', 'bounce', 'unsubscribe'] as const;
export type CampaignActivity = (typeof CAMPAIGN_ACTIVITIES)[number];

/** Tools that hold numbers, not customers (GA4 never exposes people): never asked about a person. */
export const METRICS_ONLY_CONNECTORS: readonly ConnectorId[] = vendorsWith('metricsOnly');

/** Tools that list a company's people when it is opened (connectors' `companyPeople`). */
export const COMPANY_PEOPLE_CONNECTORS: readonly ConnectorId[] = vendorsWith('companyPeople');

export function holdsCustomers(connector: ConnectorId): boolean {
  return !METRICS_ONLY_CONNECTORS.includes(connector);
}

export function isConnectorId(value: unknown): value is ConnectorId {
  return (CONNECTOR_IDS as readonly unknown[]).includes(value);
}

export function isRecordType(value: unknown): value is RecordType {
  return (RECORD_TYPES as readonly unknown[]).includes(value);
}

/** `connector:account:type:id`, unique across every tool and account. */
export function recordKey(connector: ConnectorId, account: string, type: RecordType, id: string): string {
  return `${connector}:${account}:${type}:${id}`;
}

/** The inverse of recordKey; null for anything that is not a well-formed key. */
export function parseRecordKey(key: string): { connector: ConnectorId; account: string; type: RecordType; id: string } | null {
  const [connector, account, type, ...rest] = key.split(':');
  const id = rest.join(':');
  return isConnectorId(connector) && isRecordType(type) && account && id ? { connector, account, type, id } : null;
}
