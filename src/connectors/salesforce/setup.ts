import type { ConnectorSetup } from '../contract';

/** How Options asks for Salesforce's credentials and says where to get them; the worker never needs it. */
export const salesforceSetup: ConnectorSetup = {
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
