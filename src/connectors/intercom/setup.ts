import type { ConnectorSetup } from '../contract';

/** How Options asks for Intercom's credentials and says where to get them; the worker never needs it. */
export const intercomSetup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://app.intercom.com/a/apps/_/developer-hub',
    scopes: ['Read and list users and companies', 'Read one user and one company', 'Read conversations', 'Read tags', 'Read admins'],
    steps:
      'In Intercom open Settings → Integrations → Developer Hub, choose New app (an internal app for your own workspace), then open Configure → Authentication and copy the Access token. If your workspace is hosted in Europe or Australia, enter eu or au as the region.',
  },
  siteField: { label: 'Data region (empty for US, or eu / au)', placeholder: 'us', pattern: '(|[Uu][Ss]|[Ee][Uu]|[Aa][Uu])', optional: true },
};
