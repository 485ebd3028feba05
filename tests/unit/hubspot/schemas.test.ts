import { describe, expect, it } from 'vitest';
import { readSample, sampleFiles } from '../samples';
import { parseHubspot } from '../../../src/connectors/hubspot/api';
import { hubspotErrorSchema, hubspotObjectSchema } from '../../../src/connectors/hubspot/schemas';
import { normalizeHubspotContact } from '../../../src/connectors/hubspot/normalize';
import { ConnectorError } from '../../../src/connectors/errors';
import { customerRecordSchema } from '../../../src/model/record';

const ctx = { portal: '4815162', consoleHost: 'app.hubspot.com', fetchedAt: 1_700_000_000_000 };

/** Which schema each published sample is an example of; the legacy v2 payload is rejected on purpose. */
const expectations: Record<string, 'object' | 'error' | 'legacy'> = {
  'contact_get_docs_example_DERIVED_decoded.json': 'object',
  'contact_get_docs_example_as_rendered.json': 'object',
  'contact_simple_public_object.json': 'object',
  'error.json': 'error',
  'legacy_v2_company_contacts.json': 'legacy',
};

describe('HubSpot schemas on the published samples', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('hubspot').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations).filter(([, kind]) => kind === 'object'))('parses %s and normalises it to a valid record', (file) => {
    const object = parseHubspot(hubspotObjectSchema, readSample('hubspot', file), 'contact');
    const record = normalizeHubspotContact(object, ctx);
    expect(customerRecordSchema.parse(record)).toEqual(record);
  });

  it('reads the documented contact the same whether properties are objects or JSON strings', () => {
    const decoded = parseHubspot(hubspotObjectSchema, readSample('hubspot', 'contact_get_docs_example_DERIVED_decoded.json'), 'contact');
    const rendered = parseHubspot(hubspotObjectSchema, readSample('hubspot', 'contact_get_docs_example_as_rendered.json'), 'contact');
    expect(rendered).toEqual(decoded);
    const record = normalizeHubspotContact(decoded, ctx);
    expect(record.title).toBe('Mark S.');
    expect(record.fields.emails).toEqual(['mark.s@lumon.industries']);
    expect(record.identities).toContain('email:mark.s@lumon.industries');
    expect(record.fields.lastModifiedAt).toBe(Date.parse('2025-02-11T15:52:10.273Z'));
    expect(record.links).toEqual(['hubspot:4815162:company:29846388244']);
  });

  it('parses the error sample', () => {
    expect(hubspotErrorSchema.parse(readSample('hubspot', 'error.json')).category).toBe('VALIDATION_ERROR');
  });

  it('rejects the legacy v2 payload with a message that names the format', () => {
    const run = () => parseHubspot(hubspotObjectSchema, readSample('hubspot', 'legacy_v2_company_contacts.json'), 'contact');
    expect(run).toThrow(ConnectorError);
    expect(run).toThrow(/retired v2 format/);
  });

  it('names the zod path when a property has the wrong type', () => {
    const broken = { ...(readSample('hubspot', 'contact_simple_public_object.json') as object), properties: { email: 42 } };
    try {
      parseHubspot(hubspotObjectSchema, broken, 'contact 512');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).kind).toBe('schema');
      expect((error as ConnectorError).detail.path).toBe('properties.email');
      expect((error as ConnectorError).message).toContain('contact 512');
    }
  });
});
