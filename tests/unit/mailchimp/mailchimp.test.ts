import { describe, expect, it, vi } from 'vitest';
import type { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import { mailchimpError, mailchimpListSchema, mailchimpMemberSchema, mailchimpMembersPage, mailchimpSearchMembers } from '../../../src/connectors/mailchimp/schemas';
import { normalizeMailchimpList, normalizeMailchimpMembers, normalizeMailchimpPerson } from '../../../src/connectors/mailchimp/normalize';
import { isMailchimpRateLimited, MailchimpApi, mailchimpOrigin } from '../../../src/connectors/mailchimp/api';
import { md5, subscriberHash } from '../../../src/connectors/mailchimp/md5';
import { normalizeMailchimpPayload } from '../../../src/connectors/mailchimp/payload';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { makeMailchimpData, MAILCHIMP_ANN } from '../../replica/mailchimp.mjs';

const ctx = { account: 'acct1', consoleHost: 'us6.admin.mailchimp.com', fetchedAt: 1_700_000_000_000, listNames: { '10c097ca71': 'Newsletter' } };

describe('MD5 subscriber hash', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['The quick brown fox jumps over the lazy dog', '9e107d9d372bb6826bd81d3542a419d6'],
    ['urist.mcvankab@freddiesjokes.com', '62eeb292278cc15f5817cb78f7790b08'],
  ])('md5(%j)', (input, expected) => expect(md5(input)).toBe(expected));

  it('matches node:crypto around the padding boundaries and for UTF-8', async () => {
    const { createHash } = await import('node:crypto');
    for (const input of ['x'.repeat(55), 'x'.repeat(56), 'x'.repeat(63), 'x'.repeat(64), 'y'.repeat(1000), 'Zoë 日本 ✓']) {
      expect(md5(input)).toBe(createHash('md5').update(input).digest('hex'));
    }
  });

  it('hashes the lower-cased email', () => {
    expect(subscriberHash(' Urist.McVankab@FreddiesJokes.com ')).toBe('62eeb292278cc15f5817cb78f7790b08');
  });
});

const expectations: Record<string, z.ZodMiniType> = { 'list_members_collection_THIRDPARTY_adobe_docs.json': mailchimpMembersPage };

describe('Mailchimp schemas on the published samples', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('mailchimp').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Mailchimp', schema, readSample('mailchimp', file), file)).not.toThrow();
  });

  it('normalises a member into a person with typed fields, membership and a console link', () => {
    const page = mailchimpMembersPage.parse(readSample('mailchimp', 'list_members_collection_THIRDPARTY_adobe_docs.json'));
    const [record] = normalizeMailchimpMembers(page.members, ctx);
    expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      key: 'mailchimp:acct1:person:cff65fb4c5f5828666ad846443720efd',
      type: 'person',
      id: 'cff65fb4c5f5828666ad846443720efd',
      title: 'Kendall Roy',
      identities: ['email:kendallt2134@gmail.com'],
      links: ['mailchimp:acct1:list:10c097ca71'],
      url: 'https://us6.admin.mailchimp.com/lists/members/view?id=547094062',
      updatedAt: Date.parse('2021-06-01T15:31:36Z'),
    });
    expect(record!.fields).toEqual({
      name: 'Kendall Roy',
      firstName: 'Kendall',
      lastName: 'Roy',
      emails: ['kendallt2134@gmail.com'],
      country: 'US',
      status: 'subscribed',
      memberships: ['Newsletter: subscribed'],
      createdAt: Date.parse('2021-06-01T15:31:36Z'),
      lastModifiedAt: Date.parse('2021-06-01T15:31:36Z'),
      lastActivityAt: Date.parse('2021-06-01T15:31:36Z'),
    });
  });

  it('skips odd values instead of failing', () => {
    const member = mailchimpMemberSchema.parse({ id: 'x', email_address: 'not an email', web_id: 1, status: 'cleaned', list_id: 'l1', merge_fields: { FNAME: '', PHONE: 4155550100, ADDRESS: '' }, last_changed: '', timestamp_signup: '' });
    const record = normalizeMailchimpPerson([member], ctx);
    expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({ title: 'Contact 1', identities: [], updatedAt: ctx.fetchedAt });
    expect(record.fields.phones).toEqual(['4155550100']);
    expect(mailchimpError.parse({ type: 'https://mailchimp.com/developer/marketing/docs/errors/', title: 'Resource Not Found', status: 404, detail: 'The requested resource could not be found.', instance: 'x' }).status).toBe(404);
  });

  it('reads saved payloads for import and rejects other shapes', () => {
    const records = normalizeMailchimpPayload(readSample('mailchimp', 'list_members_collection_THIRDPARTY_adobe_docs.json'), 'import');
    expect(records.map((r) => r.key)).toEqual(['mailchimp:import:person:cff65fb4c5f5828666ad846443720efd']);
    expect(records[0]!.url).toBe('https://us6.admin.mailchimp.com/lists/members/view?id=547094062');
    expect(() => normalizeMailchimpPayload({ hello: 1 }, 'import')).toThrow(/not a member/);
    expect(() => normalizeMailchimpPayload({ members: [{ id: 1 }] }, 'import')).toThrow(expect.objectContaining({ kind: 'schema', detail: expect.objectContaining({ path: 'members.0.id' }) }));
  });
});

describe('Mailchimp API', () => {
  it('only ever talks to <dc>.api.mailchimp.com', () => {
    expect(mailchimpOrigin('0123456789abcdef0123456789abcdef-us6')).toBe('https://us6.api.mailchimp.com/3.0');
    expect(mailchimpOrigin(' 0123456789abcdef0123456789abcdef-us19 ')).toBe('https://us19.api.mailchimp.com/3.0');
    for (const bad of ['x-evil.com/', 'abc-us6.evil.com', 'abc-us6/', 'abc-us6@evil.com', 'abc-US6', 'abc-', '-us6', 'us6', '', 'abc-us6:443', 'abc-us6#', 'abc-us1234']) {
      expect(() => mailchimpOrigin(bad)).toThrow(expect.objectContaining({ kind: 'auth' }));
    }
  });

  it('signs in with Basic anystring:<key> on the data centre of the key', async () => {
    const body = readSample('mailchimp', 'list_members_collection_THIRDPARTY_adobe_docs.json') as { members: unknown[] };
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(body.members[0]), { status: 200 })) as unknown as typeof fetch;
    const key = '0123456789abcdef0123456789abcdef-us6';
    await new MailchimpApi(key, fetchImpl).member('10c097ca71', 'cff65fb4c5f5828666ad846443720efd');
    const [url, init] = (fetchImpl as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0]!;
    expect(url).toBe('https://us6.api.mailchimp.com/3.0/lists/10c097ca71/members/cff65fb4c5f5828666ad846443720efd');
    expect((init.headers as Record<string, string>).authorization).toBe(`Basic ${btoa(`anystring:${key}`)}`);
  });

  it('treats a 429 and a “Too Many Requests” 403 as rate limits, other 403s not', () => {
    expect(isMailchimpRateLimited(429, '')).toBe(true);
    expect(isMailchimpRateLimited(403, JSON.stringify({ title: 'Too Many Requests', status: 403 }))).toBe(true);
    expect(isMailchimpRateLimited(403, JSON.stringify({ title: 'Forbidden', status: 403 }))).toBe(false);
    expect(isMailchimpRateLimited(403, 'not json')).toBe(false);
  });
});

describe('Mailchimp replica data', () => {
  const data = makeMailchimpData(makeHubspotData());
  it('speaks Mailchimp: members and audiences parse with the connector’s schemas', () => {
    for (const member of data.members) mailchimpMemberSchema.parse(member);
    for (const list of data.lists) mailchimpListSchema.parse(list);
    mailchimpSearchMembers.parse({ exact_matches: { members: data.members.slice(0, 2), total_items: 2 }, full_search: { members: [], total_items: 0 } });
    for (const member of data.members) expect(member.id).toBe(subscriberHash(member.email_address));
  });

  it('has Ann Lee with her work address in Newsletter and her personal one in Product updates', () => {
    const ann = data.members.filter((m: { full_name: string; web_id: number }) => m.full_name === 'Ann Lee' && m.web_id < 540000003);
    expect(ann.map((m: { email_address: string }) => m.email_address)).toEqual(['Ann.Lee@Acme-Robotics.com', 'annlee.home@gmail.com']);
    expect(MAILCHIMP_ANN.id).toBe(`web:${ann[0].web_id}`);
    const lists = { listNames: Object.fromEntries(data.lists.map((l: { id: string; name: string }) => [l.id, l.name])) };
    const work = normalizeMailchimpPerson([mailchimpMemberSchema.parse(ann[0])], { ...ctx, ...lists });
    expect(work.identities).toContain('email:ann.lee@acme-robotics.com');
    expect(work.fields).toMatchObject({ memberships: ['Newsletter: subscribed'], tags: ['Customer', 'Webinar 2026'] });
    expect(normalizeMailchimpList(mailchimpListSchema.parse(data.lists[0]), ctx).fields.subject).toMatch(/^\d+ subscribed contacts$/);
  });
});
