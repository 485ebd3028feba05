import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePayload } from '../../src/import/normalize-payload';
import { readSample } from './samples';

/** Payloads of the kinds the shared corpus lacks, written from each vendor's documented shape. */
const fixture = (vendor: string, file: string): unknown => JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/payloads', vendor, file), 'utf8'));

describe('HubSpot objects are read as what they are', () => {
  it('reads a search answer of deals as deals, not contacts', () => {
    const records = normalizePayload('hubspot', fixture('hubspot', 'deals_search.json'));
    expect(records.map((r) => [r.type, r.title])).toEqual([
      ['deal', 'Acme Robotics renewal'],
      ['deal', 'Deal 47941183902'],
    ]);
    expect(records[0]!.fields).toMatchObject({ amount: { amountMinor: 150000, currency: 'USD' }, status: 'contractsent' });
    expect(records.every((r) => r.identities.length === 0)).toBe(true);
  });

  it('reads a search answer of tickets as tickets', () => {
    const [ticket] = normalizePayload('hubspot', fixture('hubspot', 'tickets_search.json'));
    expect(ticket).toMatchObject({ type: 'ticket', title: 'Export broken', fields: { subject: 'Export broken', status: 'open' } });
  });

  it('still reads contacts and companies', () => {
    expect(normalizePayload('hubspot', readSample('hubspot', 'contact_get_docs_example_DERIVED_decoded.json'))[0]!.type).toBe('person');
  });

  it('refuses an object it cannot place instead of guessing a contact', () => {
    expect(() => normalizePayload('hubspot', fixture('hubspot', 'unplaceable_list.json'))).toThrow(/id 9001\) has none of the properties/);
  });

  it('says an error body is a HubSpot error response', () => {
    expect(() => normalizePayload('hubspot', readSample('hubspot', 'error.json'))).toThrow('This is a HubSpot error response, not records: VALIDATION_ERROR: Invalid input');
  });
});
