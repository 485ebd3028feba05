import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
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
    expect(() => normalizePayload('stripe', (readSample('stripe', 'event.json') as { data: { object: unknown } }).data.object)).toThrow(ConnectorError);
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

  it('hands every record to a slow reader of the pipe before it exits', async () => {
    // Far more than a pipe buffer holds (64 KB), built from the published user sample.
    const user = readSample('zendesk', 'user.json') as { user: Record<string, unknown> };
    const users = Array.from({ length: 5000 }, (_, i) => ({ ...user.user, id: i + 1, name: `User ${i}`, email: `user${i}@example.com` }));
    const file = resolve(mkdtempSync(resolve(tmpdir(), 'normalize-')), 'users.json');
    writeFileSync(file, JSON.stringify({ users }));
    const child = spawn(process.execPath, [script, 'zendesk', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    // 'close' comes after the exit and the end of the output.
    const closed = new Promise<number | null>((done) => child.on('close', done));
    // The reader takes nothing until the script has long finished writing.
    await sleep(4000);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    expect(await closed).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(5000);
  }, 60_000);
});
