import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { MetricPoint } from '../../model/metric';
import { normalizeEmail } from '../../identity/normalize';
import { ConnectorError, secondaryRead } from '../errors';
import { ActiveCampaignApi } from './api';
import { campaignRates, normalizeAcContact, normalizeAcDeal, normalizeAcList, normalizeAcTrackingLogs, type AcNormalizeContext } from './normalize';
import type { AcList } from './schemas';
import { activecampaignMeta } from './meta';

/** Lists whose size we count for metrics: one call each, so bounded. */
const MAX_LIST_SIZES = 20;
/** Contacts per sync call (the API's maximum is 100). */
const SYNC_PAGE = 100;

const apiFor = (credentials: Credentials) => new ActiveCampaignApi(credentials.site, credentials.token);

function context(connection: Connection, lists: AcList[]): AcNormalizeContext {
  return { account: connection.account, fetchedAt: Date.now(), listNames: Object.fromEntries(lists.map((l) => [l.id, l.name])) };
}

/**
 * The contact with its list memberships and deals, the lists it is on, those deals, and their
 * newest campaign events. The tracking log and campaign names are extras: when either fails the
 * contact is still read and the error is a warning for health.
 */
async function person(api: ActiveCampaignApi, id: string, connection: Connection): Promise<FetchResult> {
  if (!/^\d{1,15}$/.test(id)) throw new ConnectorError('not-found', `“${id}” is not an ActiveCampaign contact id.`, { object: `contact ${id}` });
  const warnings: ConnectorError[] = [];
  const [found, { lists }, logs, campaigns] = await Promise.all([
    api.contact(id),
    api.lists(),
    secondaryRead(api.trackingLogs(id).then((page) => page.trackingLogs), [], warnings),
    secondaryRead(api.campaigns(100).then((page) => page.campaigns), [], warnings),
  ]);
  const ctx: AcNormalizeContext = { ...context(connection, lists), campaignNames: Object.fromEntries(campaigns.map((c) => [c.id, c.name])) };
  const memberships = found.contactLists ?? [];
  const deals = found.deals ?? [];
  const inLists = lists.filter((l) => memberships.some((m) => m.list === l.id));
  const events = normalizeAcTrackingLogs(found.contact.id, logs, ctx);
  const records = [normalizeAcContact(found.contact, ctx, memberships, deals, events), ...inLists.map((l) => normalizeAcList(l, ctx)), ...deals.map((d) => normalizeAcDeal(d, ctx)), ...events];
  return { records, ...(warnings.length ? { warnings } : {}) };
}

export const activecampaign: Connector = {
  ...activecampaignMeta,

  async verify(credentials) {
    const api = apiFor(credentials);
    const { user } = await api.me();
    return {
      connector: 'activecampaign',
      authMode: 'token',
      account: api.account,
      accountLabel: `${api.account}.api-us1.com (${user.username ?? user.email ?? user.id})`,
      consoleHost: `${api.account}.activehosted.com`,
      // ActiveCampaign sandboxes are ordinary accounts; nothing in the API tells them apart.
      isSandbox: false,
    };
  },

  async fetchRecord(page, credentials, connection) {
    if (page.type !== 'person') throw new ConnectorError('not-found', `ActiveCampaign records of type ${page.type} are not read.`, { object: `${page.type} ${page.id}` });
    return person(apiFor(credentials), page.id, connection);
  },

  /** `GET /contacts?email=` is an exact match; each contact found is read whole (lists and deals). */
  async findByEmail(email, credentials, connection) {
    const api = apiFor(credentials);
    const wanted = normalizeEmail(email) ?? email.trim().toLowerCase();
    const { contacts } = await api.contactsByEmail(email.trim());
    const same = contacts.filter((c) => (normalizeEmail(c.email) ?? c.email.toLowerCase()) === wanted);
    if (same.length === 0) return { records: [] };
    return person(api, same[0]!.id, connection);
  },

  /** Contacts by offset, 100 a call, oldest id first; the lists come with the first page. */
  async sync(cursor, credentials, connection) {
    const api = apiFor(credentials);
    const offset = /^\d{1,9}$/.test(cursor ?? '') ? Number(cursor) : 0;
    const [page, lists] = await Promise.all([api.contacts(offset, SYNC_PAGE), offset === 0 ? api.lists().then((r) => r.lists) : Promise.resolve([])]);
    const ctx = context(connection, lists);
    const total = Number(page.meta?.total ?? 0) || 0;
    const more = page.contacts.length > 0 && offset + SYNC_PAGE < total;
    return { records: [...lists.map((l) => normalizeAcList(l, ctx)), ...page.contacts.map((c) => normalizeAcContact(c, ctx))], cursor: more ? String(offset + SYNC_PAGE) : null };
  },

  async metrics(credentials, connection) {
    const api = apiFor(credentials);
    const [all, { lists }, { campaigns }] = await Promise.all([api.contacts(0, 1), api.lists(), api.campaigns()]);
    const sizes = await Promise.all(lists.slice(0, MAX_LIST_SIZES).map(async (l) => [l.name, Number((await api.listSize(l.id)).meta?.total ?? 0) || 0] as const));
    const at = Date.now();
    const point = (metric: string, label: string, value: number, unit: string, dimension?: string): MetricPoint => ({ metric, label, value, unit, at, connector: 'activecampaign', account: connection.account, ...(dimension ? { dimension } : {}) });
    const sent = campaigns.map((c) => ({ name: c.name, ...campaignRates(c) })).filter((c) => c.sent > 0);
    return [
      point('contacts', 'ActiveCampaign contacts', Number(all.meta?.total ?? 0) || 0, 'contacts'),
      ...sizes.map(([name, size]) => point('list-size', 'ActiveCampaign list size', size, 'contacts', name)),
      ...sent.flatMap((c) => [point('open-rate', 'ActiveCampaign open rate', c.openRate!, '%', c.name), point('click-rate', 'ActiveCampaign click rate', c.clickRate!, '%', c.name)]),
    ];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { activecampaign as connector };
