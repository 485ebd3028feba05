import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { salesforceInstanceFromConsoleHost, salesforcePages } from './pages';

/** Salesforce without its API code: what the content script, the panel, Options and the build know of it. */
export const salesforceMeta: VendorMeta<'salesforce'> = {
  id: 'salesforce',
  label: 'Salesforce',
  consoleMatches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  apiMatches: ['https://*.my.salesforce.com/*'],
  pages: salesforcePages,
  auth: { modes: ['token', 'session'] },
  traits: {
    companyPeople: true,
    pageRecord: {
      title: ['h1 lightning-formatted-name', 'h1 .slds-page-header__title', '.slds-page-header__title', 'h1'],
      company: 'a[href*="/lightning/r/Account/"], a[href*="/lightning/r/001"]',
    },
    // Lightning and Classic hosts of one My Domain are one instance; a sandbox is another org.
    consoleOwner: { of: salesforceInstanceFromConsoleHost, noun: 'org' },
  },
};

/** How Options asks for Salesforce's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://developer.salesforce.com/tools/salesforcecli',
    scopes: ['api (Access and manage your data)', 'User permission: API Enabled'],
    steps:
      'Easiest: choose “Use my signed-in Salesforce session” and stay signed in to Salesforce in this browser. ' +
      'For a token: install the Salesforce CLI, run “sf org login web --alias my-org”, sign in, then run “sf org display --target-org my-org” and copy the Access Token ' +
      '(or use a Connected App with the “api” OAuth scope). Your user needs the “API Enabled” permission. Enter the token with your instance URL, e.g. https://yourcompany.my.salesforce.com. ' +
      'Access tokens expire with the session, so reconnect when Salesforce says the session expired.',
  },
  siteField: {
    label: 'Salesforce instance URL',
    placeholder: 'https://yourcompany.my.salesforce.com',
    pattern: '(https://)?[A-Za-z0-9\\-]+(\\.sandbox)?\\.(my\\.salesforce\\.com|lightning\\.force\\.com)(/.*)?|[A-Za-z0-9\\-]+',
  },
  sessionHelp: 'Or stay signed in to Salesforce in this browser: enter the instance URL and use your signed-in session. Nothing is stored; the session is read when needed.',
};
