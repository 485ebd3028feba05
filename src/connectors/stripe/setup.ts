import type { ConnectorSetup } from '../contract';

/** How Options asks for Stripe's credentials and says where to get them; the worker never needs it. */
export const stripeSetup: ConnectorSetup = {
  tokenHelp: {
    createAt: 'https://dashboard.stripe.com/apikeys',
    scopes: ['Customers: Read', 'Subscriptions: Read', 'Invoices: Read', 'Charges and refunds: Read', 'Connected accounts / Account: Read'],
    steps: 'In Stripe open Developers → API keys → Create restricted key, give it Read access to the resources below and nothing else, then copy the key (rk_live_… or rk_test_… for test mode).',
  },
};
