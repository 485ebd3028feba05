import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR, sampleFiles } from './samples';

/** The nine connected vendors whose readers the import and `npm run normalize` use. */
const VENDORS = ['hubspot', 'salesforce', 'stripe', 'zendesk', 'intercom', 'mailchimp', 'klaviyo', 'pipedrive', 'ga4'];

/**
 * Samples refused on purpose, each with the reason the reader gives. Every other file must give
 * records, or no records with a note saying why, or be an error body that says so.
 */
const REFUSED: Record<string, RegExp> = {
  // The v3 docs' generic object: only custom properties, nothing that says contact, company, deal or ticket.
  'hubspot/contact_simple_public_object.json': /id 512\) has none of the properties that tell a contact/,
  'hubspot/legacy_v2_company_contacts.json': /retired v2 format/,
};

const script = resolve(import.meta.dirname, '../../scripts/normalize.mjs');

function normalize(vendor: string, file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, vendor, resolve(SAMPLES_DIR, vendor, file)]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run normalize on every shared vendor sample', () => {
  const files = VENDORS.flatMap((vendor) => sampleFiles(vendor).map((file) => [vendor, file] as const));

  it('gives records, or no records with a note, or names the error body, for each file', async () => {
    expect(files.length).toBeGreaterThan(30);
    const results: Array<{ vendor: string; file: string; code: number | null; stdout: string; stderr: string }> = [];
    // Two at a time: each run starts its own module loader.
    for (let i = 0; i < files.length; i += 2) {
      results.push(...(await Promise.all(files.slice(i, i + 2).map(async ([vendor, file]) => ({ vendor, file, ...(await normalize(vendor, file)) })))));
    }
    for (const { vendor, file, code, stdout, stderr } of results) {
      const name = `${vendor}/${file}`;
      const lines = stdout.trim() ? stdout.trim().split('\n').map((line) => JSON.parse(line) as { connector: string; key: string }) : [];
      if (REFUSED[name]) {
        expect({ name, code, stderr }).toEqual({ name, code: 2, stderr: expect.stringMatching(REFUSED[name]) });
      } else if (code === 2) {
        expect({ name, stderr }).toEqual({ name, stderr: expect.stringMatching(/^This is an? [\w ]+ error response, not /) });
      } else {
        expect({ name, code }).toEqual({ name, code: 0 });
        if (lines.length === 0) expect({ name, stderr }).toEqual({ name, stderr: expect.stringMatching(/\S/) });
        for (const line of lines) expect(line.connector).toBe(vendor);
      }
    }
    // Most samples are records; the corpus must not quietly turn into notes.
    expect(results.filter((r) => r.code === 0 && r.stdout.trim()).length).toBeGreaterThanOrEqual(22);
  }, 300_000);
});
