import type { ConnectorSetup } from '../contract';

/** How Options asks for Mailchimp's credentials and says where to get them; the worker never needs it. */
export const mailchimpSetup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://admin.mailchimp.com/account/api/',
    scopes: ['None to choose: a Mailchimp API key can read and change the whole account, so keep it private'],
    steps: 'In Mailchimp click your profile icon → Profile → Extras → API keys, then Create A Key, name it (for example “Customer view”), and copy it right away. It ends in your data centre, like “…-us6”.',
  },
};
