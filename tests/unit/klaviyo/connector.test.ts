import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { klaviyo } from '../../../src/connectors/klaviyo';
import { customerRecordSchema } from '../../../src/model/record';
import type { Connection } from '../../../src/model/health';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createKlaviyoReplica, KLAVIYO_ANN, KLAVIYO_DEMO_KEY } from '../../replica/klaviyo.mjs';
import { answerFromReplica } from '../replica-fetch';

/** The connector end to end against the replica's handler, with a fetch that refuses any other host. */
const replica = createKlaviyoReplica(makeHubspotData());
const sentTo: string[] = [];
const replicaFetch = answerFromReplica(replica, sentTo);

const credentials = { token: KLAVIYO_DEMO_KEY };
const connection: Connection = { connector: 'klaviyo', authMode: 'token', account: 'XyZ123', accountLabel: 'Acme Demo Store', consoleHost: 'www.klaviyo.com', isSandbox: false, currency: 'USD', connectedAt: 0 };

beforeEach(() => vi.stubGlobal('fetch', vi.fn(replicaFetch)));
afterEach(() => vi.unstubAllGlobals());

describe('Klaviyo connector on the replica', () => {
  it('verifies the key and names the account', async () => {
    expect(await klaviyo.verify(credentials)).toEqual({ connector: 'klaviyo', authMode: 'token', account: 'XyZ123', accountLabel: 'Acme Demo Store', consoleHost: 'www.klaviyo.com', isSandbox: false, currency: 'USD' });
    await expect(klaviyo.verify({ token: 'pk_wrong_key_123' })).rejects.toMatchObject({ kind: 'auth' });
  });

  it('opens Ann from her console URL with her lists, consent and CLV', async () => {
    const page = klaviyo.pages[0]!.detect(new URL(KLAVIYO_ANN.consoleUrl))!;
    const { records } = await klaviyo.fetchRecord(page, credentials, connection);
    for (const record of records) customerRecordSchema.parse(record);
    const [ann, ...rest] = records;
    const lists = rest.filter((r) => r.type === 'list');
    expect(ann).toMatchObject({ key: `klaviyo:XyZ123:person:${KLAVIYO_ANN.id}`, title: 'Ann Lee', url: KLAVIYO_ANN.consoleUrl, identities: ['email:ann.lee@acme-robotics.com', 'phone:+14155550100'] });
    expect(ann!.fields).toMatchObject({ memberships: ['VIP customers', 'Newsletter'], status: 'SUBSCRIBED', lifetimeValue: { amountMinor: 118800, currency: 'USD' } });
    expect(lists.map((l) => l.type)).toEqual(['list', 'list']);
    expect(ann!.links).toEqual(lists.map((l) => l.key));
  });

  it('adds Ann’s email campaign events, newest first, each linked to her (her order is not one)', async () => {
    const { records, warnings } = await klaviyo.fetchRecord(klaviyo.pages[0]!.detect(new URL(KLAVIYO_ANN.consoleUrl))!, credentials, connection);
    expect(warnings).toBeUndefined();
    const events = records.filter((r) => r.type === 'campaign');
    expect(events.map((e) => [e.fields.activity, e.title])).toEqual([
      ['open', 'September newsletter'],
      ['sent', 'September newsletter'],
      ['click', 'VIP early access'],
      ['open', 'VIP early access'],
      ['sent', 'VIP early access'],
    ]);
    expect(events[0]).toMatchObject({ links: [`klaviyo:XyZ123:person:${KLAVIYO_ANN.id}`], url: KLAVIYO_ANN.consoleUrl, fields: { subject: 'What is new in September', createdAt: Date.parse('2026-08-26T02:00:00Z') } });
    // The same events again are the same records: a refetch overwrites them.
    const again = (await klaviyo.findByEmail('ann.lee@acme-robotics.com', credentials, connection)).records.filter((r) => r.type === 'campaign');
    expect(again.map((e) => e.key)).toEqual(events.map((e) => e.key));
    const call = replica.state.requests.filter((r: { path: string }) => r.path.startsWith('/api/events')).at(-1);
    expect(new URL(call!.path, 'https://a.klaviyo.com').searchParams.get('filter')).toBe(`equals(profile_id,"${KLAVIYO_ANN.id}")`);
  });

  it.each([
    [403, 'auth', { errors: [{ id: 'e1', status: 403, code: 'permission_denied', title: 'You do not have permission to perform this action.', detail: 'This API key is missing required scopes: events:read', source: { pointer: '/data/' } }] }],
    [404, 'not-found', { errors: [{ id: 'e2', status: 404, code: 'not_found', title: 'Not found.', detail: 'Not found.', source: { pointer: '/data/' } }] }],
  ])('keeps Ann and her lists when her events answer %i, and says why as a warning', async (status, kind, body) => {
    replica.state.faults.push({ pathIncludes: '/api/events', status, body, times: 1 });
    const { records, warnings } = await klaviyo.fetchRecord(klaviyo.pages[0]!.detect(new URL(KLAVIYO_ANN.consoleUrl))!, credentials, connection);
    expect(records.map((r) => r.type)).toEqual(['person', 'list', 'list']);
    expect(warnings).toEqual([expect.objectContaining({ kind, detail: expect.objectContaining({ object: `campaign events of profile ${KLAVIYO_ANN.id}` }) })]);
  });

  it('finds Ann by email in another case, and nobody for a hostile email', async () => {
    const { records } = await klaviyo.findByEmail('Ann.Lee@Acme-Robotics.com', credentials, connection);
    expect(records[0]).toMatchObject({ id: KLAVIYO_ANN.id, type: 'person' });
    expect((await klaviyo.findByEmail('x"),equals(id,"1@evil.com', credentials, connection)).records).toEqual([]);
  });

  it('syncs every profile page by page with an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page = await klaviyo.sync(cursor, credentials, connection);
      seen.push(...page.records.map((r) => r.id));
      cursor = page.cursor;
      if (!cursor) break;
      expect(cursor).not.toMatch(/^https?:/);
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(replica.data.profiles.length);
  });

  it('reports lists and their profile counts', async () => {
    const points = await klaviyo.metrics!(credentials, connection);
    expect(points[0]).toMatchObject({ metric: 'lists', value: 4, unit: 'lists', connector: 'klaviyo', account: 'XyZ123' });
    const perList = points.filter((p) => p.metric === 'list-profiles');
    expect(perList.map((p) => p.dimension)).toEqual(['VIP customers', 'Newsletter', 'Product updates', 'Webinar attendees']);
    expect(points[1]).toMatchObject({ metric: 'list-profiles-total', value: perList.reduce((s, p) => s + p.value, 0) });
    // A refresh reuses the counts (the endpoint allows 15 calls a minute) and only lists the lists again.
    const before = replica.state.requests.length;
    expect(await klaviyo.metrics!(credentials, connection)).toEqual(points.map((p) => ({ ...p, at: expect.any(Number) })));
    expect(replica.state.requests.slice(before).map((r: { path: string }) => r.path)).toEqual(['/api/lists']);
    expect(sentTo.every((host) => host === 'a.klaviyo.com')).toBe(true);
    expect(replica.state.requests.every((r: { auth: boolean }) => r.auth)).toBe(true);
  }, 20_000);
});
