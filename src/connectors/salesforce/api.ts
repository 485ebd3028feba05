import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, isConnectorError, parseVendorPayload } from '../errors';
import { salesforceInstanceFromConsoleHost, type SalesforceObject } from './pages';
import {
  salesforceAccountSchema,
  salesforceCaseSchema,
  salesforceContactSchema,
  salesforceCurrencySchema,
  salesforceErrorsSchema,
  salesforceLeadSchema,
  salesforceOpportunitySchema,
  salesforceOrganizationSchema,
  salesforcePipelineSchema,
  salesforceQueryPage,
  salesforceRecordSchema,
  type SalesforceErrors,
} from './schemas';

export const SALESFORCE_API_VERSION = 'v62.0';
/** Salesforce meters a daily org allocation, not a rate; we still pace ourselves to 5 requests/s. */
const limiter = new RateLimiter(5, 1000);

/** The fields each object is read with; the replica answers exactly these shapes. */
export const SALESFORCE_FIELDS: Record<SalesforceObject, string> = {
  Contact: 'Id, Name, FirstName, LastName, Email, Phone, MobilePhone, Title, MailingCity, MailingCountry, LeadSource, AccountId, Account.Name, Account.Website, OwnerId, Owner.Name, CreatedDate, LastModifiedDate, LastActivityDate',
  Lead: 'Id, Name, FirstName, LastName, Email, Phone, MobilePhone, Title, Company, Website, City, Country, Status, Industry, IsConverted, OwnerId, Owner.Name, CreatedDate, LastModifiedDate, LastActivityDate',
  Account: 'Id, Name, Website, Phone, Industry, Type, BillingCity, BillingCountry, NumberOfEmployees, AnnualRevenue, OwnerId, Owner.Name, CreatedDate, LastModifiedDate, LastActivityDate',
  Opportunity: 'Id, Name, Amount, StageName, IsClosed, IsWon, CloseDate, AccountId, Account.Name, OwnerId, Owner.Name, CreatedDate, LastModifiedDate',
  Case: 'Id, CaseNumber, Subject, Status, Priority, IsClosed, ContactId, Contact.Name, Contact.Email, AccountId, Account.Name, OwnerId, Owner.Name, CreatedDate, LastModifiedDate',
};
const SCHEMAS = { Contact: salesforceContactSchema, Lead: salesforceLeadSchema, Account: salesforceAccountSchema, Opportunity: salesforceOpportunitySchema, Case: salesforceCaseSchema };

const INSTANCE = /^https:\/\/[a-z0-9][a-z0-9-]{0,62}(?:\.sandbox)?\.my\.salesforce\.com$/;
const LABEL = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The only origin the token is ever sent to: `https://<label>.my.salesforce.com` or
 * `https://<label>.sandbox.my.salesforce.com`. Accepts the instance URL (any path), its host,
 * the Lightning URL the user sees, or the bare My Domain name (`acme`, `acme--uat`).
 */
export function salesforceApiOrigin(site: string): string {
  const value = site.trim().toLowerCase().replace(/\/+$/, '');
  let origin: string | null = null;
  if (LABEL.test(value)) origin = `https://${value}.${value.includes('--') ? 'sandbox.' : ''}my.salesforce.com`;
  else {
    const host = /^(?:https:\/\/)?([a-z0-9.-]+)(?:\/[^\s]*)?$/.exec(value)?.[1];
    origin = host ? salesforceInstanceFromConsoleHost(host) : null;
  }
  if (!origin || !INSTANCE.test(origin)) throw new ConnectorError('auth', `“${site}” is not a Salesforce instance URL (https://yourcompany.my.salesforce.com).`);
  return origin;
}

/** SOQL string-literal escaping: backslashes and quotes escaped, control characters spelled out or dropped. */
function escapeSoql(value: string): string {
  return value
    .replace(/[\\']/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\u0000-\u001f\u007f]/g, '');
}

/** A SOQL string literal for `=` comparisons. */
export const soqlString = (value: string) => `'${escapeSoql(value)}'`;

/** A LIKE literal matching the value anywhere: `%` and `_` in it are escaped (`\%`, `\_`). */
export const soqlContains = (value: string) => `'%${escapeSoql(value).replace(/[%_]/g, (c) => `\\${c}`)}%'`;

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const idList = (ids: string[]) => {
  const valid = ids.filter((id) => ID.test(id));
  return valid.length ? `(${valid.map(soqlString).join(', ')})` : null;
};

/** `nextRecordsUrl` paths look like `/services/data/v62.0/query/01gB000003OCxSPIA1-2000`. */
export const NEXT_RECORDS_URL = /^\/services\/data\/v\d+\.\d+\/query\/[A-Za-z0-9]+-\d+$/;

export type SyncObject = 'Account' | 'Contact' | 'Lead';
const BATCH_200 = { 'sforce-query-options': 'batchSize=200' };

export interface SalesforceCredentials {
  site: string;
  /** OAuth access token or the console session id: both go as `Authorization: Bearer`. */
  token: string;
}

function describe(errors: SalesforceErrors | undefined): string {
  return errors?.length ? errors.map((e) => `${e.errorCode}: ${e.message.trim()}`).join('; ') : '';
}

export class SalesforceApi {
  readonly origin: string;
  constructor(
    private readonly credentials: SalesforceCredentials,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.origin = salesforceApiOrigin(credentials.site);
  }

  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string, headers?: Record<string, string>): Promise<z.infer<T>> {
    try {
      const body = await requestJson({
        vendor: 'Salesforce',
        object,
        url: `${this.origin}${path}`,
        token: this.credentials.token,
        headers,
        limiter,
        fetchImpl: this.fetchImpl,
        isRateLimited: (status, text) => status === 403 && text.includes('REQUEST_LIMIT_EXCEEDED'),
        // Salesforce explains failures in an array body, not a top-level message.
        vendorMessage: (errorBody) => describe(salesforceErrorsSchema.safeParse(errorBody).data),
      });
      return parseVendorPayload('Salesforce', schema, body, object);
    } catch (error) {
      if (!isConnectorError(error) || !error.detail.status) throw error;
      const said = error.detail.vendorMessage;
      if (error.detail.status === 401) {
        throw new ConnectorError('auth', 'Salesforce rejected the token: the session expired or the token was revoked (INVALID_SESSION_ID). Sign in to Salesforce again, or reconnect it in Options with a fresh access token.', error.detail);
      }
      if (error.kind === 'rate-limit' || !said) throw error;
      const kind = error.detail.status === 403 ? 'auth' : error.detail.status === 404 ? 'not-found' : error.kind;
      throw new ConnectorError(kind, `Salesforce refused the ${object}: ${said}`, error.detail);
    }
  }

  query<T extends z.ZodMiniType>(soql: string, record: T, object: string, headers?: Record<string, string>) {
    return this.get(`/services/data/${SALESFORCE_API_VERSION}/query?${new URLSearchParams({ q: soql })}`, salesforceQueryPage(record), object, headers);
  }

  async organization() {
    const page = await this.query('SELECT Id, Name, IsSandbox, OrganizationType FROM Organization', salesforceOrganizationSchema, 'organization');
    if (!page.records[0]) throw new ConnectorError('auth', 'Salesforce did not show this user the organization record.');
    return page.records[0];
  }

  /** The corporate currency; undefined when the org does not expose it to this user. */
  async currency(): Promise<string | undefined> {
    const page = await this.query('SELECT DefaultCurrencyIsoCode FROM Organization', salesforceCurrencySchema, 'organization currency').catch(() => null);
    return page?.records[0]?.DefaultCurrencyIsoCode ?? undefined;
  }

  async byIds<O extends SalesforceObject>(object: O, ids: string[]): Promise<Array<z.infer<(typeof SCHEMAS)[O]>>> {
    const list = idList(ids);
    if (!list) return [];
    const page = await this.query(`SELECT ${SALESFORCE_FIELDS[object]} FROM ${object} WHERE Id IN ${list}`, SCHEMAS[object], `${object} ${ids.join(', ')}`);
    return page.records as Array<z.infer<(typeof SCHEMAS)[O]>>;
  }

  async contactsByEmail(email: string) {
    return (await this.query(`SELECT ${SALESFORCE_FIELDS.Contact} FROM Contact WHERE Email = ${soqlString(email)} LIMIT 5`, salesforceContactSchema, `contacts with ${email}`)).records;
  }

  /** Converted leads are the contacts above under another name: skip them. */
  /** An account's contacts, oldest first, at most `limit` (one page: the query batch is larger). */
  async accountContacts(accountId: string, limit = 200) {
    const list = idList([accountId]);
    if (!list) return [];
    return (await this.query(`SELECT ${SALESFORCE_FIELDS.Contact} FROM Contact WHERE AccountId IN ${list} ORDER BY CreatedDate ASC LIMIT ${limit}`, salesforceContactSchema, `contacts of account ${accountId}`)).records;
  }

  async leadsByEmail(email: string) {
    return (await this.query(`SELECT ${SALESFORCE_FIELDS.Lead} FROM Lead WHERE Email = ${soqlString(email)} AND IsConverted = false LIMIT 5`, salesforceLeadSchema, `leads with ${email}`)).records;
  }

  async openOpportunities(accountIds: string[]) {
    const list = idList(accountIds);
    if (!list) return [];
    return (await this.query(`SELECT ${SALESFORCE_FIELDS.Opportunity} FROM Opportunity WHERE AccountId IN ${list} AND IsClosed = false ORDER BY CloseDate ASC LIMIT 10`, salesforceOpportunitySchema, 'open opportunities')).records;
  }

  async openCases(by: 'ContactId' | 'AccountId', ids: string[]) {
    const list = idList(ids);
    if (!list) return [];
    return (await this.query(`SELECT ${SALESFORCE_FIELDS.Case} FROM Case WHERE ${by} IN ${list} AND IsClosed = false ORDER BY CreatedDate DESC LIMIT 10`, salesforceCaseSchema, 'open cases')).records;
  }

  /** Website is free text (`www.acme.com`, `https://acme.com/`): a contains match, checked by the caller. */
  async accountsByDomain(domain: string) {
    return (await this.query(`SELECT ${SALESFORCE_FIELDS.Account} FROM Account WHERE Website LIKE ${soqlContains(domain)} LIMIT 10`, salesforceAccountSchema, `accounts of ${domain}`)).records;
  }

  /** First page of a full read of one object, 200 records a page. */
  syncStart<O extends SyncObject>(object: O) {
    const where = object === 'Lead' ? ' WHERE IsConverted = false' : '';
    return this.query(`SELECT ${SALESFORCE_FIELDS[object]} FROM ${object}${where}`, SCHEMAS[object], `${object} page`, BATCH_200);
  }

  /** The next page of a sync; the locator comes from storage, so it is checked before use. */
  syncNext<O extends SyncObject>(object: O, nextRecordsUrl: string) {
    if (!NEXT_RECORDS_URL.test(nextRecordsUrl)) throw new ConnectorError('schema', 'The saved Salesforce sync position is not a query locator.', { path: 'nextRecordsUrl' });
    return this.get(nextRecordsUrl, salesforceQueryPage(SCHEMAS[object]), `${object} page`, BATCH_200);
  }

  async openPipeline() {
    const page = await this.query('SELECT SUM(Amount) amount, COUNT(Id) n FROM Opportunity WHERE IsClosed = false', salesforcePipelineSchema, 'open pipeline');
    return { amount: page.records[0]?.amount ?? 0, count: page.records[0]?.n ?? 0 };
  }

  /** `SELECT COUNT() …` answers with totalSize and no records. */
  async count(object: 'Case' | 'Lead', where: string) {
    return (await this.query(`SELECT COUNT() FROM ${object} WHERE ${where}`, salesforceRecordSchema, `${object} count`)).totalSize;
  }
}
