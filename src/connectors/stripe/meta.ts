import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { STRIPE_CONSOLE_HOST, stripePages } from './pages';

/** Stripe without its API code: what the content script, the panel, Options and the build know of it. */
export const stripeMeta: VendorMeta<'stripe'> = {
  id: 'stripe',
  label: 'Stripe',
  consoleMatches: [`https://${STRIPE_CONSOLE_HOST}/*`],
  apiMatches: ['https://api.stripe.com/*'],
  pages: stripePages,
  auth: { modes: ['token'] },
  traits: { billing: true },
};

/** How Options asks for Stripe's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://dashboard.stripe.com/apikeys',
    scopes: ['Customers: Read', 'Subscriptions: Read', 'Invoices: Read', 'Charges and refunds: Read', 'Connected accounts / Account: Read'],
    steps: 'In Stripe open Developers → API keys → Create restricted key, give it Read access to the resources below and nothing else, then copy the key (rk_live_… or rk_test_… for test mode).',
  },
};
