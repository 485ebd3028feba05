import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import { metaAdAccountSchema, metaErrorSchema, metaInsightsSchema, type MetaAdAccount, type MetaError, type MetaInsights } from './schemas';

/** The only origin the access token is ever sent to, and the Graph API version we speak. */
export const META_GRAPH_ORIGIN = 'https://graph.facebook.com';
export const META_GRAPH_VERSION = 'v25.0';

/**
 * Meta publishes formulas, not numbers: the ads_insights Business Use Case allows 600 calls an
 * hour plus more per active ad on the Limited access tier. We start at most 300 an hour (half
 * the floor) and otherwise follow what the usage headers say (usageBackoffMs).
 */
const limiter = new RateLimiter(300, 3_600_000);
const ACCOUNT_ID = /^\d{5,20}$/;

/** `act_<digits>` from what the user typed (`act_123…` or `123…`); it goes into the path, so anything else is refused first. */
export function metaAdAccountId(site: string | undefined): string {
  const clean = (site ?? '').trim().replace(/^act_/, '');
  if (!ACCOUNT_ID.test(clean)) throw new ConnectorError('auth', `“${site ?? ''}” is not a Meta ad account id (digits, with or without act_, from Ads Manager's account menu).`);
  return `act_${clean}`;
}

/** Business Use Case and ad account usage as percentages of the limit, from the response headers. */
export interface MetaUsage {
  /** Highest of call_count, total_cputime, total_time (BUC) and acc_id_util_pct (ad account). */
  percent: number;
  /** Minutes until a throttled use case is allowed again (BUC `estimated_time_to_regain_access`). */
  regainMinutes: number;
  /** Seconds until the ad account's usage resets (`reset_time_duration`). */
  resetSeconds: number;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
function parseHeader(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `X-Business-Use-Case-Usage` is JSON keyed by business id, each an array of
 * `{type, call_count, total_cputime, total_time, estimated_time_to_regain_access}` (percentages,
 * minutes); `X-Ad-Account-Usage` is `{acc_id_util_pct, reset_time_duration, ads_api_access_tier}`.
 * Null when neither header is there (Meta only sends them once an app has made enough calls).
 */
export function readUsage(headers: Headers): MetaUsage | null {
  const buc = parseHeader(headers.get('x-business-use-case-usage'));
  const account = parseHeader(headers.get('x-ad-account-usage'));
  if (buc === undefined && account === undefined) return null;
  const usage: MetaUsage = { percent: 0, regainMinutes: 0, resetSeconds: 0 };
  if (buc && typeof buc === 'object') {
    for (const entries of Object.values(buc as Record<string, unknown>)) {
      for (const e of Array.isArray(entries) ? (entries as Array<Record<string, unknown>>) : []) {
        usage.percent = Math.max(usage.percent, num(e.call_count), num(e.total_cputime), num(e.total_time));
        usage.regainMinutes = Math.max(usage.regainMinutes, num(e.estimated_time_to_regain_access));
      }
    }
  }
  if (account && typeof account === 'object') {
    const a = account as Record<string, unknown>;
    usage.percent = Math.max(usage.percent, num(a.acc_id_util_pct));
    usage.resetSeconds = num(a.reset_time_duration);
  }
  return usage;
}

/** From this share of the limit on, we slow down rather than wait for Meta to refuse us. */
export const HIGH_USAGE_PERCENT = 75;

/**
 * How long to hold every further call after a response reporting `usage`: until access is back
 * when Meta throttles, until the reset once usage is high (a minute when Meta gives no reset),
 * not at all below HIGH_USAGE_PERCENT.
 */
export function usageBackoffMs(usage: MetaUsage | null): number {
  if (!usage) return 0;
  if (usage.regainMinutes > 0) return usage.regainMinutes * 60_000;
  if (usage.percent >= 100) return Math.max(usage.resetSeconds, 60) * 1000;
  if (usage.percent >= HIGH_USAGE_PERCENT) return (usage.resetSeconds || 60) * 1000;
  return 0;
}

/** Graph API codes that mean "too many calls" (application, user, ad account, BUC and insights throttles). */
const THROTTLE_CODES = new Set([4, 17, 32, 613, 80000, 80003, 80004, 80014]);
const THROTTLE_SUBCODES = new Set([2446079, 1487742, 1504022, 1504039]);
export function isThrottle(error: MetaError['error'] | undefined): boolean {
  return !!error && (THROTTLE_CODES.has(error.code) || (error.error_subcode !== undefined && THROTTLE_SUBCODES.has(error.error_subcode)));
}

const bodyError = (text: string) => {
  try {
    return metaErrorSchema.safeParse(JSON.parse(text)).data?.error;
  } catch {
    return undefined;
  }
};

/** Meta sends most errors as HTTP 400 with an OAuthException body: name the ones a user can fix. */
function explain(error: ConnectorError, meta: MetaError['error'] | undefined, accountId: string): ConnectorError {
  const said = meta ? ` Meta said: ${error.detail.vendorMessage ?? meta.message}` : '';
  if (!meta || error.kind === 'rate-limit') return error.kind === 'rate-limit' && said && !error.message.includes('Meta said') ? new ConnectorError(error.kind, error.message + said, error.detail) : error;
  // 190: invalid or expired token (subcodes 460 password changed, 463 expired, 467 logged out).
  if (meta.code === 190 || meta.code === 102) {
    return new ConnectorError('auth', `Meta rejected the access token (it may have expired: user tokens last about an hour; system-user tokens do not expire). Paste a new one in Options.${said}`, error.detail);
  }
  // 10 / 200-299: the permission (ads_read) or the access to this ad account is missing.
  if (meta.code === 10 || (meta.code >= 200 && meta.code < 300)) {
    return new ConnectorError('auth', `Meta refused access to ad account ${accountId}: the token needs the ads_read permission and access to this ad account.${said}`, error.detail);
  }
  // 100 on the account path: an id that does not exist or that this token cannot see.
  if (meta.code === 100 && meta.error_subcode === 33) {
    return new ConnectorError('auth', `Meta has no ad account ${accountId} this token can read: check the id in Ads Manager.${said}`, error.detail);
  }
  return error;
}

export class MetaApi {
  readonly accountId: string;
  /** What the last response's usage headers said, for tests and the health view. */
  lastUsage: MetaUsage | null = null;
  constructor(
    site: string | undefined,
    private readonly token: string,
    private readonly fetchImpl?: typeof fetch,
    /** Shared by every call to Meta by default, so usage seen by one capture holds the next. */
    private readonly pacer: RateLimiter = limiter,
  ) {
    this.accountId = metaAdAccountId(site);
  }

  private async get(path: string, params: Record<string, string>, object: string): Promise<unknown> {
    let metaError: MetaError['error'] | undefined;
    const base = this.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await base(input, init);
      // Usage rides on every answer, errors included: hold later calls while it is high.
      this.lastUsage = readUsage(response.headers);
      const hold = usageBackoffMs(this.lastUsage);
      if (hold > 0) this.pacer.pauseFor(hold);
      if (!response.ok) metaError = bodyError(await response.clone().text().catch(() => ''));
      return response;
    }) as typeof fetch;
    const url = `${META_GRAPH_ORIGIN}/${META_GRAPH_VERSION}/${path}?${new URLSearchParams(params)}`;
    try {
      return await requestJson({
        vendor: 'Meta',
        object,
        url,
        token: this.token,
        limiter: this.pacer,
        fetchImpl,
        vendorMessage: (body) => {
          const e = metaErrorSchema.safeParse(body).data?.error;
          return e ? (e.error_user_msg ?? e.message) : undefined;
        },
        // Meta throttles with HTTP 400/403 and a code in the body, not 429.
        isRateLimited: (status, text) => status === 429 || isThrottle(bodyError(text)),
      });
    } catch (error) {
      throw error instanceof ConnectorError ? explain(error, metaError, this.accountId) : error;
    }
  }

  async adAccount(): Promise<MetaAdAccount> {
    const body = await this.get(this.accountId, { fields: 'name,account_id,currency,timezone_name,account_status' }, 'ad account');
    return parseVendorPayload('Meta', metaAdAccountSchema, body, 'ad account');
  }

  /**
   * Account-level insights for a date preset (`last_7d`, `last_30d`: days in the account's time
   * zone, today excluded) or, given as `{since, until}`, for those days (inclusive).
   */
  async insights(range: string | { since: string; until: string }): Promise<MetaInsights> {
    const datePreset = typeof range === 'string' ? range : `${range.since}..${range.until}`;
    const when: Record<string, string> = typeof range === 'string' ? { date_preset: range } : { time_range: JSON.stringify({ since: range.since, until: range.until }) };
    const body = await this.get(
      `${this.accountId}/insights`,
      { level: 'account', ...when, fields: 'account_currency,spend,impressions,clicks,ctr,cpc,actions,action_values' },
      `insights (${datePreset})`,
    );
    return parseVendorPayload('Meta', metaInsightsSchema, body, `insights (${datePreset})`);
  }
}

