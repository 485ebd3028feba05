import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmPageHosts, startEnvironment, type Environment } from './environment';
import { SALESFORCE_ANN } from '../replica/salesforce.mjs';

/** Salesforce and Zendesk without a credential: the record is read off the page it is on. */
let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect()).close();
  // The user confirmed these consoles for page mode (tests/e2e/page-trust.test.ts clicks it).
  await confirmPageHosts(env, ['salesforce:acme.lightning.force.com', 'zendesk:acme.zendesk.com']);
});
afterAll(async () => {
  await env?.close();
});

describe('page mode', () => {
  it('reads Ann off a Salesforce contact page and finds her in the connected tools, without calling Salesforce', async () => {
    const page = await env.context.newPage();
    await page.goto(SALESFORCE_ANN.consoleUrl);
    const panel = await env.openPanel(page);
    await expect(panel.getByTestId('not-connected').textContent()).resolves.toContain('Shown as read from this page');
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Ann Lee');
    await expect(panel.getByTestId('field-emails').textContent()).resolves.toContain('Ann.Lee@acme-robotics.com');
    await panel.getByTestId('tool-hubspot').getByText('Ann Lee').waitFor({ timeout: 15_000 });
    expect(env.replica.salesforce.state.requests.filter((r: { path: string }) => r.path.startsWith('/services/'))).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('reads a Zendesk user page the same way, and the person can be found again from search', async () => {
    const annie = env.replica.zendesk.data.users.find((u: { name: string }) => u.name === 'Annie Lee');
    const page = await env.context.newPage();
    await page.goto(`https://acme.zendesk.com/agent/users/${annie.id}/requested_tickets`);
    const panel = await env.openPanel(page);
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Annie Lee');
    await panel.getByTestId('tool-hubspot').getByText('Ann Lee').waitFor({ timeout: 15_000 });
    await Promise.all([page.close(), panel.close()]);
    const home = await env.openPanel();
    await home.getByTestId('search-input').fill('annie');
    await home.getByTestId('search-results').getByText('Annie Lee').waitFor({ timeout: 10_000 });
    await home.close();
  });

  it('takes nothing a page script plants: the record is the one the URL names, its text stays text, a malformed link is skipped', async () => {
    const page = await env.context.newPage();
    // A script on the vendor's own page rewrites the title before the content script reads it.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        document.querySelector('h1')!.textContent = '<img src=x onerror=alert(1)>';
        // decodeURIComponent throws on this escape; it must not abort the read of the page.
        document.body.insertAdjacentHTML('afterbegin', '<a href="mailto:%E0">broken</a>');
      });
    });
    await page.goto(SALESFORCE_ANN.consoleUrl.replace('0035g0000000101AAA', '0035g0000000102AAA'));
    const panel = await env.openPanel(page);
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('<img src=x onerror=alert(1)>');
    await expect(panel.locator('img[src="x"]').count()).resolves.toBe(0);
    const keys = await panel.evaluate(async () => {
      const request = indexedDB.open('unified-customer-view');
      const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
      const all = await new Promise<Array<{ key: string }>>((resolve) => {
        const get = db.transaction('records').objectStore('records').getAll();
        get.onsuccess = () => resolve(get.result);
      });
      return all.map((r) => r.key).filter((k) => k.startsWith('salesforce:'));
    });
    expect(keys.sort()).toEqual(['salesforce:acme.lightning.force.com:person:0035g0000000101AAA', 'salesforce:acme.lightning.force.com:person:0035g0000000102AAA']);
    await Promise.all([page.close(), panel.close()]);
  });

  it('takes the record’s own address, not one written in the page’s feed or conversation', async () => {
    const page = await env.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        document.body.insertAdjacentHTML(
          'beforeend',
          '<div role="feed"><article><p>Call <a href="mailto:bob.stone@acme-robotics.com">Bob</a> about it</p></article></div>' +
            '<div role="log"><p>CC <a href="mailto:carla@globex.example">Carla</a></p></div><blockquote><a href="tel:+14155559999">+1 415 555 9999</a></blockquote>',
        );
      });
    });
    const before = Date.now();
    await page.goto(SALESFORCE_ANN.consoleUrl);
    const panel = await env.openPanel(page);
    await panel.getByTestId('profile-name').filter({ hasText: 'Ann' }).waitFor({ timeout: 15_000 });
    const read = () =>
      panel.evaluate(async (key) => {
        const request = indexedDB.open('unified-customer-view');
        const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
        return new Promise<{ identities: string[]; fetchedAt: number }>((resolve) => {
          const get = db.transaction('records').objectStore('records').get(key);
          get.onsuccess = () => resolve(get.result);
        });
      }, 'salesforce:acme.lightning.force.com:person:0035g0000000101AAA');
    // This visit's read of the page, not the record an earlier test cached.
    await expect.poll(async () => (await read()).fetchedAt, { timeout: 15_000 }).toBeGreaterThanOrEqual(before);
    const stored = await read();
    expect(stored.identities).toContain('email:ann.lee@acme-robotics.com');
    expect(stored.identities.filter((i) => /bob\.stone|carla@|5559999/.test(i))).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });
});

