import type { z } from '../../model/zod-setup';
import { redactCredentials, requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import {
  marketoActivitiesPage,
  marketoActivityTypesPage,
  marketoEnvelope,
  marketoIdentityError,
  marketoLeadsPage,
  marketoMembershipPage,
  marketoPagingToken,
  marketoStaticListsPage,
  marketoTokenSchema,
  type MarketoError,
} from './schemas';

/**
 * Marketo allows 100 calls per 20 s and 10 concurrent calls per instance (50,000 a day): we pace
 * at half of both. The limiter is shared by every instance, which only makes it stricter.
 */
const limiter = new RateLimiter(50, 20_000);
const MAX_CONCURRENT = 5;

/** At most MAX_CONCURRENT calls in flight; the rest wait their turn. */
class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly max: number) {}
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
const gate = new Gate(MAX_CONCURRENT);

/** Marketo's answer to "too many calls" (606) puts everyone on hold this long before one retry. */
const RATE_PAUSE_MS = 5_000;
/** Renew an access token this long before Marketo says it expires, so no call carries a dying one. */
const EXPIRY_MARGIN_MS = 60_000;

const REST_HOST = /^([a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{3})\.mktorest\.com$/;

/** `123-ABC-456.mktorest.com`, `https://123-abc-456.mktorest.com/rest` → `123-abc-456.mktorest.com`; anything else is refused, so the secret goes nowhere else. */
export function marketoHost(site: string | undefined): string {
  const clean = (site ?? '').trim().toLowerCase().replace(/^https:\/\//, '').replace(/\/(rest|identity)?\/?$/, '');
  if (!REST_HOST.test(clean)) throw new ConnectorError('auth', `“${site ?? ''}” is not a Marketo REST endpoint: copy the host from Admin → Integration → Web Services, like 123-ABC-456.mktorest.com.`);
  return clean;
}

/** The Munchkin id the instance is known by (`123-ABC-456`). */
export function munchkinOf(host: string): string {
  return REST_HOST.exec(host)![1]!.toUpperCase();
}

/** The pasted `<Client ID>:<Client Secret>`; the id (a UUID) has no colon, the secret may. */
export function clientCredentials(token: string): { clientId: string; clientSecret: string } {
  const pair = token.trim();
  const colon = pair.indexOf(':');
  if (colon < 1 || colon === pair.length - 1) throw new ConnectorError('auth', 'Enter Marketo’s Client ID and Client Secret joined by a colon: <Client ID>:<Client Secret>.');
  return { clientId: pair.slice(0, colon).trim(), clientSecret: pair.slice(colon + 1).trim() };
}

/** Access tokens by instance and client, in memory only: they live an hour and are renewed from the client secret. */
const accessTokens = new Map<string, { token: string; expiresAt: number; user?: string }>();

/** For tests: as if the worker had just started. */
export function forgetMarketoTokens(): void {
  accessTokens.clear();
}

const codeOf = (errors: MarketoError[] | undefined) => String(errors?.[0]?.code ?? '');

export interface MarketoApiOptions {
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** How long a 606 puts calls on hold (tests shorten it). */
  ratePauseMs?: number;
}

export class MarketoApi {
  readonly host: string;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private readonly now: () => number;
  constructor(
    site: string | undefined,
    token: string,
    private readonly options: MarketoApiOptions = {},
  ) {
    this.host = marketoHost(site);
    ({ clientId: this.clientId, clientSecret: this.clientSecret } = clientCredentials(token));
    this.now = options.now ?? Date.now;
  }

  private get cacheKey() {
    return `${this.host}|${this.clientId}`;
  }

  /** The cached access token, or a new one from the identity service when it is missing, expiring or refused. */
  async accessToken(renew = false): Promise<{ token: string; user?: string }> {
    const cached = accessTokens.get(this.cacheKey);
    if (!renew && cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return cached;
    const issued = await this.requestToken();
    const entry = { token: issued.access_token, expiresAt: this.now() + issued.expires_in * 1000, ...(issued.scope ? { user: issued.scope } : {}) };
    accessTokens.set(this.cacheKey, entry);
    return entry;
  }

  /** Client credentials grant, the secret in a form body (never in the URL, where logs keep it). */
  private async requestToken(): Promise<z.infer<typeof marketoTokenSchema>> {
    await limiter.take();
    const object = 'access token';
    let response: Response;
    try {
      response = await gate.run(() =>
        (this.options.fetchImpl ?? fetch)(`https://${this.host}/identity/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.clientId, client_secret: this.clientSecret }).toString(),
          signal: AbortSignal.timeout(15_000),
          credentials: 'omit',
          cache: 'no-store',
          redirect: 'error',
        }),
      );
    } catch {
      throw new ConnectorError('network', `Could not reach Marketo at ${this.host}: you may be offline, or the REST endpoint is wrong.`, { object });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return parseVendorPayload('Marketo', marketoTokenSchema, body, object);
    const said = marketoIdentityError.safeParse(body);
    const words = said.success ? this.redact(said.data.error_description ?? said.data.error) : '';
    if (response.status === 401 || response.status === 400) {
      throw new ConnectorError('auth', `Marketo rejected the Client ID and Client Secret. Reconnect Marketo in Options with the LaunchPoint service’s credentials.${words ? ` (${words})` : ''}`, { status: response.status, object, vendorMessage: words });
    }
    throw new ConnectorError('vendor', `Marketo answered ${response.status} for the ${object}.${words ? ` ${words}` : ''}`, { status: response.status, object, vendorMessage: words });
  }

  private redact(text: string): string {
    const cached = accessTokens.get(this.cacheKey)?.token;
    return redactCredentials(text, [this.clientSecret, ...(cached ? [cached] : [])]);
  }

  /**
   * A GET under the instance host. Marketo answers 200 even when it refuses: `success: false`
   * is read here. 601/602 (token invalid/expired) renew the token once; 606 (too many calls)
   * holds every call back and retries; anything else is refused with Marketo's own words.
   */
  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string): Promise<z.infer<T>> {
    let renew = false;
    let rateRetries = 2;
    for (;;) {
      const access = await this.accessToken(renew);
      const body = await gate.run(() =>
        requestJson({ vendor: 'Marketo', object, url: `https://${this.host}${path}`, token: access.token, limiter, fetchImpl: this.options.fetchImpl, vendorMessage: (b) => this.wordsOf(b) }),
      );
      const envelope = parseVendorPayload('Marketo', marketoEnvelope, body, object);
      if (envelope.success) return parseVendorPayload('Marketo', schema, body, object);
      const code = codeOf(envelope.errors);
      const words = this.wordsOf(body) ?? 'no reason given';
      if ((code === '601' || code === '602') && !renew) {
        renew = true;
        continue;
      }
      if (code === '601' || code === '602') {
        throw new ConnectorError('auth', `Marketo rejected the access token (${code} ${words}). Reconnect Marketo in Options.`, { object, vendorMessage: words });
      }
      if (code === '606') {
        const wait = this.options.ratePauseMs ?? RATE_PAUSE_MS;
        limiter.pauseFor(wait);
        if (rateRetries-- > 0) continue;
        throw new ConnectorError('rate-limit', `Marketo is rate limiting requests (606 ${words}); try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait, object, vendorMessage: words });
      }
      if (code === '607' || code === '615') {
        throw new ConnectorError('rate-limit', `Marketo refused the ${object}: ${code} ${words}. The instance’s API quota is used up for now.`, { object, vendorMessage: words });
      }
      if (code === '603') {
        throw new ConnectorError('auth', `Marketo refused access to the ${object} (603 ${words}): the API user’s role is missing a permission.`, { object, vendorMessage: words });
      }
      throw new ConnectorError('vendor', `Marketo refused the ${object}: ${code} ${words}`, { object, vendorMessage: words });
    }
  }

  /** Marketo's reason (`errors[0].message`), credentials cut out. */
  private wordsOf(body: unknown): string | undefined {
    const parsed = marketoEnvelope.safeParse(body);
    const message = parsed.success ? parsed.data.errors?.[0]?.message : undefined;
    return message ? this.redact(message) : undefined;
  }

  lead(id: string, fields: string) {
    return this.get(`/rest/v1/lead/${encodeURIComponent(id)}.json?${new URLSearchParams({ fields })}`, marketoLeadsPage, `lead ${id}`);
  }
  leadsByEmail(email: string, fields: string) {
    return this.get(`/rest/v1/leads.json?${new URLSearchParams({ filterType: 'email', filterValues: email, fields })}`, marketoLeadsPage, `lead search for ${email}`);
  }
  listMembership(leadId: number) {
    return this.get(`/rest/v1/leads/${leadId}/listMembership.json?${new URLSearchParams({ batchSize: '100' })}`, marketoMembershipPage, `lists of lead ${leadId}`);
  }
  listLeads(listId: number, fields: string, nextPageToken?: string, batchSize = 300) {
    const query = new URLSearchParams({ batchSize: String(batchSize), fields, ...(nextPageToken ? { nextPageToken } : {}) });
    return this.get(`/rest/v1/lists/${listId}/leads.json?${query}`, marketoLeadsPage, `leads of list ${listId}`);
  }
  staticLists(offset = 0) {
    return this.get(`/rest/asset/v1/staticLists.json?${new URLSearchParams({ maxReturn: '200', offset: String(offset) })}`, marketoStaticListsPage, 'static lists');
  }
  staticList(id: string) {
    return this.get(`/rest/asset/v1/staticList/${encodeURIComponent(id)}.json`, marketoStaticListsPage, `static list ${id}`);
  }
  activityTypes() {
    return this.get('/rest/v1/activities/types.json', marketoActivityTypesPage, 'activity types');
  }
  pagingToken(since: number) {
    return this.get(`/rest/v1/activities/pagingtoken.json?${new URLSearchParams({ sinceDatetime: new Date(since).toISOString() })}`, marketoPagingToken, 'activity paging token');
  }
  activities(nextPageToken: string, activityTypeIds: number[], leadIds?: number[]) {
    const query = new URLSearchParams({ nextPageToken, activityTypeIds: activityTypeIds.join(','), ...(leadIds ? { leadIds: leadIds.join(',') } : {}) });
    return this.get(`/rest/v1/activities.json?${query}`, marketoActivitiesPage, leadIds ? `activities of lead ${leadIds.join(',')}` : 'activities');
  }
}
