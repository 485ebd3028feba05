import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pipedrive } from '../../../src/connectors/pipedrive';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema } from '../../../src/model/record';
import { metricPointSchema } from '../../../src/model/metric';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createPipedriveReplica, PIPEDRIVE_ANN, PIPEDRIVE_COMPANY_ID, PIPEDRIVE_DEMO_TOKEN, PIPEDRIVE_SUBDOMAIN } from '../../replica/pipedrive.mjs';
import { answerFromReplica } from '../replica-fetch';

/** The connector end to end against the replica's handler, with fetch routed in memory. */
const replica = createPipedriveReplica(makeHubspotData());
const credentials = { token: PIPEDRIVE_DEMO_TOKEN, site: PIPEDRIVE_SUBDOMAIN };

const replicaFetch = answerFromReplica(replica);

let connection: Connection;
beforeAll(async () => {
  vi.stubGlobal('fetch', replicaFetch);
  connection = { ...(await pipedrive.verify(credentials)), connectedAt: 0 };
});
afterAll(() => vi.unstubAllGlobals());

describe('Pipedrive connector against the replica', () => {
  it('verifies the token and names the company', () => {
    expect(connection).toMatchObject({ connector: 'pipedrive', account: String(PIPEDRIVE_COMPANY_ID), consoleHost: 'acme.pipedrive.com', isSandbox: false });
    expect(connection.accountLabel).toContain('acme.pipedrive.com');
  });

  it('rejects a bad token and a hostile site before any request leaves', async () => {
    await expect(pipedrive.verify({ token: 'nope', site: 'acme' })).rejects.toMatchObject({ kind: 'auth' });
    const before = replica.state.requests.length;
    await expect(pipedrive.verify({ token: PIPEDRIVE_DEMO_TOKEN, site: 'acme.pipedrive.com.evil.example' })).rejects.toMatchObject({ kind: 'auth' });
    expect(replica.state.requests.length).toBe(before);
  });

  it('fetches Ann’s page with her organisation and open deal', async () => {
    const page = pipedrive.pages[0]!.detect(new URL(PIPEDRIVE_ANN.consoleUrl))!;
    const { records } = await pipedrive.fetchRecord({ ...page, account: connection.account }, credentials, connection);
    for (const record of records) customerRecordSchema.parse(record);
    expect(records.map((r) => r.type)).toEqual(['person', 'company', 'deal']);
    expect(records[0]).toMatchObject({ key: `pipedrive:${PIPEDRIVE_COMPANY_ID}:person:101`, url: PIPEDRIVE_ANN.consoleUrl, fields: { companyName: 'Acme Robotics' } });
    expect(records[2]!.fields).toMatchObject({ status: 'open', amount: { amountMinor: 1_200_000, currency: 'USD' } });
    expect(records[2]!.links).toContain(records[0]!.key);
  });

  it('finds Ann by email in another case, and nobody for an unknown address', async () => {
    const { records } = await pipedrive.findByEmail('Ann.Lee@Acme-Robotics.com', credentials, connection);
    expect(records[0]).toMatchObject({ id: '101', title: 'Ann Lee' });
    expect((await pipedrive.findByEmail('nobody@nowhere.example', credentials, connection)).records).toEqual([]);
  });

  it('fetches a deal with its person and organisation', async () => {
    const { records } = await pipedrive.fetchRecord({ connector: 'pipedrive', account: connection.account, type: 'deal', id: '1', host: 'acme.pipedrive.com' }, credentials, connection);
    expect(records.map((r) => `${r.type}:${r.id}`)).toEqual(['deal:1', 'person:101', 'company:1']);
  });

  it('syncs every person page by page, then stops', async () => {
    const first = await pipedrive.sync(null, credentials, connection);
    expect(first.records).toHaveLength(81);
    expect(first.cursor).toBeNull();
  });

  it('pages with an opaque next_cursor like Pipedrive v2', async () => {
    const get = async (query: string) => (await replicaFetch(`https://acme.pipedrive.com/api/v2/persons?${query}`, { headers: { 'x-api-token': PIPEDRIVE_DEMO_TOKEN } })).json();
    const one = await get('limit=50');
    expect(one.data).toHaveLength(50);
    const two = await get(`limit=50&cursor=${encodeURIComponent(one.additional_data.next_cursor)}`);
    expect(two.data).toHaveLength(31);
    expect(two.additional_data.next_cursor).toBeNull();
  });

  it('reports open deal value per currency, open deal count and deals won in 30 days', async () => {
    const points = await pipedrive.metrics!(credentials, connection);
    for (const point of points) metricPointSchema.parse(point);
    const open = replica.data.deals.filter((d: { status: string }) => d.status === 'open');
    const usd = open.filter((d: { currency: string }) => d.currency === 'USD').reduce((sum: number, d: { value: number }) => sum + Math.round(d.value * 100), 0);
    expect(points.find((p) => p.metric === 'open-deal-value' && p.dimension === 'USD')).toMatchObject({ unit: 'USD', value: usd });
    expect(points.find((p) => p.metric === 'open-deal-value' && p.dimension === 'JPY')?.unit).toBe('JPY');
    expect(points.find((p) => p.metric === 'open-deal-count')?.value).toBe(open.length);
    const won = replica.data.deals.filter((d: { won_time: string | null }) => d.won_time && Date.parse(d.won_time) >= Date.now() - 30 * 86_400_000).length;
    expect(points.find((p) => p.metric === 'won-deals-30d')?.value).toBe(won);
  });

  it('never logs the token', () => {
    expect(JSON.stringify(replica.state.requests)).not.toContain(PIPEDRIVE_DEMO_TOKEN);
  });
});
