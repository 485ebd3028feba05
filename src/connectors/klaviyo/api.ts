import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import { klaviyoAccounts, klaviyoEventsPage, klaviyoListDocument, klaviyoListsPage, klaviyoProfileDocument, klaviyoProfilesPage } from './schemas';

/** Fixed: the key only ever goes here (no user input reaches the origin). */
export const KLAVIYO_API_ORIGIN = 'https://a.klaviyo.com';
export const KLAVIYO_REVISION = '2024-10-15';

/**
 * Klaviyo limits each endpoint separately, as a burst (per second) and a steady (per minute)
 * rate; we take at most half of both. The burst limiter is the one requestJson pauses on 429.
 */
interface Pace {
  burst: RateLimiter;
  steady: RateLimiter;
}
const pace = (burstPerSecond: number, burstWindowMs: number, perMinute: number): Pace => ({ burst: new RateLimiter(burstPerSecond, burstWindowMs), steady: new RateLimiter(perMinute, 60_000) });
/** Profiles and lists: burst 75/s, steady 750/min. */
const standard = pace(10, 1_000, 350);
/** Profiles with predictive analytics: burst 10/s, steady 150/min. */
const predictive = pace(5, 1_000, 75);
/** /profiles/{id}/lists: burst 3/s, steady 60/min. */
const profileLists = pace(3, 2_000, 30);
/** /accounts and /lists/{id}?additional-fields[list]=profile_count: burst 1/s, steady 15/min. */
const accountLimits = pace(1, 2_000, 7);
const profileCount = pace(1, 2_000, 7);

const PRIVATE_KEY = /^pk_[A-Za-z0-9_]{6,}$/;

/** Klaviyo's filter strings are double-quoted; a quote or backslash inside is backslash-escaped. */
export function klaviyoFilterString(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export class KlaviyoApi {
  private readonly key: string;
  constructor(
    key: string,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.key = key.trim();
    if (!PRIVATE_KEY.test(this.key)) throw new ConnectorError('auth', 'Klaviyo needs a private API key (it starts with pk_). The 6-character public key cannot read profiles.');
  }

  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string, limits: Pace = standard): Promise<z.infer<T>> {
    await limits.steady.take();
    const body = await requestJson({
      vendor: 'Klaviyo',
      object,
      url: `${KLAVIYO_API_ORIGIN}${path}`,
      token: this.key,
      authHeaders: { authorization: `Klaviyo-API-Key ${this.key}` },
      headers: { revision: KLAVIYO_REVISION },
      limiter: limits.burst,
      fetchImpl: this.fetchImpl,
    });
    return parseVendorPayload('Klaviyo', schema, body, object);
  }

  accounts() {
    return this.get('/api/accounts', klaviyoAccounts, 'account', accountLimits);
  }

  /** With email consent and CLV, for the one profile the user is looking at. */
  profile(id: string) {
    const query = new URLSearchParams({ 'additional-fields[profile]': 'subscriptions,predictive_analytics' });
    return this.get(`/api/profiles/${encodeURIComponent(id)}?${query}`, klaviyoProfileDocument, `profile ${id}`, predictive);
  }

  profilesByEmail(email: string) {
    const query = new URLSearchParams({ filter: `equals(email,${klaviyoFilterString(email)})`, 'additional-fields[profile]': 'subscriptions', 'page[size]': '10' });
    return this.get(`/api/profiles?${query}`, klaviyoProfilesPage, `profile search for ${email}`);
  }

  /** `cursor` is only the `page[cursor]` value from a previous page's links.next. */
  profilesPage(cursor: string | null) {
    const query = new URLSearchParams({ 'page[size]': '100', ...(cursor ? { 'page[cursor]': cursor } : {}) });
    return this.get(`/api/profiles?${query}`, klaviyoProfilesPage, 'profiles page');
  }

  /**
   * The profile's events, newest first, with their metrics. The first page only: at our revision
   * Klaviyo sends at most 200 events a page and takes no `page[size]` (added in 2026-01-15), so
   * the page is the bound; the connector keeps the newest campaign events of it.
   */
  eventsOfProfile(id: string) {
    const query = new URLSearchParams({ filter: `equals(profile_id,${klaviyoFilterString(id)})`, include: 'metric', sort: '-datetime' });
    return this.get(`/api/events?${query}`, klaviyoEventsPage, `campaign events of profile ${id}`);
  }

  listsOfProfile(id: string) {
    return this.get(`/api/profiles/${encodeURIComponent(id)}/lists`, klaviyoListsPage, `lists of profile ${id}`, profileLists);
  }

  list(id: string) {
    return this.get(`/api/lists/${encodeURIComponent(id)}`, klaviyoListDocument, `list ${id}`);
  }

  /** Ten lists a page (Klaviyo's fixed size). */
  listsPage(cursor: string | null) {
    const query = new URLSearchParams(cursor ? { 'page[cursor]': cursor } : {});
    return this.get(`/api/lists${cursor ? `?${query}` : ''}`, klaviyoListsPage, 'lists page');
  }

  /** profile_count is only on the single-list endpoint, and costs its own, much lower limit. */
  listWithProfileCount(id: string) {
    const query = new URLSearchParams({ 'additional-fields[list]': 'profile_count' });
    return this.get(`/api/lists/${encodeURIComponent(id)}?${query}`, klaviyoListDocument, `profile count of list ${id}`, profileCount);
  }
}
