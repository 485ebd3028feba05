import { z } from '../../model/zod-setup';

/**
 * Salesforce REST (SOQL `/query`): every record carries `attributes` {type, url}; a field that
 * was not selected is absent, a selected empty one is null; relationship fields (`Account.Name`)
 * arrive as a nested object or null. Datetimes are `2024-01-15T09:00:00.000+0000`, dates
 * `2024-01-15`, currency amounts plain numbers in the record's (or org's) currency.
 */
export const salesforceAttributes = z.object({ type: z.string(), url: z.optional(z.string()) });

const text = z.nullish(z.string());
const num = z.nullish(z.number());
const flag = z.nullish(z.boolean());
const relation = <S extends z.core.$ZodLooseShape>(fields: S) => z.nullish(z.extend(z.object({ attributes: z.optional(salesforceAttributes) }), fields));
const owner = relation({ Name: text });

/** Any record: its type and url are all we can rely on (custom objects, samples). */
export const salesforceRecordSchema = z.object({ attributes: salesforceAttributes, Id: text });

const common = {
  attributes: salesforceAttributes,
  Id: text,
  OwnerId: text,
  Owner: owner,
  CreatedDate: text,
  LastModifiedDate: text,
};

export const salesforceContactSchema = z.object({
  ...common,
  Name: text,
  FirstName: text,
  LastName: text,
  Email: text,
  Phone: text,
  MobilePhone: text,
  Title: text,
  MailingCity: text,
  MailingCountry: text,
  LeadSource: text,
  AccountId: text,
  Account: relation({ Name: text, Website: text }),
  LastActivityDate: text,
});
export type SalesforceContact = z.infer<typeof salesforceContactSchema>;

export const salesforceLeadSchema = z.object({
  ...common,
  Name: text,
  FirstName: text,
  LastName: text,
  Email: text,
  Phone: text,
  MobilePhone: text,
  Title: text,
  Company: text,
  Website: text,
  City: text,
  Country: text,
  Status: text,
  Industry: text,
  IsConverted: flag,
  LastActivityDate: text,
});
export type SalesforceLead = z.infer<typeof salesforceLeadSchema>;

export const salesforceAccountSchema = z.object({
  ...common,
  Name: text,
  Website: text,
  Phone: text,
  Industry: text,
  Type: text,
  BillingCity: text,
  BillingCountry: text,
  NumberOfEmployees: num,
  AnnualRevenue: num,
  LastActivityDate: text,
});
export type SalesforceAccount = z.infer<typeof salesforceAccountSchema>;

export const salesforceOpportunitySchema = z.object({
  ...common,
  Name: text,
  Amount: num,
  StageName: text,
  IsClosed: flag,
  IsWon: flag,
  CloseDate: text,
  AccountId: text,
  Account: relation({ Name: text }),
});
export type SalesforceOpportunity = z.infer<typeof salesforceOpportunitySchema>;

export const salesforceCaseSchema = z.object({
  ...common,
  CaseNumber: text,
  Subject: text,
  Status: text,
  Priority: text,
  IsClosed: flag,
  ContactId: text,
  Contact: relation({ Name: text, Email: text }),
  AccountId: text,
  Account: relation({ Name: text }),
});
export type SalesforceCase = z.infer<typeof salesforceCaseSchema>;

export const salesforceOrganizationSchema = z.object({
  attributes: salesforceAttributes,
  Id: z.string(),
  Name: z.string(),
  IsSandbox: z.boolean(),
  OrganizationType: text,
});
export const salesforceCurrencySchema = z.object({ attributes: salesforceAttributes, DefaultCurrencyIsoCode: text });

/** `SELECT SUM(Amount) amount, COUNT(Id) n ...`: one AggregateResult row; SUM is null over no rows. */
export const salesforcePipelineSchema = z.object({ attributes: salesforceAttributes, amount: num, n: z.number().check(z.int()) });

/** A `/query` page; `nextRecordsUrl` (`/services/data/vXX.X/query/<locator>-<offset>`) while `done` is false. */
export function salesforceQueryPage<T extends z.ZodMiniType>(record: T) {
  return z.object({ totalSize: z.number().check(z.int()), done: z.boolean(), nextRecordsUrl: z.optional(z.string()), records: z.array(record) });
}
export const salesforceAnyPage = salesforceQueryPage(salesforceRecordSchema);

/** Errors are an array: `[{message, errorCode, fields?}]` (INVALID_SESSION_ID, MALFORMED_QUERY...). */
export const salesforceErrorsSchema = z.array(z.object({ message: z.string(), errorCode: z.string(), fields: z.optional(z.array(z.string())) }));
export type SalesforceErrors = z.infer<typeof salesforceErrorsSchema>;
