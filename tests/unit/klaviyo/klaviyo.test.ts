import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { klaviyoPages } from '../../../src/connectors/klaviyo/pages';
import { klaviyoErrors, klaviyoListSchema, klaviyoProfileDocument, klaviyoProfileSchema, klaviyoProfilesPage, nextCursor } from '../../../src/connectors/klaviyo/schemas';
import { normalizeKlaviyoList, normalizeKlaviyoProfile } from '../../../src/connectors/klaviyo/normalize';
import { KlaviyoApi, klaviyoFilterString } from '../../../src/connectors/klaviyo/api';
import { normalizeKlaviyoPayload } from '../../../src/connectors/klaviyo/payload';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { KLAVIYO_ANN, makeKlaviyoData } from '../../replica/klaviyo.mjs';

const ctx = { account: 'XyZ123', fetchedAt: 1_700_000_000_000, currency: 'USD' };
const detect = (href: string) => {
  const url = new URL(href);
  for (const detector of klaviyoPages) {
    const found = detector.detect(url);
    if (found) return found;
  }
  return null;
};

const expectations: Record<string, z.ZodMiniType> = {
  'profile_get_DERIVED_from_spec_field_examples.json': klaviyoProfileDocument,
  'profiles_list_DERIVED_from_spec_field_examples.json': klaviyoProfilesPage,
};

describe('Klaviyo schemas on the published samples', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('klaviyo').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Klaviyo', schema, readSample('klaviyo', file), file)).not.toThrow();
  });

  it('normalises the profile with typed fields, identities and a console link', () => {
    const { data } = klaviyoProfileDocument.parse(readSample('klaviyo', 'profile_get_DERIVED_from_spec_field_examples.json'));
    const list = klaviyoListSchema.parse({ type: 'list', id: 'Y6nRLr', attributes: { name: 'Newsletter', created: '2022-11-08T00:00:00+00:00', updated: null, opt_in_process: 'double_opt_in' } });
    const record = normalizeKlaviyoProfile(data, ctx, [list]);
    expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      key: 'klaviyo:XyZ123:person:01GDDKASAP8TKDDA2GRZDSVP4H',
      type: 'person',
      id: '01GDDKASAP8TKDDA2GRZDSVP4H',
      title: 'Sarah Mason',
      identities: ['email:sarah.mason@klaviyo-demo.com', 'phone:+15005550006'],
      links: ['klaviyo:XyZ123:list:Y6nRLr'],
      url: 'https://www.klaviyo.com/profile/01GDDKASAP8TKDDA2GRZDSVP4H',
      updatedAt: Date.parse('2022-11-08T00:00:00Z'),
    });
    expect(record.fields).toEqual({
      name: 'Sarah Mason',
      firstName: 'Sarah',
      lastName: 'Mason',
      emails: ['sarah.mason@klaviyo-demo.com'],
      phones: ['+15005550006'],
      jobTitle: 'Regional Manager',
      companyName: 'Example Corporation',
      city: 'New York',
      country: 'United States',
      status: 'SUBSCRIBED',
      memberships: ['Newsletter'],
      lifetimeValue: { amountMinor: 9387, currency: 'USD' },
      createdAt: Date.parse('2022-11-08T00:00:00Z'),
      lastModifiedAt: Date.parse('2022-11-08T00:00:00Z'),
      lastActivityAt: Date.parse('2022-11-08T00:00:00Z'),
    });
    expect(normalizeKlaviyoList(list, ctx)).toMatchObject({ key: 'klaviyo:XyZ123:list:Y6nRLr', title: 'Newsletter', url: 'https://www.klaviyo.com/list/Y6nRLr', fields: { status: 'double_opt_in' } });
  });

  it('normalises the page, reads its cursor, and never throws on odd values', () => {
    const page = klaviyoProfilesPage.parse(readSample('klaviyo', 'profiles_list_DERIVED_from_spec_field_examples.json'));
    expect(page.data.map((p) => normalizeKlaviyoProfile(p, { account: 'a', fetchedAt: 1 }).fields.lifetimeValue)).toEqual([undefined]);
    expect(nextCursor(page)).toBeNull();
    expect(nextCursor({ links: { next: 'https://a.klaviyo.com/api/profiles/?page%5Bcursor%5D=bmV4dDo6aWQ6OjQz&page%5Bsize%5D=100' } })).toBe('bmV4dDo6aWQ6OjQz');
    const odd = klaviyoProfileSchema.parse({ type: 'profile', id: 'X', attributes: { email: 'not an email', phone_number: '12', created: 'yesterday', first_name: '  ' } });
    const record = normalizeKlaviyoProfile(odd, ctx);
    expect(record).toMatchObject({ title: 'Profile X', identities: [], fields: {}, updatedAt: ctx.fetchedAt });
    expect(() => klaviyoErrors.parse({ errors: [{ id: '1', status: 401, code: 'not_authenticated', title: 'Authentication credentials were not provided.', detail: 'Missing or invalid private key.', source: { pointer: '/data/' } }] })).not.toThrow();
  });

  it('reads saved payloads for imports and rejects unknown ones with a path', () => {
    const records = normalizeKlaviyoPayload(readSample('klaviyo', 'profiles_list_DERIVED_from_spec_field_examples.json'), 'import');
    expect(records.map((r) => r.key)).toEqual(['klaviyo:import:person:01GDDKASAP8TKDDA2GRZDSVP4H']);
    expect(() => normalizeKlaviyoPayload({ data: [{ type: 'event', id: '1' }] }, 'import')).toThrow(/event/);
    expect(() => normalizeKlaviyoPayload({ nope: 1 }, 'import')).toThrow(/data/);
  });
});

type Call = [string, RequestInit];
const okFetch = (body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof fetch;
const calls = (f: typeof fetch) => (f as unknown as { mock: { calls: Call[] } }).mock.calls;

describe('Klaviyo API', () => {
  it('sends the private key and revision to a.klaviyo.com only', async () => {
    const fetchImpl = okFetch(readSample('klaviyo', 'profile_get_DERIVED_from_spec_field_examples.json'));
    await new KlaviyoApi(' pk_abc123def456 ', fetchImpl).profile('01GDDKASAP8TKDDA2GRZDSVP4H');
    const [url, init] = calls(fetchImpl)[0]!;
    expect(url).toBe('https://a.klaviyo.com/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H?additional-fields%5Bprofile%5D=subscriptions%2Cpredictive_analytics');
    expect(init.headers).toMatchObject({ authorization: 'Klaviyo-API-Key pk_abc123def456', revision: '2024-10-15' });
  });

  it('escapes hostile emails in the filter and keeps hostile ids and cursors on the fixed origin', async () => {
    expect(klaviyoFilterString('a"b\\c@x.com')).toBe('"a\\"b\\\\c@x.com"');
    const fetchImpl = okFetch({ data: [], links: { self: null, next: null } });
    const api = new KlaviyoApi('pk_abc123def456', fetchImpl);
    await api.profilesByEmail('x"),equals(id,"1@evil.com');
    await api.profilesPage('https://evil.example/steal?page[cursor]=1');
    await api.listsOfProfile('../../accounts@evil.example');
    const urls = calls(fetchImpl).map(([u]) => new URL(u));
    expect(urls.every((u) => u.origin === 'https://a.klaviyo.com')).toBe(true);
    expect(urls[0]!.searchParams.get('filter')).toBe('equals(email,"x\\"),equals(id,\\"1@evil.com")');
    expect(urls[1]!.pathname).toBe('/api/profiles');
    expect(urls[2]!.pathname).toBe('/api/profiles/..%2F..%2Faccounts%40evil.example/lists');
  });

  it('refuses anything but a private key before any request', () => {
    for (const bad of ['', 'XyZ123', 'Bearer pk_x', 'pk_abc\r\nx-evil: 1', 'sk_test_123456']) expect(() => new KlaviyoApi(bad)).toThrow(/private API key/);
  });
});

describe('Klaviyo replica', () => {
  const data = makeKlaviyoData(makeHubspotData());
  it('speaks Klaviyo: profiles and lists parse with the connector’s schemas', () => {
    for (const profile of data.profiles) normalizeKlaviyoProfile(klaviyoProfileSchema.parse(profile), ctx);
    for (const list of data.lists) klaviyoListSchema.parse(list);
    expect(data.profiles.length).toBeGreaterThan(80);
    expect(data.profiles.length).toBeLessThan(110);
  });
  it('has Ann Lee with an E.164 phone in the VIP list', () => {
    const ann = data.profiles.find((p) => p.id === KLAVIYO_ANN.id);
    expect(ann?.attributes).toMatchObject({ first_name: 'Ann', last_name: 'Lee', email: 'ann.lee@acme-robotics.com', phone_number: '+14155550100' });
    const ids: string[] = data.memberships.get(ann!.id) ?? [];
    const lists = data.lists.filter((l) => ids.includes(l.id!)).map((l) => l.attributes.name);
    expect(lists).toContain('VIP customers');
    expect(detect(KLAVIYO_ANN.consoleUrl)).toMatchObject({ type: 'person', id: KLAVIYO_ANN.id });
  });
});

afterEach(() => vi.unstubAllGlobals());
