import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { normalizeMixpanelEvents, normalizeMixpanelProfile, type MixpanelNormalizeContext } from './normalize';
import { mixpanelCohortsSchema, mixpanelEngagePage, mixpanelErrorSchema, mixpanelEventNamesSchema, mixpanelFunnelsSchema, mixpanelInsightsSchema, mixpanelSeriesSchema, mixpanelStreamSchema } from './schemas';

/**
 * Canonical records from a saved Query API answer, for `npm run normalize` and imports:
 * engage profiles are people; an activity feed is events of the profile it names (the first
 * event's distinct id). Counts, saved reports, funnels and cohort lists hold no customer: they
 * are checked and told in a note. A refusal (`{"error": …}`) is an error in Mixpanel's words.
 */
export function normalizeMixpanelPayload(payload: unknown, account: string, notes: string[] = []): CustomerRecord[] {
  const ctx: MixpanelNormalizeContext = { account, host: 'mixpanel.com', fetchedAt: Date.now() };
  const body = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  const refusal = mixpanelErrorSchema.safeParse(payload);
  if (refusal.success) throw new ConnectorError('vendor', `Mixpanel refused the request: ${refusal.data.error}`, { vendorMessage: refusal.data.error });
  const checked = (what: string) => (notes.push(`Checked Mixpanel ${what}: they hold no people, so nothing was imported.`), []);
  if (Array.isArray(payload)) {
    if (payload.every((item) => typeof item === 'string')) return (parseVendorPayload('Mixpanel', mixpanelEventNamesSchema, payload, 'event names'), checked('event names'));
    return (parseVendorPayload('Mixpanel', mixpanelCohortsSchema, payload, 'cohorts'), checked('cohorts'));
  }
  if ('results' in body && !Array.isArray(body.results)) {
    const events = parseVendorPayload('Mixpanel', mixpanelStreamSchema, payload, 'activity feed').results.events;
    const first = events[0]?.properties as Record<string, unknown> | undefined;
    const id = first?.$distinct_id ?? first?.distinct_id;
    if (events.length && (typeof id === 'string' || typeof id === 'number')) return normalizeMixpanelEvents(String(id), events, ctx);
    return events.length ? (notes.push('Mixpanel activity feed without a distinct id: its events belong to no profile we know, so nothing was imported.'), []) : [];
  }
  if ('results' in body) return parseVendorPayload('Mixpanel', mixpanelEngagePage, payload, 'profiles').results.map((p) => normalizeMixpanelProfile(p, ctx));
  if ('meta' in body) return (parseVendorPayload('Mixpanel', mixpanelFunnelsSchema, payload, 'funnels'), checked('funnels'));
  if ('series' in body && !('data' in body)) return (parseVendorPayload('Mixpanel', mixpanelInsightsSchema, payload, 'saved report'), checked('a saved report'));
  return (parseVendorPayload('Mixpanel', mixpanelSeriesSchema, payload, 'event counts'), checked('event counts'));
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeMixpanelPayload;
