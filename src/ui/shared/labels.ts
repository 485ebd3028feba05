import type { ConnectorId } from '../../model/record';

/** Display names, kept out of the connector modules so pages do not bundle API code for them. */
export const CONNECTOR_LABELS: Record<ConnectorId, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  stripe: 'Stripe',
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  mailchimp: 'Mailchimp',
  klaviyo: 'Klaviyo',
  pipedrive: 'Pipedrive',
  ga4: 'Google Analytics',
};

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
