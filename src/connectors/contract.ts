import type { ConnectorId, CustomerRecord } from '../model/record';
import type { RecordPageContext } from '../model/page-context';
import type { Connection } from '../model/health';
import type { MetricPoint } from '../model/metric';
import type { ConnectorError } from './errors';

/**
 * What the user gave us. `token` is the secret (API key, private-app token, OAuth access token);
 * `site` is the non-secret account address some vendors need to build URLs: Zendesk subdomain,
 * Salesforce instance URL, GA4 property id, Zendesk agent email for API-token auth.
 */
export interface Credentials {
  token: string;
  site?: string;
  email?: string;
}

/** Detects a record page from a URL; `examples` feed the detector's tests. */
export interface PageDetector {
  name: string;
  detect(url: URL): RecordPageContext | null;
}

export interface FetchResult {
  /** The record asked for, first; related records (its company...) after it. */
  records: CustomerRecord[];
  /**
   * Secondary reads that failed while the records above are still good (a person's campaign
   * events refused for a missing scope): the records are saved and shown, these go to health.
   */
  warnings?: ConnectorError[];
}

export interface SyncPage {
  records: CustomerRecord[];
  /** Opaque cursor to resume from; null when the sync is complete. */
  cursor: string | null;
}

/**
 * How Options asks for a vendor's credentials, in `<vendor>/setup.ts` beside the connector and
 * listed in setup-registry.ts: only the Options page imports it, so none of this text is in the
 * service worker. Whether a field is shown decides whether its value is sent.
 */
export interface ConnectorSetup {
  /** Where the user creates a token and which scopes it needs. */
  tokenHelp: { createAt: string; scopes: string[]; steps: string };
  /** Extra non-secret field (Zendesk subdomain, GA4 property id...). */
  siteField?: { label: string; placeholder: string; pattern: string; optional?: boolean };
  /** The login email some vendors pair with an API token (Zendesk). */
  emailField?: { label: string; placeholder: string };
  /** For vendors with `session` mode: what using the signed-in session means. */
  sessionHelp?: string;
}

/** Every vendor implements this; see DESIGN.md section 4. */
export interface Connector {
  id: ConnectorId;
  label: string;
  /**
   * Match patterns of the vendor's consoles (content script, tab URLs) and of its API (the only
   * places its token is sent). manifest.json must list them all; a unit test checks it.
   */
  consoleMatches: string[];
  apiMatches: string[];
  pages: PageDetector[];
  auth: {
    /** token: pasted key; session: the signed-in console session; page: read the DOM. */
    modes: Array<'token' | 'session' | 'page'>;
    /** For `session` mode: which cookie of the vendor's own site holds the API session, given `site`. */
    session?: { cookie(site: string): { url: string; name: string } };
  };
  /** Checks a token with one real API call and names the account it belongs to. */
  verify(credentials: Credentials): Promise<Omit<Connection, 'connectedAt'>>;
  fetchRecord(ctx: RecordPageContext, credentials: Credentials, connection: Connection): Promise<FetchResult>;
  findByEmail(email: string, credentials: Credentials, connection: Connection): Promise<FetchResult>;
  /** Companies/accounts/organisations by their web domain. */
  findByDomain?(domain: string, credentials: Credentials, connection: Connection): Promise<FetchResult>;
  /** One bounded page of everything, resumable from the cursor after the worker is killed. */
  sync(cursor: string | null, credentials: Credentials, connection: Connection): Promise<SyncPage>;
  /** The numbers the vendor is known for, read now. */
  metrics?(credentials: Credentials, connection: Connection): Promise<MetricPoint[]>;
}
