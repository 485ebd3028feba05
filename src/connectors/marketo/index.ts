import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { MetricPoint } from '../../model/metric';
import { normalizeEmail } from '../../identity/normalize';
import { ConnectorError, secondaryRead } from '../errors';
import { newestEvents } from '../kit/campaign-events';
import { MarketoApi, marketoHost, munchkinOf } from './api';
import { consoleHostOfUrl } from './pages';
import { ACTIVITY, marketoDateToMs, normalizeMarketoActivities, normalizeMarketoLead, normalizeMarketoList, PERSON_ACTIVITY_TYPES, type MarketoNormalizeContext } from './normalize';
import type { MarketoActivity, MarketoLead, MarketoStaticList } from './schemas';
import { marketoMeta } from './meta';

/** The lead fields we read (Marketo sends only six unless asked). */
export const LEAD_FIELDS = 'id,email,firstName,lastName,phone,mobilePhone,company,title,city,country,website,leadScore,leadStatus,createdAt,updatedAt';
const DAY = 86_400_000;
/** How far back a person's activities are read, and how many pages of them. */
const ACTIVITY_DAYS = 90;
const MAX_ACTIVITY_PAGES = 3;
/** Pages of 300 “New Lead” activities counted for the metrics (9,000 leads a month). */
const MAX_NEW_LEAD_PAGES = 30;
/** Lists whose size is counted, and pages of 300 counted per list. */
const MAX_COUNTED_LISTS = 10;
const MAX_COUNT_PAGES = 5;
const SYNC_PAGE = 300;
/** Where lead pages go when no static list has told us the instance's pod. */
const DEFAULT_CONSOLE = 'app.marketo.com';

const apiFor = (credentials: Credentials) => new MarketoApi(credentials.site, credentials.token);

function context(connection: Connection, lists: MarketoStaticList[]): MarketoNormalizeContext {
  return { account: connection.account, consoleHost: connection.consoleHost, fetchedAt: Date.now(), listNames: Object.fromEntries(lists.map((l) => [l.id, l.name])) };
}

/** Activities since `since` of these types (and leads), page after page up to `maxPages`. */
async function activitiesSince(api: MarketoApi, since: number, types: number[], maxPages: number, leadIds?: number[]): Promise<{ activities: MarketoActivity[]; complete: boolean }> {
  let { nextPageToken } = await api.pagingToken(since);
  const activities: MarketoActivity[] = [];
  for (let page = 0; page < maxPages; page++) {
    const answer = await api.activities(nextPageToken, types, leadIds);
    activities.push(...(answer.result ?? []));
    if (!answer.moreResult || !answer.nextPageToken) return { activities, complete: true };
    nextPageToken = answer.nextPageToken;
  }
  return { activities, complete: false };
}

/**
 * The lead, then its static lists, then its newest email events. Lists and activities are
 * secondary: a missing permission leaves the lead as read, its error a warning for health.
 */
async function leadWithFacts(api: MarketoApi, lead: MarketoLead, connection: Connection): Promise<FetchResult> {
  const warnings: ConnectorError[] = [];
  const [lists, membership, activities] = await Promise.all([
    secondaryRead(api.staticLists().then((a) => a.result ?? []), [], warnings),
    secondaryRead(api.listMembership(lead.id).then((a) => (a.result ?? []).map((m) => m.listId)), [], warnings),
    secondaryRead(activitiesSince(api, Date.now() - ACTIVITY_DAYS * DAY, PERSON_ACTIVITY_TYPES, MAX_ACTIVITY_PAGES, [lead.id]).then((a) => a.activities), [], warnings),
  ]);
  const ctx = context(connection, lists);
  const inLists = lists.filter((l) => membership.includes(l.id));
  return {
    records: [normalizeMarketoLead(lead, ctx, { listIds: membership, activities }), ...inLists.map((l) => normalizeMarketoList(l, ctx)), ...newestEvents(normalizeMarketoActivities(activities, ctx))],
    ...(warnings.length ? { warnings } : {}),
  };
}

/** Sync position: static list index and that list's paging token, as `<index>:<token>`. */
function parseCursor(cursor: string | null): { list: number; token?: string } {
  const match = /^(\d{1,4}):([A-Za-z0-9=_-]*)$/.exec(cursor ?? '');
  return match ? { list: Number(match[1]), ...(match[2] ? { token: match[2] } : {}) } : { list: 0 };
}

export const marketo: Connector = {
  ...marketoMeta,

  /** A token from the client credentials, then one real call; the instance is the REST host's Munchkin id. */
  async verify(credentials) {
    const api = apiFor(credentials);
    const { user } = await api.accessToken(true);
    await api.activityTypes();
    // The console's pod (app-<pod>.marketo.com) is only said by an asset's computedUrl.
    const lists = await api.staticLists().then((a) => a.result ?? [], () => []);
    const munchkin = munchkinOf(marketoHost(credentials.site));
    return {
      connector: 'marketo',
      authMode: 'token',
      account: munchkin,
      accountLabel: `Marketo ${munchkin}${user ? ` (${user})` : ''}`,
      consoleHost: consoleHostOfUrl(lists[0]?.computedUrl ?? undefined) ?? DEFAULT_CONSOLE,
      // Sandboxes are separate instances with their own Munchkin id; the API does not say which.
      isSandbox: false,
    };
  },

  async fetchRecord(page, credentials, connection) {
    const api = apiFor(credentials);
    if (page.type === 'list') {
      const lists = (await api.staticList(page.id)).result ?? [];
      if (!lists[0]) throw new ConnectorError('not-found', `Marketo has no static list ${page.id}.`, { object: `static list ${page.id}` });
      return { records: [normalizeMarketoList(lists[0], context(connection, lists))] };
    }
    if (page.type !== 'person' || !/^\d{1,15}$/.test(page.id)) throw new ConnectorError('not-found', `Marketo records of type ${page.type} “${page.id}” are not read.`, { object: `${page.type} ${page.id}` });
    const lead = (await api.lead(page.id, LEAD_FIELDS)).result?.[0];
    if (!lead) throw new ConnectorError('not-found', `Marketo has no lead ${page.id}.`, { object: `lead ${page.id}` });
    return leadWithFacts(api, lead, connection);
  },

  /** Leads with this email (Marketo allows duplicates): the most recently updated one, with its lists and activities. */
  async findByEmail(email, credentials, connection) {
    const api = apiFor(credentials);
    const wanted = normalizeEmail(email) ?? email.trim().toLowerCase();
    const leads = ((await api.leadsByEmail(email.trim(), LEAD_FIELDS)).result ?? []).filter((l) => (normalizeEmail(l.email ?? '') ?? l.email?.toLowerCase()) === wanted);
    if (leads.length === 0) return { records: [] };
    const newest = [...leads].sort((a, b) => (marketoDateToMs(b.updatedAt) ?? 0) - (marketoDateToMs(a.updatedAt) ?? 0))[0]!;
    const found = await leadWithFacts(api, newest, connection);
    const ctx = context(connection, []);
    const others = leads.filter((l) => l.id !== newest.id).map((l) => normalizeMarketoLead(l, ctx));
    return { ...found, records: [...found.records, ...others] };
  },

  /**
   * Static list by static list, 300 leads a call with Marketo's paging token. A lead in two
   * lists is written twice, each time whole; opening them (fetchRecord) adds lists and activity.
   */
  async sync(cursor, credentials, connection) {
    const api = apiFor(credentials);
    const position = parseCursor(cursor);
    const lists = (await api.staticLists()).result ?? [];
    const list = lists[position.list];
    if (!list) return { records: [], cursor: null };
    const page = await api.listLeads(list.id, LEAD_FIELDS, position.token, SYNC_PAGE);
    const ctx = context(connection, lists);
    const leads = page.result ?? [];
    const records = [...(position.token ? [] : [normalizeMarketoList(list, ctx)]), ...leads.map((l) => normalizeMarketoLead(l, ctx, { listIds: [list.id] }))];
    const next = page.nextPageToken && leads.length > 0 ? `${position.list}:${page.nextPageToken}` : position.list + 1 < lists.length ? `${position.list + 1}:` : null;
    return { records, cursor: next };
  },

  /** Leads created in the last 7 and 30 days (“New Lead” activities) and the static lists’ sizes. */
  async metrics(credentials, connection) {
    const api = apiFor(credentials);
    const now = Date.now();
    const point = (metric: string, label: string, value: number, unit: string, dimension?: string): MetricPoint => ({ metric, label, value, unit, at: now, connector: 'marketo', account: connection.account, ...(dimension ? { dimension } : {}) });
    const created = await activitiesSince(api, now - 30 * DAY, [ACTIVITY.newLead], MAX_NEW_LEAD_PAGES);
    const dates = created.activities.map((a) => marketoDateToMs(a.activityDate) ?? 0);
    const lists = ((await api.staticLists()).result ?? []).slice(0, MAX_COUNTED_LISTS);
    const sizes = [];
    for (const list of lists) {
      let count = 0;
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await api.listLeads(list.id, 'id', token);
        count += page.result?.length ?? 0;
        token = page.result?.length ? page.nextPageToken : undefined;
      } while (token && ++pages < MAX_COUNT_PAGES);
      sizes.push(point('list-size', 'Marketo leads in list', count, token ? 'leads (at least)' : 'leads', list.name));
    }
    const unit = created.complete ? 'leads' : 'leads (at least)';
    return [point('leads-created-7d', 'Marketo leads created (7 days)', dates.filter((d) => d >= now - 7 * DAY).length, unit), point('leads-created-30d', 'Marketo leads created (30 days)', dates.length, unit), ...sizes];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { marketo as connector };
