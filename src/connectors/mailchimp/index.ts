import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { MetricPoint } from '../../model/metric';
import type { CustomerRecord } from '../../model/record';
import { normalizeEmail } from '../../identity/normalize';
import { ConnectorError, isConnectorError, secondaryRead } from '../errors';
import { MAX_CAMPAIGN_EVENTS, newestEvents } from '../kit/campaign-events';
import { MailchimpApi, mailchimpDc } from './api';
import { WEB_ID_PREFIX } from './pages';
import { normalizeMailchimpList, normalizeMailchimpPerson, type MailchimpNormalizeContext } from './normalize';
import { normalizeMailchimpActivity } from './activity';
import type { MailchimpList, MailchimpMember } from './schemas';
import { mailchimpMeta } from './meta';

export { subscriberHash } from './md5';

/** Audiences we look a person up in: one GET each, so bounded. */
const MAX_LISTS = 20;
/** A person is in at most this many audiences in one answer. */
const MAX_MEMBERSHIPS = 5;
/** Pages of 1000 member ids read to find a console web id (5,000 contacts). */
const MAX_WEB_ID_PAGES = 5;
const SYNC_PAGE = 500;

const apiFor = (credentials: Credentials) => new MailchimpApi(credentials.token);

function context(connection: Connection, lists: MailchimpList[]): MailchimpNormalizeContext {
  return { account: connection.account, consoleHost: connection.consoleHost, fetchedAt: Date.now(), listNames: Object.fromEntries(lists.map((l) => [l.id, l.name])) };
}

/** The person first, then the audiences they are in. */
function personWithLists(members: MailchimpMember[], lists: MailchimpList[], ctx: MailchimpNormalizeContext): CustomerRecord[] {
  const inLists = lists.filter((l) => members.some((m) => m.list_id === l.id));
  return [normalizeMailchimpPerson(members, ctx), ...inLists.map((l) => normalizeMailchimpList(l, ctx))];
}

/**
 * The person and their audiences, then their newest campaign events from each audience's
 * activity feed. A feed that fails (throttled, refused) leaves the person as read: its error is
 * a warning for health, not the answer.
 */
async function personWithActivity(api: MailchimpApi, members: MailchimpMember[], lists: MailchimpList[], connection: Connection): Promise<FetchResult> {
  const ctx = context(connection, lists);
  const warnings: ConnectorError[] = [];
  const feeds = await Promise.all(members.map((m) => secondaryRead(api.activityFeed(m.list_id, m.id, MAX_CAMPAIGN_EVENTS).then((feed) => normalizeMailchimpActivity(feed.activity, m, ctx)), [], warnings)));
  return { records: [...personWithLists(members, lists, ctx), ...newestEvents(feeds.flat())], ...(warnings.length ? { warnings } : {}) };
}

/** The member with this subscriber hash in each audience (404 = not in that audience), four at a time. */
async function membershipsOf(api: MailchimpApi, hash: string, lists: MailchimpList[]): Promise<MailchimpMember[]> {
  const found: MailchimpMember[] = [];
  const candidates = lists.slice(0, MAX_LISTS);
  for (let i = 0; i < candidates.length && found.length < MAX_MEMBERSHIPS; i += 4) {
    const batch = await Promise.all(
      candidates.slice(i, i + 4).map((list) =>
        api.member(list.id, hash).catch((error: unknown) => {
          if (isConnectorError(error) && error.kind === 'not-found') return null;
          throw error;
        }),
      ),
    );
    found.push(...batch.filter((m): m is MailchimpMember => m !== null));
  }
  return found.slice(0, MAX_MEMBERSHIPS);
}

/**
 * The console's contact page names only the member's web id, and the API has no lookup by it
 * (`/search-members` matches emails and names, not ids). So we read member ids 1000 at a time,
 * audience by audience, up to MAX_WEB_ID_PAGES pages, and take the subscriber hash from there.
 */
async function hashOfWebId(api: MailchimpApi, webId: number, lists: MailchimpList[]): Promise<string | null> {
  let budget = MAX_WEB_ID_PAGES;
  for (const list of lists) {
    for (let offset = 0; budget > 0; offset += 1000) {
      budget -= 1;
      const page = await api.memberIds(list.id, offset);
      const hit = page.members.find((m) => m.web_id === webId);
      if (hit) return hit.id;
      if (offset + 1000 >= page.total_items || page.members.length === 0) break;
    }
    if (budget <= 0) return null;
  }
  return null;
}

async function person(api: MailchimpApi, id: string, connection: Connection): Promise<FetchResult> {
  const { lists } = await api.lists();
  const webId = id.startsWith(WEB_ID_PREFIX) ? Number(id.slice(WEB_ID_PREFIX.length)) : null;
  const hash = webId === null ? id : await hashOfWebId(api, webId, lists);
  if (!hash) {
    throw new ConnectorError('not-found', `Mailchimp contact ${webId} is not among the first ${MAX_WEB_ID_PAGES * 1000} contacts we can search by page id; look them up by email instead.`, { object: `contact ${id}` });
  }
  if (!/^[0-9a-f]{32}$/.test(hash)) throw new ConnectorError('not-found', `“${id}” is not a Mailchimp contact id.`, { object: `contact ${id}` });
  const members = await membershipsOf(api, hash, lists);
  if (members.length === 0) throw new ConnectorError('not-found', `Mailchimp has no contact ${id}.`, { object: `contact ${id}` });
  // Always the subscriber-hash record: the record service remembers which record a web-id page is.
  return personWithActivity(api, members, lists, connection);
}

/** Sync position: audience index and member offset, as `<list index>:<offset>`. */
function parseCursor(cursor: string | null): { list: number; offset: number } {
  const match = /^(\d{1,4}):(\d{1,9})$/.exec(cursor ?? '');
  return match ? { list: Number(match[1]), offset: Number(match[2]) } : { list: 0, offset: 0 };
}

export const mailchimp: Connector = {
  ...mailchimpMeta,

  async verify(credentials) {
    const dc = mailchimpDc(credentials.token);
    const root = await apiFor(credentials).root();
    return {
      connector: 'mailchimp',
      authMode: 'token',
      account: root.account_id,
      accountLabel: `${root.account_name} (${dc})`,
      consoleHost: `${dc}.admin.mailchimp.com`,
      // Mailchimp has no sandbox or test mode.
      isSandbox: false,
    };
  },

  async fetchRecord(page, credentials, connection) {
    const api = apiFor(credentials);
    if (page.type === 'list') {
      const list = await api.list(page.id);
      return { records: [normalizeMailchimpList(list, context(connection, [list]))] };
    }
    if (page.type !== 'person') throw new ConnectorError('not-found', `Mailchimp records of type ${page.type} are not read.`, { object: `${page.type} ${page.id}` });
    return person(api, page.id, connection);
  },

  /**
   * One person per email (id = subscriber hash) with a membership per audience: `/search-members`
   * exact matches, across audiences, at most MAX_MEMBERSHIPS of them.
   */
  async findByEmail(email, credentials, connection) {
    const api = apiFor(credentials);
    const wanted = normalizeEmail(email) ?? email.trim().toLowerCase();
    const search = await api.searchMembers(email.trim());
    const members = search.exact_matches.members.filter((m) => (normalizeEmail(m.email_address) ?? m.email_address.toLowerCase()) === wanted).slice(0, MAX_MEMBERSHIPS);
    if (members.length === 0) return { records: [] };
    // Gmail folding can make two addresses one identity; keep the first address's memberships.
    const same = members.filter((m) => m.id === members[0]!.id);
    const { lists } = await api.lists();
    return personWithActivity(api, same, lists, connection);
  },

  /**
   * Audience by audience, 500 contacts a call. A person in two audiences is written once per
   * audience with that audience's membership; opening them (fetchRecord) merges all of them.
   */
  async sync(cursor, credentials, connection) {
    const api = apiFor(credentials);
    const position = parseCursor(cursor);
    const { lists } = await api.lists();
    const list = lists[position.list];
    if (!list) return { records: [], cursor: null };
    const page = await api.members(list.id, position.offset, SYNC_PAGE);
    const ctx = context(connection, lists);
    const records = [...(position.offset === 0 ? [normalizeMailchimpList(list, ctx)] : []), ...page.members.map((m) => normalizeMailchimpPerson([m], ctx))];
    const total = page.total_items ?? list.stats?.member_count ?? 0;
    const more = page.members.length > 0 && position.offset + SYNC_PAGE < total;
    const next = more ? `${position.list}:${position.offset + SYNC_PAGE}` : position.list + 1 < lists.length ? `${position.list + 1}:0` : null;
    return { records, cursor: next };
  },

  async metrics(credentials, connection) {
    const { lists } = await apiFor(credentials).lists();
    const at = Date.now();
    const point = (metric: string, label: string, value: number, unit: string, dimension?: string): MetricPoint => ({ metric, label, value, unit, at, connector: 'mailchimp', account: connection.account, ...(dimension ? { dimension } : {}) });
    const members = (l: MailchimpList) => l.stats?.member_count ?? 0;
    const total = lists.reduce((sum, l) => sum + members(l), 0);
    const rated = lists.filter((l) => l.stats?.open_rate !== undefined);
    const ratedMembers = rated.reduce((sum, l) => sum + members(l), 0);
    // Overall open rate weighs each audience by its size.
    const openRate = ratedMembers > 0 ? rated.reduce((sum, l) => sum + l.stats!.open_rate! * members(l), 0) / ratedMembers : undefined;
    return [
      point('subscribers', 'Mailchimp subscribers (all audiences)', total, 'contacts'),
      ...(openRate === undefined ? [] : [point('open-rate', 'Mailchimp average open rate', Math.round(openRate * 100) / 100, '%')]),
      ...lists.flatMap((l) => [
        point('subscribers', 'Mailchimp subscribers', members(l), 'contacts', l.name),
        point('unsubscribes', 'Mailchimp unsubscribes', l.stats?.unsubscribe_count ?? 0, 'contacts', l.name),
        ...(l.stats?.open_rate === undefined ? [] : [point('open-rate', 'Mailchimp average open rate', l.stats.open_rate, '%', l.name)]),
      ]),
    ];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { mailchimp as connector };
