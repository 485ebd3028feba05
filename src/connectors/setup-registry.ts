import type { ConnectorSetup } from './contract';
import type { ConnectorId } from '../model/record';
import { hubspotSetup } from './hubspot/setup';
import { salesforceSetup } from './salesforce/setup';
import { stripeSetup } from './stripe/setup';
import { zendeskSetup } from './zendesk/setup';
import { intercomSetup } from './intercom/setup';
import { mailchimpSetup } from './mailchimp/setup';
import { klaviyoSetup } from './klaviyo/setup';
import { pipedriveSetup } from './pipedrive/setup';
import { ga4Setup } from './ga4/setup';

/**
 * One line per vendor, for the Options page only (registry.ts is what the worker runs). Keyed
 * by connector id, so a vendor without its setup does not compile.
 */
export const connectorSetups: Record<ConnectorId, ConnectorSetup> = {
  hubspot: hubspotSetup,
  salesforce: salesforceSetup,
  stripe: stripeSetup,
  zendesk: zendeskSetup,
  intercom: intercomSetup,
  mailchimp: mailchimpSetup,
  klaviyo: klaviyoSetup,
  pipedrive: pipedriveSetup,
  ga4: ga4Setup,
};
