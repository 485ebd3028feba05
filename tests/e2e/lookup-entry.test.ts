import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactUrl, startEnvironment, type Environment } from './environment';

let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect()).close();
  // Cache two contacts the way a user would: by visiting them.
  for (const id of ['101', '103']) {
    const page = await env.context.newPage();
    await page.goto(contactUrl(id));
    const panel = await env.openPanel(page);
    await panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
    await Promise.all([page.close(), panel.close()]);
  }
});
afterAll(async () => {
  await env?.close();
});

describe('lookups from outside the panel', () => {
  it('lands an omnibox search (cv <text>) on the panel page with the results', async () => {
    const page = await env.context.newPage();
    await page.goto(`chrome-extension://${env.extensionId}/panel.html?q=${encodeURIComponent('ann.lee@acme')}`);
    await expect(page.getByTestId('search-input').inputValue()).resolves.toBe('ann.lee@acme');
    await expect(page.getByTestId('search-results').textContent()).resolves.toContain('Ann Lee');
    await page.close();
  });

  it('opens the profile an omnibox suggestion named', async () => {
    const page = await env.context.newPage();
    await page.goto(`chrome-extension://${env.extensionId}/panel.html?open=${encodeURIComponent('hubspot:4815162:person:101')}`);
    await expect(page.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');
    await page.close();
  });

  it('shows a context-menu lookup of selected text in an open panel, over the record page', async () => {
    const page = await env.context.newPage();
    await page.goto(contactUrl('103'));
    const panel = await env.openPanel(page);
    await panel.getByTestId('profile-name').waitFor();
    // What the menu handler does after opening the panel: hand the selection over.
    const worker = await env.worker();
    await worker.evaluate(() => chrome.storage.session.set({ pendingLookup: { query: 'Ann Lee', at: Date.now() } }));
    await expect(panel.getByTestId('search-input').inputValue()).resolves.toBe('Ann Lee');
    await expect(panel.getByTestId('search-results').textContent()).resolves.toContain('ann.lee@acme-robotics.com');
    await panel.getByTestId('back').click();
    await panel.getByTestId('profile-name').waitFor();
    await Promise.all([page.close(), panel.close()]);
  });

  it('finds the known customers among the emails on the current page', async () => {
    const page = await env.context.newPage();
    await page.goto('https://app.hubspot.com/contacts/4815162');
    const panel = await env.openPanel(page);
    await panel.getByTestId('scan-page').click();
    const results = panel.getByTestId('scan-results');
    await results.waitFor({ timeout: 15_000 });
    await expect(results.getByTestId('result-name').allTextContents()).resolves.toEqual(expect.arrayContaining(['Ann Lee']));
    await expect(results.textContent()).resolves.toMatch(/2 known of \d+ emails and domains on this page/);
    await Promise.all([page.close(), panel.close()]);
  });

  it('registers the selection menu, the omnibox keyword and the shortcut', async () => {
    const manifest = await (await env.worker()).evaluate(() => chrome.runtime.getManifest());
    expect(manifest.omnibox?.keyword).toBe('cv');
    expect(JSON.stringify(manifest.commands?._execute_action)).toContain('Alt+Shift+C');
    expect(manifest.permissions).toContain('contextMenus');
  });
});
