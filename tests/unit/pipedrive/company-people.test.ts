import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pipedrive } from '../../../src/connectors/pipedrive';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createPipedriveReplica, PIPEDRIVE_DEMO_TOKEN, PIPEDRIVE_SUBDOMAIN } from '../../replica/pipedrive.mjs';
import { answerFromReplica } from '../replica-fetch';

// An organisation's persons, read when the company is opened, against the replica's v2 persons list.
const replica = createPipedriveReplica(makeHubspotData());
const credentials = { token: PIPEDRIVE_DEMO_TOKEN, site: PIPEDRIVE_SUBDOMAIN };
type Person = { id: number; name: string; org_id: number | null };
const persons = replica.data.persons as Person[];
// A second person at Acme Robotics (organisation 1), and a crowded organisation: 250 more persons, past two pages of 100.
const template = persons.find((p) => p.org_id !== null && p.org_id !== 1)!;
const CROWDED = template.org_id!;
const person = (id: number, name: string, orgId: number) => ({ ...template, id, name, org_id: orgId, emails: [{ label: 'work', value: `p${id}@example.com`, primary: true }] }) as Person;
persons.push(person(800_001, 'Bo Park', 1));
for (let i = 0; i < 250; i++) persons.push(person(900_000 + i, `Crowd ${i}`, CROWDED));

let connection: Connection;
beforeAll(async () => {
  vi.stubGlobal('fetch', answerFromReplica(replica));
  connection = { ...(await pipedrive.verify(credentials)), connectedAt: 0 };
});
afterAll(() => vi.unstubAllGlobals());

describe('Pipedrive organisation persons', () => {
  it('lists every person of Acme Robotics’ organisation, each linked to it and naming it', async () => {
    const expected = persons.filter((p) => p.org_id === 1);
    expect(expected.length).toBeGreaterThan(1);
    const { records } = await pipedrive.companyPeople!('1', credentials, connection);
    const people = records.map((r) => customerRecordSchema.parse(r));
    expect(people.map((p) => p.title).sort()).toEqual(expected.map((p) => p.name).sort());
    const org = `pipedrive:${connection.account}:company:1`;
    expect(people.every((p) => p.type === 'person' && p.links.includes(org) && p.fields.companyName === 'Acme Robotics')).toBe(true);
  });

  it('follows the cursor and keeps the first 200 persons of a crowded organisation', async () => {
    const before = replica.state.requests.length;
    const { records } = await pipedrive.companyPeople!(String(CROWDED), credentials, connection);
    expect(records).toHaveLength(200);
    expect(records.map((r) => r.id)).toEqual(persons.filter((p) => p.org_id === CROWDED).slice(0, 200).map((p) => String(p.id)));
    const pages = (replica.state.requests.slice(before) as Array<{ path: string }>).filter((r) => r.path.startsWith('/api/v2/persons'));
    expect(pages).toHaveLength(2);
  });

  it('says which organisation Pipedrive does not know', async () => {
    await expect(pipedrive.companyPeople!('99999', credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
