import type { ConnectorSetup, VendorMeta } from '../vendor-meta';
import { BREVO_CONSOLE_HOST, brevoPages } from './pages';

/** Brevo (formerly Sendinblue) without its API code: what the content script, the panel, Options and the build know of it. */
export const brevoMeta: VendorMeta<'brevo'> = {
  id: 'brevo',
  label: 'Brevo',
  consoleMatches: [`https://${BREVO_CONSOLE_HOST}/*`],
  apiMatches: ['https://api.brevo.com/*'],
  pages: brevoPages,
  auth: { modes: ['token'] },
  traits: { marketingLists: true },
};

/** How Options asks for Brevo's credentials and says where to get them; only Options reads it. */
export const setup: ConnectorSetup = {
  tokenLabel: 'API key (v3)',
  tokenHelp: {
    createAt: 'https://app.brevo.com/settings/keys/api',
    scopes: ['A v3 API key (Brevo keys have no scopes: the key reads the whole account; it starts with xkeysib-)', 'Optional: the Sales CRM, for deals'],
    steps: 'In Brevo click your account name (top right) → SMTP & API → API keys tab → Generate a new API key. Name it, click Generate and copy the key that starts with xkeysib- (an SMTP key, xsmtpsib-, cannot read contacts). If Brevo restricts API calls by IP address on your account, allow your IP under Settings → Security → Authorised IPs.',
  },
};
