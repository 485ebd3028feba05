import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { zendeskPages } from './pages';

/** Zendesk without its API code: what the content script, the panel, Options and the build know of it. */
export const zendeskMeta: VendorMeta<'zendesk'> = {
  id: 'zendesk',
  label: 'Zendesk',
  consoleMatches: ['https://*.zendesk.com/*'],
  apiMatches: ['https://*.zendesk.com/*'],
  pages: zendeskPages,
  auth: { modes: ['token'] },
  traits: {
    companyPeople: true,
    pageRecord: {
      title: ['[data-test-id="title"]', '[data-test-id="user-name"]', '[data-test-id="ticket-pane-header-title"]', 'h1'],
      company: 'a[href*="/agent/organizations/"]',
    },
  },
};

/** How Options asks for Zendesk's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://support.zendesk.com/hc/en-us/articles/4408889192858',
    scopes: ['Admin Center → Apps and integrations → Zendesk API: Token access enabled'],
    steps: 'In Zendesk Admin Center open Apps and integrations → APIs → Zendesk API, turn on Token access, add an API token and copy it. Enter it with your agent email and your subdomain.',
  },
  siteField: { label: 'Zendesk subdomain', placeholder: 'acme (from acme.zendesk.com)', pattern: '[a-z0-9][a-z0-9\\-]*(\\.zendesk\\.com)?' },
  emailField: { label: 'Your agent email', placeholder: 'you@company.com' },
};
