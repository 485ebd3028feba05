import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { KLAVIYO_CONSOLE_HOST, klaviyoPages } from './pages';

/** Klaviyo without its API code: what the content script, the panel, Options and the build know of it. */
export const klaviyoMeta: VendorMeta<'klaviyo'> = {
  id: 'klaviyo',
  label: 'Klaviyo',
  consoleMatches: [`https://${KLAVIYO_CONSOLE_HOST}/*`],
  apiMatches: ['https://a.klaviyo.com/*'],
  pages: klaviyoPages,
  auth: { modes: ['token'] },
  traits: { marketingLists: true },
};

/** How Options asks for Klaviyo's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://www.klaviyo.com/settings/account/api-keys',
    scopes: ['Accounts: Read', 'Profiles: Read', 'Lists: Read', 'Events: Read and Metrics: Read (optional: campaign emails in the timeline)'],
    steps: 'In Klaviyo click your account name (bottom left) → Settings → API keys → Create Private API Key. Name it, choose Custom Key, give Read Access to Accounts, Profiles and Lists, and to Events and Metrics for campaign emails in the timeline (nothing else), click Create and copy the key that starts with pk_.',
  },
};
