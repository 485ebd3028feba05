import type { ConnectorSetup } from '../contract';

/** How Options asks for Zendesk's credentials and says where to get them; the worker never needs it. */
export const zendeskSetup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://support.zendesk.com/hc/en-us/articles/4408889192858',
    scopes: ['Admin Center → Apps and integrations → Zendesk API: Token access enabled'],
    steps: 'In Zendesk Admin Center open Apps and integrations → APIs → Zendesk API, turn on Token access, add an API token and copy it. Enter it with your agent email and your subdomain.',
  },
  siteField: { label: 'Zendesk subdomain', placeholder: 'acme (from acme.zendesk.com)', pattern: '[a-z0-9][a-z0-9\\-]*(\\.zendesk\\.com)?' },
  emailField: { label: 'Your agent email', placeholder: 'you@company.com' },
};
