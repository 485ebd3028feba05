import type { ConnectorId, CustomerRecord } from '../model/record';
import type { RecordPageContext } from '../model/page-context';
import type { Connection } from '../model/health';

export interface Credentials {
  token: string;
}

/** Detects a record page from a URL; `examples` feed the detector's tests. */
export interface PageDetector {
  name: string;
  detect(url: URL): RecordPageContext | null;
}

export interface FetchResult {
  /** The record asked for, first; related records (its company...) after it. */
  records: CustomerRecord[];
}

export interface SyncPage {
  records: CustomerRecord[];
  /** Opaque cursor to resume from; null when the sync is complete. */
  cursor: string | null;
}

/** Every vendor implements this; see DESIGN.md section 4. */
export interface Connector {
  id: ConnectorId;
  label: string;
  /** Hosts of the vendor's consoles (content script) and API (network). */
  consoleHosts: string[];
  apiOrigins: string[];
  pages: PageDetector[];
  auth: {
    modes: Array<'token'>;
    /** Where the user creates a token and which scopes it needs, for Options. */
    tokenHelp: { createAt: string; scopes: string[]; steps: string };
  };
  /** Checks a token with one real API call and names the account it belongs to. */
  verify(credentials: Credentials): Promise<Omit<Connection, 'connectedAt'>>;
  fetchRecord(ctx: RecordPageContext, credentials: Credentials, connection: Connection): Promise<FetchResult>;
  findByEmail(email: string, credentials: Credentials, connection: Connection): Promise<FetchResult>;
  sync(cursor: string | null, credentials: Credentials, connection: Connection): Promise<SyncPage>;
}
