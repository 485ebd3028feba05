import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { zendesk } from '../../../src/connectors/zendesk';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createZendeskReplica, ZENDESK_AGENT_EMAIL, ZENDESK_DEMO_TOKEN, ZENDESK_SUBDOMAIN } from '../../replica/zendesk.mjs';
import { answerFromReplica } from '../replica-fetch';

// An organisation's users, read when the company is opened, against the replica's cursor-paged list.
const replica = createZendeskReplica(makeHubspotData());
const credentials = { token: ZENDESK_DEMO_TOKEN, site: ZENDESK_SUBDOMAIN, email: ZENDESK_AGENT_EMAIL };
type User = { id: number; name: string; email: string; organization_id: number | null };
const users = replica.data.users as User[];
const ACME = 360005001;
// A second user at Acme Robotics, and a crowded organisation: 250 more users, past two pages of 100.
const template = users.find((u) => u.organization_id !== null && u.organization_id !== ACME)!;
const CROWDED = template.organization_id!;
const user = (id: number, name: string, organizationId: number) => ({ ...template, id, name, email: `u${id}@example.com`, organization_id: organizationId }) as User;
users.push(user(800_001, 'Bo Park', ACME));
for (let i = 0; i < 250; i++) users.push(user(900_000 + i, `Crowd ${i}`, CROWDED));

let connection: Connection;
beforeAll(async () => {
  vi.stubGlobal('fetch', answerFromReplica(replica));
  connection = { ...(await zendesk.verify(credentials)), connectedAt: 0 };
});
afterAll(() => vi.unstubAllGlobals());

describe('Zendesk organisation users', () => {
  it('lists every user of Acme Robotics’ organisation, each linked to it and naming it', async () => {
    const expected = users.filter((u) => u.organization_id === ACME);
    expect(expected.length).toBeGreaterThan(1);
    const { records } = await zendesk.companyPeople!(String(ACME), credentials, connection);
    const people = records.map((r) => customerRecordSchema.parse(r));
    expect(people.map((p) => p.title).sort()).toEqual(expected.map((u) => u.name).sort());
    expect(people.every((p) => p.type === 'person' && p.links.includes(`zendesk:${connection.account}:company:${ACME}`) && p.fields.companyName === 'Acme Robotics')).toBe(true);
  });

  it('follows the cursor and keeps the first 200 users of a crowded organisation', async () => {
    const before = replica.state.requests.length;
    const { records } = await zendesk.companyPeople!(String(CROWDED), credentials, connection);
    expect(records.map((r) => r.id)).toEqual(users.filter((u) => u.organization_id === CROWDED).slice(0, 200).map((u) => String(u.id)));
    const pages = (replica.state.requests.slice(before) as Array<{ path: string }>).filter((r) => r.path.includes(`/organizations/${CROWDED}/users.json`));
    expect(pages).toHaveLength(2);
  });

  it('says which organisation Zendesk does not know', async () => {
    await expect(zendesk.companyPeople!('99999', credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
