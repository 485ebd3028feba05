import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { CustomerRecord } from '../../model/record';
import { ConnectorError, isConnectorError } from '../errors';
import { IntercomApi, intercomConsoleHost } from './api';
import { normalizeIntercomCompany, normalizeIntercomContact, normalizeIntercomConversation, type IntercomNormalizeContext } from './normalize';
import type { IntercomContact } from './schemas';
import { intercomMeta } from './meta';

/** How many of a contact's conversations come with them (newest first). */
const CONVERSATIONS_PER_CONTACT = 10;

function apiFor(credentials: Credentials): IntercomApi {
  if (!credentials.token) throw new ConnectorError('auth', 'Intercom needs an access token.');
  return new IntercomApi({ token: credentials.token, site: credentials.site });
}

function context(connection: Connection): IntercomNormalizeContext {
  return { appId: connection.account, consoleHost: connection.consoleHost, fetchedAt: Date.now(), currency: connection.currency };
}

/** A company's people read on open: two pages at most. */
const MAX_COMPANY_CONTACTS = 200;

async function companyContacts(api: IntercomApi, companyId: string): Promise<IntercomContact[]> {
  const contacts: IntercomContact[] = [];
  let after: string | null = null;
  do {
    const page = await api.companyContactsPage(companyId, after, 150);
    contacts.push(...page.data);
    const next = page.pages?.next;
    after = page.data.length && next && typeof next === 'object' ? (next.starting_after ?? null) : null;
  } while (after && contacts.length < MAX_COMPANY_CONTACTS);
  return contacts.slice(0, MAX_COMPANY_CONTACTS);
}

/** Extras a token may lack the scope for (tags, subscriptions) must not hide the contact itself. */
const unlessRefused = <T>(promise: Promise<T>): Promise<T | undefined> => promise.catch((error: unknown) => (isConnectorError(error) && error.kind === 'auth' && error.detail.status === 403 ? undefined : Promise.reject(error)));

/** A contact with their companies, subscriptions, tags and recent conversations; lists known to be empty are not fetched. */
async function contactBundle(api: IntercomApi, contact: IntercomContact, ctx: IntercomNormalizeContext): Promise<CustomerRecord[]> {
  const has = (list: { total_count?: number } | undefined) => list?.total_count !== 0;
  const [companies, conversations, subscriptions, tags] = await Promise.all([
    has(contact.companies) ? api.contactCompanies(contact.id).then((l) => l.companies) : Promise.resolve([]),
    api.contactConversations(contact.id, CONVERSATIONS_PER_CONTACT).then((l) => l.conversations),
    has(contact.opted_in_subscription_types) ? unlessRefused(api.contactSubscriptions(contact.id).then((l) => l.data)) : Promise.resolve([]),
    has(contact.tags) ? unlessRefused(api.contactTags(contact.id).then((l) => l.data.map((t) => t.name))) : Promise.resolve([]),
  ]);
  const newest = [...conversations].sort((a, b) => b.updated_at - a.updated_at).slice(0, CONVERSATIONS_PER_CONTACT);
  return [
    normalizeIntercomContact(contact, ctx, { companies, subscriptions, tags }),
    ...companies.map((c) => normalizeIntercomCompany(c, ctx)),
    ...newest.map((c) => normalizeIntercomConversation(c, ctx)),
  ];
}

export const intercom: Connector = {
  ...intercomMeta,

  async verify(credentials) {
    const consoleHost = intercomConsoleHost(credentials.site);
    const { app } = await apiFor(credentials).me();
    return {
      connector: 'intercom',
      authMode: 'token',
      account: app.id_code,
      accountLabel: app.name,
      consoleHost,
      // Intercom development workspaces are named "<name> [TEST]".
      isSandbox: /\[test\]|sandbox/i.test(app.name),
    };
  },

  async fetchRecord(page, credentials, connection): Promise<FetchResult> {
    const api = apiFor(credentials);
    const ctx = context(connection);
    if (page.type === 'company') return { records: [normalizeIntercomCompany(await api.company(page.id), ctx)] };
    if (page.type === 'conversation') {
      const conversation = await api.conversation(page.id);
      const first = conversation.contacts?.contacts[0];
      const contact = first ? await api.contact(first.id).catch((error: unknown) => (isConnectorError(error) && error.kind === 'not-found' ? undefined : Promise.reject(error))) : undefined;
      return { records: [normalizeIntercomConversation(conversation, ctx), ...(contact ? [normalizeIntercomContact(contact, ctx)] : [])] };
    }
    return { records: await contactBundle(api, await api.contact(page.id), ctx) };
  },

  async findByEmail(email, credentials, connection) {
    const api = apiFor(credentials);
    const ctx = context(connection);
    const contacts = (await api.searchContactsByEmail(email.trim())).data.slice(0, 3);
    return { records: (await Promise.all(contacts.map((c) => contactBundle(api, c, ctx)))).flat() };
  },

  async companyPeople(companyId, credentials, connection) {
    const api = apiFor(credentials);
    const [company, contacts] = await Promise.all([api.company(companyId), companyContacts(api, companyId)]);
    const ctx = context(connection);
    // Each contact names the company it was listed for and links to it.
    return { records: contacts.map((contact) => normalizeIntercomContact(contact, ctx, { companies: [company] })) };
  },

  async sync(cursor, credentials, connection) {
    const page = await apiFor(credentials).contactsPage(cursor);
    const ctx = context(connection);
    const next = page.pages?.next;
    const after = next && typeof next === 'object' ? (next.starting_after ?? null) : null;
    return { records: page.data.map((c) => normalizeIntercomContact(c, ctx)), cursor: page.data.length > 0 ? after : null };
  },

  async metrics(credentials, connection) {
    const api = apiFor(credentials);
    const at = Date.now();
    const [open, contacts] = await Promise.all([api.searchConversations({ field: 'state', operator: '=', value: 'open' }, 1, 'open conversation count'), api.contactsPage(null, 1)]);
    const point = (metric: string, label: string, value: number, unit: string) => ({ metric, label, value, unit, at, connector: 'intercom' as const, account: connection.account });
    return [point('open-conversations', 'Open Intercom conversations', open.total_count, 'conversations'), point('contacts', 'Intercom contacts', contacts.total_count, 'contacts')];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { intercom as connector };
