import { describe, expect, it } from 'vitest';
import { buildRecord, compactFields, type RecordDraft } from '../../../src/connectors/kit/record';
import { customerRecordSchema } from '../../../src/model/record';

const draft = (extra: Partial<RecordDraft> = {}): RecordDraft => ({
  connector: 'stripe',
  account: 'acct_1',
  type: 'person',
  id: 'cus_1',
  title: 'Ann Lee',
  fields: { name: 'Ann Lee' },
  url: 'https://dashboard.stripe.com/customers/cus_1',
  fetchedAt: 5,
  ...extra,
});

describe('buildRecord', () => {
  it('keys the record by connector, account, type and id, and gives a record the schema accepts', () => {
    const record = buildRecord(draft({ id: 42 }));
    expect(record).toMatchObject({ key: 'stripe:acct_1:person:42', id: '42', connector: 'stripe', account: 'acct_1', type: 'person', url: 'https://dashboard.stripe.com/customers/cus_1' });
    expect(customerRecordSchema.parse(record)).toEqual(record);
  });

  it('drops what the vendor left empty, for every vendor alike (Stripe used to keep empty lists)', () => {
    const fields = compactFields({ name: '  Ann  ', jobTitle: '', city: '   ', emails: [], phones: [''], memberships: [], tags: ['VIP', 'VIP', ' '], employees: Number.NaN, country: undefined, amount: {} as never });
    expect(fields).toEqual({ name: 'Ann', tags: ['VIP'] });
    expect(buildRecord(draft({ fields: { name: 'Ann', emails: [], phones: [], memberships: [] } })).fields).toEqual({ name: 'Ann' });
  });

  it('keeps only real email addresses, each once, in the spelling the vendor gave first', () => {
    const record = buildRecord(draft({ fields: { emails: ['Ann.Lee@Acme.com', 'ann.lee@acme.com', 'not an email', 'a.n.n+x@gmail.com', 'ann@gmail.com'] } }));
    expect(record.fields.emails).toEqual(['Ann.Lee@Acme.com', 'a.n.n+x@gmail.com']);
    expect(record.identities).toEqual(['email:ann.lee@acme.com', 'email:ann@gmail.com']);
  });

  it('derives identities from emails, phones and domains through the identity normalisers, once each', () => {
    const person = buildRecord(draft({ fields: { emails: ['ann@acme.com'], phones: ['(415) 555-0100', '+1 415 555 0100', 'call me'] }, phoneCountry: 'US', knownIdentities: ['email:ann@acme.com'] }));
    expect(person.identities).toEqual(['email:ann@acme.com', 'phone:+14155550100']);
    expect(person.fields.phones).toEqual(['(415) 555-0100', '+1 415 555 0100', 'call me']);
    const company = buildRecord(draft({ type: 'company', fields: { name: 'Acme', domain: 'www.acme.com', phones: ['+1 415 555 0199'] }, moreDomains: ['acme.com', 'acme.co.uk', 'gmail.com'] }));
    // A company's switchboard number is everyone's there: it identifies nobody.
    expect(company.identities).toEqual(['domain:acme.com', 'domain:acme.co.uk']);
  });

  it('links each related record once and skips blanks', () => {
    expect(buildRecord(draft({ links: ['stripe:acct_1:order:in_1', undefined, 'stripe:acct_1:order:in_1', '', null] })).links).toEqual(['stripe:acct_1:order:in_1']);
    expect(buildRecord(draft()).links).toEqual([]);
  });

  it('dates the record by the vendor, else by its last change, else by when it was fetched', () => {
    expect(buildRecord(draft({ updatedAt: 3, fields: { lastModifiedAt: 2 } })).updatedAt).toBe(3);
    expect(buildRecord(draft({ fields: { lastModifiedAt: 2 } })).updatedAt).toBe(2);
    expect(buildRecord(draft()).updatedAt).toBe(5);
  });

  it('computes search tokens from the title and the compacted fields, unless the record is not to be searched', () => {
    const record = buildRecord(draft({ title: 'Ann Lee', fields: { name: 'Ann Lee', emails: ['ann@acme.com'] } }));
    expect(record.tokens).toEqual(['ann', 'lee', 'ann lee', 'acme.com']);
    expect(buildRecord(draft({ searchable: false })).tokens).toEqual([]);
  });
});
