import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { mailchimpPages } from './pages';

/** Mailchimp without its API code: what the content script, the panel, Options and the build know of it. */
export const mailchimpMeta: VendorMeta<'mailchimp'> = {
  id: 'mailchimp',
  label: 'Mailchimp',
  consoleMatches: ['https://*.admin.mailchimp.com/*'],
  apiMatches: ['https://*.api.mailchimp.com/*'],
  pages: mailchimpPages,
  auth: { modes: ['token'] },
  traits: { marketingLists: true },
};

/** How Options asks for Mailchimp's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://admin.mailchimp.com/account/api/',
    scopes: ['None to choose: a Mailchimp API key can read and change the whole account, so keep it private'],
    steps: 'In Mailchimp click your profile icon → Profile → Extras → API keys, then Create A Key, name it (for example “Customer view”), and copy it right away. It ends in your data centre, like “…-us6”.',
  },
};
