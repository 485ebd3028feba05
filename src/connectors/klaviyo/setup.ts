import type { ConnectorSetup } from '../contract';

/** How Options asks for Klaviyo's credentials and says where to get them; the worker never needs it. */
export const klaviyoSetup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://www.klaviyo.com/settings/account/api-keys',
    scopes: ['Accounts: Read', 'Profiles: Read', 'Lists: Read', 'Events: Read and Metrics: Read (optional: campaign emails in the timeline)'],
    steps: 'In Klaviyo click your account name (bottom left) → Settings → API keys → Create Private API Key. Name it, choose Custom Key, give Read Access to Accounts, Profiles and Lists, and to Events and Metrics for campaign emails in the timeline (nothing else), click Create and copy the key that starts with pk_.',
  },
};
