import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, decodeCsvBytes, readCsvFile } from '../../src/import/csv-file';
import { peopleFromRows } from '../../src/import/import-csv';
import { customerRecordSchema } from '../../src/model/record';

const exportFile = (name: string) => {
  const bytes = readFileSync(resolve(import.meta.dirname, '../fixtures/payloads/csv', name));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
const people = (text: string, connector: Parameters<typeof peopleFromRows>[1] = 'hubspot') => peopleFromRows(csvRows(text), connector, 1);

describe('contact CSV exports', () => {
  it('reads a HubSpot-style export into searchable people with identities', () => {
    const csv = '\uFEFFRecord ID,First Name,Last Name,Email,Phone Number,Company Name\r\n101,Ann,Lee,Ann.Lee@Acme-Robotics.com,+1 415 555 0100,Acme Robotics\r\n102,,,,,\r\n103,Bo,"Gray, Jr.",bo@globex.io,,Globex\r\n';
    const found = people(csv);
    expect(found.map((p) => p.title)).toEqual(['Ann Lee', 'Bo Gray, Jr.']);
    expect(found[0]).toMatchObject({ key: 'hubspot:import:person:101', identities: ['email:ann.lee@acme-robotics.com', 'phone:+14155550100'], fields: { companyName: 'Acme Robotics' } });
    for (const person of found) expect(customerRecordSchema.parse(person)).toEqual(person);
  });

  it('reads a Mailchimp-style export keyed by email', () => {
    expect(people('Email Address,First Name,Last Name\nx@y.io,Xi,Yu\n', 'mailchimp')[0]).toMatchObject({ id: 'x@y.io', title: 'Xi Yu' });
  });

  it('reads a German Excel export: semicolons, Windows-1252, German headers', () => {
    const found = peopleFromRows(csvRows(decodeCsvBytes(exportFile('mailchimp_de_semicolon_cp1252.csv'))), 'mailchimp', 1);
    expect(found.map((p) => [p.title, p.fields.emails, p.fields.companyName])).toEqual([
      ['Jürgen Groß', ['jürgen.groß@beispiel.de'], 'Beispiel GmbH'],
      ['Anna Müller; geb. Schmidt', ['anna.mueller@beispiel.de'], undefined],
    ]);
    expect(found[0]!.fields.phones).toEqual(['030 901820']);
  });

  it('reads a French UTF-16 tab-separated export with its record ids', async () => {
    const rows = await readCsvFile(new Blob([exportFile('hubspot_fr_utf16le_tab.csv')]));
    const [elodie] = peopleFromRows(rows, 'hubspot', 1);
    expect(elodie).toMatchObject({ key: 'hubspot:import:person:501', title: 'Élodie Lefèvre', fields: { companyName: 'Exemple SARL' }, identities: ['email:elodie.lefevre@exemple.fr', 'phone:+33142685300'] });
  });

  it('reads a Spanish Salesforce report export with quoted commas', async () => {
    const rows = await readCsvFile(new Blob([exportFile('salesforce_es_utf8_bom.csv')]));
    const [maria] = peopleFromRows(rows, 'salesforce', 1);
    expect(maria).toMatchObject({ id: 'mj.garcia@ejemplo.es', title: 'María José García López', fields: { companyName: 'Ejemplo, S.A.', phones: ['+34 912 34 56 78'] } });
  });

  it('refuses a CSV that is not a contact export', () => {
    expect(() => people('date;amount\n2026-01-01;5\n', 'stripe')).toThrow(/does not look like a contact export/);
  });
});
