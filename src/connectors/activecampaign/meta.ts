import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { activecampaignPages } from './pages';

/** ActiveCampaign without its API code: what the content script, the panel, Options and the build know of it. */
export const activecampaignMeta: VendorMeta<'activecampaign'> = {
  id: 'activecampaign',
  label: 'ActiveCampaign',
  consoleMatches: ['https://*.activehosted.com/*'],
  apiMatches: ['https://*.api-us1.com/*'],
  pages: activecampaignPages,
  auth: { modes: ['token'] },
  traits: { marketingLists: true },
};

/** How Options asks for ActiveCampaign's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://help.activecampaign.com/hc/en-us/articles/207317590-Getting-started-with-the-API',
    scopes: ['None to choose: the key acts as your ActiveCampaign user, with that user’s permissions'],
    steps: 'In ActiveCampaign open Settings → Developer. Copy the URL (like https://acme.api-us1.com) into the account field and the Key into the token field.',
  },
  siteField: { label: 'ActiveCampaign account URL', placeholder: 'https://acme.api-us1.com', pattern: '(https://)?[a-z0-9][a-z0-9\\-]*(\\.api-us1\\.com|\\.activehosted\\.com)?/?' },
};
