import { describe, expect, it, vi } from 'vitest';
import { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { ga4ErrorSchema, ga4ReportSchema } from '../../../src/connectors/ga4/schemas';
import { ga4Pages, ga4PropertyOf, ga4ReportUrl } from '../../../src/connectors/ga4/pages';
import { minorUnits, reportRows, summaryPoints } from '../../../src/connectors/ga4/normalize';
import { Ga4Api, ga4PropertyId } from '../../../src/connectors/ga4/api';
import { normalizeGa4Payload } from '../../../src/connectors/ga4/payload';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createGa4Replica, GA4_PROPERTY, runReport } from '../../replica/ga4.mjs';

describe('GA4 console pages', () => {
  it.each([
    ['https://analytics.google.com/analytics/web/#/p123456789/reports/intelligenthome', '123456789'],
    ['https://analytics.google.com/analytics/web/?authuser=1#/p312345678/reports/explorer?params=x', '312345678'],
    ['https://analytics.google.com/analytics/web/#/p312345678', '312345678'],
    ['https://analytics.google.com/analytics/web#/p4321/admin', '4321'],
  ])('reads the property of %s', (href, property) => {
    expect(ga4PropertyOf(new URL(href))).toBe(property);
  });

  it.each([
    'http://analytics.google.com/analytics/web/#/p123456789/reports/intelligenthome',
    'https://analytics.google.com.evil.example/analytics/web/#/p123456789/reports/intelligenthome',
    'https://evil.example/analytics.google.com/analytics/web/#/p123456789/reports',
    'https://analytics.google.com/analytics/web/#/a12345w67890p98765/',
    'https://analytics.google.com/analytics/web/#/p12/reports',
    'https://analytics.google.com/analytics/web/#/p123456789abc/reports',
    'https://analytics.google.com/evil/#/p123456789/reports',
    'https://analytics.google.com/analytics/web/',
    'https://app.hubspot.com/contacts/4815162/record/0-1/101',
    'https://dashboard.stripe.com/customers/cus_NffrFeUfNV2Hib',
    'https://acme.zendesk.com/agent/tickets/1',
    'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view',
    'https://app.intercom.com/a/apps/abc123/users/5ba682d23d7cf92bef87bfd4/all-conversations',
    'https://us6.admin.mailchimp.com/lists/members/view?id=123456',
    'https://www.klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H',
    'https://acme.pipedrive.com/person/1',
    'https://app.hubspot.com/#/p123456789/reports',
  ])('finds no property on %s', (href) => {
    expect(ga4PropertyOf(new URL(href))).toBeNull();
  });

  it('has no record detectors: GA4 pages show no customer record', () => {
    expect(ga4Pages).toEqual([]);
    expect(ga4ReportUrl('312345678')).toBe('https://analytics.google.com/analytics/web/#/p312345678/reports/intelligenthome');
    expect(ga4PropertyOf(new URL(ga4ReportUrl('312345678')))).toBe('312345678');
  });
});

const expectations: Record<string, z.ZodMiniType> = { 'run_report_basic.json': ga4ReportSchema };

describe('GA4 schemas on the recorded responses', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('ga4').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Google Analytics', schema, readSample('ga4', file), file)).not.toThrow();
  });

  it('zips positional string values into typed rows', () => {
    const report = ga4ReportSchema.parse(readSample('ga4', 'run_report_basic.json'));
    expect(reportRows(report)).toEqual([
      { dimensions: { country: 'Japan' }, metrics: { activeUsers: 2541 } },
      { dimensions: { country: 'France' }, metrics: { activeUsers: 12 } },
    ]);
    expect(reportRows(ga4ReportSchema.parse({ metricHeaders: [{ name: 'activeUsers', type: 'TYPE_INTEGER' }], metadata: {} }))).toEqual([]);
  });

  it('rejects rows whose values do not match the headers, naming the path', () => {
    const report = ga4ReportSchema.parse(readSample('ga4', 'run_report_basic.json'));
    const short = { ...report, rows: [report.rows![0]!, { dimensionValues: [{ value: 'Peru' }], metricValues: [] }] };
    expect(() => reportRows(short)).toThrow(expect.objectContaining({ kind: 'schema', detail: expect.objectContaining({ path: 'rows.1.metricValues' }) }));
    const extraDimension = { ...report, rows: [{ dimensionValues: [{ value: 'a' }, { value: 'b' }], metricValues: [{ value: '1' }] }] };
    expect(() => reportRows(extraDimension)).toThrow(expect.objectContaining({ detail: expect.objectContaining({ path: 'rows.0.dimensionValues' }) }));
    const notNumber = { ...report, rows: [{ dimensionValues: [{ value: 'a' }], metricValues: [{ value: 'many' }] }] };
    expect(() => reportRows(notNumber)).toThrow(expect.objectContaining({ detail: expect.objectContaining({ path: 'rows.0.metricValues.0.value' }) }));
  });

  it('parses Google error envelopes', () => {
    expect(ga4ErrorSchema.parse({ error: { code: 403, message: 'nope', status: 'PERMISSION_DENIED' } }).error.status).toBe('PERMISSION_DENIED');
  });

  it('reads a range without data (no rows from GA4) as zero', () => {
    const empty = ga4ReportSchema.parse({ dimensionHeaders: [{ name: 'dateRange' }], metricHeaders: [{ name: 'sessions', type: 'TYPE_INTEGER' }], metadata: { currencyCode: 'EUR' }, kind: 'analyticsData#runReport' });
    const points = summaryPoints(empty, { account: '312345678', at: 1, currency: 'EUR', keyEventMetric: 'keyEvents' }, ['7d', '28d']);
    expect(points).toHaveLength(12);
    expect(points.every((p) => p.value === 0)).toBe(true);
    expect(points.find((p) => p.metric === 'key-events-28d')).toMatchObject({ label: 'GA4 key events (28 days)', unit: 'key events' });
  });

  it('converts revenue to minor units with the currency’s decimals', () => {
    expect(minorUnits(1234.56, 'USD')).toBe(123456);
    expect(minorUnits(1234, 'JPY')).toBe(1234);
    expect(minorUnits(1.5, 'not a currency')).toBe(150);
  });

  it('reads report payloads for imports (no records) and refuses anything else', () => {
    expect(normalizeGa4Payload(readSample('ga4', 'run_report_basic.json'), 'import')).toEqual([]);
    expect(() => normalizeGa4Payload({ id: 'cus_1', object: 'customer' }, 'import')).toThrow(expect.objectContaining({ kind: 'schema', detail: { path: '(root)' } }));
    expect(() => normalizeGa4Payload({ error: { code: 401, message: 'x', status: 'UNAUTHENTICATED' } }, 'import')).toThrow(expect.objectContaining({ kind: 'schema' }));
    expect(() => normalizeGa4Payload({ metricHeaders: [{ name: 'a' }], rows: [{ metricValues: [] }] }, 'import')).toThrow(expect.objectContaining({ detail: expect.objectContaining({ path: 'rows.0.metricValues' }) }));
  });
});

type FetchMock = { mock: { calls: [string, RequestInit][] } };

describe('GA4 API', () => {
  it('accepts only a numeric property id, so the request path cannot be steered', () => {
    expect(ga4PropertyId('312345678')).toBe('312345678');
    expect(ga4PropertyId(' properties/312345678 ')).toBe('312345678');
    for (const bad of ['', undefined, '12', '1234567890123', 'abc', '123/../../v1/x', '123:batchRunReports', 'properties/', 'https://evil.example/123456', '123456@evil.example', '123456?x=1', 'G-ABC1234']) {
      expect(() => ga4PropertyId(bad)).toThrow(expect.objectContaining({ kind: 'auth' }));
    }
  });

  it('POSTs runReport to analyticsdata.googleapis.com with the bearer token', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(readSample('ga4', 'run_report_basic.json')), { status: 200 })) as unknown as typeof fetch;
    const request = { dateRanges: [{ startDate: 'yesterday', endDate: 'yesterday' }], metrics: [{ name: 'activeUsers' }], returnPropertyQuota: true };
    await new Ga4Api('properties/312345678', 'ya29.T0K', fetchImpl).runReport(request, 'check');
    const [url, init] = (fetchImpl as unknown as FetchMock).mock.calls[0]!;
    expect(url).toBe('https://analyticsdata.googleapis.com/v1beta/properties/312345678:runReport');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer ya29.T0K');
    expect(JSON.parse(String(init.body))).toEqual(request);
  });

  const failing = (status: number, error: object, headers: Record<string, string> = {}) =>
    vi.fn(async () => new Response(JSON.stringify({ error }), { status, headers })) as unknown as typeof fetch;
  const request = { dateRanges: [{ startDate: 'yesterday', endDate: 'yesterday' }], metrics: [{ name: 'activeUsers' }] };

  it('explains Google’s errors: expired token, no access, quota exhausted', async () => {
    const expired = failing(401, { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' });
    await expect(new Ga4Api('312345678', 'old', expired).runReport(request, 'check')).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/expire after an hour/) });
    const denied = failing(403, { code: 403, message: 'User does not have sufficient permissions for this property.', status: 'PERMISSION_DENIED' });
    await expect(new Ga4Api('312345678', 't', denied).runReport(request, 'check')).rejects.toMatchObject({ kind: 'auth', googleStatus: 'PERMISSION_DENIED', message: expect.stringMatching(/property 312345678.*sufficient permissions/) });
    const exhausted = failing(429, { code: 429, message: 'Exhausted property tokens per day.', status: 'RESOURCE_EXHAUSTED' }, { 'retry-after': '0' });
    await expect(new Ga4Api('312345678', 't', exhausted).runReport(request, 'check')).rejects.toMatchObject({ kind: 'rate-limit', message: expect.stringMatching(/tokens per day/) });
    const invalid = failing(400, { code: 400, message: 'Field keyEvents is not a valid metric.', status: 'INVALID_ARGUMENT' });
    await expect(new Ga4Api('312345678', 't', invalid).runReport(request, 'check')).rejects.toMatchObject({ kind: 'vendor', googleStatus: 'INVALID_ARGUMENT' });
  });

  it('cuts the access token out of Google’s words, whatever the error', async () => {
    const token = 'ya29.a0AfB_byC3xQeN7PzLk2vR9sT1uW4yZ6';
    const echoes = [
      failing(403, { code: 403, message: `Token ${token} lacks analytics.readonly.`, status: 'PERMISSION_DENIED' }),
      failing(400, { code: 400, message: `Bad request for ${token}.`, status: 'INVALID_ARGUMENT' }),
      failing(429, { code: 429, message: `Quota used by ${token.slice(0, 20)}`, status: 'RESOURCE_EXHAUSTED' }, { 'retry-after': '0' }),
      failing(404, { code: 404, message: `No property for ${token}`, status: 'NOT_FOUND' }),
    ];
    for (const fetchImpl of echoes) {
      const error = await new Ga4Api('312345678', token, fetchImpl).runReport(request, 'check').catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain('[redacted]');
      expect((error as Error).message).not.toContain(token.slice(5, 17));
    }
  });
});

describe('GA4 replica', () => {
  it('answers runReport in GA4’s shape, parsed by the connector’s schemas', () => {
    const answer = runReport({ dateRanges: [{ startDate: '7daysAgo', endDate: 'yesterday', name: '7d' }, { startDate: '28daysAgo', endDate: 'yesterday', name: '28d' }], metrics: ['activeUsers', 'sessions', 'totalRevenue', 'engagementRate'].map((name) => ({ name })), returnPropertyQuota: true });
    expect(answer.status).toBe(200);
    const report = ga4ReportSchema.parse(answer.body);
    const rows = reportRows(report);
    expect(rows.map((r) => r.dimensions.dateRange)).toEqual(['7d', '28d']);
    expect(rows[1]!.metrics.sessions).toBeGreaterThan(rows[0]!.metrics.sessions!);
    expect(report.propertyQuota?.tokensPerDay?.remaining).toBeGreaterThan(0);
    const channels = ga4ReportSchema.parse(runReport({ dateRanges: [{ startDate: '7daysAgo', endDate: 'yesterday' }], dimensions: [{ name: 'sessionDefaultChannelGroup' }], metrics: [{ name: 'sessions' }] }).body);
    expect(reportRows(channels).map((r) => r.dimensions.sessionDefaultChannelGroup)).toContain('Organic Search');
  });

  it('does not know keyEvents (so the fallback runs) and refuses it as GA4 does', () => {
    const answer = runReport({ dateRanges: [{ startDate: '7daysAgo', endDate: 'yesterday' }], metrics: [{ name: 'keyEvents' }] });
    expect(answer.status).toBe(400);
    expect(ga4ErrorSchema.parse(answer.body).error.status).toBe('INVALID_ARGUMENT');
  });

  it('has no people (GA4 never exposes PII) and serves property 312345678', () => {
    const replica = createGa4Replica(makeHubspotData());
    expect(replica.data.propertyId).toBe(GA4_PROPERTY);
    expect(replica.hosts).toEqual({ api: ['analyticsdata.googleapis.com'], console: ['analytics.google.com'] });
    let status = 0;
    let html = '';
    const res = { writeHead: (s: number) => { status = s; }, end: (b: string) => { html = b; } };
    replica.handleConsole({ method: 'GET', headers: {} }, res, new URL('https://analytics.google.com/analytics/web/#/p312345678/reports/intelligenthome'));
    expect(status).toBe(200);
    expect(html).toMatch(/<title>Home – Analytics – Demo Store – GA4<\/title>/);
  });
});
