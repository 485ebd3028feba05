import type { z } from '../../model/zod-setup';
import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { normalizeDomain, normalizeEmail } from '../../identity/normalize';
import { SALESFORCE_OBJECTS, salesforceRecordUrl, type SalesforceObject } from './pages';
import {
  salesforceAccountSchema,
  salesforceCaseSchema,
  salesforceContactSchema,
  salesforceLeadSchema,
  salesforceOpportunitySchema,
  type SalesforceAccount,
  type SalesforceCase,
  type SalesforceContact,
  type SalesforceLead,
  type SalesforceOpportunity,
} from './schemas';
import { buildRecord } from '../kit/record';
import { text } from '../kit/text';
import { moneyFromMajor } from '../kit/money';
import { calendarDateFields } from '../kit/dates';

export interface SalesforceNormalizeContext {
  /** Org id (00D…, 18 characters): the account part of every key. */
  org: string;
  /** Lightning host for deep links, e.g. acme.lightning.force.com. */
  consoleHost: string;
  /** The org's currency: single-currency orgs send amounts without one. */
  currency: string;
  fetchedAt: number;
  defaultCountry?: string;
}

/** `2024-01-15T09:00:00.000+0000` (no colon in the offset) or `2024-01-15`, to epoch ms. */
export function salesforceTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const parsed = Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(parsed) ? undefined : parsed;
}


/** Records from a query always have Id; a bare sample may only have `attributes.url`. */
function idOf(record: { Id?: string | null; attributes: { url?: string } }): string {
  return record.Id ?? record.attributes.url?.split('/').pop() ?? 'unknown';
}

export const salesforceKey = (ctx: SalesforceNormalizeContext, object: SalesforceObject, id: string) => recordKey('salesforce', ctx.org, SALESFORCE_OBJECTS[object].type as RecordType, id);

function build(ctx: SalesforceNormalizeContext, object: SalesforceObject, id: string, title: string, fields: RecordFields, links: Array<string | undefined>, modified: string | null | undefined): CustomerRecord {
  return buildRecord({
    connector: 'salesforce',
    account: ctx.org,
    type: SALESFORCE_OBJECTS[object].type,
    id,
    title,
    fields,
    phoneCountry: ctx.defaultCountry,
    links,
    url: salesforceRecordUrl(ctx.consoleHost, object, id),
    updatedAt: salesforceTime(modified),
    fetchedAt: ctx.fetchedAt,
  });
}

const nameOf = (r: { Name?: string | null; FirstName?: string | null; LastName?: string | null }) => text(r.Name) ?? text([r.FirstName, r.LastName].filter(Boolean).join(' '));

export function normalizeSalesforceContact(contact: SalesforceContact, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(contact);
  const phones = [contact.Phone, contact.MobilePhone].map(text).filter((p): p is string => !!p);
  const emails = [text(contact.Email)].filter((e): e is string => !!e && normalizeEmail(e) !== null);
  const fields: RecordFields = {
    name: nameOf(contact),
    firstName: text(contact.FirstName),
    lastName: text(contact.LastName),
    emails,
    phones,
    jobTitle: text(contact.Title),
    companyName: text(contact.Account?.Name),
    city: text(contact.MailingCity),
    country: text(contact.MailingCountry),
    ownerId: text(contact.OwnerId),
    ownerName: text(contact.Owner?.Name),
    createdAt: salesforceTime(contact.CreatedDate),
    lastModifiedAt: salesforceTime(contact.LastModifiedDate),
    lastActivityAt: salesforceTime(contact.LastActivityDate),
    dateOnly: calendarDateFields({ lastActivityAt: contact.LastActivityDate }),
  };
  const links = [contact.AccountId ? salesforceKey(ctx, 'Account', contact.AccountId) : undefined];
  return build(ctx, 'Contact', id, nameOf(contact) ?? emails[0] ?? `Contact ${id}`, fields, links, contact.LastModifiedDate);
}

export function normalizeSalesforceLead(lead: SalesforceLead, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(lead);
  const phones = [lead.Phone, lead.MobilePhone].map(text).filter((p): p is string => !!p);
  const emails = [text(lead.Email)].filter((e): e is string => !!e && normalizeEmail(e) !== null);
  const fields: RecordFields = {
    name: nameOf(lead),
    firstName: text(lead.FirstName),
    lastName: text(lead.LastName),
    emails,
    phones,
    jobTitle: text(lead.Title),
    companyName: text(lead.Company),
    industry: text(lead.Industry),
    city: text(lead.City),
    country: text(lead.Country),
    lifecycleStage: 'lead',
    status: text(lead.Status),
    ownerId: text(lead.OwnerId),
    ownerName: text(lead.Owner?.Name),
    createdAt: salesforceTime(lead.CreatedDate),
    lastModifiedAt: salesforceTime(lead.LastModifiedDate),
    lastActivityAt: salesforceTime(lead.LastActivityDate),
    dateOnly: calendarDateFields({ lastActivityAt: lead.LastActivityDate }),
  };
  return build(ctx, 'Lead', id, nameOf(lead) ?? emails[0] ?? `Lead ${id}`, fields, [], lead.LastModifiedDate);
}

export function normalizeSalesforceAccount(account: SalesforceAccount, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(account);
  const domain = normalizeDomain(account.Website) ?? undefined;
  const phone = text(account.Phone);
  const fields: RecordFields = {
    name: text(account.Name),
    domain,
    phones: phone ? [phone] : [],
    industry: text(account.Industry),
    status: text(account.Type),
    city: text(account.BillingCity),
    country: text(account.BillingCountry),
    employees: typeof account.NumberOfEmployees === 'number' ? account.NumberOfEmployees : undefined,
    annualRevenue: moneyFromMajor(account.AnnualRevenue, ctx.currency),
    ownerId: text(account.OwnerId),
    ownerName: text(account.Owner?.Name),
    createdAt: salesforceTime(account.CreatedDate),
    lastModifiedAt: salesforceTime(account.LastModifiedDate),
    lastActivityAt: salesforceTime(account.LastActivityDate),
    dateOnly: calendarDateFields({ lastActivityAt: account.LastActivityDate }),
  };
  return build(ctx, 'Account', id, text(account.Name) ?? domain ?? `Account ${id}`, fields, [], account.LastModifiedDate);
}

export function normalizeSalesforceOpportunity(opportunity: SalesforceOpportunity, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(opportunity);
  const fields: RecordFields = {
    name: text(opportunity.Name),
    amount: moneyFromMajor(opportunity.Amount, ctx.currency),
    status: text(opportunity.StageName),
    companyName: text(opportunity.Account?.Name),
    ownerId: text(opportunity.OwnerId),
    ownerName: text(opportunity.Owner?.Name),
    createdAt: salesforceTime(opportunity.CreatedDate),
    lastModifiedAt: salesforceTime(opportunity.LastModifiedDate),
  };
  const links = [opportunity.AccountId ? salesforceKey(ctx, 'Account', opportunity.AccountId) : undefined];
  return build(ctx, 'Opportunity', id, text(opportunity.Name) ?? `Opportunity ${id}`, fields, links, opportunity.LastModifiedDate);
}

export function normalizeSalesforceCase(item: SalesforceCase, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(item);
  const fields: RecordFields = {
    subject: text(item.Subject),
    status: text(item.Status),
    companyName: text(item.Account?.Name),
    ownerId: text(item.OwnerId),
    ownerName: text(item.Owner?.Name),
    createdAt: salesforceTime(item.CreatedDate),
    lastModifiedAt: salesforceTime(item.LastModifiedDate),
  };
  // Cases point at a Contact (003…); a Lead cannot own a case.
  const links = [item.ContactId ? salesforceKey(ctx, 'Contact', item.ContactId) : undefined, item.AccountId ? salesforceKey(ctx, 'Account', item.AccountId) : undefined];
  const title = `${item.CaseNumber ? `#${item.CaseNumber} ` : ''}${text(item.Subject) ?? '(no subject)'}`;
  return build(ctx, 'Case', id, title, fields, links, item.LastModifiedDate);
}

const READERS: { [O in SalesforceObject]: { schema: z.ZodMiniType; normalize: (raw: never, ctx: SalesforceNormalizeContext) => CustomerRecord } } = {
  Contact: { schema: salesforceContactSchema, normalize: normalizeSalesforceContact },
  Lead: { schema: salesforceLeadSchema, normalize: normalizeSalesforceLead },
  Account: { schema: salesforceAccountSchema, normalize: normalizeSalesforceAccount },
  Opportunity: { schema: salesforceOpportunitySchema, normalize: normalizeSalesforceOpportunity },
  Case: { schema: salesforceCaseSchema, normalize: normalizeSalesforceCase },
};

/** The schema and normaliser for a record's `attributes.type`; null for objects we do not model. */
export function salesforceReaderFor(type: string) {
  return (Object.hasOwn(READERS, type) ? READERS[type as SalesforceObject] : null) as { schema: z.ZodMiniType; normalize: (raw: unknown, ctx: SalesforceNormalizeContext) => CustomerRecord } | null;
}
