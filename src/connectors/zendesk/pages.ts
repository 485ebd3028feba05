import type { PageDetector } from '../contract';
import type { RecordType } from '../../model/keys';

/** `<subdomain>.zendesk.com`: the subdomain is the account. */
const ZENDESK_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.zendesk\.com$/;

export function zendeskSubdomainOf(host: string): string | null {
  return ZENDESK_HOST.exec(host)?.[1] ?? null;
}

const SECTIONS: Record<string, RecordType> = { tickets: 'ticket', users: 'person', organizations: 'company' };

/** Agent workspace pages: `/agent/tickets/1`, `/agent/users/20014192/requested_tickets`, `/agent/organizations/7/tickets`. */
export const zendeskAgentPage: PageDetector = {
  name: 'zendesk agent record page',
  detect(url) {
    const subdomain = zendeskSubdomainOf(url.hostname);
    if (!subdomain) return null;
    const match = /^\/agent\/(tickets|users|organizations)\/(\d+)(?:\/[\w-]*)*\/?$/.exec(url.pathname);
    return match ? { connector: 'zendesk', account: subdomain, type: SECTIONS[match[1]!]!, id: match[2]!, host: url.hostname } : null;
  },
};

export const zendeskPages: PageDetector[] = [zendeskAgentPage];

export function zendeskAgentUrl(subdomain: string, section: 'tickets' | 'users' | 'organizations', id: number | string): string {
  return `https://${subdomain}.zendesk.com/agent/${section}/${id}`;
}
