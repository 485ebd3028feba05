import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { pipedriveCompanyOf, pipedrivePages } from './pages';

/** Pipedrive without its API code: what the content script, the panel, Options and the build know of it. */
export const pipedriveMeta: VendorMeta<'pipedrive'> = {
  id: 'pipedrive',
  label: 'Pipedrive',
  consoleMatches: ['https://*.pipedrive.com/*'],
  apiMatches: ['https://*.pipedrive.com/*'],
  pages: pipedrivePages,
  auth: { modes: ['token'] },
  // app.pipedrive.com is the signed-in user's own company (it redirects there): it does not say.
  traits: { companyPeople: true, consoleOwner: { of: (host) => (host === 'app.pipedrive.com' ? null : pipedriveCompanyOf(host)), noun: 'company' } },
};

/** How Options asks for Pipedrive's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://app.pipedrive.com/settings/api',
    scopes: ['Personal API token (reads what your Pipedrive user can see)'],
    steps: 'In Pipedrive click your profile picture → Personal preferences → API, copy “Your personal API token”. Enter it here with your company address (the “acme” of acme.pipedrive.com).',
  },
  siteField: { label: 'Pipedrive company address', placeholder: 'acme (from acme.pipedrive.com)', pattern: '[a-z0-9][a-z0-9\\-]*(\\.pipedrive\\.com)?' },
};
