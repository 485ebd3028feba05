import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import { ga4ErrorSchema, ga4ReportSchema, type Ga4Report, type Ga4ReportRequest } from './schemas';

/** The only origin the access token is ever sent to. */
export const GA4_API_ORIGIN = 'https://analyticsdata.googleapis.com';
/** 10 concurrent requests per property; we start at most 5 a second. */
const limiter = new RateLimiter(5, 1000);
const PROPERTY_ID = /^\d{4,12}$/;

/**
 * The property id from what the user typed: `312345678` or `properties/312345678`. It goes into
 * the request path, so anything else is refused before a request is made.
 */
export function ga4PropertyId(site: string | undefined): string {
  const clean = (site ?? '').trim().replace(/^properties\//, '');
  if (!PROPERTY_ID.test(clean)) throw new ConnectorError('auth', `“${site ?? ''}” is not a GA4 property id (digits only, from Admin → Property details).`);
  return clean;
}

/** A ConnectorError that keeps Google's own status (INVALID_ARGUMENT, PERMISSION_DENIED...). */
export class Ga4ApiError extends ConnectorError {
  constructor(
    base: ConnectorError,
    message: string,
    readonly googleStatus: string | undefined,
  ) {
    super(base.kind, message, base.detail);
  }
}

function explain(error: ConnectorError, status: string | undefined, propertyId: string): Ga4ApiError {
  // Google's words come only from http.ts, which has cut the token out of them.
  const words = error.detail.vendorMessage?.trim();
  const said = words ? ` Google said: ${words}` : '';
  // http.ts already ends a plain vendor error with Google's words.
  let message = error.kind === 'vendor' ? error.message : error.message + said;
  if (error.detail.status === 401 || status === 'UNAUTHENTICATED') {
    message = 'Google Analytics rejected the access token. OAuth access tokens expire after an hour: get a fresh one and paste it in Options.';
  } else if (error.detail.status === 403 || status === 'PERMISSION_DENIED') {
    message = `Google Analytics refused access to property ${propertyId}: the Google account behind the token needs at least Viewer access to it, and the token the analytics.readonly scope.${said}`;
  } else if (error.kind === 'rate-limit' && said) {
    message = `${error.message}${said}`;
  }
  return new Ga4ApiError(error, message, status);
}

export class Ga4Api {
  readonly propertyId: string;
  constructor(
    site: string | undefined,
    private readonly token: string,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.propertyId = ga4PropertyId(site);
  }

  async runReport(request: Ga4ReportRequest, object: string): Promise<Ga4Report> {
    // Google nests its error in `error`: its words go through http.ts (which redacts them), and
    // only its status (INVALID_ARGUMENT for fallbacks) is captured here.
    let googleStatus: string | undefined;
    const base = this.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await base(input, init);
      if (!response.ok) googleStatus = ga4ErrorSchema.safeParse(await response.clone().json().catch(() => null)).data?.error.status;
      return response;
    }) as typeof fetch;
    let body: unknown;
    try {
      body = await requestJson({
        vendor: 'Google Analytics',
        object,
        url: `${GA4_API_ORIGIN}/v1beta/properties/${this.propertyId}:runReport`,
        token: this.token,
        method: 'POST',
        body: request,
        limiter,
        fetchImpl,
        vendorMessage: (errorBody) => ga4ErrorSchema.safeParse(errorBody).data?.error.message,
        // Quota exhaustion arrives as RESOURCE_EXHAUSTED (429); treat it as throttling wherever it appears.
        isRateLimited: (status, text) => status === 429 || /"RESOURCE_EXHAUSTED"/.test(text),
      });
    } catch (error) {
      throw error instanceof ConnectorError ? explain(error, googleStatus, this.propertyId) : error;
    }
    return parseVendorPayload('Google Analytics', ga4ReportSchema, body, object);
  }
}

/** True when Google refused the request's fields (unknown metric such as keyEvents on old API versions). */
export function isInvalidArgument(error: unknown): boolean {
  return error instanceof Ga4ApiError && (error.googleStatus === 'INVALID_ARGUMENT' || (error.googleStatus === undefined && error.detail.status === 400));
}
