import type { Connector } from './contract';
import type { ConnectorId } from '../model/record';
import { hubspot } from './hubspot';
import { stripe } from './stripe';
import { zendesk } from './zendesk';
import { ga4 } from './ga4';
import { salesforce } from './salesforce';
import { intercom } from './intercom';
import { mailchimp } from './mailchimp';
import { klaviyo } from './klaviyo';
import { pipedrive } from './pipedrive';

/** One line per vendor. */
export const connectors: Connector[] = [hubspot, salesforce, stripe, zendesk, intercom, mailchimp, klaviyo, pipedrive, ga4];

export function connectorFor(id: ConnectorId): Connector {
  const connector = connectors.find((c) => c.id === id);
  if (!connector) throw new Error(`No connector ${id}`);
  return connector;
}
