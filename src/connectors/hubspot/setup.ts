import type { ConnectorSetup } from '../contract';

/** How Options asks for HubSpot's credentials and says where to get them; the worker never needs it. */
export const hubspotSetup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://app.hubspot.com/private-apps/',
    scopes: ['crm.objects.contacts.read', 'crm.objects.companies.read', 'crm.objects.owners.read', 'crm.objects.deals.read', 'tickets'],
    steps:
      'In HubSpot open Settings → Integrations → Private Apps → Create a private app, tick the scopes below on the Scopes tab, create it, then copy its access token.',
  },
};
