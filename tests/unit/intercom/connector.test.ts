import { afterEach, describe, expect, it, vi } from 'vitest';
import { intercom } from '../../../src/connectors/intercom';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createIntercomReplica, INTERCOM_ANN, INTERCOM_APP_ID, INTERCOM_DEMO_TOKEN } from '../../replica/intercom.mjs';
import { answerFromReplica } from '../replica-fetch';

/** Routes the connector's fetches into the replica's handler, as the HTTPS server would. */
function replicaFetch(replica: ReturnType<typeof createIntercomReplica>) {
  const answer = answerFromReplica(replica);
  return vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    expect(new URL(String(input)).origin).toBe('https://api.intercom.io');
    expect((init.headers as Record<string, string>)['Intercom-Version']).toBe('2.11');
    return answer(input, init);
  });
}

const connection: Connection = { connector: 'intercom', authMode: 'token', account: INTERCOM_APP_ID, accountLabel: 'Acme Demo', consoleHost: 'app.intercom.com', isSandbox: false, connectedAt: 0 };
const credentials = { token: INTERCOM_DEMO_TOKEN };

describe('Intercom connector against the replica', () => {
  const replica = createIntercomReplica(makeHubspotData());
  afterEach(() => vi.unstubAllGlobals());
  const useReplica = () => vi.stubGlobal('fetch', replicaFetch(replica));

  it('verifies the token and names the workspace; a bad token is an auth error', async () => {
    useReplica();
    expect(await intercom.verify(credentials)).toEqual({ connector: 'intercom', authMode: 'token', account: INTERCOM_APP_ID, accountLabel: 'Acme Demo', consoleHost: 'app.intercom.com', isSandbox: false });
    await expect(intercom.verify({ token: 'wrong' })).rejects.toMatchObject({ kind: 'auth', detail: { status: 401 } });
    await expect(intercom.verify({ token: 'x', site: 'evil.example' })).rejects.toMatchObject({ kind: 'auth' });
  });

  it('finds Ann by email in another case with her company, tags, subscription and conversations', async () => {
    useReplica();
    const { records } = await intercom.findByEmail('ann.lee@acme-robotics.com', credentials, connection);
    for (const record of records) expect(customerRecordSchema.safeParse(record).success).toBe(true);
    const [ann, ...related] = records;
    expect(ann).toMatchObject({ id: INTERCOM_ANN.id, title: 'Ann Lee', url: INTERCOM_ANN.consoleUrl, identities: ['email:ann.lee@acme-robotics.com', 'phone:+14155550100'] });
    expect(ann!.fields).toMatchObject({ companyName: 'Acme Robotics', city: 'San Francisco', tags: ['VIP', 'Beta tester'], memberships: ['Product updates (email)'] });
    expect(related.map((r) => r.type).sort()).toEqual(['company', 'conversation', 'conversation']);
    expect(related.filter((r) => r.type === 'conversation').map((r) => r.fields.status).sort()).toEqual(['closed', 'open']);
    expect(ann!.links).toContain(related.find((r) => r.type === 'company')!.key);
  });

  it('fetches the record of a page: contact, company, conversation with its contact', async () => {
    useReplica();
    const page = { connector: 'intercom' as const, account: INTERCOM_APP_ID, host: 'app.intercom.com' };
    const person = await intercom.fetchRecord({ ...page, type: 'person', id: INTERCOM_ANN.id }, credentials, connection);
    expect(person.records[0]!.title).toBe('Ann Lee');
    const companyId = person.records.find((r) => r.type === 'company')!.id;
    expect((await intercom.fetchRecord({ ...page, type: 'company', id: companyId }, credentials, connection)).records.map((r) => r.title)).toEqual(['Acme Robotics']);
    const conversationId = person.records.find((r) => r.type === 'conversation')!.id;
    const conversation = await intercom.fetchRecord({ ...page, type: 'conversation', id: conversationId }, credentials, connection);
    expect(conversation.records.map((r) => r.type)).toEqual(['conversation', 'person']);
    await expect(intercom.fetchRecord({ ...page, type: 'person', id: 'ffffffffffffffffffffffff' }, credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('syncs every contact in bounded pages and reads the metrics', async () => {
    useReplica();
    let cursor: string | null = null;
    let total = 0;
    let pages = 0;
    do {
      const page = await intercom.sync(cursor, credentials, connection);
      expect(page.records.length).toBeLessThanOrEqual(150);
      total += page.records.length;
      cursor = page.cursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(total).toBe(replica.data.contacts.length);
    const metrics = await intercom.metrics!(credentials, connection);
    const open = replica.data.conversations.filter((c: { state: string }) => c.state === 'open').length;
    expect(metrics.map((m) => [m.metric, m.value, m.unit])).toEqual([
      ['open-conversations', open, 'conversations'],
      ['contacts', replica.data.contacts.length, 'contacts'],
    ]);
    expect(replica.state.requests.every((r: { path: string }) => !r.path.includes(INTERCOM_DEMO_TOKEN))).toBe(true);
  });

  it('serves console pages with the person’s name', async () => {
    let html = '';
    const res = { writeHead: () => undefined, end: (body: string) => (html = body) };
    replica.handleConsole({ method: 'GET', headers: {} }, res, new URL(INTERCOM_ANN.consoleUrl));
    expect(html).toContain('Ann Lee');
  });
});
