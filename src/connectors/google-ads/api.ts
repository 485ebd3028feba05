import type { Credentials } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { googleAdsErrors, googleAdsFailureOf, googleAdsStreamSchema, type GoogleAdsStream } from './schemas';

/** The only origin the tokens are ever sent to. */
export const GOOGLE_ADS_API_ORIGIN = 'https://googleads.googleapis.com';
/** The API version in every path (the error sample's GoogleAdsFailure is v22's); Google sunsets each about a year after release. */
export const GOOGLE_ADS_API_VERSION = 'v22';
const DAY = 86_400_000;
/**
 * A developer token with Basic access may run 15,000 operations a day, and one search or
 * searchStream query counts as one, however many rows it streams (Google's rate sheet). We spend
 * at most half. Google publishes no per-second figure (its RESOURCE_TEMPORARILY_EXHAUSTED says
 * "too many requests in a short amount of time"), so requests start at most 2 a second.
 */
export const OPERATIONS_PER_DAY = 7_500;
const PER_SECOND = 2;

/** Pacing and the daily budget, per developer token: that is what Google counts them by. */
const budgets = new Map<string, { perSecond: RateLimiter; perDay: number[] }>();
function budgetFor(developerToken: string) {
  let budget = budgets.get(developerToken);
  if (!budget) budgets.set(developerToken, (budget = { perSecond: new RateLimiter(PER_SECOND, 1000), perDay: [] }));
  return budget;
}

/** Takes one operation of today's budget, or says when the next one is free. */
function spendOperation(budget: { perDay: number[] }, now = Date.now()): void {
  while (budget.perDay.length && budget.perDay[0]! <= now - DAY) budget.perDay.shift();
  if (budget.perDay.length >= OPERATIONS_PER_DAY) {
    const waitMs = budget.perDay[0]! + DAY - now;
    throw new ConnectorError('rate-limit', `Google Ads: this extension has used its share of the developer token’s daily operations; try again in ${Math.ceil(waitMs / 3_600_000)} h.`, { retryAfterMs: waitMs });
  }
  budget.perDay.push(now);
}

const CUSTOMER_ID = /^(\d{3})-?(\d{3})-?(\d{4})$/;

export interface GoogleAdsLogin {
  developerToken: string;
  accessToken: string;
  /** Ten digits, no dashes: what the API's paths and headers take. */
  customerId: string;
  managerId?: string;
}

/** `123-456-7890` as Google Ads shows it. */
export const dashed = (id: string) => id.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3');

/**
 * What the user typed: token `<developer token>:<access token>` (neither has a colon), site
 * `123-456-7890` or `123-456-7890 via 987-654-3210` (a manager account). The ids go into paths and
 * headers, so anything else is refused before a request is made.
 */
export function googleAdsLogin(credentials: Credentials): GoogleAdsLogin {
  const token = credentials.token.trim();
  const colon = token.indexOf(':');
  const developerToken = colon > 0 ? token.slice(0, colon).trim() : '';
  const accessToken = colon > 0 ? token.slice(colon + 1).trim() : '';
  if (!developerToken || !accessToken) throw new ConnectorError('auth', 'Google Ads needs the developer token and the OAuth access token, joined by a colon: <developer token>:<access token>.');
  const [customerText = '', managerText] = (credentials.site ?? '').trim().split(/\s+via\s+/i);
  const id = (text: string) => {
    const m = CUSTOMER_ID.exec(text.trim());
    if (!m) throw new ConnectorError('auth', `“${text.trim()}” is not a Google Ads customer id (ten digits, like 123-456-7890 at the top of Google Ads).`);
    return m.slice(1).join('');
  };
  return { developerToken, accessToken, customerId: id(customerText), ...(managerText === undefined ? {} : { managerId: id(managerText) }) };
}

/** A ConnectorError that keeps Google Ads' own error codes (`authenticationError.OAUTH_TOKEN_EXPIRED`...). */
export class GoogleAdsApiError extends ConnectorError {
  constructor(
    base: ConnectorError,
    message: string,
    readonly codes: string[],
  ) {
    super(base.kind, message, base.detail);
  }
}

function explain(error: ConnectorError, codes: string[], login: GoogleAdsLogin): GoogleAdsApiError {
  const words = error.detail.vendorMessage?.trim();
  const said = words ? ` Google said: ${words}` : '';
  const has = (code: string) => codes.some((c) => c.endsWith(`.${code}`));
  const customer = dashed(login.customerId);
  let message = error.kind === 'vendor' ? error.message : error.message + said;
  if (has('DEVELOPER_TOKEN_INVALID')) {
    message = 'Google Ads rejected the developer token: copy it again from Admin → API Center of your manager account.';
  } else if (has('DEVELOPER_TOKEN_NOT_APPROVED')) {
    message = 'Google Ads: this developer token has Test access and can read only test accounts. Apply for Basic access in API Center, or connect a test account.';
  } else if (has('USER_PERMISSION_DENIED')) {
    message = login.managerId
      ? `Google Ads refused access to ${customer} through manager ${dashed(login.managerId)}: the Google account behind the token needs access to that manager account, and the manager must manage ${customer}.`
      : `Google Ads refused access to ${customer}: the Google account behind the token has no access to it. If you reach it through a manager account, enter “${customer} via <manager id>”.`;
  } else if (error.detail.status === 401 || has('OAUTH_TOKEN_EXPIRED') || has('OAUTH_TOKEN_INVALID')) {
    message = 'Google Ads rejected the access token. OAuth access tokens expire after an hour: get a fresh one and paste it in Options.';
  } else if (has('CUSTOMER_NOT_FOUND') || has('CUSTOMER_NOT_ENABLED')) {
    message = `Google Ads has no usable account ${customer}.${said}`;
  } else if (error.kind === 'rate-limit' && said) {
    message = `${error.message}${said}`;
  }
  return new GoogleAdsApiError(error, message, codes);
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** `"86400s"` / `"1.5s"` (a protobuf Duration in JSON) as seconds, for a Retry-After header. */
const durationSeconds = (text: string | undefined) => {
  const m = /^(\d+(?:\.\d+)?)s$/.exec(text ?? '');
  return m ? String(Math.ceil(Number(m[1]))) : undefined;
};

export class GoogleAdsApi {
  readonly login: GoogleAdsLogin;
  constructor(
    credentials: Credentials,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.login = googleAdsLogin(credentials);
  }

  /** One GAQL query through searchStream: all its rows in one answer of batches, one operation. */
  async searchStream(query: string, object: string): Promise<GoogleAdsStream> {
    const { developerToken, accessToken, customerId, managerId } = this.login;
    const budget = budgetFor(developerToken);
    spendOperation(budget);
    let codes: string[] = [];
    const base = this.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    // Google's failure names its error codes, and a quota error its retry delay in the body, not
    // in a Retry-After header: both are read here, and the delay handed on as that header so that
    // http.ts pauses every request of this developer token for as long as Google asks.
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await base(input, init);
      if (response.ok) return response;
      const text = await response.text();
      const failure = googleAdsFailureOf(parseJson(text));
      const errors = failure ? googleAdsErrors(failure) : [];
      codes = errors.map((e) => e.code).filter(Boolean);
      const retryAfter = response.headers.get('retry-after') ?? durationSeconds(errors.find((e) => e.retryDelay)?.retryDelay);
      const headers = new Headers(response.headers);
      if (retryAfter) headers.set('retry-after', retryAfter);
      return new Response(text, { status: response.status, statusText: response.statusText, headers });
    }) as typeof fetch;
    let body: unknown;
    try {
      body = await requestJson({
        vendor: 'Google Ads',
        object,
        url: `${GOOGLE_ADS_API_ORIGIN}/${GOOGLE_ADS_API_VERSION}/customers/${customerId}/googleAds:searchStream`,
        token: accessToken,
        authHeaders: { authorization: `Bearer ${accessToken}`, 'developer-token': developerToken },
        ...(managerId ? { headers: { 'login-customer-id': managerId } } : {}),
        method: 'POST',
        body: { query },
        limiter: budget.perSecond,
        fetchImpl,
        // A daily quota answers a retry delay of hours: one retry at most, and only for short ones.
        retries: 1,
        vendorMessage: (errorBody) => {
          const failure = googleAdsFailureOf(errorBody);
          if (!failure) return undefined;
          const messages = googleAdsErrors(failure).map((e) => e.message).filter(Boolean);
          return messages.length ? messages.join(' ') : failure.message;
        },
        isRateLimited: (status, text) => status === 429 || /"RESOURCE_EXHAUSTED"/.test(text),
      });
    } catch (error) {
      throw error instanceof ConnectorError ? explain(error, codes, this.login) : error;
    }
    return parseVendorPayload('Google Ads', googleAdsStreamSchema, body, object);
  }
}
