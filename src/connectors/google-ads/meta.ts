import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { googleAdsPages } from './pages';

/** Google Ads without its API code: what the content script, the panel, Options and the build know of it. */
export const googleAdsMeta: VendorMeta<'google-ads'> = {
  id: 'google-ads',
  label: 'Google Ads',
  // Google Ads holds campaigns and spend, not people: no content script on its console.
  consoleMatches: [],
  // Google's token endpoint renews the sign-in's access token.
  apiMatches: ['https://googleads.googleapis.com/*', 'https://oauth2.googleapis.com/*'],
  pages: googleAdsPages,
  auth: { modes: ['token'], googleSignIn: { scope: 'https://www.googleapis.com/auth/adwords', prefixLabel: 'Developer token' } },
  traits: { metricsOnly: true, adMetrics: { spend: 'cost', conversions: 'conversions' } },
};

/** How Options asks for Google Ads credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenLabel: 'Developer token and OAuth access token, joined by a colon',
  tokenHelp: {
    createAt: 'https://ads.google.com/aw/apicenter',
    scopes: ['https://www.googleapis.com/auth/adwords'],
    steps:
      'The developer token is in Google Ads → Admin → API Center of your manager account (Test, Basic or Standard access; a test token reads only test accounts). ' +
      'For the access token open the OAuth 2.0 Playground (https://developers.google.com/oauthplayground/), type https://www.googleapis.com/auth/adwords in “Input your own scopes”, click Authorize APIs and sign in with a Google account that can see the Ads account, then “Exchange authorization code for tokens” and copy the Access token (ya29…). ' +
      'Enter them here as <developer token>:<access token>, with the customer id shown at the top of Google Ads (123-456-7890). When you reach the account through a manager account, add “via” and the manager’s id (123-456-7890 via 987-654-3210). ' +
      'Access tokens expire after an hour: paste a fresh one when Options shows the token was rejected.',
  },
  siteField: {
    label: 'Google Ads customer id (and manager id)',
    placeholder: '123-456-7890 (through a manager account: 123-456-7890 via 987-654-3210)',
    pattern: '\\s*\\d{3}-?\\d{3}-?\\d{4}(\\s+via\\s+\\d{3}-?\\d{3}-?\\d{4})?\\s*',
  },
};
