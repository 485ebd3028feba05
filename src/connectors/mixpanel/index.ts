import type { Connector, Credentials, FetchResult } from '../contract';
import type { Connection } from '../../model/health';
import { normalizeEmail } from '../../identity/normalize';
import { ConnectorError, secondaryRead } from '../errors';
import { emailWhere, MixpanelApi, mixpanelSite, utcDay } from './api';
import { dailyCounts, eventCountPoints, mixpanelDateToMs, normalizeMixpanelEvents, normalizeMixpanelProfile, type MixpanelNormalizeContext } from './normalize';
import type { MixpanelProfile } from './schemas';
import { mixpanelMeta } from './meta';

const DAY = 86_400_000;
/** How far back a profile's activity feed is read. */
const STREAM_DAYS = 30;
/** Event names counted as metrics: the project's most common. */
const COUNTED_EVENTS = 10;
/** Event names are asked again after this long; daily counts of finished days are kept. */
const NAMES_TTL_MS = 6 * 3_600_000;

const apiFor = (credentials: Credentials) => new MixpanelApi(credentials.site, credentials.token);

const context = (api: MixpanelApi): MixpanelNormalizeContext => ({ account: api.projectId, host: api.host, fetchedAt: Date.now() });

/** The profile and its newest events; the feed is secondary: refused, the profile is still shown. */
async function profileWithEvents(api: MixpanelApi, profile: MixpanelProfile): Promise<FetchResult> {
  const warnings: ConnectorError[] = [];
  const id = String(profile.$distinct_id);
  const now = Date.now();
  const feed = await secondaryRead(api.stream(id, utcDay(now - STREAM_DAYS * DAY), utcDay(now)).then((a) => a.results.events), [], warnings);
  const ctx = context(api);
  return { records: [normalizeMixpanelProfile(profile, ctx, feed), ...normalizeMixpanelEvents(id, feed, ctx)], ...(warnings.length ? { warnings } : {}) };
}

/**
 * Metrics answers kept per project: 60 queries an hour go fast. Counts of days that have ended
 * are kept while the worker lives, so a capture asks for today's counts only (one query); the
 * event names are asked again every few hours.
 */
interface CountsCache {
  names: string[];
  namesAt: number;
  days: Map<string, Record<string, number>>;
}
const countsCache = new Map<string, CountsCache>();

/** For tests: as if the worker had just started. */
export function forgetMixpanelCache(): void {
  countsCache.clear();
}

/** Sync position: `<page>:<session id>` of the engage query over every profile. */
function parseCursor(cursor: string | null): { page: number; sessionId?: string } {
  const match = /^(\d{1,6}):([\w.-]{1,200})$/.exec(cursor ?? '');
  return match ? { page: Number(match[1]), sessionId: match[2]! } : { page: 0 };
}

export const mixpanel: Connector = {
  ...mixpanelMeta,

  /** One engage query: the credentials, the project and its residency host in one real call. */
  async verify(credentials) {
    const api = apiFor(credentials);
    // One property only: the first page holds up to 1000 profiles, and only its `total` is wanted.
    const answer = await api.engage({ outputProperties: ['$last_seen'] }, 'project check');
    const region = api.host === 'mixpanel.com' ? 'US' : api.host.startsWith('eu.') ? 'EU' : 'India';
    const profiles = answer.total !== undefined ? `, ${answer.total.toLocaleString('en-US')} profiles` : '';
    return {
      connector: 'mixpanel',
      authMode: 'token',
      site: api.host === 'mixpanel.com' ? api.projectId : `${api.host}/${api.projectId}`,
      account: api.projectId,
      accountLabel: `Mixpanel project ${api.projectId} (${region}${profiles})`,
      consoleHost: api.host,
      isSandbox: false,
    };
  },

  async fetchRecord(page, credentials) {
    const api = apiFor(credentials);
    if (page.type !== 'person') throw new ConnectorError('not-found', `Mixpanel records of type ${page.type} are not read.`, { object: `${page.type} ${page.id}` });
    if (page.account && page.account !== api.projectId) throw new ConnectorError('not-found', `This page is of Mixpanel project ${page.account}, not the connected ${api.projectId}.`, { object: `profile ${page.id}` });
    const profile = (await api.engage({ distinctId: page.id }, `profile ${page.id}`)).results[0];
    if (!profile) throw new ConnectorError('not-found', `Mixpanel has no profile ${page.id}.`, { object: `profile ${page.id}` });
    return profileWithEvents(api, profile);
  },

  /** Profiles whose `$email` is this address as typed or lower-cased: the one seen last, with its events. */
  async findByEmail(email, credentials) {
    const api = apiFor(credentials);
    const wanted = normalizeEmail(email);
    if (!wanted) return { records: [] };
    const found = (await api.engage({ where: emailWhere([email.trim(), email.trim().toLowerCase()]) }, `profile search for ${email}`)).results;
    const matching = found.filter((p) => normalizeEmail(p.$properties?.$email) === wanted);
    if (matching.length === 0) return { records: [] };
    const seen = (p: MixpanelProfile) => mixpanelDateToMs(p.$properties?.$last_seen) ?? 0;
    const [newest, ...others] = [...matching].sort((a, b) => seen(b) - seen(a));
    const result = await profileWithEvents(api, newest!);
    const ctx = context(api);
    return { ...result, records: [...result.records, ...others.map((p) => normalizeMixpanelProfile(p, ctx))] };
  },

  /** Every profile, a page of engage at a time (one query each), resumed by Mixpanel's session id. */
  async sync(cursor, credentials) {
    const api = apiFor(credentials);
    const at = parseCursor(cursor);
    const answer = await api.engage({ page: at.page, ...(at.sessionId ? { sessionId: at.sessionId } : {}) }, 'profiles');
    const ctx = context(api);
    const full = answer.page_size ?? 1000;
    const next = answer.results.length >= full && answer.session_id ? `${answer.page + 1}:${answer.session_id}` : null;
    return { records: answer.results.map((p) => normalizeMixpanelProfile(p, ctx)), cursor: next };
  },

  /** Counts of the project's most common events over 7 and 30 days ending today (UTC days). */
  async metrics(credentials) {
    const api = apiFor(credentials);
    const now = Date.now();
    const key = `${api.host}/${api.projectId}`;
    let cache = countsCache.get(key);
    if (!cache || now - cache.namesAt > NAMES_TTL_MS) {
      const names = (await api.eventNames(COUNTED_EVENTS)).slice(0, COUNTED_EVENTS);
      cache = { names, namesAt: now, days: cache && sameNames(cache.names, names) ? cache.days : new Map() };
      countsCache.set(key, cache);
    }
    const d30 = Array.from({ length: 30 }, (_, i) => utcDay(now - (29 - i) * DAY));
    const today = d30.at(-1)!;
    if (cache.names.length > 0) {
      const known = d30.slice(0, -1).every((day) => cache.days.has(day));
      const answer = await api.eventCounts(cache.names, known ? today : d30[0]!, today);
      const counts = dailyCounts(answer);
      // Days the answer leaves out had no events; every day asked is known now.
      for (const day of known ? [today] : d30) cache.days.set(day, counts.get(day) ?? {});
      for (const day of [...cache.days.keys()]) if (day < d30[0]!) cache.days.delete(day);
    }
    return eventCountPoints(cache.days, cache.names, { d7: d30.slice(-7), d30 }, { account: api.projectId, at: now });
  },
};

const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((name, i) => name === b[i]);

/** The name connectors/registry.ts finds the vendor's Connector by. */
export { mixpanel as connector };
export { mixpanelSite };
