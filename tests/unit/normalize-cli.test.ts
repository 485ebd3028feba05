import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePayload } from '../../src/import/normalize-payload';
import { ConnectorError } from '../../src/connectors/errors';
import { readSample, SAMPLES_DIR } from './samples';

describe('normalizePayload', () => {
  it.each([
    ['hubspot', 'contact_get_docs_example_DERIVED_decoded.json', 1],
    ['stripe', 'customer.json', 1],
    ['stripe', 'invoice_legacy_2016_stripe-java.json', 1],
    ['zendesk', 'tickets_recent_list.json', 4],
    ['zendesk', 'organization.json', 1],
  ])('%s %s gives %i record(s)', (connector, file, count) => {
    expect(normalizePayload(connector, readSample(connector, file))).toHaveLength(count);
  });

  it('names what it does not recognise', () => {
    expect(() => normalizePayload('stripe', readSample('stripe', 'event.json'))).toThrow(ConnectorError);
    expect(() => normalizePayload('hubspot', readSample('hubspot', 'legacy_v2_company_contacts.json'))).toThrow(/retired v2 format/);
    expect(() => normalizePayload('nope', {})).toThrow(/No reader/);
  });
});

describe('npm run normalize', () => {
  const script = resolve(import.meta.dirname, '../../scripts/normalize.mjs');

  it('prints one JSON record per line with the canonical keys', () => {
    const out = execFileSync(process.execPath, [script, 'zendesk', resolve(SAMPLES_DIR, 'zendesk/tickets_recent_list.json')], { encoding: 'utf8' });
    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(Object.keys(line)).toEqual(expect.arrayContaining(['key', 'connector', 'type', 'id', 'title', 'identities']));
  }, 30_000);

  it('exits 2 with the zod path for a payload it does not recognise', () => {
    const run = spawnSync(process.execPath, [script, 'hubspot', resolve(SAMPLES_DIR, 'stripe/customer.json')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\(at [\w.]+\)/);
  }, 30_000);
});
