import type { ConnectorSetup } from '../contract';

/** How Options asks for Pipedrive's credentials and says where to get them; the worker never needs it. */
export const pipedriveSetup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://app.pipedrive.com/settings/api',
    scopes: ['Personal API token (reads what your Pipedrive user can see)'],
    steps: 'In Pipedrive click your profile picture → Personal preferences → API, copy “Your personal API token”. Enter it here with your company address (the “acme” of acme.pipedrive.com).',
  },
  siteField: { label: 'Pipedrive company address', placeholder: 'acme (from acme.pipedrive.com)', pattern: '[a-z0-9][a-z0-9\\-]*(\\.pipedrive\\.com)?' },
};
