import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { CustomerRecord } from '../../model/record';
import type { MetricPoint } from '../../model/metric';
import { ConnectorError } from '../errors';
import { PipedriveApi } from './api';
import { normalizePipedriveDeal, normalizePipedriveOrganization, normalizePipedrivePerson, pipedriveTime, toMinor, type PipedriveNormalizeContext } from './normalize';
import type { PipedriveDeal, PipedrivePerson } from './schemas';
import { pipedriveMeta } from './meta';

/** Metrics page through deals; past this many pages the numbers are partial rather than slow. */
const MAX_DEAL_PAGES = 10;
const COMPANY = /^[a-z0-9][a-z0-9-]{0,62}$/;

function apiFor(credentials: Credentials): PipedriveApi {
  if (!credentials.site) throw new ConnectorError('auth', 'Pipedrive needs your company address (the “acme” of acme.pipedrive.com).');
  return new PipedriveApi(credentials.site, credentials.token);
}

function context(connection: Connection): PipedriveNormalizeContext {
  return { account: connection.account, consoleHost: connection.consoleHost, fetchedAt: Date.now() };
}

const orgIdOf = (person: PipedrivePerson) => (person.org_id == null ? undefined : typeof person.org_id === 'number' ? person.org_id : person.org_id.value);

/** A person with their organisation and open deals (what a marketer wants beside a profile). */
async function personWithRelated(api: PipedriveApi, person: PipedrivePerson, connection: Connection): Promise<CustomerRecord[]> {
  const ctx = context(connection);
  const orgId = orgIdOf(person);
  const [organization, deals] = await Promise.all([orgId ? api.organization(orgId).then((o) => o.data) : undefined, api.deals({ personId: person.id, status: 'open', limit: 25 })]);
  return [
    normalizePipedrivePerson(person, ctx, organization),
    ...(organization ? [normalizePipedriveOrganization(organization, ctx)] : []),
    ...(deals.data ?? []).slice(0, 25).map((d) => normalizePipedriveDeal(d, ctx)),
  ];
}

/** Every deal of a query, page after page, up to MAX_DEAL_PAGES. */
/** A company's people read on open: two pages at most. */
const MAX_ORGANIZATION_PERSONS = 200;

async function organizationPersons(api: PipedriveApi, orgId: string): Promise<PipedrivePerson[]> {
  const persons: PipedrivePerson[] = [];
  let cursor: string | null = null;
  do {
    const page = await api.personsPage(cursor, orgId);
    persons.push(...(page.data ?? []));
    cursor = page.additional_data?.next_cursor ?? null;
  } while (cursor && persons.length < MAX_ORGANIZATION_PERSONS);
  return persons.slice(0, MAX_ORGANIZATION_PERSONS);
}

async function allDeals(api: PipedriveApi, query: Parameters<PipedriveApi['deals']>[0]): Promise<PipedriveDeal[]> {
  const deals: PipedriveDeal[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_DEAL_PAGES; page++) {
    const result = await api.deals({ ...query, limit: 500, cursor });
    deals.push(...(result.data ?? []));
    cursor = result.additional_data?.next_cursor ?? null;
    if (!cursor) break;
  }
  return deals;
}

export const pipedrive: Connector = {
  ...pipedriveMeta,

  async verify(credentials) {
    const api = apiFor(credentials);
    const me = (await api.me()).data;
    // The answer names the console host; a value that is not a plain subdomain is not used in links.
    const company = COMPANY.test(me.company_domain) ? me.company_domain : new URL(api.origin).hostname.split('.')[0]!;
    return {
      connector: 'pipedrive',
      authMode: 'token',
      account: String(me.company_id),
      accountLabel: `${me.company_name} (${company}.pipedrive.com)`,
      consoleHost: `${company}.pipedrive.com`,
      isSandbox: /sandbox/i.test(`${company} ${me.company_name}`),
    };
  },

  async fetchRecord(page, credentials, connection): Promise<FetchResult> {
    const api = apiFor(credentials);
    const ctx = context(connection);
    if (page.type === 'company') return { records: [normalizePipedriveOrganization((await api.organization(page.id)).data, ctx)] };
    if (page.type === 'deal') {
      const deal = (await api.deal(page.id)).data;
      const record = normalizePipedriveDeal(deal, ctx);
      const personId = typeof deal.person_id === 'number' ? deal.person_id : deal.person_id?.value;
      const orgId = typeof deal.org_id === 'number' ? deal.org_id : deal.org_id?.value;
      const [person, organization] = await Promise.all([personId ? api.person(personId).then((p) => p.data) : undefined, orgId ? api.organization(orgId).then((o) => o.data) : undefined]);
      return {
        records: [record, ...(person ? [normalizePipedrivePerson(person, ctx, organization)] : []), ...(organization ? [normalizePipedriveOrganization(organization, ctx)] : [])],
      };
    }
    return { records: await personWithRelated(api, (await api.person(page.id)).data, connection) };
  },

  async findByEmail(email, credentials, connection) {
    const api = apiFor(credentials);
    const hits = (await api.searchPersonsByEmail(email)).data.items.slice(0, 3);
    const people = await Promise.all(hits.map((hit) => api.person(hit.item.id).then((p) => p.data)));
    return { records: (await Promise.all(people.map((p) => personWithRelated(api, p, connection)))).flat() };
  },

  async companyPeople(orgId, credentials, connection) {
    const api = apiFor(credentials);
    // The organisation names the company on each person; its persons come 100 a page, the first 200 kept.
    const [organization, persons] = await Promise.all([api.organization(orgId).then((o) => o.data), organizationPersons(api, orgId)]);
    const ctx = context(connection);
    return { records: persons.map((person) => normalizePipedrivePerson(person, ctx, organization)) };
  },

  async sync(cursor, credentials, connection) {
    const page = await apiFor(credentials).personsPage(cursor);
    const ctx = context(connection);
    return { records: (page.data ?? []).map((p) => normalizePipedrivePerson(p, ctx)), cursor: page.additional_data?.next_cursor ?? null };
  },

  async metrics(credentials, connection) {
    const api = apiFor(credentials);
    const at = Date.now();
    const since = at - 30 * 86_400_000;
    // A deal won in the window was updated in it too, so updated_since narrows the pages read.
    const [open, won] = await Promise.all([allDeals(api, { status: 'open' }), allDeals(api, { status: 'won', updatedSince: new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z') })]);
    const byCurrency = new Map<string, number>();
    for (const deal of open) {
      const amount = toMinor(deal.value, deal.currency);
      if (amount) byCurrency.set(amount.currency, (byCurrency.get(amount.currency) ?? 0) + amount.amountMinor);
    }
    const wonRecently = won.filter((d) => (pipedriveTime(d.won_time) ?? 0) >= since).length;
    const point = (metric: string, label: string, value: number, unit: string, dimension?: string): MetricPoint => ({ metric, label, value, unit, at, connector: 'pipedrive', account: connection.account, ...(dimension ? { dimension } : {}) });
    return [
      ...[...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => point('open-deal-value', 'Open deal value', minor, currency, currency)),
      point('open-deal-count', 'Open deals', open.length, 'deals'),
      point('won-deals-30d', 'Deals won (30 days)', wonRecently, 'deals'),
    ];
  },
};

export { pipedrivePages } from './pages';

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { pipedrive as connector };
