import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { CustomerRecord } from '../../model/record';
import { ConnectorError } from '../errors';
import { ZendeskApi, zendeskOrigin } from './api';
import { normalizeZendeskOrganization, normalizeZendeskTicket, normalizeZendeskUser, type ZendeskNormalizeContext } from './normalize';
import type { ZendeskUser } from './schemas';
import { zendeskMeta } from './meta';

function apiFor(credentials: Credentials): ZendeskApi {
  if (!credentials.site || !credentials.email) throw new ConnectorError('auth', 'Zendesk needs the subdomain and the agent email that goes with the API token.');
  return new ZendeskApi({ subdomain: credentials.site, email: credentials.email, token: credentials.token });
}

function context(connection: Connection): ZendeskNormalizeContext {
  return { subdomain: connection.account, fetchedAt: Date.now() };
}

/** A user with their organisation and the tickets they asked for (open tickets feed the profile). */
/** A company's people read on open: two pages at most. */
const MAX_ORGANIZATION_USERS = 200;

async function organizationUsers(api: ZendeskApi, organizationId: string): Promise<ZendeskUser[]> {
  const users: ZendeskUser[] = [];
  let after: string | null = null;
  do {
    const page = await api.organizationUsersPage(organizationId, after);
    users.push(...page.users);
    after = page.meta.has_more ? page.meta.after_cursor : null;
  } while (after && users.length < MAX_ORGANIZATION_USERS);
  return users.slice(0, MAX_ORGANIZATION_USERS);
}

async function userWithTickets(api: ZendeskApi, user: ZendeskUser, connection: Connection): Promise<CustomerRecord[]> {
  const ctx = context(connection);
  const [organization, tickets] = await Promise.all([user.organization_id ? api.organization(user.organization_id).then((o) => o.organization) : undefined, api.requestedTickets(user.id)]);
  return [
    normalizeZendeskUser(user, ctx, organization),
    ...(organization ? [normalizeZendeskOrganization(organization, ctx)] : []),
    ...tickets.tickets.slice(0, 25).map((t) => normalizeZendeskTicket(t, ctx)),
  ];
}

export const zendesk: Connector = {
  ...zendeskMeta,

  async verify(credentials) {
    const me = (await apiFor(credentials).me()).user;
    const subdomain = new URL(zendeskOrigin(credentials.site ?? '')).hostname.split('.')[0]!;
    return {
      connector: 'zendesk',
      authMode: 'token',
      account: subdomain,
      accountLabel: `${subdomain}.zendesk.com (${me.name})`,
      consoleHost: `${subdomain}.zendesk.com`,
      isSandbox: /sandbox/i.test(subdomain),
    };
  },

  async fetchRecord(page, credentials, connection): Promise<FetchResult> {
    const api = apiFor(credentials);
    const ctx = context(connection);
    if (page.type === 'ticket') {
      const { ticket, users = [], organizations = [] } = await api.ticket(page.id);
      const requester = users.find((u) => u.id === ticket.requester_id);
      const organization = organizations.find((o) => o.id === ticket.organization_id);
      return { records: [normalizeZendeskTicket(ticket, ctx), ...(requester ? [normalizeZendeskUser(requester, ctx, organization)] : []), ...(organization ? [normalizeZendeskOrganization(organization, ctx)] : [])] };
    }
    if (page.type === 'company') return { records: [normalizeZendeskOrganization((await api.organization(page.id)).organization, ctx)] };
    return { records: await userWithTickets(api, (await api.user(page.id)).user, connection) };
  },

  async findByEmail(email, credentials, connection) {
    const api = apiFor(credentials);
    const users = (await api.searchUsersByEmail(email)).users.slice(0, 3);
    return { records: (await Promise.all(users.map((u) => userWithTickets(api, u, connection)))).flat() };
  },

  async companyPeople(organizationId, credentials, connection) {
    const api = apiFor(credentials);
    const [{ organization }, users] = await Promise.all([api.organization(organizationId), organizationUsers(api, organizationId)]);
    const ctx = context(connection);
    return { records: users.map((user) => normalizeZendeskUser(user, ctx, organization)) };
  },

  async sync(cursor, credentials, connection) {
    const page = await apiFor(credentials).usersPage(cursor);
    const ctx = context(connection);
    return { records: page.users.map((u) => normalizeZendeskUser(u, ctx)), cursor: page.meta.has_more ? page.meta.after_cursor : null };
  },

  async metrics(credentials, connection) {
    const api = apiFor(credentials);
    const at = Date.now();
    const weekAgo = new Date(at - 7 * 86_400_000).toISOString().slice(0, 10);
    const [open, created] = await Promise.all([api.countTickets('status:open'), api.countTickets(`created>${weekAgo}`)]);
    const point = (metric: string, label: string, value: number) => ({ metric, label, value, unit: 'tickets', at, connector: 'zendesk' as const, account: connection.account });
    return [point('open-tickets', 'Open Zendesk tickets', open.count), point('new-tickets-7d', 'New Zendesk tickets (7 days)', created.count)];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { zendesk as connector };
