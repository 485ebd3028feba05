import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import { mixpanelEngagePage, mixpanelErrorSchema, mixpanelEventNamesSchema, mixpanelSeriesSchema, mixpanelStreamSchema } from './schemas';

/**
 * The Query API allows 60 queries an hour per project (and 5 at once): we start at most 30 an
 * hour. Shared by every MixpanelApi, which only makes it stricter.
 */
export const queryLimiter = () => new RateLimiter(30, 3_600_000);
const limiter = queryLimiter();
/** A 429 without Retry-After: the hourly budget is spent, so hold every query this long. */
const RATE_PAUSE_MS = 5 * 60_000;

const SITE = /^(?:https:\/\/)?(?:(eu|in)\.)?(?:mixpanel\.com\/)?(?:project\/)?(\d{1,12})(?:[/?#].*)?$/;

export interface MixpanelSite {
  /** mixpanel.com, eu.mixpanel.com or in.mixpanel.com: where the project's data resides. */
  host: string;
  projectId: string;
}

/** `3141592`, `eu.mixpanel.com/3141592` or a pasted project page address; anything else is refused before a request. */
export function mixpanelSite(site: string | undefined): MixpanelSite {
  const match = SITE.exec((site ?? '').trim().toLowerCase());
  if (!match) throw new ConnectorError('auth', `“${site ?? ''}” is not a Mixpanel project id: enter its digits (Project Settings → Overview), with eu.mixpanel.com/ in front for EU data residency.`);
  return { host: match[1] ? `${match[1]}.mixpanel.com` : 'mixpanel.com', projectId: match[2]! };
}

/** The pasted `<username>:<secret>` of a service account; the username has no colon. */
export function serviceAccount(token: string): { username: string; secret: string } {
  const pair = token.trim();
  const colon = pair.indexOf(':');
  if (colon < 1 || colon === pair.length - 1) throw new ConnectorError('auth', 'Enter the Mixpanel service account’s username and secret joined by a colon: <username>:<secret>.');
  return { username: pair.slice(0, colon).trim(), secret: pair.slice(colon + 1).trim() };
}

/** `YYYY-MM-DD` of a UTC day. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface MixpanelApiOptions {
  fetchImpl?: typeof fetch;
  /** Tests pass their own so that one file's queries do not spend another's hour. */
  limiter?: RateLimiter;
}

/**
 * The Query API takes form fields on POST: the JSON body requestJson builds (with its redirect
 * and cookie rules) is sent as a form. `base` is the global fetch unless a test gives one.
 */
function formFetch(given: typeof fetch | undefined): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const base = given ?? fetch;
    if (typeof init?.body !== 'string') return base(input, init);
    const fields = JSON.parse(init.body) as Record<string, string>;
    return base(input, { ...init, body: new URLSearchParams(fields).toString(), headers: { ...(init.headers as Record<string, string>), 'content-type': 'application/x-www-form-urlencoded' } });
  }) as typeof fetch;
}

export class MixpanelApi {
  readonly host: string;
  readonly projectId: string;
  private readonly authorization: string;
  private readonly secret: string;
  private readonly limiter: RateLimiter;
  constructor(
    site: string | undefined,
    token: string,
    private readonly options: MixpanelApiOptions = {},
  ) {
    ({ host: this.host, projectId: this.projectId } = mixpanelSite(site));
    const { username, secret } = serviceAccount(token);
    this.secret = secret;
    this.authorization = `Basic ${btoa(`${username}:${secret}`)}`;
    this.limiter = options.limiter ?? limiter;
  }

  /** One query under /api/query, refused in Mixpanel's words; a 429 holds every query back. */
  private async query<T extends z.ZodMiniType>(path: string, params: Record<string, string>, schema: T, object: string, form?: Record<string, string>): Promise<z.infer<T>> {
    let body: unknown;
    try {
      body = await requestJson({
        vendor: 'Mixpanel',
        object,
        url: `https://${this.host}/api/query${path}?${new URLSearchParams({ project_id: this.projectId, ...params })}`,
        token: this.secret,
        authHeaders: { authorization: this.authorization },
        limiter: this.limiter,
        fetchImpl: formFetch(this.options.fetchImpl),
        ...(form ? { method: 'POST' as const, body: form } : {}),
        // An hourly budget is not back in a second: no retries of a 429.
        retries: 0,
        vendorMessage: (b) => mixpanelErrorSchema.safeParse(b).data?.error,
      });
    } catch (error) {
      throw error instanceof ConnectorError ? this.explain(error) : error;
    }
    return parseVendorPayload('Mixpanel', schema, body, object);
  }

  private explain(error: ConnectorError): ConnectorError {
    const words = error.detail.vendorMessage?.trim();
    const said = words ? ` Mixpanel said: ${words}` : '';
    if (error.detail.status === 401) {
      return new ConnectorError('auth', `Mixpanel rejected the service account’s username and secret. Reconnect Mixpanel in Options.${said}`, error.detail);
    }
    if (error.detail.status === 403) {
      return new ConnectorError('auth', `Mixpanel refused the service account access to project ${this.projectId} on ${this.host}: add it to the project (Consumer role or above), or check the data residency (EU projects answer on eu.mixpanel.com).${said}`, error.detail);
    }
    if (error.kind === 'rate-limit') {
      const wait = Math.max(error.detail.retryAfterMs ?? 0, RATE_PAUSE_MS);
      this.limiter.pauseFor(wait);
      return new ConnectorError('rate-limit', `Mixpanel’s query API allows 60 queries an hour and this project has used them; try again in ${Math.ceil(wait / 60_000)} min.${said}`, { ...error.detail, retryAfterMs: wait });
    }
    return error;
  }

  /** Profiles matching a `where` expression (or all), one page (Mixpanel's `page_size`, 1000); the next page needs the session id. */
  engage(params: { where?: string; distinctId?: string; page?: number; sessionId?: string; outputProperties?: string[] }, object: string) {
    const form: Record<string, string> = {};
    if (params.where) form.where = params.where;
    if (params.distinctId) form.distinct_id = params.distinctId;
    if (params.page) form.page = String(params.page);
    if (params.sessionId) form.session_id = params.sessionId;
    if (params.outputProperties) form.output_properties = JSON.stringify(params.outputProperties);
    return this.query('/engage', {}, mixpanelEngagePage, object, form);
  }

  /** A profile's events between two UTC days, oldest first. */
  stream(distinctId: string, fromDay: string, toDay: string) {
    return this.query('/stream/query', { distinct_ids: JSON.stringify([distinctId]), from_date: fromDay, to_date: toDay }, mixpanelStreamSchema, `events of ${distinctId}`);
  }

  /** The project's most common event names (this month). */
  eventNames(limit: number) {
    return this.query('/events/names', { type: 'general', limit: String(limit) }, mixpanelEventNamesSchema, 'event names');
  }

  /** Daily totals of these events between two UTC days. */
  eventCounts(events: string[], fromDay: string, toDay: string) {
    return this.query('/events', { event: JSON.stringify(events), type: 'general', unit: 'day', from_date: fromDay, to_date: toDay }, mixpanelSeriesSchema, 'event counts');
  }
}

/** `properties["$email"] == "…"` for each spelling: Mixpanel compares strings exactly. */
export function emailWhere(spellings: string[]): string {
  return [...new Set(spellings)].map((email) => `properties["$email"] == ${JSON.stringify(email)}`).join(' or ');
}
