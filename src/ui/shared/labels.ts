import type { ConnectorId } from '../../model/record';
import { VENDOR_METAS } from '../../connectors/vendors';

/** Display names, from the vendors' metas (no API code). */
export const CONNECTOR_LABELS = Object.fromEntries(VENDOR_METAS.map((meta) => [meta.id, meta.label])) as Record<ConnectorId, string>;

export function connectorLabel(id: string): string {
  return CONNECTOR_LABELS[id as ConnectorId] ?? id;
}

export const RECORD_TYPE_WORDS: Record<string, string> = {
  person: 'contact',
  company: 'company',
  deal: 'deal',
  ticket: 'ticket',
  order: 'order',
  subscription: 'subscription',
  conversation: 'conversation',
  campaign: 'campaign',
  list: 'list',
};
