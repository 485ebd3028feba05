import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { marketoPages } from './pages';

/** Marketo Engage without its API code: what the content script, the panel, Options and the build know of it. */
export const marketoMeta: VendorMeta<'marketo'> = {
  id: 'marketo',
  label: 'Marketo',
  consoleMatches: ['https://*.marketo.com/*'],
  // The REST API and its identity service are both on the instance's `<munchkin>.mktorest.com`.
  apiMatches: ['https://*.mktorest.com/*'],
  pages: marketoPages,
  auth: { modes: ['token'] },
  traits: { marketingLists: true },
};

/** How Options asks for Marketo's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenLabel: 'Client ID and Client Secret, joined by a colon',
  tokenHelp: {
    createAt: 'https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication',
    scopes: ['An API-only user whose role has the API permissions Read-Only Lead, Read-Only Activity and Read-Only Assets'],
    steps:
      'In Marketo open Admin → Users & Roles: create a role with the read-only API permissions above and an API-only user with it. Then Admin → Integration → LaunchPoint → New → New Service, type “Custom”, that API user; View Details shows the Client ID and Client Secret. ' +
      'Enter them here as <Client ID>:<Client Secret>, with the REST endpoint host from Admin → Integration → Web Services (like 123-ABC-456.mktorest.com).',
  },
  siteField: { label: 'Marketo REST endpoint host', placeholder: '123-ABC-456.mktorest.com (Admin → Integration → Web Services)', pattern: '(https://)?[A-Za-z0-9]{3}-[A-Za-z0-9]{3}-[A-Za-z0-9]{3}\\.mktorest\\.com(/rest)?/?' },
};
