import type { PageDetector } from './contract';
import type { RecordPageContext } from '../model/page-context';

/**
 * Everything about a vendor that is not API code, in `<vendor>/meta.ts` and listed once in
 * vendors.ts. Ids, labels, page detection, the manifest's hosts, the Options cards and the
 * per-tool rules of identity/ all derive from these, so the content script, the panel and
 * Options never import a vendor's API client. Generic in the id so that the list of metas can
 * give `ConnectorId` its literal union without a circular inference (see model/keys.ts).
 */
export interface VendorMeta<Id extends string = string> {
  id: Id;
  label: string;
  /**
   * Match patterns of the vendor's consoles (content script, tab URLs) and of its API (the only
   * places its token is sent). The build writes them into the manifests' host permissions.
   */
  consoleMatches: string[];
  apiMatches: string[];
  pages: PageDetector[];
  auth: {
    /** token: pasted key; session: the signed-in console session; page: read the DOM. */
    modes: AuthMode[];
    /**
     * Also signs in with Google (the user's own OAuth client): `scope` to ask for, and
     * `prefixLabel` when the connector needs a typed secret before the access token (Google
     * Ads' developer token).
     */
    googleSignIn?: { scope: string; prefixLabel?: string };
  };
  traits: VendorTraits;
}

export type AuthMode = 'token' | 'session' | 'page';

/** What kind of tool it is, for the features that treat tools differently. */
export interface VendorTraits {
  /** Holds numbers, not people (GA4 never exposes a person): never asked about one. */
  metricsOnly?: boolean;
  /**
   * Its money is what the customer was billed. Other tools' figures (Klaviyo's lifetime value from
   * shop orders) are often the same payments seen again and count only when no billing tool knows
   * the customer (identity/billing.ts).
   */
  billing?: boolean;
  /**
   * An ads tool: which of its metrics (ids without the range suffix) are the spend and the
   * conversions, for the weekly comparison (metrics/week-comparison.ts). Its connector captures
   * them for `7d` and `prev7d`.
   */
  adMetrics?: { spend: string; conversions: string };
  /**
   * Its lifecycle stage (lead, customer ...) is the one the marketing team runs on: the profile
   * shows it over other tools' stages for the same person (identity/key-facts.ts).
   */
  lifecycleOwner?: boolean;
  /** Counts the orders a customer placed (a shop): the profile keeps an Orders tile while it connects. */
  ordersCount?: boolean;
  /** Lists a company's people when asked (its connector's `companyPeople`): the panel says it is asking. */
  companyPeople?: boolean;
  /** Its lists, subscription types and tags say which campaigns reach the person (identity/memberships.ts). */
  marketingLists?: boolean;
  /**
   * Where its record pages show the record's title and its company. With these its record pages
   * are read from the DOM when no credential is set (`page` mode); without, they are not.
   */
  pageRecord?: PageRecordSelectors;
  /**
   * For consoles whose URL does not name the account (detectors leave it ''): which org or company
   * a console host belongs to (null: the host does not say), so that a page of another org is
   * never shown as the connected one's record with the same id.
   */
  consoleOwner?: { of: (host: string) => string | null; noun: 'org' | 'company' };
}

export interface PageRecordSelectors {
  /** Tried in order; the first with text names the record. */
  title: string[];
  /** The link to the record's account/organisation. */
  company: string;
}

/**
 * How Options asks for a vendor's credentials: `setup` beside the meta in `<vendor>/meta.ts`,
 * found by Options alone (ui/options/setups.ts), so none of this text is in the content script,
 * the panel or the worker. Whether a field is shown decides whether its value is sent.
 */
export interface ConnectorSetup {
  /** The token field's label, when "API key or token" says it less well. */
  tokenLabel?: string;
  /** Where the user creates a token and which scopes it needs. */
  tokenHelp: { createAt: string; scopes: string[]; steps: string };
  /** Extra non-secret field (Zendesk subdomain, GA4 property id...). */
  siteField?: { label: string; placeholder: string; pattern: string; optional?: boolean };
  /** The login email some vendors pair with an API token (Zendesk). */
  emailField?: { label: string; placeholder: string };
  /** For vendors with `session` mode: what using the signed-in session means. */
  sessionHelp?: string;
}

/**
 * Example URLs of a vendor's pages, exported as `pageExamples` by its pages.ts (and so left out
 * of every bundle). tests/unit/page-detectors.test.ts runs every vendor's detectors on every
 * vendor's examples: a vendor's detectors find exactly its positives and nothing else.
 */
export interface PageExamples {
  /** Record pages, with what the detectors must find there (the connector is the vendor's own). */
  positives: Array<[href: string, context: Omit<RecordPageContext, 'connector'>]>;
  /** Pages that are not records, look-alike hosts and malformed URLs: no detector may match them. */
  negatives: string[];
}
