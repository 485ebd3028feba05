import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { ga4Pages } from './pages';

/** Google Analytics without its API code: what the content script, the panel, Options and the build know of it. */
export const ga4Meta: VendorMeta<'ga4'> = {
  id: 'ga4',
  label: 'Google Analytics',
  // GA4 has no customer record pages: no content script and no host access to its console.
  consoleMatches: [],
  // Google's token endpoint renews the sign-in's access token.
  apiMatches: ['https://analyticsdata.googleapis.com/*', 'https://oauth2.googleapis.com/*'],
  pages: ga4Pages,
  auth: { modes: ['token'], googleSignIn: { scope: 'https://www.googleapis.com/auth/analytics.readonly' } },
  traits: { metricsOnly: true },
};

/** How Options asks for Google Analytics's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://developers.google.com/oauthplayground/',
    scopes: ['https://www.googleapis.com/auth/analytics.readonly'],
    steps:
      'Open the OAuth 2.0 Playground, type https://www.googleapis.com/auth/analytics.readonly in “Input your own scopes”, click Authorize APIs and sign in with a Google account that can view the GA4 property, then click “Exchange authorization code for tokens” and copy the Access token (ya29…). ' +
      'Developers can instead run: gcloud auth application-default login --scopes=https://www.googleapis.com/auth/analytics.readonly,https://www.googleapis.com/auth/cloud-platform and then gcloud auth application-default print-access-token (Google may require your own OAuth client for this scope: add --client-id-file=client.json). ' +
      'The property id is in GA4 Admin → Property details. Access tokens expire after an hour: paste a fresh one when Options shows the token was rejected.',
  },
  siteField: { label: 'GA4 property id', placeholder: '312345678 (Admin → Property details)', pattern: '(properties/)?[0-9]{4,12}' },
};
