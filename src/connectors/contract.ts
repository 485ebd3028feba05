import type { ConnectorId, CustomerRecord } from '../model/record';
import type { RecordPageContext } from '../model/page-context';
import type { Connection } from '../model/health';
import type { MetricPoint } from '../model/metric';
import type { ConnectorError } from './errors';
import type { VendorMeta } from './vendor-meta';

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

/** Detects a record page from a URL; its vendor's `pageExamples` (pages.ts) feed the tests. */
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

/** Every vendor implements this, with the fields of its meta (`...<vendor>Meta`); see DESIGN.md section 4. */
export interface Connector extends VendorMeta<ConnectorId> {
  auth: VendorMeta['auth'] & {
    /** For `session` mode: which cookie of the vendor's own site holds the API session, given `site`. */
    session?: { cookie(site: string): { url: string; name: string } };
  };
  /** Checks a token with one real API call and names the account it belongs to. */
  verify(credentials: Credentials): Promise<Omit<Connection, 'connectedAt'>>;
  fetchRecord(ctx: RecordPageContext, credentials: Credentials, connection: Connection): Promise<FetchResult>;
  findByEmail(email: string, credentials: Credentials, connection: Connection): Promise<FetchResult>;
  /** Companies/accounts/organisations by their web domain. */
  findByDomain?(domain: string, credentials: Credentials, connection: Connection): Promise<FetchResult>;
  /**
   * The people of a company (contacts of an account, persons of an organisation) as the tool
   * lists them, read when the company is opened: the cache alone knows only those seen before.
   * Bounded (the first few hundred); each person links to the company.
   */
  companyPeople?(companyId: string, credentials: Credentials, connection: Connection): Promise<FetchResult>;
  /** One bounded page of everything, resumable from the cursor after the worker is killed. */
  sync(cursor: string | null, credentials: Credentials, connection: Connection): Promise<SyncPage>;
  /** The numbers the vendor is known for, read now. */
  metrics?(credentials: Credentials, connection: Connection): Promise<MetricPoint[]>;
}

/**
 * Reads a saved payload of the vendor's API (`npm run normalize`, Options import) into canonical
 * records kept under `account`: `readPayload` in `<vendor>/payload.ts`, found there by
 * src/import/normalize-payload.ts. A shape it does not know is a schema error naming the path.
 * What it leaves out on purpose (objects we do not model inside a list) goes to `notes`, one
 * sentence each, so the user hears of it without the whole file being refused.
 */
export type PayloadReader = (payload: unknown, account: string, notes?: string[]) => CustomerRecord[];
