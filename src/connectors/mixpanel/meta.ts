import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { mixpanelPages } from './pages';

/** Mixpanel without its API code: what the content script, the panel, Options and the build know of it. */
export const mixpanelMeta: VendorMeta<'mixpanel'> = {
  id: 'mixpanel',
  label: 'Mixpanel',
  consoleMatches: ['https://mixpanel.com/*', 'https://eu.mixpanel.com/*', 'https://in.mixpanel.com/*'],
  // The Query API (`/api/query`) is served on each data residency's console host; the secret goes to no other.
  apiMatches: ['https://mixpanel.com/*', 'https://eu.mixpanel.com/*', 'https://in.mixpanel.com/*'],
  pages: mixpanelPages,
  auth: { modes: ['token'] },
  traits: {},
};

/** How Options asks for Mixpanel's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenLabel: 'Service account username and secret, joined by a colon',
  tokenHelp: {
    createAt: 'https://docs.mixpanel.com/docs/orgs-and-projects/service-accounts',
    scopes: ['A service account with the Consumer role (read-only) on the project'],
    steps:
      'In Mixpanel open Organization Settings → Service Accounts → Add Service Account, give it the Consumer role on the project and copy its username and secret (the secret is shown once). ' +
      'Enter them here as <username>:<secret>. The project id is in Project Settings → Overview. Projects stored in the EU (or India) answer on eu.mixpanel.com (in.mixpanel.com): enter the project id as eu.mixpanel.com/<project id>, or paste the address of any page of the project. ' +
      'Mixpanel allows 60 queries an hour: the extension uses at most half and reuses answers it already has.',
  },
  siteField: { label: 'Mixpanel project id (with eu.mixpanel.com/ for EU data residency)', placeholder: '3141592 (or eu.mixpanel.com/3141592 for EU data residency)', pattern: '(https://)?((eu|in)\\.)?(mixpanel\\.com/)?(project/)?[0-9]{1,12}(/.*)?' },
};
