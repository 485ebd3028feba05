import { describe, expect, it, vi } from 'vitest';
import type { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { pipedrivePages } from '../../../src/connectors/pipedrive/pages';
import { pipedriveDealSchema, pipedriveOrganizationSchema, pipedrivePersonSchema } from '../../../src/connectors/pipedrive/schemas';
import { normalizePipedriveDeal, normalizePipedriveOrganization, normalizePipedrivePerson, pipedriveTime, toMinor } from '../../../src/connectors/pipedrive/normalize';
import { PipedriveApi, pipedriveOrigin } from '../../../src/connectors/pipedrive/api';
import { normalizePipedrivePayload } from '../../../src/connectors/pipedrive/payload';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { makePipedriveData, PIPEDRIVE_ANN } from '../../replica/pipedrive.mjs';

const ctx = { account: '123', consoleHost: 'acme.pipedrive.com', fetchedAt: 1_700_000_000_000 };
const detect = (href: string) => {
  const url = new URL(href);
  if (url.protocol !== 'https:') return null;
  for (const detector of pipedrivePages) {
    const context = detector.detect(url);
    if (context) return context;
  }
  return null;
};

const expectations: Record<string, z.ZodMiniType> = {
  'person_v1.json': pipedrivePersonSchema,
  'person_v2.json': pipedrivePersonSchema,
};

describe('Pipedrive schemas on the published samples', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('pipedrive').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Pipedrive', schema, readSample('pipedrive', file), file)).not.toThrow();
  });

  it('normalises the v1 and the v2 person to the same canonical record', () => {
    const v1 = normalizePipedrivePerson(pipedrivePersonSchema.parse(readSample('pipedrive', 'person_v1.json')), ctx);
    const v2 = normalizePipedrivePerson(pipedrivePersonSchema.parse(readSample('pipedrive', 'person_v2.json')), ctx, { id: 1, name: 'Org' });
    for (const record of [v1, v2]) expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(v1).toMatchObject({ key: 'pipedrive:123:person:1', type: 'person', id: '1', title: 'First Last', url: 'https://acme.pipedrive.com/person/1' });
    expect(v1.identities).toEqual(['email:main@email.com', 'email:another@email.com']);
    expect(v1.links).toEqual(['pipedrive:123:company:1']);
    expect(v1.fields).toEqual({
      name: 'First Last',
      firstName: 'First',
      lastName: 'Last',
      emails: ['main@email.com', 'another@email.com'],
      phones: ['555-555-0172', '55123456'],
      companyName: 'Org',
      ownerId: '18',
      ownerName: 'User Name',
      createdAt: Date.parse('2024-07-01T05:46:33Z'),
      lastModifiedAt: Date.parse('2024-07-01T11:29:32Z'),
    });
    expect(v1.updatedAt).toBe(Date.parse('2024-07-01T11:29:32Z'));
    // v2 sends the owner as a bare id, so it has no owner name; everything else is the same.
    const { ownerName: _ownerName, ...v1Fields } = v1.fields;
    expect(v2).toEqual({ ...v1, fields: v1Fields, tokens: v2.tokens });
  });

  it('reads v1 zone-less times as UTC and treats 0000-00-00 as no date', () => {
    expect(pipedriveTime('2024-07-01 05:46:33')).toBe(Date.UTC(2024, 6, 1, 5, 46, 33));
    expect(pipedriveTime('2024-07-01T05:46:33Z')).toBe(Date.UTC(2024, 6, 1, 5, 46, 33));
    expect(pipedriveTime('0000-00-00 00:00:00')).toBeUndefined();
    expect(pipedriveTime('soon')).toBeUndefined();
    expect(pipedriveTime(null)).toBeUndefined();
  });

  it('reads a person’s last activity as the day it was, not a midnight', () => {
    const raw = { ...(readSample('pipedrive', 'person_v1.json') as object), last_activity_date: '2026-03-01' };
    const person = normalizePipedrivePerson(pipedrivePersonSchema.parse(raw), ctx);
    expect(person.fields.lastActivityAt).toBe(Date.UTC(2026, 2, 1));
    expect(person.fields.dateOnly).toEqual(['lastActivityAt']);
    // The sample's own null is no activity at all.
    expect(normalizePipedrivePerson(pipedrivePersonSchema.parse(readSample('pipedrive', 'person_v1.json')), ctx).fields.lastActivityAt).toBeUndefined();
  });

  it('converts deal values to minor units by currency exponent', () => {
    expect(toMinor(1500.5, 'usd')).toEqual({ amountMinor: 150050, currency: 'USD' });
    expect(toMinor(500000, 'JPY')).toEqual({ amountMinor: 500000, currency: 'JPY' });
    expect(toMinor(12.345, 'KWD')).toEqual({ amountMinor: 12345, currency: 'KWD' });
    expect(toMinor(null, 'USD')).toBeUndefined();
    expect(toMinor(10, 'dollars')).toBeUndefined();
    expect(toMinor(1e300, 'USD')).toBeUndefined();
  });

  it('normalises deals and organisations with links, money and a website domain', () => {
    const deal = normalizePipedriveDeal(pipedriveDealSchema.parse({ id: 9, title: 'Pilot', value: 1200.5, currency: 'EUR', status: 'open', stage_id: 2, person_id: { value: 4, name: 'Ann' }, org_id: 3, owner_id: 18, add_time: '2024-01-02 03:04:05', update_time: '2024-02-01T00:00:00Z' }), ctx);
    expect(customerRecordSchema.parse(deal)).toEqual(deal);
    expect(deal).toMatchObject({ key: 'pipedrive:123:deal:9', title: 'Pilot', url: 'https://acme.pipedrive.com/deal/9', links: ['pipedrive:123:person:4', 'pipedrive:123:company:3'] });
    expect(deal.fields).toMatchObject({ amount: { amountMinor: 120050, currency: 'EUR' }, status: 'open', createdAt: Date.UTC(2024, 0, 2, 3, 4, 5) });
    const org = normalizePipedriveOrganization(pipedriveOrganizationSchema.parse({ id: 3, name: 'Acme', address: { value: 'Berlin', locality: 'Berlin', country: 'Germany' }, custom_fields: { a: 7, b: 'https://www.Acme-Robotics.com/about' } }), ctx);
    expect(org).toMatchObject({ type: 'company', url: 'https://acme.pipedrive.com/organization/3', identities: ['domain:acme-robotics.com'], fields: { name: 'Acme', domain: 'acme-robotics.com', city: 'Berlin', country: 'Germany' } });
    const plain = normalizePipedriveOrganization(pipedriveOrganizationSchema.parse({ id: 4, name: 'Beta', address: 'Main St 1', custom_fields: { c: 'not a site', d: 'mailto:x@gmail.com' } }), ctx);
    expect(plain.identities).toEqual([]);
  });

  it('never throws on odd values: bad emails are skipped, blank v1 entries dropped', () => {
    const person = normalizePipedrivePerson(pipedrivePersonSchema.parse({ id: 2, name: null, email: [{ value: '' , primary: true }, { value: 'not-an-email' }], phone: [{ value: null }], org_id: null }), ctx);
    expect(person).toMatchObject({ title: 'Person 2', identities: [], links: [], fields: {} });
  });

  it('reads payload files: envelopes, bare objects, and rejects errors', () => {
    expect(normalizePipedrivePayload(readSample('pipedrive', 'person_v1.json'), 'import')[0]!.key).toBe('pipedrive:import:person:1');
    expect(normalizePipedrivePayload({ success: true, data: [readSample('pipedrive', 'person_v2.json'), { id: 5, title: 'Deal', status: 'won' }, { id: 6, name: 'Org' }] }, 'import').map((r) => r.type)).toEqual(['person', 'deal', 'company']);
    expect(() => normalizePipedrivePayload({ success: false, error: 'unauthorized access', errorCode: 401 }, 'import')).toThrow(/error answer/);
    expect(() => normalizePipedrivePayload({ success: true, data: { id: 'x' } }, 'import')).toThrow(expect.objectContaining({ kind: 'schema' }));
    expect(() => normalizePipedrivePayload({ success: true, data: [{ id: 'x', emails: [] }] }, 'import')).toThrow(expect.objectContaining({ kind: 'schema', detail: expect.objectContaining({ path: 'id' }) }));
  });
});

describe('Pipedrive API', () => {
  it('only ever talks to <company>.pipedrive.com', () => {
    expect(pipedriveOrigin('acme')).toBe('https://acme.pipedrive.com');
    expect(pipedriveOrigin(' https://Acme.pipedrive.com/ ')).toBe('https://acme.pipedrive.com');
    for (const bad of ['evil.com/x', 'acme.evil', 'a b', '', 'acme.pipedrive.com@evil.com', '../x', 'acme.pipedrive.com.evil.example', 'evil.example#.pipedrive.com', '-acme', 'acme/.pipedrive.com', 'user:pw@acme']) {
      expect(() => pipedriveOrigin(bad)).toThrow(expect.objectContaining({ kind: 'auth' }));
    }
  });

  it('sends the token as x-api-token, never in the URL', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ success: true, data: readSample('pipedrive', 'person_v2.json') }), { status: 200 })) as unknown as typeof fetch;
    const { data } = await new PipedriveApi('acme', 'T0K', fetchImpl).person('1');
    expect(data.id).toBe(1);
    const [url, init] = (fetchImpl as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0]!;
    expect(url).toBe('https://acme.pipedrive.com/api/v2/persons/1');
    expect(url).not.toContain('T0K');
    const headers = init.headers as Record<string, string>;
    expect(headers['x-api-token']).toBe('T0K');
    expect(headers.authorization).toBeUndefined();
  });

  it('searches persons by exact email and pages deals with a cursor', async () => {
    const fetchImpl = vi.fn(async (url: string) =>
      new Response(JSON.stringify(url.includes('/search') ? { success: true, data: { items: [{ result_score: 1, item: { id: 101, type: 'person', name: 'Ann Lee' } }] } } : { success: true, data: [], additional_data: { next_cursor: null } }), { status: 200 }),
    ) as unknown as typeof fetch;
    const api = new PipedriveApi('acme', 'T0K', fetchImpl);
    await api.searchPersonsByEmail('ann.lee@acme-robotics.com');
    await api.deals({ status: 'open', personId: 101, cursor: 'abc' });
    const urls = (fetchImpl as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(urls).toEqual([
      'https://acme.pipedrive.com/api/v2/persons/search?term=ann.lee%40acme-robotics.com&fields=email&exact_match=true&limit=10',
      'https://acme.pipedrive.com/api/v2/deals?limit=100&status=open&person_id=101&cursor=abc',
    ]);
  });

  it('reports a rejected token as an auth error', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ success: false, error: 'unauthorized access', errorCode: 401 }), { status: 401 })) as unknown as typeof fetch;
    await expect(new PipedriveApi('acme', 'bad', fetchImpl).me()).rejects.toMatchObject({ kind: 'auth' });
  });
});

describe('Pipedrive replica', () => {
  const data = makePipedriveData(makeHubspotData());
  it('speaks Pipedrive v2: persons, organisations and deals parse with the connector’s schemas', () => {
    for (const person of data.persons) pipedrivePersonSchema.parse(person);
    for (const organization of data.organizations) pipedriveOrganizationSchema.parse(organization);
    for (const deal of data.deals) pipedriveDealSchema.parse(deal);
    expect(data.persons.length).toBeGreaterThan(60);
  });
  it('has Ann Lee with a work and a personal email, Acme Robotics and one open deal', () => {
    const ann = data.persons.find((p: { id: number }) => String(p.id) === PIPEDRIVE_ANN.id);
    const org = data.organizations.find((o: { id: number }) => o.id === ann.org_id);
    const record = normalizePipedrivePerson(pipedrivePersonSchema.parse(ann), ctx, pipedriveOrganizationSchema.parse(org));
    // Gmail ignores dots, so the identity folds them; the field keeps the address as typed.
    expect(record.identities).toEqual(['email:ann.lee@acme-robotics.com', 'email:annleehome@gmail.com', 'phone:+14155550100']);
    expect(record.fields).toMatchObject({ name: 'Ann Lee', companyName: 'Acme Robotics' });
    expect(normalizePipedriveOrganization(pipedriveOrganizationSchema.parse(org), ctx).identities).toEqual(['domain:acme-robotics.com']);
    expect(data.deals.filter((d: { person_id: number; status: string }) => d.person_id === ann.id && d.status === 'open')).toHaveLength(1);
    expect(PIPEDRIVE_ANN.consoleUrl).toBe('https://acme.pipedrive.com/person/101');
    expect(detect(PIPEDRIVE_ANN.consoleUrl)).toMatchObject({ type: 'person', id: '101' });
  });
});
