import type { ConnectorId, RecordType } from './record';

/** What a connector recognised on a tab's URL: which record of which account. */
export interface RecordPageContext {
  connector: ConnectorId;
  account: string;
  type: RecordType;
  id: string;
  /** Console host the page was on; deep links go back to the same host. */
  host: string;
}
