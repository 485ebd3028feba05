import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { CustomerRecord } from '../../model/record';
import { HUBSPOT_API_ORIGIN, HubspotApi } from './api';
import { HUBSPOT_CONSOLE_HOSTS, hubspotPages } from './pages';
import { normalizeHubspotCompany, normalizeHubspotContact, parseHubspotNumber, type HubspotNormalizeContext } from './normalize';
import type { HubspotObject, HubspotOwner } from './schemas';

/** Owners rarely change; remembering them for the worker's life saves a call per record. */
const ownerCache = new Map<string, HubspotOwner>();

async function ownersFor(api: HubspotApi, objects: HubspotObject[]): Promise<Map<string, HubspotOwner>> {
  const ids = [...new Set(objects.map((o) => o.properties.hubspot_owner_id).filter((id): id is string => !!id))];
  await Promise.all(
    ids
      .filter((id) => !ownerCache.has(id))
      .map(async (id) => {
        // Without the owners scope the record is still worth showing, just without the owner's name.
        const owner = await api.owner(id).catch(() => null);
        if (owner) ownerCache.set(id, owner);
      }),
  );
  return ownerCache;
}

function normalizeContext(connection: Connection, extra: Partial<HubspotNormalizeContext> = {}): HubspotNormalizeContext {
  return {
    portal: connection.account,
    consoleHost: connection.consoleHost,
    currency: connection.currency,
    fetchedAt: Date.now(),
    ...extra,
  };
}

/** A contact with the companies it is associated with (the first few, which is what the panel shows). */
async function contactWithCompanies(api: HubspotApi, contact: HubspotObject, connection: Connection, host?: string): Promise<CustomerRecord[]> {
  const companyIds = [...new Set(contact.associations?.companies?.results.map((r) => r.id) ?? [])].slice(0, 3);
  const companies = await Promise.all(companyIds.map((id) => api.getObject('companies', id)));
  const owners = await ownersFor(api, [contact, ...companies]);
  const ctx = normalizeContext(connection, {
    owners,
    companyNames: new Map(companies.map((c) => [c.id, c.properties.name ?? ''])),
    ...(host ? { consoleHost: host } : {}),
  });
  return [normalizeHubspotContact(contact, ctx), ...companies.map((c) => normalizeHubspotCompany(c, ctx))];
}

/** Labels of the default pipeline's stages; custom pipelines show their ids. */
const STAGE_LABELS: Record<string, string> = {
  appointmentscheduled: 'Appointment scheduled',
  qualifiedtobuy: 'Qualified to buy',
  presentationscheduled: 'Presentation scheduled',
  decisionmakerboughtin: 'Decision maker bought-in',
  contractsent: 'Contract sent',
};
const stageLabel = (stage: string) => STAGE_LABELS[stage] ?? stage;

/** Open deal value (minor units) and count per stage; HubSpot amounts are decimal strings. */
export function dealsByStage(deals: HubspotObject[]): Map<string, { valueMinor: number; count: number }> {
  const stages = new Map<string, { valueMinor: number; count: number }>();
  for (const deal of deals) {
    const stage = deal.properties.dealstage ?? 'unknown';
    const entry = stages.get(stage) ?? { valueMinor: 0, count: 0 };
    entry.valueMinor += Math.round((parseHubspotNumber(deal.properties.amount) ?? 0) * 100);
    entry.count += 1;
    stages.set(stage, entry);
  }
  return stages;
}

export const hubspot: Connector = {
  id: 'hubspot',
  label: 'HubSpot',
  consoleMatches: HUBSPOT_CONSOLE_HOSTS.map((host) => `https://${host}/*`),
  apiMatches: [`${HUBSPOT_API_ORIGIN}/*`],
  pages: hubspotPages,
  auth: {
    modes: ['token'],
    tokenHelp: {
      createAt: 'https://app.hubspot.com/private-apps/',
      scopes: ['crm.objects.contacts.read', 'crm.objects.companies.read', 'crm.objects.owners.read'],
      steps:
        'In HubSpot open Settings → Integrations → Private Apps → Create a private app, tick the scopes below on the Scopes tab, create it, then copy its access token.',
    },
  },

  async verify({ token }: Credentials) {
    const info = await new HubspotApi(token).accountInfo();
    const account = String(info.portalId);
    const isSandbox = /SANDBOX|DEVELOPER_TEST/i.test(info.accountType);
    return {
      connector: 'hubspot',
      authMode: 'token',
      account,
      accountLabel: `Portal ${account}${isSandbox ? ' (sandbox)' : ''}`,
      consoleHost: info.uiDomain,
      isSandbox,
      currency: info.companyCurrency,
    };
  },

  async fetchRecord(page, { token }, connection): Promise<FetchResult> {
    const api = new HubspotApi(token);
    if (page.type === 'company') {
      const company = await api.getObject('companies', page.id);
      const owners = await ownersFor(api, [company]);
      return { records: [normalizeHubspotCompany(company, normalizeContext(connection, { owners, consoleHost: page.host }))] };
    }
    const contact = await api.getObject('contacts', page.id);
    return { records: await contactWithCompanies(api, contact, connection, page.host) };
  },

  async findByEmail(email, { token }, connection) {
    const api = new HubspotApi(token);
    const contacts = await api.searchContactsByEmail(email);
    const records = await Promise.all(contacts.slice(0, 3).map((c) => api.getObject('contacts', c.id).then((full) => contactWithCompanies(api, full, connection))));
    return { records: records.flat() };
  },

  async metrics({ token }, connection) {
    const api = new HubspotApi(token);
    const at = Date.now();
    const since = String(at - 30 * 86_400_000);
    const [contacts, newContacts, companies, deals] = await Promise.all([
      api.searchTotal('contacts', []),
      api.searchTotal('contacts', [{ propertyName: 'createdate', operator: 'GTE', value: since }]),
      api.searchTotal('companies', []),
      api.openDeals(),
    ]);
    const currency = connection.currency ?? 'USD';
    const point = (metric: string, label: string, value: number, unit: string, dimension?: string) => ({ metric, label, value, unit, at, connector: 'hubspot' as const, account: connection.account, ...(dimension ? { dimension } : {}) });
    const byStage = dealsByStage(deals);
    return [
      point('contacts', 'HubSpot contacts', contacts, 'contacts'),
      point('new-contacts-30d', 'New HubSpot contacts (30 days)', newContacts, 'contacts'),
      point('companies', 'HubSpot companies', companies, 'companies'),
      point('open-deal-value', 'Open deal value', [...byStage.values()].reduce((sum, s) => sum + s.valueMinor, 0), currency),
      point('open-deal-count', 'Open deals', deals.length, 'deals'),
      ...[...byStage].flatMap(([stage, s]) => [
        point('open-deal-value', 'Open deal value', s.valueMinor, currency, stageLabel(stage)),
        point('open-deal-count', 'Open deals', s.count, 'deals', stageLabel(stage)),
      ]),
    ];
  },

  async sync(cursor, { token }, connection) {
    const api = new HubspotApi(token);
    const position = cursor ? (JSON.parse(cursor) as { kind: 'contacts' | 'companies'; after: string | null }) : { kind: 'companies' as const, after: null };
    const page = await api.listObjects(position.kind, position.after);
    const owners = await ownersFor(api, page.results);
    const ctx = normalizeContext(connection, { owners });
    const normalize = position.kind === 'contacts' ? normalizeHubspotContact : normalizeHubspotCompany;
    const next = page.paging?.next?.after;
    const nextCursor = next
      ? JSON.stringify({ kind: position.kind, after: next })
      : position.kind === 'companies'
        ? JSON.stringify({ kind: 'contacts', after: null })
        : null;
    return { records: page.results.map((object) => normalize(object, ctx)), cursor: nextCursor };
  },
};
