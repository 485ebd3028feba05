import { describe, expect, it, vi } from 'vitest';
import type { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { salesforceId18, salesforceInstanceFromConsoleHost, salesforceConsoleHostOf } from '../../../src/connectors/salesforce/pages';
import { salesforceAccountSchema, salesforceAnyPage, salesforceErrorsSchema, salesforceQueryPage } from '../../../src/connectors/salesforce/schemas';
import { normalizeSalesforceAccount, salesforceTime } from '../../../src/connectors/salesforce/normalize';
import { NEXT_RECORDS_URL, SalesforceApi, salesforceApiOrigin, soqlContains, soqlString } from '../../../src/connectors/salesforce/api';
import { normalizeSalesforcePayload } from '../../../src/connectors/salesforce/payload';
import { setup as salesforceSetup } from '../../../src/connectors/salesforce/meta';
import { customerRecordSchema } from '../../../src/model/record';

describe('Salesforce record id', () => {
  it('adds the case-folding suffix to 15-character ids and keeps 18-character ones', () => {
    expect(salesforceId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    expect(salesforceId18('0035g00000ABCDeAAH')).toBe('0035g00000ABCDeAAH');
    for (const bad of ['', '003', '0035g00000ABCDeA', '0035g00000ABCD!', '0035g00000ABCDeAAHX']) expect(salesforceId18(bad)).toBeNull();
  });
});

const expectations: Record<string, z.ZodMiniType> = {
  'error_invalid_field.json': salesforceErrorsSchema,
  'soql_query_accounts.json': salesforceQueryPage(salesforceAccountSchema),
  'soql_query_paginated_nextRecordsUrl.json': salesforceAnyPage,
  'soql_query_relationship_field.json': salesforceQueryPage(salesforceAccountSchema),
};
const ctx = { org: '00D000000000001AAA', consoleHost: 'acme.lightning.force.com', currency: 'EUR', fetchedAt: 1_700_000_000_000 };

describe('Salesforce schemas on the recorded responses', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('salesforce').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Salesforce', schema, readSample('salesforce', file), file)).not.toThrow();
  });

  it('normalises accounts (id from attributes.url) and relationship fields', () => {
    const page = salesforceQueryPage(salesforceAccountSchema).parse(readSample('salesforce', 'soql_query_accounts.json'));
    const records = page.records.map((a) => normalizeSalesforceAccount(a, ctx));
    for (const record of records) expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(records.map((r) => r.id)).toEqual(['001B000001LntWlIAJ', '001B000001LwihtIAB', '001B000001LwihuIAB', '001B000001LwihvIAB', '001B000001LnobCIAR']);
    expect(records[1]).toMatchObject({ key: 'salesforce:00D000000000001AAA:company:001B000001LwihtIAB', type: 'company', title: 'Global Media', fields: { name: 'Global Media' }, identities: [], url: 'https://acme.lightning.force.com/lightning/r/Account/001B000001LwihtIAB/view', updatedAt: ctx.fetchedAt });

    const [owned] = salesforceQueryPage(salesforceAccountSchema).parse(readSample('salesforce', 'soql_query_relationship_field.json')).records;
    expect(normalizeSalesforceAccount(owned!, ctx).fields).toEqual({ name: 'TestAccount5', ownerName: 'Guy Smiley' });
  });

  it('reads paging and errors as Salesforce sends them', () => {
    const page = salesforceAnyPage.parse(readSample('salesforce', 'soql_query_paginated_nextRecordsUrl.json'));
    expect(page).toMatchObject({ totalSize: 10000, done: false, nextRecordsUrl: '/services/data/v53.0/query/01gB000003OCxSPIA1-2000' });
    expect(NEXT_RECORDS_URL.test(page.nextRecordsUrl!)).toBe(true);
    for (const bad of ['https://evil.com/services/data/v53.0/query/01g-2', '/services/data/v53.0/query/../../x-1', '//evil.com/services/data/v1.0/query/a-1']) expect(NEXT_RECORDS_URL.test(bad)).toBe(false);
    expect(salesforceErrorsSchema.parse(readSample('salesforce', 'error_invalid_field.json'))[0]!.errorCode).toBe('INVALID_FIELD');
  });

  it('turns Salesforce datetimes (+0000 offsets) and dates into epoch ms, and odd values into nothing', () => {
    expect(salesforceTime('2024-01-15T09:00:00.000+0000')).toBe(Date.UTC(2024, 0, 15, 9));
    expect(salesforceTime('2024-01-15T11:00:00.000+0200')).toBe(Date.UTC(2024, 0, 15, 9));
    expect(salesforceTime('2024-01-15')).toBe(Date.UTC(2024, 0, 15));
    expect(salesforceTime('not a date')).toBeUndefined();
    expect(salesforceTime(null)).toBeUndefined();
  });

  it('imports payload files: query pages by record type, errors and unknown shapes refused with a path', () => {
    expect(normalizeSalesforcePayload(readSample('salesforce', 'soql_query_accounts.json'), 'import').map((r) => r.key)[0]).toBe('salesforce:import:company:001B000001LntWlIAJ');
    expect(normalizeSalesforcePayload(readSample('salesforce', 'soql_query_paginated_nextRecordsUrl.json'), 'import')).toEqual([]);
    expect(() => normalizeSalesforcePayload(readSample('salesforce', 'error_invalid_field.json'), 'import')).toThrow(/INVALID_FIELD/);
    expect(() => normalizeSalesforcePayload({ hello: 1 }, 'import')).toThrow(expect.objectContaining({ kind: 'schema', detail: expect.objectContaining({ path: 'attributes' }) }));
    expect(() => normalizeSalesforcePayload({ attributes: { type: 'Contact' }, Id: '0035g00000ABCDeAAH', Email: 42 }, 'import')).toThrow(expect.objectContaining({ kind: 'schema', detail: expect.objectContaining({ path: 'Email' }) }));
    const [lead] = normalizeSalesforcePayload({ attributes: { type: 'Lead', url: '/services/data/v62.0/sobjects/Lead/00Q5g00000XyZ12EAB' }, Id: '00Q5g00000XyZ12EAB', FirstName: 'Bo', LastName: 'Wen', Email: 'not an email', Company: 'Wen Co' }, 'import');
    expect(lead).toMatchObject({ type: 'person', title: 'Bo Wen', identities: [], fields: { companyName: 'Wen Co', lifecycleStage: 'lead' } });
  });
});

describe('Salesforce API origin', () => {
  it.each([
    ['acme', 'https://acme.my.salesforce.com'],
    ['https://Acme.my.salesforce.com/', 'https://acme.my.salesforce.com'],
    ['acme.my.salesforce.com', 'https://acme.my.salesforce.com'],
    ['acme--uat', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['https://acme--uat.sandbox.my.salesforce.com', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['https://acme.lightning.force.com/lightning/page/home', 'https://acme.my.salesforce.com'],
  ])('accepts %s', (site, origin) => {
    expect(salesforceApiOrigin(site)).toBe(origin);
  });

  it.each([
    '', 'ac me', '../x', 'evil.com', 'http://acme.my.salesforce.com', 'https://acme.my.salesforce.com.evil.com', 'https://evil.com/acme.my.salesforce.com',
    'https://acme.my.salesforce.com@evil.com', 'https://acme.my.salesforce.com:8443', 'https://acme.my.salesforce.com\\@evil.com', 'acme.salesforce.com',
    'https://-acme.my.salesforce.com', 'javascript:alert(1)', 'https://a.b.my.salesforce.com', 'https://acme.my.salesforce.com#@evil.com', 'login.salesforce.com',
  ])('refuses %s', (site) => {
    expect(() => salesforceApiOrigin(site)).toThrow(expect.objectContaining({ kind: 'auth' }));
  });

  it('maps console hosts to the instance and back', () => {
    expect(salesforceInstanceFromConsoleHost('acme.lightning.force.com')).toBe('https://acme.my.salesforce.com');
    expect(salesforceInstanceFromConsoleHost('acme--uat.sandbox.lightning.force.com')).toBe('https://acme--uat.sandbox.my.salesforce.com');
    expect(salesforceInstanceFromConsoleHost('acme.lightning.force.com.evil.com')).toBeNull();
    expect(salesforceInstanceFromConsoleHost('evil.com')).toBeNull();
    expect(salesforceConsoleHostOf('https://acme--uat.sandbox.my.salesforce.com')).toBe('acme--uat.sandbox.lightning.force.com');
  });

  it('the Options pattern accepts what the origin accepts', () => {
    const pattern = new RegExp(`^(?:${salesforceSetup.siteField!.pattern})$`, 'v');
    for (const ok of ['acme', 'https://acme.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com', 'https://acme.lightning.force.com/lightning/page/home']) expect(pattern.test(ok)).toBe(true);
    expect(pattern.test('https://evil.com')).toBe(false);
  });
});

describe('SOQL literals', () => {
  it('escapes quotes, backslashes and control characters in strings', () => {
    expect(soqlString("o'brien@acme.com")).toBe(String.raw`'o\'brien@acme.com'`);
    expect(soqlString(String.raw`x\' OR Email != '`)).toBe(String.raw`'x\\\' OR Email != \''`);
    expect(soqlString('a\nb\u0000')).toBe(String.raw`'a\nb'`);
  });
  it('escapes LIKE wildcards so a domain only matches itself', () => {
    expect(soqlContains('acme_robotics.com')).toBe(String.raw`'%acme\_robotics.com%'`);
    expect(soqlContains("100%'")).toBe(String.raw`'%100\%\'%'`);
  });
});

describe('Salesforce API requests', () => {
  const reply = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
  const calls = (f: typeof fetch) => (f as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls;

  it('queries SOQL on the instance with the bearer token and an escaped email', async () => {
    const fetchImpl = reply(200, { totalSize: 0, done: true, records: [] });
    await new SalesforceApi({ site: 'acme', token: '00Dxx!TOKEN' }, fetchImpl).contactsByEmail("o'brien@acme.com");
    const [url, init] = calls(fetchImpl)[0]!;
    expect(url.startsWith('https://acme.my.salesforce.com/services/data/v62.0/query?q=')).toBe(true);
    expect(new URL(url).searchParams.get('q')).toMatch(/FROM Contact WHERE Email = 'o\\'brien@acme\.com' LIMIT 5$/);
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer 00Dxx!TOKEN');
  });

  it('explains an expired session and a refused query with Salesforce’s own words', async () => {
    const expired = new SalesforceApi({ site: 'acme', token: 't' }, reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]));
    await expect(expired.organization()).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/session expired/) });
    const invalid = new SalesforceApi({ site: 'acme', token: 't' }, reply(400, readSample('salesforce', 'error_invalid_field.json')));
    await expect(invalid.organization()).rejects.toMatchObject({ kind: 'vendor', message: expect.stringMatching(/INVALID_FIELD: .*No such column 'Bacon__c'/s) });
  });

  it('treats 403 REQUEST_LIMIT_EXCEEDED as a rate limit, not a permission problem', async () => {
    const fetchImpl = reply(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    await expect(new SalesforceApi({ site: 'acme', token: 't' }, fetchImpl).openPipeline()).rejects.toMatchObject({ kind: 'rate-limit' });
  }, 10_000);
});
