import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEnvironment, type Environment } from './environment';

let env: Environment;
beforeAll(async () => {
  env = await startEnvironment();
});
afterAll(async () => {
  await env?.close();
});

describe('importing vendor files in Options', () => {
  it('adds a contact CSV export and a vendor payload to search, and names what is wrong with a bad file', async () => {
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    const input = options.getByTestId('import-vendor-file');
    const result = options.getByTestId('import-vendor-result');

    await options.getByTestId('import-connector').selectOption('mailchimp');
    await input.setInputFiles({ name: 'audience.csv', mimeType: 'text/csv', buffer: Buffer.from('Email Address,First Name,Last Name\nquinn.rossi@example.org,Quinn,Rossi\n') });
    await result.filter({ hasText: 'Imported 1 records from audience.csv.' }).waitFor();

    await options.getByTestId('import-connector').selectOption('zendesk');
    const sample = readFileSync(resolve(import.meta.dirname, '../../../shared/vendor-samples/zendesk/user.json'));
    await input.setInputFiles({ name: 'user.json', mimeType: 'application/json', buffer: sample });
    await result.filter({ hasText: 'Imported 1 records from user.json.' }).waitFor();

    // A German Excel save: semicolons, Windows-1252, German headers.
    await options.getByTestId('import-connector').selectOption('mailchimp');
    await input.setInputFiles({ name: 'Zielgruppe.csv', mimeType: 'text/csv', buffer: readFileSync(resolve(import.meta.dirname, '../fixtures/payloads/csv/mailchimp_de_semicolon_cp1252.csv')) });
    await result.filter({ hasText: 'Imported 2 records from Zielgruppe.csv.' }).waitFor();

    // An event about a plan: nothing to import, and the note says why.
    await options.getByTestId('import-connector').selectOption('stripe');
    await input.setInputFiles({ name: 'event.json', mimeType: 'application/json', buffer: readFileSync(resolve(import.meta.dirname, '../../../shared/vendor-samples/stripe/event.json')) });
    await result.filter({ hasText: 'Imported 0 records from event.json. Skipped 1 Stripe plan object' }).waitFor();

    const plan = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../shared/vendor-samples/stripe/event.json'), 'utf8')) as { data: { object: unknown } }).data.object;
    await input.setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
    await expect(result.filter({ hasText: 'was not imported' }).textContent()).resolves.toContain('(at object)');

    const panel = await env.openPanel();
    await panel.getByTestId('search-input').fill('quinn');
    await expect(panel.getByTestId('search-results').textContent()).resolves.toContain('Quinn Rossi');
    await panel.getByTestId('search-input').fill('test valid');
    await expect(panel.getByTestId('search-results').textContent()).resolves.toContain('Test Valid with role end-user');
    await Promise.all([options.close(), panel.close()]);
  });
});
