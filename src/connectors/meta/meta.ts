import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { metaPages } from './pages';

/** Meta Ads (Marketing API) without its API code: what the content script, the panel, Options and the build know of it. */
export const metaAdsMeta: VendorMeta<'meta'> = {
  id: 'meta',
  label: 'Meta Ads',
  // Ads Manager shows no customer records: no content script, no host access to it.
  consoleMatches: [],
  apiMatches: ['https://graph.facebook.com/*'],
  pages: metaPages,
  auth: { modes: ['token'] },
  // Purchases are its conversions here: the action most shop accounts optimise for (leads stay a metric of their own).
  traits: { metricsOnly: true, adMetrics: { spend: 'spend', conversions: 'purchases' } },
};

/** How Options asks for Meta's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenLabel: 'Access token (ads_read)',
  tokenHelp: {
    createAt: 'https://business.facebook.com/settings/system-users',
    scopes: ['ads_read'],
    steps:
      'Best: a system-user token, which does not expire. In Meta Business Settings → Users → System users, add a system user (Employee role is enough), click Assign assets and give it the ad account with “View performance”, then Generate new token for your app with the ads_read permission and copy it. ' +
      'Or, for a quick try, a user token from the Graph API Explorer (developers.facebook.com/tools/explorer) with ads_read: it expires after about an hour, then paste a new one. ' +
      'The ad account id is in Ads Manager’s account menu and in its URL (act=…): type it with or without the act_ prefix.',
  },
  siteField: { label: 'Ad account id', placeholder: 'act_798085168510957', pattern: '(act_)?[0-9]{5,20}' },
};
