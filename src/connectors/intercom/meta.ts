import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { INTERCOM_CONSOLE_HOSTS, intercomPages } from './pages';

/** Intercom without its API code: what the content script, the panel, Options and the build know of it. */
export const intercomMeta: VendorMeta<'intercom'> = {
  id: 'intercom',
  label: 'Intercom',
  consoleMatches: INTERCOM_CONSOLE_HOSTS.map((host) => `https://${host}/*`),
  apiMatches: ['https://api.intercom.io/*', 'https://api.eu.intercom.io/*', 'https://api.au.intercom.io/*'],
  pages: intercomPages,
  auth: { modes: ['token'] },
  traits: { marketingLists: true, companyPeople: true },
};

/** How Options asks for Intercom's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://app.intercom.com/a/apps/_/developer-hub',
    scopes: ['Read and list users and companies', 'Read one user and one company', 'Read conversations', 'Read tags', 'Read admins'],
    steps:
      'In Intercom open Settings → Integrations → Developer Hub, choose New app (an internal app for your own workspace), then open Configure → Authentication and copy the Access token. If your workspace is hosted in Europe or Australia, enter eu or au as the region.',
  },
  siteField: { label: 'Data region (empty for US, or eu / au)', placeholder: 'us', pattern: '(|[Uu][Ss]|[Ee][Uu]|[Aa][Uu])', optional: true },
};
