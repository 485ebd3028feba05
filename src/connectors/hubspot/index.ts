import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { CustomerRecord } from '../../model/record';
import { isConnectorError } from '../errors';
import { DEFAULT_ASSOCIATIONS, HubspotApi, MAX_ACTIVITY_READ, type ActivityKind } from './api';
import {
  normalizeHubspotCompany,
  normalizeHubspotContact,
  normalizeHubspotDeal,
  normalizeHubspotTicket,
  parseHubspotNumber,
  stagesFromPipelines,
  type HubspotNormalizeContext,
  type HubspotStage,
} from './normalize';
import type { HubspotObject, HubspotOwner } from './schemas';
import { toMinorUnits } from '../kit/money';
import { hubspotMeta } from './meta';
import { HUBSPOT_CONSOLE_HOSTS, isHubspotConsoleHost } from './pages';

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

/**
 * Pipelines and their stage labels rarely change: kept per portal and object type for the worker's
 * life. A failed read (no deals/tickets scope, offline) is remembered for a few minutes, during
 * which stage ids are shown instead of labels.
 */
const stageCache = new Map<string, { stages: Promise<Map<string, HubspotStage>>; until: number }>();
const STAGE_FAILURE_TTL_MS = 5 * 60_000;

function stagesFor(api: HubspotApi, portal: string, kind: ActivityKind): Promise<Map<string, HubspotStage>> {
  const key = `${portal}:${kind}`;
  const cached = stageCache.get(key);
  if (cached && cached.until > Date.now()) return cached.stages;
  const stages = api.pipelines(kind).then(stagesFromPipelines, () => {
    stageCache.set(key, { stages: Promise.resolve(new Map()), until: Date.now() + STAGE_FAILURE_TTL_MS });
    return new Map<string, HubspotStage>();
  });
  stageCache.set(key, { stages, until: Infinity });
  return stages;
}

/**
 * Portals whose token was refused the deal and ticket associations (403: no deals or tickets
 * scope), until when: their contacts and companies are read without them meanwhile, so a missing
 * scope costs one extra request now and then, not one per record.
 */
const activityRefused = new Map<string, number>();
const REFUSAL_TTL_MS = 30 * 60_000;
const BASIC_ASSOCIATIONS = { contacts: ['companies'], companies: ['contacts'] } as const;

/** For tests: forget cached owners, pipelines and refusals. */
export function clearHubspotCaches(): void {
  ownerCache.clear();
  stageCache.clear();
  activityRefused.clear();
}

const isRefusal = (error: unknown) => isConnectorError(error) && error.kind === 'auth' && error.detail.status === 403;
const activityAllowed = (portal: string) => (activityRefused.get(portal) ?? 0) < Date.now();

/**
 * Reads (or lists) contacts or companies with their deal and ticket associations, which come in the
 * same request. When the token is refused those, the read is repeated as before, without them.
 */
async function withActivityAssociations<T>(portal: string, kind: 'contacts' | 'companies', read: (associations: string[]) => Promise<T>): Promise<T> {
  if (!activityAllowed(portal)) return read([...BASIC_ASSOCIATIONS[kind]]);
  try {
    return await read(DEFAULT_ASSOCIATIONS[kind]);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    activityRefused.set(portal, Date.now() + REFUSAL_TTL_MS);
    return read([...BASIC_ASSOCIATIONS[kind]]);
  }
}

const readWithActivity = (api: HubspotApi, kind: 'contacts' | 'companies', id: string, portal: string) =>
  withActivityAssociations(portal, kind, (associations) => api.getObject(kind, id, associations));

/** The ids of an object's associated deals or tickets, newest (highest id) first, at most MAX_ACTIVITY_READ. */
function newestAssociated(object: HubspotObject, kind: ActivityKind): string[] {
  const ids = [...new Set(object.associations?.[kind]?.results.map((r) => r.id) ?? [])];
  return ids.sort((a, b) => b.length - a.length || (b < a ? -1 : b > a ? 1 : 0)).slice(0, MAX_ACTIVITY_READ);
}

/** A missing scope (403) or deleted records (404) leave the extras out; anything else is reported. */
function unlessRefused<T>(fallback: T) {
  return (error: unknown): T => {
    if (isConnectorError(error) && (error.kind === 'auth' || error.kind === 'not-found')) return fallback;
    throw error;
  };
}

interface Activity {
  deals: HubspotObject[];
  tickets: HubspotObject[];
  dealStages?: Map<string, HubspotStage>;
  ticketStages?: Map<string, HubspotStage>;
}

/**
 * The deals and tickets associated with a contact or company: one batch read per kind (only when
 * there are some) and the pipelines once per portal, all in parallel.
 */
async function activityOf(api: HubspotApi, object: HubspotObject, portal: string): Promise<Activity> {
  const read = (kind: ActivityKind) => {
    const ids = newestAssociated(object, kind);
    if (!ids.length) return Promise.resolve({ objects: [] as HubspotObject[], stages: undefined });
    return Promise.all([api.batchRead(kind, ids).catch(unlessRefused<HubspotObject[]>([])), stagesFor(api, portal, kind)]).then(([objects, stages]) => ({ objects, stages }));
  };
  const [deals, tickets] = await Promise.all([read('deals'), read('tickets')]);
  return { deals: deals.objects, tickets: tickets.objects, dealStages: deals.stages, ticketStages: tickets.stages };
}

/**
 * Batch reads carry no associations: each deal or ticket links to the record it was read for, and
 * to the other records of this answer whose own associations name it (the contact's companies).
 */
function activityRecords(activity: Activity, holders: HubspotObject[], holderKeys: string[], ctx: HubspotNormalizeContext): CustomerRecord[] {
  const withStages = { ...ctx, dealStages: activity.dealStages, ticketStages: activity.ticketStages };
  const related = (kind: ActivityKind, id: string) => holderKeys.filter((_, i) => holders[i]!.associations?.[kind]?.results.some((r) => r.id === id));
  return [
    ...activity.deals.map((deal) => normalizeHubspotDeal(deal, withStages, related('deals', deal.id))),
    ...activity.tickets.map((ticket) => normalizeHubspotTicket(ticket, withStages, related('tickets', ticket.id))),
  ];
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

/**
 * A contact with the companies it is associated with (the first few, which is what the panel shows)
 * and, when asked, its newest deals and tickets (which the profile's timeline shows).
 */
async function contactWithCompanies(api: HubspotApi, contact: HubspotObject, connection: Connection, host?: string, withActivity = false): Promise<CustomerRecord[]> {
  const portal = connection.account;
  const companyIds = [...new Set(contact.associations?.companies?.results.map((r) => r.id) ?? [])].slice(0, 3);
  const [companies, activity] = await Promise.all([
    Promise.all(companyIds.map((id) => readWithActivity(api, 'companies', id, portal))),
    withActivity ? activityOf(api, contact, portal) : Promise.resolve(undefined),
  ]);
  // Owners of deals and tickets are named when already known; asking for each would cost a request per owner.
  const owners = await ownersFor(api, [contact, ...companies]);
  const ctx = normalizeContext(connection, {
    owners,
    companyNames: new Map(companies.map((c) => [c.id, c.properties.name ?? ''])),
    ...(host ? { consoleHost: host } : {}),
  });
  const person = normalizeHubspotContact(contact, ctx);
  const companyRecords = companies.map((c) => normalizeHubspotCompany(c, ctx));
  const holders = [contact, ...companies];
  const holderKeys = [person.key, ...companyRecords.map((c) => c.key)];
  return [person, ...companyRecords, ...(activity ? activityRecords(activity, holders, holderKeys, ctx) : [])];
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

/** Open deal value (minor units of the portal currency) and count per stage; HubSpot amounts are decimal strings. */
export function dealsByStage(deals: HubspotObject[], currency = 'USD'): Map<string, { valueMinor: number; count: number }> {
  const stages = new Map<string, { valueMinor: number; count: number }>();
  for (const deal of deals) {
    const stage = deal.properties.dealstage ?? 'unknown';
    const entry = stages.get(stage) ?? { valueMinor: 0, count: 0 };
    entry.valueMinor += toMinorUnits(parseHubspotNumber(deal.properties.amount) ?? 0, currency);
    entry.count += 1;
    stages.set(stage, entry);
  }
  return stages;
}

export const hubspot: Connector = {
  ...hubspotMeta,

  async verify({ token }: Credentials) {
    const info = await new HubspotApi(token).accountInfo();
    const account = String(info.portalId);
    const isSandbox = /SANDBOX|DEVELOPER_TEST/i.test(info.accountType);
    return {
      connector: 'hubspot',
      authMode: 'token',
      account,
      accountLabel: `Portal ${account}${isSandbox ? ' (sandbox)' : ''}`,
      // The console links and page reading trust this host: only HubSpot's own consoles are kept.
      consoleHost: isHubspotConsoleHost(info.uiDomain) ? info.uiDomain : HUBSPOT_CONSOLE_HOSTS[0]!,
      isSandbox,
      currency: info.companyCurrency,
    };
  },

  async fetchRecord(page, { token }, connection): Promise<FetchResult> {
    const api = new HubspotApi(token);
    if (page.type === 'deal' || page.type === 'ticket') {
      const kind = page.type === 'deal' ? 'deals' : 'tickets';
      const [object, stages] = await Promise.all([api.getObject(kind, page.id), stagesFor(api, connection.account, kind)]);
      const owners = await ownersFor(api, [object]);
      const ctx = normalizeContext(connection, { owners, consoleHost: page.host, ...(kind === 'deals' ? { dealStages: stages } : { ticketStages: stages }) });
      return { records: [kind === 'deals' ? normalizeHubspotDeal(object, ctx) : normalizeHubspotTicket(object, ctx)] };
    }
    if (page.type === 'company') {
      const company = await readWithActivity(api, 'companies', page.id, connection.account);
      const [activity, owners] = await Promise.all([activityOf(api, company, connection.account), ownersFor(api, [company])]);
      const ctx = normalizeContext(connection, { owners, consoleHost: page.host });
      const record = normalizeHubspotCompany(company, ctx);
      return { records: [record, ...activityRecords(activity, [company], [record.key], ctx)] };
    }
    const contact = await readWithActivity(api, 'contacts', page.id, connection.account);
    return { records: await contactWithCompanies(api, contact, connection, page.host, true) };
  },

  async findByEmail(email, { token }, connection) {
    const api = new HubspotApi(token);
    const contacts = await api.searchContactsByEmail(email);
    // The associations keep the contact's links to its deals and tickets; their records are read on its page.
    const records = await Promise.all(contacts.slice(0, 3).map((c) => readWithActivity(api, 'contacts', c.id, connection.account).then((full) => contactWithCompanies(api, full, connection))));
    return { records: records.flat() };
  },

  async findByDomain(domain, { token }, connection) {
    const api = new HubspotApi(token);
    const found = await api.searchCompaniesByDomain(domain);
    // The search answers without associations: saved as it is, a cached company lost its links to its people and deals.
    const companies = await Promise.all(found.slice(0, 3).map((c) => readWithActivity(api, 'companies', c.id, connection.account)));
    const ctx = normalizeContext(connection);
    return { records: companies.map((company) => normalizeHubspotCompany(company, ctx)) };
  },

  async companyPeople(companyId, { token }, connection) {
    const api = new HubspotApi(token);
    const ids = await api.companyContactIds(companyId);
    const contacts: HubspotObject[] = [];
    for (let i = 0; i < ids.length; i += 100) contacts.push(...(await api.batchRead('contacts', ids.slice(i, i + 100), 100)));
    const owners = await ownersFor(api, contacts);
    const ctx = normalizeContext(connection, { owners });
    // Batch reads carry no associations: each person is linked to the company they were listed for.
    const link = { companies: { results: [{ id: companyId, type: 'contact_to_company' }] } };
    return { records: contacts.map((contact) => normalizeHubspotContact({ ...contact, associations: { ...contact.associations, ...link } }, ctx)) };
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
    const byStage = dealsByStage(deals, currency);
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
    const page = await withActivityAssociations(connection.account, position.kind, (associations) => api.listObjects(position.kind, position.after, 100, associations));
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

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { hubspot as connector };
