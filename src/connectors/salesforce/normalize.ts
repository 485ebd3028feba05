import type { z } from '../../model/zod-setup';
import { recordKey, type CustomerRecord, type RecordFields, type RecordType } from '../../model/record';
import { domainIdentity, emailIdentity, normalizeDomain, normalizeEmail, normalizePhone, phoneIdentity } from '../../identity/normalize';
import { searchTokens } from '../../identity/tokens';
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
import { compactFields } from '../fields';

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

const str = (value: string | null | undefined) => (value && value.trim() ? value.trim() : undefined);
const money = (amount: number | null | undefined, currency: string) =>
  typeof amount === 'number' && Number.isFinite(amount) ? { amountMinor: Math.round(amount * 100), currency } : undefined;

/** Records from a query always have Id; a bare sample may only have `attributes.url`. */
function idOf(record: { Id?: string | null; attributes: { url?: string } }): string {
  return record.Id ?? record.attributes.url?.split('/').pop() ?? 'unknown';
}

export const salesforceKey = (ctx: SalesforceNormalizeContext, object: SalesforceObject, id: string) => recordKey('salesforce', ctx.org, SALESFORCE_OBJECTS[object].type as RecordType, id);

function build(ctx: SalesforceNormalizeContext, object: SalesforceObject, id: string, title: string, fields: RecordFields, identities: string[], links: Array<string | undefined>, modified: string | null | undefined): CustomerRecord {
  const clean = compactFields(fields);
  return {
    key: salesforceKey(ctx, object, id),
    connector: 'salesforce',
    account: ctx.org,
    type: SALESFORCE_OBJECTS[object].type,
    id,
    title,
    identities: [...new Set(identities)],
    fields: clean,
    links: links.filter((l): l is string => !!l),
    url: salesforceRecordUrl(ctx.consoleHost, object, id),
    updatedAt: salesforceTime(modified) ?? ctx.fetchedAt,
    fetchedAt: ctx.fetchedAt,
    tokens: searchTokens(title, clean),
  };
}

/** Emails and phones that normalise become identities; a malformed one is simply skipped. */
function personIdentities(ctx: SalesforceNormalizeContext, email: string | undefined, phones: string[], country?: string) {
  const normalizedEmail = normalizeEmail(email);
  const normalizedPhones = phones.map((p) => normalizePhone(p, country ?? ctx.defaultCountry)).filter((p): p is string => !!p);
  return {
    emails: normalizedEmail && email ? [email] : [],
    identities: [...(normalizedEmail ? [emailIdentity(normalizedEmail)] : []), ...normalizedPhones.map(phoneIdentity)],
  };
}

const nameOf = (r: { Name?: string | null; FirstName?: string | null; LastName?: string | null }) => str(r.Name) ?? str([r.FirstName, r.LastName].filter(Boolean).join(' '));

export function normalizeSalesforceContact(contact: SalesforceContact, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(contact);
  const phones = [contact.Phone, contact.MobilePhone].map(str).filter((p): p is string => !!p);
  const { emails, identities } = personIdentities(ctx, str(contact.Email), phones, str(contact.MailingCountry));
  const fields: RecordFields = {
    name: nameOf(contact),
    firstName: str(contact.FirstName),
    lastName: str(contact.LastName),
    emails,
    phones,
    jobTitle: str(contact.Title),
    companyName: str(contact.Account?.Name),
    city: str(contact.MailingCity),
    country: str(contact.MailingCountry),
    ownerId: str(contact.OwnerId),
    ownerName: str(contact.Owner?.Name),
    createdAt: salesforceTime(contact.CreatedDate),
    lastModifiedAt: salesforceTime(contact.LastModifiedDate),
    lastActivityAt: salesforceTime(contact.LastActivityDate),
  };
  const links = [contact.AccountId ? salesforceKey(ctx, 'Account', contact.AccountId) : undefined];
  return build(ctx, 'Contact', id, nameOf(contact) ?? emails[0] ?? `Contact ${id}`, fields, identities, links, contact.LastModifiedDate);
}

export function normalizeSalesforceLead(lead: SalesforceLead, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(lead);
  const phones = [lead.Phone, lead.MobilePhone].map(str).filter((p): p is string => !!p);
  const { emails, identities } = personIdentities(ctx, str(lead.Email), phones, str(lead.Country));
  const fields: RecordFields = {
    name: nameOf(lead),
    firstName: str(lead.FirstName),
    lastName: str(lead.LastName),
    emails,
    phones,
    jobTitle: str(lead.Title),
    companyName: str(lead.Company),
    industry: str(lead.Industry),
    city: str(lead.City),
    country: str(lead.Country),
    lifecycleStage: 'lead',
    status: str(lead.Status),
    ownerId: str(lead.OwnerId),
    ownerName: str(lead.Owner?.Name),
    createdAt: salesforceTime(lead.CreatedDate),
    lastModifiedAt: salesforceTime(lead.LastModifiedDate),
    lastActivityAt: salesforceTime(lead.LastActivityDate),
  };
  return build(ctx, 'Lead', id, nameOf(lead) ?? emails[0] ?? `Lead ${id}`, fields, identities, [], lead.LastModifiedDate);
}

export function normalizeSalesforceAccount(account: SalesforceAccount, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(account);
  const domain = normalizeDomain(account.Website) ?? undefined;
  const phone = str(account.Phone);
  const fields: RecordFields = {
    name: str(account.Name),
    domain,
    phones: phone ? [phone] : [],
    industry: str(account.Industry),
    status: str(account.Type),
    city: str(account.BillingCity),
    country: str(account.BillingCountry),
    employees: typeof account.NumberOfEmployees === 'number' ? account.NumberOfEmployees : undefined,
    annualRevenue: money(account.AnnualRevenue, ctx.currency),
    ownerId: str(account.OwnerId),
    ownerName: str(account.Owner?.Name),
    createdAt: salesforceTime(account.CreatedDate),
    lastModifiedAt: salesforceTime(account.LastModifiedDate),
    lastActivityAt: salesforceTime(account.LastActivityDate),
  };
  return build(ctx, 'Account', id, str(account.Name) ?? domain ?? `Account ${id}`, fields, domain ? [domainIdentity(domain)] : [], [], account.LastModifiedDate);
}

export function normalizeSalesforceOpportunity(opportunity: SalesforceOpportunity, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(opportunity);
  const fields: RecordFields = {
    name: str(opportunity.Name),
    amount: money(opportunity.Amount, ctx.currency),
    status: str(opportunity.StageName),
    companyName: str(opportunity.Account?.Name),
    ownerId: str(opportunity.OwnerId),
    ownerName: str(opportunity.Owner?.Name),
    createdAt: salesforceTime(opportunity.CreatedDate),
    lastModifiedAt: salesforceTime(opportunity.LastModifiedDate),
  };
  const links = [opportunity.AccountId ? salesforceKey(ctx, 'Account', opportunity.AccountId) : undefined];
  return build(ctx, 'Opportunity', id, str(opportunity.Name) ?? `Opportunity ${id}`, fields, [], links, opportunity.LastModifiedDate);
}

export function normalizeSalesforceCase(item: SalesforceCase, ctx: SalesforceNormalizeContext): CustomerRecord {
  const id = idOf(item);
  const fields: RecordFields = {
    subject: str(item.Subject),
    status: str(item.Status),
    companyName: str(item.Account?.Name),
    ownerId: str(item.OwnerId),
    ownerName: str(item.Owner?.Name),
    createdAt: salesforceTime(item.CreatedDate),
    lastModifiedAt: salesforceTime(item.LastModifiedDate),
  };
  // Cases point at a Contact (003…); a Lead cannot own a case.
  const links = [item.ContactId ? salesforceKey(ctx, 'Contact', item.ContactId) : undefined, item.AccountId ? salesforceKey(ctx, 'Account', item.AccountId) : undefined];
  const title = `${item.CaseNumber ? `#${item.CaseNumber} ` : ''}${str(item.Subject) ?? '(no subject)'}`;
  return build(ctx, 'Case', id, title, fields, [], links, item.LastModifiedDate);
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
