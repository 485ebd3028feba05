import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { HUBSPOT_CONSOLE_HOSTS, hubspotPages } from './pages';

/** HubSpot without its API code: what the content script, the panel, Options and the build know of it. */
export const hubspotMeta: VendorMeta<'hubspot'> = {
  id: 'hubspot',
  label: 'HubSpot',
  consoleMatches: HUBSPOT_CONSOLE_HOSTS.map((host) => `https://${host}/*`),
  apiMatches: ['https://api.hubapi.com/*'],
  pages: hubspotPages,
  auth: { modes: ['token'] },
  traits: { marketingLists: true, companyPeople: true, lifecycleOwner: true },
};

/** How Options asks for HubSpot's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenLabel: 'Private-app access token',
  tokenHelp: {
    createAt: 'https://app.hubspot.com/private-apps/',
    scopes: ['crm.objects.contacts.read', 'crm.objects.companies.read', 'crm.objects.owners.read', 'crm.objects.deals.read', 'tickets'],
    steps:
      'In HubSpot open Settings → Integrations → Private Apps → Create a private app, tick the scopes below on the Scopes tab, create it, then copy its access token.',
  },
};
