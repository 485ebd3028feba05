// The connector end to end against the replica: fetch is routed to the replica's handleApi
// in-process (no server), so the real paths, token renewal, paging and refusals are exercised.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { marketo } from '../../../src/connectors/marketo';
import { forgetMarketoTokens, MarketoApi } from '../../../src/connectors/marketo/api';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema, type CustomerRecord } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createMarketoReplica, MARKETO_ANN, MARKETO_CLIENT, MARKETO_DEMO_KEY, MARKETO_SITE } from '../../replica/marketo.mjs';
import { answerFromReplica } from '../replica-fetch';

const replica = createMarketoReplica(makeHubspotData());
const hosts: string[] = [];
const credentials = { token: MARKETO_DEMO_KEY, site: MARKETO_SITE };
let connection: Connection;
const parsed = (records: CustomerRecord[]) => records.map((r) => customerRecordSchema.parse(r));
const tokenCalls = () => replica.state.requests.filter((r: { path: string }) => r.path.startsWith('/identity/oauth/token')).length;

beforeAll(async () => {
  vi.stubGlobal('fetch', vi.fn(answerFromReplica(replica, hosts)));
  forgetMarketoTokens();
  connection = { ...(await marketo.verify(credentials)), connectedAt: 0 };
});
beforeEach(() => {
  replica.state.faults.length = 0;
  replica.state.tokenLifeSeconds = 3599;
  replica.state.resetRate();
});
afterAll(() => vi.unstubAllGlobals());

describe('Marketo connector on the replica', () => {
  it('verifies the client credentials and names the instance, its API user and its console pod', () => {
    expect(connection).toMatchObject({ connector: 'marketo', account: '123-ABC-456', accountLabel: 'Marketo 123-ABC-456 (customer-view@acme-demo.com)', consoleHost: 'app-ab12.marketo.com', isSandbox: false });
  });

  it('sends the client secret only in the token request body, never in a URL', () => {
    expect(replica.state.requests.some((r: { path: string }) => r.path.includes(MARKETO_CLIENT.secret))).toBe(false);
    expect(new Set(hosts)).toEqual(new Set(['123-abc-456.mktorest.com']));
  });

  it('rejects a wrong secret as an auth error', async () => {
    await expect(marketo.verify({ ...credentials, token: `${MARKETO_CLIENT.id}:wrong-secret-000000` })).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('Bad client credentials') });
  });

  it('opens Ann’s lead page with her score, static lists and email events', async () => {
    const ctx = marketo.pages[0]!.detect(new URL(MARKETO_ANN.consoleUrl))!;
    const { records, warnings } = await marketo.fetchRecord({ ...ctx, account: connection.account }, credentials, connection);
    expect(warnings).toBeUndefined();
    const [ann, ...rest] = parsed(records);
    expect(ann).toMatchObject({ key: `marketo:123-ABC-456:person:${MARKETO_ANN.id}`, title: 'Anne Lee', identities: ['email:ann.lee@acme-robotics.com', 'phone:+14155550100'], url: MARKETO_ANN.consoleUrl });
    expect(ann!.fields).toMatchObject({ companyName: 'Acme Robotics Inc.', tags: ['Lead score 72'], status: 'Sales Qualified', memberships: ['Webinar attendees', 'Customers'] });
    // Her last activity is the pricing page visit two days ago, newer than any email.
    expect(Date.now() - ann!.fields.lastActivityAt!).toBeLessThan(3 * 86_400_000);
    expect(rest.filter((r) => r.type === 'list').map((r) => r.title)).toEqual(['Webinar attendees', 'Customers']);
    const events = rest.filter((r) => r.type === 'campaign');
    expect(events.map((e) => `${e.fields.activity} ${e.title}`)).toEqual(['click Webinar Invite.Email', 'open Webinar Invite.Email', 'sent Webinar Invite.Email', 'open Spring Launch.Email', 'sent Spring Launch.Email']);
  });

  it('finds Ann by email whatever its capitals', async () => {
    const { records } = await marketo.findByEmail('ann.lee@ACME-ROBOTICS.com', credentials, connection);
    expect(records[0]).toMatchObject({ id: MARKETO_ANN.id, title: 'Anne Lee' });
    await expect(marketo.findByEmail('nobody@nowhere.example', credentials, connection)).resolves.toEqual({ records: [] });
  });

  it('says when a lead does not exist', async () => {
    await expect(marketo.fetchRecord({ connector: 'marketo', account: connection.account, type: 'person', id: '99999999', host: 'app-ab12.marketo.com' }, credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('renews an expired access token by itself (602) and goes on', async () => {
    forgetMarketoTokens();
    const before = tokenCalls();
    // A token that Marketo already considers expired, but we think is good for an hour.
    const api = new MarketoApi(MARKETO_SITE, MARKETO_DEMO_KEY);
    const stale = await api.accessToken();
    replica.state.issued.set(stale.token, Date.now() - 1);
    const { records } = await marketo.findByEmail('ann.lee@acme-robotics.com', credentials, connection);
    expect(records[0]?.id).toBe(MARKETO_ANN.id);
    expect(tokenCalls() - before).toBe(2);
  });

  it('asks for a new token before the old one runs out, without waiting for a refusal', async () => {
    let now = 1_000_000;
    forgetMarketoTokens();
    const api = new MarketoApi(MARKETO_SITE, MARKETO_DEMO_KEY, { now: () => now });
    const first = await api.accessToken();
    now += 3_000_000;
    expect((await api.accessToken()).token).toBe(first.token);
    now += 600_000;
    expect((await api.accessToken()).token).not.toBe(first.token);
  });

  it('refuses a 200 answer with success false in Marketo’s words, credentials cut out', async () => {
    replica.state.faults.push({ pathIncludes: '/rest/v1/leads.json', status: 200, body: { requestId: 'e42b#1', success: false, errors: [{ code: '1003', message: `Invalid filter for ${MARKETO_CLIENT.secret}` }] }, times: 1 });
    const error = await marketo.findByEmail('ann.lee@acme-robotics.com', credentials, connection).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'vendor', message: 'Marketo refused the lead search for ann.lee@acme-robotics.com: 1003 Invalid filter for [redacted]' });
  });

  it('holds back and retries after 606 (rate limit), then gives up with a rate-limit error', async () => {
    const api = new MarketoApi(MARKETO_SITE, MARKETO_DEMO_KEY, { ratePauseMs: 10 });
    const rate = { status: 200, body: { requestId: 'x', success: false, errors: [{ code: '606', message: "Max rate limit '100' exceeded with in '20' secs" }] } };
    replica.state.faults.push({ pathIncludes: '/rest/v1/activities/types.json', ...rate, times: 1 });
    await expect(api.activityTypes()).resolves.toMatchObject({ success: true });
    replica.state.faults.push({ pathIncludes: '/rest/v1/activities/types.json', ...rate, times: 5 });
    await expect(api.activityTypes()).rejects.toMatchObject({ kind: 'rate-limit', message: expect.stringContaining("606 Max rate limit '100'") });
  });

  it('syncs every static list with Marketo’s paging token, resumable from its cursor', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let calls = 0;
    do {
      const page = await marketo.sync(cursor, credentials, connection);
      parsed(page.records).filter((r) => r.type === 'person').forEach((r) => seen.add(r.id));
      cursor = page.cursor;
      calls += 1;
    } while (cursor && calls < 50);
    expect(cursor).toBeNull();
    expect(seen.size).toBe(replica.data.leads.length);
  });

  it('counts leads created in the last 7 and 30 days and each static list’s size', async () => {
    const points = await marketo.metrics!(credentials, connection);
    const now = Date.now();
    const created = (days: number) => replica.data.leads.filter((l: { createdAt: string }) => Date.parse(l.createdAt) >= now - days * 86_400_000).length;
    expect(created(30)).toBeGreaterThan(0);
    expect(points.find((p) => p.metric === 'leads-created-30d')?.value).toBe(created(30));
    expect(points.find((p) => p.metric === 'leads-created-7d')?.value).toBe(created(7));
    const newsletter = replica.data.membership.filter((m: { listId: number }) => m.listId === 1022).length;
    expect(newsletter).toBeGreaterThan(50);
    expect(points.find((p) => p.metric === 'list-size' && p.dimension === 'Newsletter')).toMatchObject({ value: newsletter, unit: 'leads' });
  });
});
