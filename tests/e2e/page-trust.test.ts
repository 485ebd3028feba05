import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWithAnnCached, type Environment } from './environment';
import { ZENDESK_LOOKALIKE_HOST } from '../replica/zendesk.mjs';

/**
 * Page mode reads a record off a console page, and a page can rewrite its own URL and DOM: a
 * Help Center theme on anyone's Zendesk subdomain can pose as `/agent/users/1` showing a real
 * customer's email. Such pages are read only on consoles the user confirmed, and what they show
 * joins no profile (nor makes an address look shared) until the user accepts it.
 */
let env: Environment;
const VICTIM = 'ann.lee@acme-robotics.com';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

beforeAll(async () => {
  // Ann is a known customer (HubSpot), as the attacker hopes.
  env = await startWithAnnCached();
});
afterAll(async () => {
  await env?.close();
});

/** Records in the extension's database: all of them, or those an identity finds (the join index). */
function records(panel: Page, identity?: string): Promise<Array<{ key: string; pageRead?: string }>> {
  return panel.evaluate(async (term) => {
    const request = indexedDB.open('unified-customer-view');
    const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const store = db.transaction('records').objectStore('records');
    const get = term ? store.index('terms').getAll(term) : store.getAll();
    return new Promise((resolve) => (get.onsuccess = () => resolve(get.result)));
  }, identity);
}
const planted = <T extends { key: string }>(all: T[]) => all.filter((r) => r.key.startsWith('zendesk:helpdesk-theme:'));

describe('page mode trusts only consoles the user confirmed', () => {
  it('reads nothing from a page posing as a Zendesk record on an unconfirmed subdomain, even after pushState', async () => {
    const page = await env.context.newPage();
    // A Help Center page of the attacker's theme rewrites its URL and DOM into an agent page.
    await page.goto(`https://${ZENDESK_LOOKALIKE_HOST}/hc/en-us`);
    await page.evaluate((email) => {
      history.pushState({}, '', '/agent/users/1');
      document.body.innerHTML = `<h1 data-test-id="title">Ann Lee</h1><p><a href="mailto:${email}">${email}</a></p>`;
    }, VICTIM);
    const panel = await env.openPanel(page);
    await panel.getByTestId('confirm-page-host').getByText(ZENDESK_LOOKALIKE_HOST).waitFor({ timeout: 15_000 });
    // Also a straight visit to a planted agent page.
    await page.goto(`https://${ZENDESK_LOOKALIKE_HOST}/agent/users/2`);
    await panel.getByTestId('confirm-page-host').waitFor({ timeout: 15_000 });
    await sleep(3000);
    expect(planted(await records(panel))).toEqual([]);
    expect(await panel.getByTestId('profile-name').count()).toBe(0);
    await Promise.all([page.close(), panel.close()]);
  });

  it('reads a confirmed console, but what it read joins no profile and counts toward no shared address until accepted', async () => {
    const page = await env.context.newPage();
    await page.goto(`https://${ZENDESK_LOOKALIKE_HOST}/agent/users/1`);
    const panel = await env.openPanel(page);
    await panel.getByTestId('confirm-page-host').getByRole('button', { name: 'Read this page’s record' }).click();
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Ann Lee');
    await expect(panel.getByTestId('page-record-pending').textContent()).resolves.toContain('not yet joined');
    // The host is remembered: five more planted records are read without asking.
    for (const id of [2, 3, 4, 5, 6]) {
      await page.goto(`https://${ZENDESK_LOOKALIKE_HOST}/agent/users/${id}`);
      await expect.poll(async () => planted(await records(panel)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(id);
    }
    const all = planted(await records(panel));
    expect(all.map((r) => r.pageRead)).toEqual(all.map(() => 'pending'));
    // The victim's address finds only the real records: none of the six, so it does not look shared.
    expect(planted(await records(panel, `email:${VICTIM}`))).toEqual([]);
    expect((await records(panel, `email:${VICTIM}`)).some((r) => r.key.startsWith('hubspot:'))).toBe(true);

    // Accepting one lets it join like any other record.
    await page.goto(`https://${ZENDESK_LOOKALIKE_HOST}/agent/users/1`);
    await panel.getByTestId('accept-page-record').click();
    await expect.poll(async () => planted(await records(panel, `email:${VICTIM}`)).map((r) => r.key)).toEqual(['zendesk:helpdesk-theme:person:1']);
    await expect.poll(() => panel.getByTestId('page-record-pending').count()).toBe(0);
    await Promise.all([page.close(), panel.close()]);
  });
});
