import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { CustomerRecord } from '../../model/record';
import { normalizeDomain } from '../../identity/normalize';
import { ConnectorError } from '../errors';
import { SalesforceApi, salesforceApiOrigin, type SyncObject } from './api';
import { salesforceConsoleHostOf, salesforceObjectOfId } from './pages';
import {
  normalizeSalesforceAccount,
  normalizeSalesforceCase,
  normalizeSalesforceContact,
  normalizeSalesforceLead,
  normalizeSalesforceOpportunity,
  salesforceReaderFor,
  type SalesforceNormalizeContext,
} from './normalize';
import type { SalesforceContact } from './schemas';
import { toMinorUnits } from '../kit/money';
import { salesforceMeta } from './meta';

export { salesforceApiOrigin } from './api';
export { salesforceInstanceFromConsoleHost } from './pages';

function apiFor(credentials: Credentials): SalesforceApi {
  if (!credentials.site) throw new ConnectorError('auth', 'Salesforce needs your instance URL (https://yourcompany.my.salesforce.com).');
  return new SalesforceApi({ site: credentials.site, token: credentials.token });
}

function context(connection: Connection): SalesforceNormalizeContext {
  // Deep links go to the connected org's Lightning host, never to the host a page was on.
  return { org: connection.account, consoleHost: connection.consoleHost, currency: connection.currency ?? 'USD', fetchedAt: Date.now() };
}

const unique = (ids: Array<string | null | undefined>) => [...new Set(ids.filter((id): id is string => !!id))];

/** Contacts with their accounts, the accounts' open opportunities and the contacts' open cases. */
async function contactBundle(api: SalesforceApi, contacts: SalesforceContact[], ctx: SalesforceNormalizeContext): Promise<CustomerRecord[]> {
  const accountIds = unique(contacts.map((c) => c.AccountId));
  const contactIds = unique(contacts.map((c) => c.Id));
  const [accounts, opportunities, cases] = await Promise.all([api.byIds('Account', accountIds), api.openOpportunities(accountIds), api.openCases('ContactId', contactIds)]);
  return [
    ...contacts.map((c) => normalizeSalesforceContact(c, ctx)),
    ...accounts.map((a) => normalizeSalesforceAccount(a, ctx)),
    ...opportunities.map((o) => normalizeSalesforceOpportunity(o, ctx)),
    ...cases.map((c) => normalizeSalesforceCase(c, ctx)),
  ];
}

function notFound(object: string, id: string): never {
  throw new ConnectorError('not-found', `Salesforce has no ${object} ${id} that this user can see.`, { object: `${object} ${id}` });
}

const SYNC_ORDER: SyncObject[] = ['Account', 'Contact', 'Lead'];

/** Cursor: `Contact` (start that object) or `Contact:/services/data/v62.0/query/01g…-200` (its next page). */
function parseCursor(cursor: string | null): { object: SyncObject; next?: string } {
  if (!cursor) return { object: 'Account' };
  const [object, ...rest] = cursor.split(':');
  if (!SYNC_ORDER.includes(object as SyncObject)) throw new ConnectorError('schema', 'The saved Salesforce sync position is not one we wrote.', { path: 'cursor' });
  return { object: object as SyncObject, ...(rest.length ? { next: rest.join(':') } : {}) };
}

export const salesforce: Connector = {
  ...salesforceMeta,
  auth: {
    ...salesforceMeta.auth,
    // The signed-in console session: Salesforce accepts its `sid` cookie of the instance host as an API bearer token.
    session: {
      cookie: (site) => ({ url: `${salesforceApiOrigin(site)}/`, name: 'sid' }),
    },
  },

  async verify(credentials) {
    const api = apiFor(credentials);
    const [org, currency] = await Promise.all([api.organization(), api.currency()]);
    const consoleHost = salesforceConsoleHostOf(api.origin);
    return {
      connector: 'salesforce',
      authMode: 'token',
      site: api.origin,
      account: org.Id,
      accountLabel: `${org.Name}${org.IsSandbox ? ' (sandbox)' : ''} – ${api.origin.replace('https://', '')}`,
      consoleHost,
      isSandbox: org.IsSandbox,
      ...(currency ? { currency } : {}),
    };
  },

  async fetchRecord(page, credentials, connection): Promise<FetchResult> {
    const api = apiFor(credentials);
    const ctx = context(connection);
    const object = salesforceObjectOfId(page.id);
    if (object === 'Contact') {
      const contacts = await api.byIds('Contact', [page.id]);
      return { records: contacts.length ? await contactBundle(api, contacts, ctx) : notFound('contact', page.id) };
    }
    if (object === 'Lead') {
      const [lead] = await api.byIds('Lead', [page.id]);
      return { records: [lead ? normalizeSalesforceLead(lead, ctx) : notFound('lead', page.id)] };
    }
    if (object === 'Account') {
      const [[account], opportunities, cases] = await Promise.all([api.byIds('Account', [page.id]), api.openOpportunities([page.id]), api.openCases('AccountId', [page.id])]);
      if (!account) notFound('account', page.id);
      return { records: [normalizeSalesforceAccount(account, ctx), ...opportunities.map((o) => normalizeSalesforceOpportunity(o, ctx)), ...cases.map((c) => normalizeSalesforceCase(c, ctx))] };
    }
    if (object === 'Opportunity') {
      const [opportunity] = await api.byIds('Opportunity', [page.id]);
      if (!opportunity) notFound('opportunity', page.id);
      const accounts = await api.byIds('Account', unique([opportunity.AccountId]));
      return { records: [normalizeSalesforceOpportunity(opportunity, ctx), ...accounts.map((a) => normalizeSalesforceAccount(a, ctx))] };
    }
    if (object === 'Case') {
      const [item] = await api.byIds('Case', [page.id]);
      if (!item) notFound('case', page.id);
      const [contacts, accounts] = await Promise.all([api.byIds('Contact', unique([item.ContactId])), api.byIds('Account', unique([item.AccountId]))]);
      return { records: [normalizeSalesforceCase(item, ctx), ...contacts.map((c) => normalizeSalesforceContact(c, ctx)), ...accounts.map((a) => normalizeSalesforceAccount(a, ctx))] };
    }
    return notFound('record', page.id);
  },

  async findByEmail(email, credentials, connection) {
    const api = apiFor(credentials);
    const ctx = context(connection);
    const [contacts, leads] = await Promise.all([api.contactsByEmail(email), api.leadsByEmail(email)]);
    const people = contacts.length ? await contactBundle(api, contacts.slice(0, 3), ctx) : [];
    return { records: [...people, ...leads.slice(0, 3).map((l) => normalizeSalesforceLead(l, ctx))] };
  },

  async findByDomain(domain, credentials, connection) {
    const wanted = normalizeDomain(domain);
    if (!wanted) return { records: [] };
    const api = apiFor(credentials);
    const ctx = context(connection);
    // LIKE also matches `notacme.com` and `acme.com.evil`: keep the accounts whose website really is the domain.
    const accounts = (await api.accountsByDomain(wanted)).filter((a) => normalizeDomain(a.Website) === wanted).slice(0, 3);
    const opportunities = await api.openOpportunities(unique(accounts.map((a) => a.Id)));
    return { records: [...accounts.map((a) => normalizeSalesforceAccount(a, ctx)), ...opportunities.map((o) => normalizeSalesforceOpportunity(o, ctx))] };
  },

  async companyPeople(accountId, credentials, connection) {
    const api = apiFor(credentials);
    const [accounts, contacts] = await Promise.all([api.byIds('Account', [accountId]), api.accountContacts(accountId)]);
    if (!accounts.length) notFound('account', accountId);
    const ctx = context(connection);
    return { records: contacts.map((contact) => normalizeSalesforceContact(contact, ctx)) };
  },

  async sync(cursor, credentials, connection) {
    const api = apiFor(credentials);
    const ctx = context(connection);
    const { object, next } = parseCursor(cursor);
    const page = next ? await api.syncNext(object, next) : await api.syncStart(object);
    const reader = salesforceReaderFor(object)!;
    const following = SYNC_ORDER[SYNC_ORDER.indexOf(object) + 1];
    return {
      records: page.records.map((r) => reader.normalize(r, ctx)),
      cursor: page.nextRecordsUrl ? `${object}:${page.nextRecordsUrl}` : (following ?? null),
    };
  },

  async metrics(credentials, connection) {
    const api = apiFor(credentials);
    const at = Date.now();
    const [pipeline, openCases, newLeads] = await Promise.all([api.openPipeline(), api.count('Case', 'IsClosed = false'), api.count('Lead', 'CreatedDate = LAST_N_DAYS:30')]);
    const currency = connection.currency ?? 'USD';
    const point = (metric: string, label: string, value: number, unit: string) => ({ metric, label, value, unit, at, connector: 'salesforce' as const, account: connection.account });
    return [
      point('open-pipeline', 'Open pipeline', toMinorUnits(pipeline.amount, currency), currency),
      point('open-opportunities', 'Open opportunities', pipeline.count, 'opportunities'),
      point('open-cases', 'Open cases', openCases, 'cases'),
      point('new-leads-30d', 'New leads (30 days)', newLeads, 'leads'),
    ];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { salesforce as connector };
