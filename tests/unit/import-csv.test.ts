import { describe, expect, it } from 'vitest';
import { peopleFromCsv } from '../../src/import/import-csv';
import { customerRecordSchema } from '../../src/model/record';

describe('contact CSV exports', () => {
  it('reads a HubSpot-style export into searchable people with identities', () => {
    const csv = '\uFEFFRecord ID,First Name,Last Name,Email,Phone Number,Company Name\r\n101,Ann,Lee,Ann.Lee@Acme-Robotics.com,+1 415 555 0100,Acme Robotics\r\n102,,,,,\r\n103,Bo,"Gray, Jr.",bo@globex.io,,Globex\r\n';
    const people = peopleFromCsv(csv, 'hubspot', 1);
    expect(people.map((p) => p.title)).toEqual(['Ann Lee', 'Bo Gray, Jr.']);
    expect(people[0]).toMatchObject({ key: 'hubspot:import:person:101', identities: ['email:ann.lee@acme-robotics.com', 'phone:+14155550100'], fields: { companyName: 'Acme Robotics' } });
    for (const person of people) expect(customerRecordSchema.parse(person)).toEqual(person);
  });

  it('reads a Mailchimp-style export keyed by email', () => {
    const people = peopleFromCsv('Email Address,First Name,Last Name\nx@y.io,Xi,Yu\n', 'mailchimp');
    expect(people[0]).toMatchObject({ id: 'x@y.io', title: 'Xi Yu' });
  });

  it('refuses a CSV that is not a contact export', () => {
    expect(() => peopleFromCsv('date,amount\n2026-01-01,5\n', 'stripe')).toThrow(/does not look like a contact export/);
  });
});
