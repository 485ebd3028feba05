import type { Connector, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import type { MetricPoint } from '../../model/metric';
import type { CustomerRecord } from '../../model/record';
import { ConnectorError, secondaryRead } from '../errors';
import { KlaviyoApi } from './api';
import { KLAVIYO_CONSOLE_HOST, KLAVIYO_LIST_ID, KLAVIYO_PROFILE_ID } from './pages';
import { normalizeKlaviyoList, normalizeKlaviyoProfile, type KlaviyoNormalizeContext } from './normalize';
import { normalizeKlaviyoEvents } from './events';
import { nextCursor, type KlaviyoList, type KlaviyoProfile } from './schemas';
import { klaviyoMeta } from './meta';

/**
 * How many lists metrics reads a profile count for: each costs a call to an endpoint limited to
 * 15 a minute, so counts are also kept for ten minutes rather than read on every refresh.
 */
const COUNTED_LISTS = 4;
const COUNT_TTL_MS = 10 * 60_000;
const profileCounts = new Map<string, { count: number; at: number }>();

async function withProfileCount(api: KlaviyoApi, account: string, list: KlaviyoList, now: number): Promise<KlaviyoList> {
  const key = `${account}:${list.id}`;
  const cached = profileCounts.get(key);
  let count = cached && now - cached.at < COUNT_TTL_MS ? cached.count : undefined;
  if (count === undefined) {
    count = (await api.listWithProfileCount(list.id)).data.attributes.profile_count ?? 0;
    profileCounts.set(key, { count, at: now });
  }
  return { ...list, attributes: { ...list.attributes, profile_count: count } };
}

function context(connection: Connection): KlaviyoNormalizeContext {
  return { account: connection.account, fetchedAt: Date.now(), currency: connection.currency };
}

/**
 * A profile with its list memberships, those lists as records of their own, and its newest
 * campaign events. Events failing (a key without Events or Metrics read access) leave the
 * profile as read: the error is a warning for health.
 */
async function profileWithLists(api: KlaviyoApi, profile: KlaviyoProfile, connection: Connection): Promise<FetchResult> {
  const ctx = context(connection);
  const warnings: ConnectorError[] = [];
  const events = secondaryRead(
    api.eventsOfProfile(profile.id).then((page) => normalizeKlaviyoEvents(page.data, page.included ?? [], profile.id, ctx)),
    [],
    warnings,
  );
  const lists: KlaviyoList[] = (await api.listsOfProfile(profile.id)).data.slice(0, 25);
  const records = [normalizeKlaviyoProfile(profile, ctx, lists), ...lists.map((l) => normalizeKlaviyoList(l, ctx)), ...(await events)];
  return { records, ...(warnings.length ? { warnings } : {}) };
}

export const klaviyo: Connector = {
  ...klaviyoMeta,

  async verify({ token }) {
    const account = (await new KlaviyoApi(token).accounts()).data[0]!;
    const name = account.attributes.contact_information?.organization_name?.trim() || account.attributes.contact_information?.default_sender_name?.trim() || account.id;
    const test = account.attributes.test_account === true;
    return {
      connector: 'klaviyo',
      authMode: 'token',
      account: account.id,
      accountLabel: `${name}${test ? ' (test account)' : ''}`,
      consoleHost: KLAVIYO_CONSOLE_HOST,
      // A Klaviyo test account is a real production account flagged for practice.
      isSandbox: test,
      currency: account.attributes.preferred_currency?.toUpperCase() || undefined,
    };
  },

  async fetchRecord(page, { token }, connection) {
    const api = new KlaviyoApi(token);
    if (page.type === 'list') {
      if (!KLAVIYO_LIST_ID.test(page.id)) throw new ConnectorError('not-found', `“${page.id}” is not a Klaviyo list id.`, { object: `list ${page.id}` });
      return { records: [normalizeKlaviyoList((await api.list(page.id)).data, context(connection))] };
    }
    if (page.type !== 'person' || !KLAVIYO_PROFILE_ID.test(page.id)) throw new ConnectorError('not-found', `Klaviyo has no profile “${page.id}”.`, { object: `profile ${page.id}` });
    return profileWithLists(api, (await api.profile(page.id)).data, connection);
  },

  async findByEmail(email, { token }, connection) {
    const api = new KlaviyoApi(token);
    // Klaviyo keeps one profile per email, but a merge in progress can show two: read at most three.
    const profiles = (await api.profilesByEmail(email.trim())).data.slice(0, 3);
    const results = await Promise.all(profiles.map((p) => profileWithLists(api, p, connection)));
    const records = results.flatMap((r) => r.records);
    const warnings = results.flatMap((r) => r.warnings ?? []);
    // Two profiles may share a list: keep each list record once.
    return { records: records.filter((r, i) => records.findIndex((o) => o.key === r.key) === i), ...(warnings.length ? { warnings } : {}) };
  },

  async sync(cursor, { token }, connection) {
    const page = await new KlaviyoApi(token).profilesPage(cursor);
    const ctx = context(connection);
    return { records: page.data.map((p) => normalizeKlaviyoProfile(p, ctx)), cursor: nextCursor(page) };
  },

  /** Klaviyo has no account-wide profile count: lists and their subscriber counts stand in. */
  async metrics({ token }, connection) {
    const api = new KlaviyoApi(token);
    const at = Date.now();
    const lists: KlaviyoList[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result = await api.listsPage(cursor);
      lists.push(...result.data);
      cursor = nextCursor(result);
      if (!cursor || result.data.length === 0) break;
    }
    const counted = await Promise.all(lists.slice(0, COUNTED_LISTS).map((l) => withProfileCount(api, connection.account, l, at)));
    const point = (metric: string, label: string, value: number, unit: string, dimension?: string): MetricPoint => ({ metric, label, value, unit, at, connector: 'klaviyo', account: connection.account, ...(dimension ? { dimension } : {}) });
    const perList = counted.map((l) => point('list-profiles', 'Profiles in Klaviyo list', l.attributes.profile_count ?? 0, 'profiles', l.attributes.name ?? l.id));
    const total = counted.reduce((sum, l) => sum + (l.attributes.profile_count ?? 0), 0);
    const totalLabel = lists.length > COUNTED_LISTS ? `Profiles in the first ${COUNTED_LISTS} Klaviyo lists` : 'Profiles in Klaviyo lists (sum)';
    return [point('lists', 'Klaviyo lists', lists.length, 'lists'), point('list-profiles-total', totalLabel, total, 'profiles'), ...perList];
  },
};

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { klaviyo as connector };
