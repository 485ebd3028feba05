import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contactUrl, DEMO_TOKEN, PORTAL, startEnvironment, storedSecrets, type Environment } from './environment';

let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
});
afterAll(async () => {
  await env?.close();
});

async function openContact(id: string, host?: string): Promise<{ page: Page; panel: Page }> {
  const page = await env.context.newPage();
  await page.goto(contactUrl(id, host));
  const panel = await env.openPanel(page);
  return { page, panel };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HubSpot end to end in real Chromium against the replica', () => {
  it('shows "not connected" with a way to Options before a token is set', async () => {
    const { page, panel } = await openContact('101');
    await expect(panel.getByTestId('not-connected').textContent()).resolves.toContain('HubSpot is not connected');
    expect(env.apiRequests()).toHaveLength(0);
    await Promise.all([page.close(), panel.close()]);
  });

  it('rejects a bad token with a clear message and stores nothing', async () => {
    const options = await env.connect('pat-na1-wrong-token');
    await expect(options.getByTestId('connect-error').textContent()).resolves.toMatch(/rejected the token/);
    const worker = await env.worker();
    const stored = await worker.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored)).toEqual([]);
    expect(await storedSecrets(env)).toEqual({});
    await options.close();
  });

  it('accepts the demo token and names the portal it belongs to', async () => {
    const options = await env.connect(DEMO_TOKEN);
    await expect(options.getByTestId('connected-account').textContent()).resolves.toContain(`Portal ${PORTAL}`);
    await options.close();
  });

  it('shows the contact on a record page with fields from the API, company through associations', async () => {
    const before = env.apiRequests().length;
    const { page, panel } = await openContact('101');
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Ann Lee');
    await expect(panel.getByTestId('field-emails').textContent()).resolves.toContain('ann.lee@acme-robotics.com');
    await expect(panel.getByTestId('field-phones').textContent()).resolves.toContain('+1 415-555-0100');
    await expect(panel.getByTestId('field-company').textContent()).resolves.toContain('Acme Robotics');
    await expect(panel.getByTestId('field-lifecycle').textContent()).resolves.toBe('Customer');
    expect((await panel.getByTestId('field-owner').textContent())?.length).toBeGreaterThan(2);
    expect(await panel.getByTestId('field-modified').textContent()).toBeTruthy();
    await expect(panel.getByTestId('fetched-ago').textContent()).resolves.toMatch(/Fetched just now|Refreshing/);
    expect(await panel.getByTestId('deep-link').getAttribute('href')).toBe(contactUrl('101'));
    await expect(panel.getByTestId('account').textContent()).resolves.toContain(`Portal ${PORTAL}`);
    const paths = env.apiRequests().slice(before).map((r) => r.path);
    expect(paths.some((p) => p.startsWith('/crm/v3/objects/contacts/101'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/crm/v3/objects/companies/5001'))).toBe(true);
    await Promise.all([page.close(), panel.close()]);
  });

  it('follows the tab to the next record, on the EU host and the legacy URL form too', async () => {
    const { page, panel } = await openContact('103');
    const name103 = await panel.getByTestId('profile-name').textContent({ timeout: 15_000 });
    expect(name103).toBeTruthy();
    await page.goto(`https://app-eu1.hubspot.com/contacts/${PORTAL}/contact/104`);
    await panel.waitForFunction((previous) => document.querySelector('[data-testid="profile-name"]')?.textContent !== previous, name103);
    expect(await panel.getByTestId('deep-link').getAttribute('href')).toBe(`https://app-eu1.hubspot.com/contacts/${PORTAL}/record/0-1/104`);
    await Promise.all([page.close(), panel.close()]);
  });

  it('finds a cached contact by email prefix from the search box on any other page', async () => {
    const page = await env.context.newPage();
    await page.goto('https://www.example.com/');
    const panel = await env.openPanel();
    await expect(panel.getByTestId('recent-list').textContent()).resolves.toContain('Ann Lee');
    await panel.getByTestId('search-input').fill('ann.lee@acme');
    await expect(panel.getByTestId('search-results').textContent()).resolves.toContain('Ann Lee');
    await panel.getByTestId('search-input').fill('acme rob');
    await expect(panel.getByTestId('search-results').textContent()).resolves.toContain('Acme Robotics');
    await panel.getByTestId('search-input').fill('zzzz-nobody');
    await panel.getByTestId('search-empty').waitFor();
    await panel.getByTestId('search-input').fill('ann.lee');
    await panel.getByTestId('search-input').press('Enter');
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows cached data at once and re-fetches on Refresh', async () => {
    const { page, panel } = await openContact('101');
    await panel.getByTestId('profile-name').waitFor();
    const before = env.apiRequests().length;
    env.replica.hubspot.data.contacts.find((c: { id: string }) => c.id === '101').properties.jobtitle = 'Chief Growth Officer';
    await panel.getByTestId('refresh').click();
    await panel.getByText('Chief Growth Officer').waitFor({ timeout: 15_000 });
    expect(env.apiRequests().length).toBeGreaterThan(before);
    await Promise.all([page.close(), panel.close()]);
  });

  it('keeps two open panels consistent: a refresh in one shows in the other', async () => {
    const { page, panel } = await openContact('101');
    const second = await env.openPanel(page);
    await second.getByTestId('profile-name').waitFor();
    env.replica.hubspot.data.contacts.find((c: { id: string }) => c.id === '101').properties.jobtitle = 'Head of Everything';
    await panel.getByTestId('refresh').click();
    await second.getByText('Head of Everything').waitFor({ timeout: 15_000 });
    await Promise.all([page.close(), panel.close(), second.close()]);
  });

  it('says when a record does not exist', async () => {
    const { page, panel } = await openContact('999999');
    await expect(panel.getByTestId('error-not-found').textContent({ timeout: 15_000 })).resolves.toContain('does not exist');
    await Promise.all([page.close(), panel.close()]);
  });

  it('keeps the cached record when HubSpot sends a payload that does not parse, and reports the zod path in Options', async () => {
    const { page, panel } = await openContact('101');
    await panel.getByTestId('profile-name').waitFor();
    env.replica.hubspot.state.faults.push({
      pathIncludes: '/crm/v3/objects/contacts/101',
      status: 200,
      body: { id: '101', properties: { firstname: 12345 }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' },
      times: 1,
    });
    await panel.getByTestId('refresh').click();
    await expect(panel.getByTestId('error-schema').textContent({ timeout: 15_000 })).resolves.toContain('properties.firstname');
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    const errors = options.getByTestId('health-errors');
    await expect(errors.textContent()).resolves.toContain('properties.firstname');
    await expect(errors.textContent()).resolves.toContain('contact 101');
    await Promise.all([page.close(), panel.close(), options.close()]);
  });

  it('waits out a 429 with Retry-After and then shows the record', async () => {
    const { page, panel } = await openContact('105');
    await panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
    env.replica.hubspot.state.faults.push({ pathIncludes: '/crm/v3/objects/contacts/105', status: 429, headers: { 'retry-after': '1' }, body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT' }, times: 1 });
    const before = env.apiRequests().filter((r) => r.path.startsWith('/crm/v3/objects/contacts/105')).length;
    await panel.getByTestId('refresh').click();
    await panel.getByTestId('fetched-ago').filter({ hasText: 'Fetched just now' }).waitFor({ timeout: 15_000 });
    const after = env.apiRequests().filter((r) => r.path.startsWith('/crm/v3/objects/contacts/105')).length;
    expect(after - before).toBe(2);
    expect(await panel.locator('[role="alert"]').count()).toBe(0);
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows the cached profile with an offline badge when HubSpot cannot be reached', async () => {
    const { page, panel } = await openContact('101');
    await panel.getByTestId('profile-name').waitFor();
    // Chrome itself resends a request whose reused connection dropped, so every attempt
    // must fail until the test lifts the fault; a fixed count raced those retries in CI.
    env.replica.hubspot.state.faults.push({ pathIncludes: '/crm/v3/objects/contacts/101', destroy: true, times: Number.POSITIVE_INFINITY });
    await panel.getByTestId('refresh').click();
    await panel.getByTestId('offline-badge').waitFor({ timeout: 20_000 });
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');
    env.replica.hubspot.state.faults.length = 0;
    await Promise.all([page.close(), panel.close()]);
  });

  it('gives a web page no way to read cached data or start a fetch', async () => {
    for (const href of ['https://www.example.com/', contactUrl('106')]) {
      const page = await env.context.newPage();
      await page.goto(href);
      await sleep(1000); // let the content script's own visit (on the vendor page) finish
      const before = env.apiRequests().length;
      const forged = await page.evaluate(async (extensionId) => {
        const context = { connector: 'hubspot', account: '4815162', type: 'person', id: '107', host: 'app.hubspot.com' };
        const attempts: string[] = [];
        // 1. window messages, in every shape a content script might listen for
        for (const message of [{ type: 'panel→background:fetchRecord', request: { context, force: true } }, { type: 'content→background:pageVisited', request: {} }]) {
          window.postMessage(message, '*');
          window.postMessage(JSON.stringify(message), '*');
        }
        // 2. a runtime message straight to the extension
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
        if (runtime?.sendMessage) {
          try {
            attempts.push(JSON.stringify(await runtime.sendMessage(extensionId, { type: 'panel→background:fetchRecord', request: { context, force: true } })));
          } catch (error) {
            attempts.push(`threw: ${String(error)}`);
          }
        } else attempts.push('no runtime');
        // 3. the page's own IndexedDB must not hold our cache (content scripts never touch Dexie)
        const databases = (await indexedDB.databases()).map((db) => db.name);
        return { attempts, databases };
      }, env.extensionId);
      await sleep(1500);
      expect(forged.databases).not.toContain('unified-customer-view');
      expect(forged.attempts.join(' ')).not.toMatch(/"ok":true/);
      expect(env.apiRequests().slice(before)).toEqual([]);
      await page.close();
    }
  });

  it('rejects the stored token after it is revoked, then disconnecting deletes it', async () => {
    env.replica.hubspot.state.tokens.delete(DEMO_TOKEN);
    const { page, panel } = await openContact('101');
    await panel.getByTestId('profile-name').waitFor();
    await panel.getByTestId('refresh').click();
    await expect(panel.getByTestId('error-auth').textContent({ timeout: 15_000 })).resolves.toContain('rejected the token');
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');

    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    const hubspot = options.getByTestId('connector-hubspot');
    await hubspot.getByTestId('disconnect').click();
    await hubspot.getByTestId('token-input').waitFor();
    const stored = await (await env.worker()).evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain(DEMO_TOKEN);
    expect(JSON.stringify(await storedSecrets(env))).not.toContain(DEMO_TOKEN);
    await panel.getByTestId('not-connected').waitFor();
    env.replica.hubspot.state.tokens.add(DEMO_TOKEN);
    await Promise.all([page.close(), panel.close(), options.close()]);
  });
});
