import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { intercom } from '../../../src/connectors/intercom';
import type { Connection } from '../../../src/model/health';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { createIntercomReplica, INTERCOM_DEMO_TOKEN } from '../../replica/intercom.mjs';
import { answerFromReplica } from '../replica-fetch';

// A company's attached contacts, read when the company is opened, against the replica's cursor-paged list.
const replica = createIntercomReplica(makeHubspotData());
const credentials = { token: INTERCOM_DEMO_TOKEN };
type Contact = { id: string; name: string; email: string; companies: { data: Array<{ id: string }> } };
type Company = { id: string; name: string };
const contacts = replica.data.contacts as Contact[];
const companies = replica.data.companies as Company[];
const acme = companies.find((c) => c.name === 'Acme Robotics')!;
const attachedTo = (id: string) => contacts.filter((c) => c.companies.data.some((ref) => ref.id === id));
// A crowded company: 250 more contacts, past two pages of 150.
const crowded = companies.find((c) => c.id !== acme.id && attachedTo(c.id).length > 0)!;
const template = attachedTo(crowded.id)[0]!;
for (let i = 0; i < 250; i++) contacts.push({ ...template, id: (0x6000000000 + i).toString(16).padStart(24, '0'), name: `Crowd ${i}`, email: `crowd.${i}@example.com` });

let connection: Connection;
beforeAll(async () => {
  vi.stubGlobal('fetch', answerFromReplica(replica));
  connection = { ...(await intercom.verify(credentials)), connectedAt: 0 };
});
afterAll(() => vi.unstubAllGlobals());

describe('Intercom company contacts', () => {
  it('lists every contact attached to Acme Robotics, each linked to it and naming it', async () => {
    const expected = attachedTo(acme.id);
    expect(expected.length).toBeGreaterThan(0);
    const { records } = await intercom.companyPeople!(acme.id, credentials, connection);
    const people = records.map((r) => customerRecordSchema.parse(r));
    expect(people.map((p) => p.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(people.every((p) => p.type === 'person' && p.links.includes(`intercom:${connection.account}:company:${acme.id}`) && p.fields.companyName === 'Acme Robotics')).toBe(true);
  });

  it('follows starting_after and keeps the first 200 contacts of a crowded company', async () => {
    const before = replica.state.requests.length;
    const { records } = await intercom.companyPeople!(crowded.id, credentials, connection);
    expect(records.map((r) => r.id)).toEqual(attachedTo(crowded.id).slice(0, 200).map((c) => c.id));
    const pages = (replica.state.requests.slice(before) as Array<{ path: string }>).filter((r) => r.path.startsWith(`/companies/${crowded.id}/contacts`));
    expect(pages).toHaveLength(2);
  });

  it('says which company Intercom does not know', async () => {
    await expect(intercom.companyPeople!('ffffffffffffffffffffffff', credentials, connection)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
