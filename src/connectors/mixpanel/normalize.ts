import { recordKey, type CustomerRecord, type RecordFields } from '../../model/record';
import type { MetricPoint } from '../../model/metric';
import { normalizeEmail } from '../../identity/normalize';
import { buildRecord } from '../kit/record';
import { secondsToMs } from '../kit/dates';
import { text } from '../kit/text';
import { mixpanelProfileUrl } from './pages';
import type { MixpanelProfile, MixpanelSeries, MixpanelStreamEvent } from './schemas';

export interface MixpanelNormalizeContext {
  /** The project id. */
  account: string;
  /** mixpanel.com, eu.mixpanel.com or in.mixpanel.com. */
  host: string;
  fetchedAt: number;
}

/** Profile dates are ISO in UTC, usually without an offset (`2008-06-09T23:08:40`). */
export function mixpanelDateToMs(value: unknown): number | undefined {
  const iso = text(value);
  if (!iso) return undefined;
  const ms = Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Custom properties shown as tags (“plan: Pro”), at most this many: the profile stays a summary. */
const MAX_PROPERTY_TAGS = 8;
/** Properties Mixpanel reserves (`$…`, `mp_…`) are modelled fields or internal, not the project's own. */
const isOwnProperty = (name: string) => !name.startsWith('$') && !name.startsWith('mp_');

const maxOf = (values: Array<number | undefined>) => values.reduce<number | undefined>((max, v) => (v !== undefined && (max === undefined || v > max) ? v : max), undefined);

export const mixpanelPersonKey = (account: string, distinctId: string) => recordKey('mixpanel', account, 'person', distinctId);

/**
 * A profile: its name and contact fields, the project's own properties as tags, and as last
 * activity the later of `$last_seen` and its newest event.
 */
export function normalizeMixpanelProfile(profile: MixpanelProfile, ctx: MixpanelNormalizeContext, events: MixpanelStreamEvent[] = []): CustomerRecord {
  const id = String(profile.$distinct_id);
  const p = profile.$properties ?? {};
  const email = normalizeEmail(p.$email) ? text(p.$email) : undefined;
  const firstName = text(p.$first_name);
  const lastName = text(p.$last_name);
  const name = text(p.$name) ?? ([firstName, lastName].filter(Boolean).join(' ') || undefined);
  const tags = Object.entries(p)
    .filter(([key, value]) => isOwnProperty(key) && ['string', 'number', 'boolean'].includes(typeof value) && String(value).trim())
    .slice(0, MAX_PROPERTY_TAGS)
    .map(([key, value]) => `${key}: ${String(value).trim()}`);
  const fields: RecordFields = {
    name,
    firstName,
    lastName,
    emails: email ? [email] : [],
    phones: text(p.$phone) ? [text(p.$phone)!] : [],
    companyName: text(p.$company) ?? text(p.company),
    city: text(p.$city),
    country: text(p.$country_code),
    tags,
    createdAt: mixpanelDateToMs(p.$created),
    lastActivityAt: maxOf([mixpanelDateToMs(p.$last_seen), ...events.map((e) => secondsToMs(e.properties.time))]),
  };
  return buildRecord({
    connector: 'mixpanel',
    account: ctx.account,
    type: 'person',
    id,
    title: name ?? email ?? `Profile ${id}`,
    fields,
    url: mixpanelProfileUrl(ctx.host, ctx.account, id),
    fetchedAt: ctx.fetchedAt,
  });
}

/** Events kept per profile: the newest, so the timeline stays a summary and the store small. */
export const MAX_PROFILE_EVENTS = 20;

/**
 * A profile's newest events for the timeline, each linked to the profile. Mixpanel's events are
 * no email campaign, so `activity` is `event` (the timeline shows it as written), never one of
 * the campaign activities the key facts count. The id is built from what identifies the event
 * (time and name), so reading the feed again overwrites rather than duplicates.
 */
export function normalizeMixpanelEvents(distinctId: string, events: MixpanelStreamEvent[], ctx: MixpanelNormalizeContext): CustomerRecord[] {
  const newest = [...events].sort((a, b) => b.properties.time - a.properties.time).slice(0, MAX_PROFILE_EVENTS);
  return newest.flatMap((event) => {
    const at = secondsToMs(event.properties.time);
    const name = text(event.event);
    if (at === undefined || !name) return [];
    return [
      buildRecord({
        connector: 'mixpanel',
        account: ctx.account,
        type: 'campaign',
        id: `${distinctId}:${event.properties.time}:${name}`,
        title: name,
        fields: { name, activity: 'event', createdAt: at },
        links: [mixpanelPersonKey(ctx.account, distinctId)],
        url: mixpanelProfileUrl(ctx.host, ctx.account, distinctId),
        updatedAt: at,
        fetchedAt: ctx.fetchedAt,
        searchable: false,
      }),
    ];
  });
}

/** Daily counts by event and `YYYY-MM-DD` from a `/events` or `/segmentation` answer. */
export function dailyCounts(series: MixpanelSeries): Map<string, Record<string, number>> {
  const byDay = new Map<string, Record<string, number>>();
  for (const [event, days] of Object.entries(series.data.values)) {
    for (const [day, count] of Object.entries(days)) byDay.set(day, { ...byDay.get(day), [event]: count });
  }
  return byDay;
}

/**
 * Points for 7 and 30 days ending today: every event's total, and each event's own (dimension).
 * Days the answer leaves out had none.
 */
export function eventCountPoints(byDay: Map<string, Record<string, number>>, events: string[], days: { d7: string[]; d30: string[] }, ctx: { account: string; at: number }): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (const [range, list] of [['7d', days.d7], ['30d', days.d30]] as const) {
    const label = range === '7d' ? '7 days' : '30 days';
    const sum = (event: string) => list.reduce((total, day) => total + (byDay.get(day)?.[event] ?? 0), 0);
    const point = (metric: string, name: string, value: number, dimension?: string): MetricPoint => ({ metric, label: name, value, unit: 'events', at: ctx.at, connector: 'mixpanel', account: ctx.account, ...(dimension ? { dimension } : {}) });
    points.push(point(`events-${range}`, `Mixpanel events (${label})`, events.reduce((total, e) => total + sum(e), 0)));
    for (const event of events) points.push(point(`event-count-${range}`, `Mixpanel events by name (${label})`, sum(event), event));
  }
  return points;
}
