import { ConnectorError } from './errors';
import type { RateLimiter } from './rate-limiter';

export interface JsonRequest {
  vendor: string;
  /** What is being read, for error messages: `contact 101`. */
  object: string;
  url: string;
  token: string;
  /** Replaces the default `Authorization: Bearer <token>` for vendors that authenticate otherwise. */
  authHeaders?: Record<string, string>;
  /** Extra headers, such as Klaviyo's `revision`. */
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: unknown;
  limiter?: RateLimiter;
  timeoutMs?: number;
  /** How many times a 429 or 5xx is retried before giving up. */
  retries?: number;
  /**
   * The vendor's own header saying how many seconds until its limit resets, read when a 429 has no
   * Retry-After (Brevo's `x-sib-ratelimit-reset`).
   */
  resetHeader?: string;
  /** Longest Retry-After we wait for inside one call; longer ones become errors. */
  maxRetryWaitMs?: number;
  fetchImpl?: typeof fetch;
  /**
   * Vendors that signal throttling without a 429 (Salesforce 403 REQUEST_LIMIT_EXCEEDED,
   * Mailchimp's bare 403): return true and the response is treated as a rate limit.
   */
  isRateLimited?: (status: number, body: string) => boolean;
  /** The vendor's own words in an error body (default: its top-level `message`). */
  vendorMessage?: (body: unknown) => string | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, per RFC 9110; anything else falls back to one second. */
export function parseRetryAfter(value: string | null, now = Date.now()): number {
  if (!value) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

/**
 * The one fetch path for every vendor: bearer auth, timeout, pacing, 429/Retry-After,
 * retries on 5xx, and errors that say what to do. Returns the parsed JSON body, unchecked:
 * the caller validates it with the vendor's zod schema.
 */
export async function requestJson(req: JsonRequest): Promise<unknown> {
  const { vendor, object, retries = 2, maxRetryWaitMs = 10_000, timeoutMs = 15_000 } = req;
  const doFetch = req.fetchImpl ?? fetch;
  // Chrome refuses an extension's retries to a URL that just failed with 5xx; that refusal
  // looks like a network error, but the vendor's own error is the one worth reporting.
  let lastVendorError: ConnectorError | undefined;
  for (let attempt = 0; ; attempt++) {
    // The vendor asked us to stay away for longer than this call may wait: say so now.
    const paused = req.limiter?.pausedForMs() ?? 0;
    if (paused > maxRetryWaitMs) {
      throw new ConnectorError('rate-limit', `${vendor} is rate limiting requests; try again in ${Math.ceil(paused / 1000)} s.`, { retryAfterMs: paused, object });
    }
    await req.limiter?.take();
    let response: Response;
    try {
      response = await doFetch(req.url, {
        method: req.method ?? 'GET',
        headers: {
          ...(req.authHeaders ?? { authorization: `Bearer ${req.token}` }),
          ...req.headers,
          accept: 'application/json',
          ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
        // A redirect could carry a header token (Pipedrive's x-api-token) to another origin: refuse it.
        redirect: 'error',
      });
    } catch (error) {
      if (lastVendorError) throw lastVendorError;
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new ConnectorError(
        'network',
        timedOut ? `${vendor} did not answer within ${timeoutMs / 1000} s.` : `Could not reach ${vendor}: you may be offline, or ${vendor} is failing.`,
        { object },
      );
    }

    if (response.ok) {
      try {
        return await response.json();
      } catch {
        throw new ConnectorError('schema', `${vendor} sent a ${object} that is not JSON.`, { object, path: '(root)' });
      }
    }

    const status = response.status;
    const bodyText = await response.clone().text().catch(() => '');
    if (status === 429 || req.isRateLimited?.(status, bodyText)) {
      const waitMs = parseRetryAfter(response.headers.get('retry-after') ?? (req.resetHeader ? response.headers.get(req.resetHeader) : null));
      req.limiter?.pauseFor(waitMs);
      if (attempt < retries && waitMs <= maxRetryWaitMs) {
        await sleep(waitMs);
        continue;
      }
      const vendorMessage = vendorWords(req, parseJson(bodyText));
      throw new ConnectorError('rate-limit', `${vendor} is rate limiting requests; try again in ${Math.ceil(waitMs / 1000)} s.`, {
        status,
        retryAfterMs: waitMs,
        object,
        ...(vendorMessage ? { vendorMessage } : {}),
      });
    }
    const failure = await statusError(req, response);
    if (status >= 500 && attempt < retries) {
      lastVendorError = failure;
      await sleep(500 * 2 ** attempt);
      continue;
    }
    throw failure;
  }
}

const REDACTED = '[redacted]';
/** A run of 12 or more characters copied out of a credential is an echo of it, not a coincidence. */
const ECHO_RUN = 12;
const TOKEN_LIKE_RUN = /[\w.~+/=:-]{12,}/g;

/** The token and every auth header value, whole and after its scheme (`Bearer `, `Basic `). */
function credentialStrings(req: JsonRequest): string[] {
  const values = [req.token, ...Object.values(req.authHeaders ?? { authorization: `Bearer ${req.token}` })];
  return [...new Set(values.flatMap((value) => [value, value.replace(/^\S+\s+/, '')]))];
}

function copiesPartOf(run: string, secret: string): boolean {
  for (let i = 0; i + ECHO_RUN <= run.length; i++) if (secret.includes(run.slice(i, i + ECHO_RUN))) return true;
  return false;
}

/**
 * Vendors sometimes echo the credential in an error ("invalid key pat-na1-…"), and their words
 * are shown in the panel and kept in health: each credential, and any run of characters that
 * copies 12 or more of one (a truncated echo), becomes [redacted].
 */
export function redactCredentials(text: string, secrets: readonly string[]): string {
  const known = secrets.filter((secret) => secret.length >= 8).sort((a, b) => b.length - a.length);
  const whole = known.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  return whole.replace(TOKEN_LIKE_RUN, (run) => (known.some((secret) => copiesPartOf(run, secret)) ? REDACTED : run));
}

const topLevelMessage = (body: unknown) => (body && typeof body === 'object' && 'message' in body ? String(body.message) : undefined);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The one place a vendor's error text enters: whatever it says, the credential is cut out. */
function vendorWords(req: JsonRequest, body: unknown): string {
  const said = body === undefined ? '' : ((req.vendorMessage ?? topLevelMessage)(body) ?? '');
  return redactCredentials(said, credentialStrings(req));
}

async function statusError(req: JsonRequest, response: Response): Promise<ConnectorError> {
  const { vendor, object } = req;
  const status = response.status;
  const vendorMessage = vendorWords(req, await response.json().catch(() => undefined));
  if (status === 401) {
    return new ConnectorError('auth', `${vendor} rejected the token. Reconnect ${vendor} in Options with a valid token.`, {
      status,
      object,
    });
  }
  if (status === 403) {
    return new ConnectorError('auth', `${vendor} refused access to the ${object}: the token is missing a scope.${vendorMessage ? ` (${vendorMessage})` : ''}`, {
      status,
      object,
      vendorMessage,
    });
  }
  if (status === 404) return new ConnectorError('not-found', `${vendor} has no ${object}.`, { status, object, vendorMessage });
  return new ConnectorError('vendor', `${vendor} answered ${status} for the ${object}.${vendorMessage ? ` ${vendorMessage}` : ''}`, {
    status,
    object,
    vendorMessage,
  });
}
