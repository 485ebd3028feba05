// The connector end to end against the replica: fetch is routed to the replica's handleApi
// in-process (no server), so the real paths, auth, paging and error shapes are exercised.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mailchimp } from '../../../src/connectors/mailchimp';
import { subscriberHash } from '../../../src/connectors/mailchimp/md5';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema, type CustomerRecord } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createMailchimpReplica, MAILCHIMP_ANN, MAILCHIMP_DEMO_KEY } from '../../replica/mailchimp.mjs';
import { answerFromReplica } from '../replica-fetch';

const replica = createMailchimpReplica(makeHubspotData());
const hosts: string[] = [];

const replicaFetch = answerFromReplica(replica, hosts);

const credentials = { token: MAILCHIMP_DEMO_KEY };
let connection: Connection;
const parsed = (records: CustomerRecord[]) => records.map((r) => customerRecordSchema.parse(r));

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(replicaFetch));
  connection = { ...(await mailchimp.verify(credentials)), connectedAt: 0 };
});
afterAll(() => vi.unstubAllGlobals());

describe('Mailchimp connector on the replica', () => {
  it('verifies the key and names the account and data centre', () => {
    expect(connection).toMatchObject({ connector: 'mailchimp', account: '8d3a5f0c6b1e2d4f7a9c0b1e2', accountLabel: 'Acme Demo Marketing (us6)', consoleHost: 'us6.admin.mailchimp.com', isSandbox: false });
  });

  it('rejects a wrong key as an auth error', async () => {
    await expect(mailchimp.verify({ token: '00000000000000000000000000000000-us6' })).rejects.toMatchObject({ kind: 'auth' });
  });

  it('opens Ann’s console page (web id) as one person with her audiences, keyed by her subscriber hash', async () => {
    const ctx = mailchimp.pages[0]!.detect(new URL(MAILCHIMP_ANN.consoleUrl))!;
    const { records } = await mailchimp.fetchRecord({ ...ctx, account: connection.account }, credentials, connection);
    const [ann, ...rest] = parsed(records);
    const lists = rest.filter((r) => r.type === 'list');
    // The record service remembers that this page is this record (see record-service pageAliasId).
    expect(ann).toMatchObject({ id: MAILCHIMP_ANN.hash, key: `mailchimp:${connection.account}:person:${MAILCHIMP_ANN.hash}`, title: 'Ann Lee', identities: ['email:ann.lee@acme-robotics.com'], url: MAILCHIMP_ANN.consoleUrl });
    expect(ann!.fields).toMatchObject({ emails: ['Ann.Lee@Acme-Robotics.com'], memberships: ['Newsletter: subscribed'], status: 'subscribed', tags: ['Customer', 'Webinar 2026'] });
    expect(lists.map((l) => l.title)).toEqual(['Newsletter']);
  });

  it('merges a person’s memberships across audiences when fetched by subscriber hash', async () => {
    const both = replica.data.members.find((m: { list_id: string; id: string }) => m.list_id === '8e4d6b2a0c' && replica.data.members.some((o: { list_id: string; id: string }) => o.id === m.id && o.list_id === '3f2a9c1b7d'));
    const { records } = await mailchimp.fetchRecord({ connector: 'mailchimp', account: connection.account, type: 'person', id: both.id, host: 'us6.admin.mailchimp.com' }, credentials, connection);
    expect(records[0]!.fields.memberships).toEqual([expect.stringMatching(/^Newsletter: /), expect.stringMatching(/^Product updates: /)]);
    expect(records[0]!.key).toBe(`mailchimp:${connection.account}:person:${both.id}`);
  });

  it('finds Ann’s personal address by email, in any case', async () => {
    const { records } = await mailchimp.findByEmail('AnnLee.Home@gmail.com', credentials, connection);
    expect(parsed(records).filter((r) => r.type !== 'campaign').map((r) => [r.type, r.id])).toEqual([
      ['person', subscriberHash('annlee.home@gmail.com')],
      ['list', '8e4d6b2a0c'],
    ]);
    expect(records[0]!.fields).toMatchObject({ firstName: 'Ann', lastName: 'Lee', memberships: ['Product updates: subscribed'] });
    expect((await mailchimp.findByEmail('nobody@example.com', credentials, connection)).records).toEqual([]);
  });

  it('adds Ann’s campaign events from her activity feed, newest first, each linked to her (her signup is not one)', async () => {
    const { records, warnings } = await mailchimp.findByEmail('ann.lee@acme-robotics.com', credentials, connection);
    expect(warnings).toBeUndefined();
    const annKey = `mailchimp:${connection.account}:person:${MAILCHIMP_ANN.hash}`;
    const events = parsed(records).filter((r) => r.type === 'campaign');
    expect(events.map((e) => [e.fields.activity, e.title])).toEqual([
      ['click', 'Autumn webinar invite'],
      ['open', 'Autumn webinar invite'],
      ['sent', 'Autumn webinar invite'],
      ['click', 'Spring sale'],
      ['open', 'Spring sale'],
      ['sent', 'Spring sale'],
    ]);
    expect(events.every((e) => e.links[0] === annKey && e.url === MAILCHIMP_ANN.consoleUrl)).toBe(true);
    expect(events[4]!.fields.createdAt).toBe(Date.parse('2026-04-18T01:00:00Z'));
    // Bounded, and the same events again are the same records.
    const feedCalls = replica.state.requests.filter((r: { path: string }) => r.path.includes('/activity-feed'));
    expect(feedCalls.at(-1)!.path).toBe(`/3.0/lists/3f2a9c1b7d/members/${MAILCHIMP_ANN.hash}/activity-feed?count=20`);
    const again = (await mailchimp.fetchRecord({ connector: 'mailchimp', account: connection.account, type: 'person', id: MAILCHIMP_ANN.hash, host: 'us6.admin.mailchimp.com' }, credentials, connection)).records;
    expect(again.filter((r) => r.type === 'campaign').map((r) => r.key)).toEqual(events.map((e) => e.key));
  });

  it.each([
    [403, 'auth', 'Forbidden'],
    [404, 'not-found', 'Resource Not Found'],
  ])('keeps Ann and her audience when her activity feed answers %i, and says why as a warning', async (status, kind, title) => {
    replica.state.faults.push({ pathIncludes: '/activity-feed', status, body: { type: 'https://mailchimp.com/developer/marketing/docs/errors/', title, status, detail: 'You do not have access to this resource.', instance: 'f1' }, times: 1 });
    const { records, warnings } = await mailchimp.findByEmail('ann.lee@acme-robotics.com', credentials, connection);
    expect(records.map((r) => r.type)).toEqual(['person', 'list']);
    expect(warnings).toEqual([expect.objectContaining({ kind })]);
  });

  it('says not found for an unknown contact', async () => {
    const page = { connector: 'mailchimp' as const, account: connection.account, type: 'person' as const, host: 'us6.admin.mailchimp.com' };
    await expect(mailchimp.fetchRecord({ ...page, id: 'web:1' }, credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(mailchimp.fetchRecord({ ...page, id: subscriberHash('nobody@example.com') }, credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('syncs every audience and member with a resumable cursor', async () => {
    const seen: CustomerRecord[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await mailchimp.sync(cursor, credentials, connection);
      seen.push(...parsed(page.records));
      cursor = page.cursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(seen.filter((r) => r.type === 'list').map((r) => r.title)).toEqual(['Newsletter', 'Product updates']);
    expect(seen.filter((r) => r.type === 'person')).toHaveLength(replica.data.members.length);
  });

  it('reports subscribers, unsubscribes and open rates per audience', async () => {
    const points = await mailchimp.metrics!(credentials, connection);
    const [news, updates] = replica.data.lists as unknown as Array<{ stats: { member_count: number; unsubscribe_count: number } }>;
    expect(points.find((p) => p.metric === 'subscribers' && !p.dimension)?.value).toBe(news!.stats.member_count + updates!.stats.member_count);
    expect(points.find((p) => p.metric === 'open-rate' && p.dimension === 'Newsletter')).toMatchObject({ value: 41.37, unit: '%' });
    expect(points.find((p) => p.metric === 'unsubscribes' && p.dimension === 'Product updates')?.value).toBe(updates!.stats.unsubscribe_count);
  });

  it('waits out a bare 403 “Too Many Requests” and retries', async () => {
    replica.state.faults.push({ pathIncludes: '/3.0/lists', status: 403, body: { type: 'x', title: 'Too Many Requests', status: 403, detail: 'You have exceeded the limit of 10 simultaneous connections.' }, headers: { 'retry-after': '0' }, times: 1 });
    const before = replica.state.requests.length;
    await mailchimp.metrics!(credentials, connection);
    expect(replica.state.requests.length - before).toBe(2);
  });

  it('sent the key to the replica’s API host only, and never logged it', () => {
    expect(new Set(hosts)).toEqual(new Set(['us6.api.mailchimp.com']));
    expect(JSON.stringify(replica.state.requests)).not.toContain(MAILCHIMP_DEMO_KEY);
  });
});
