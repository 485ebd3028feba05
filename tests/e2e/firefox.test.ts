import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../../scripts/lib/firefox.mjs';
import { startReplica } from '../replica/server.mjs';
import { contactUrl, DEMO_TOKEN, PORTAL } from './environment';

/**
 * The Firefox build in a real Firefox: installed as a temporary add-on, background scripts,
 * content script on the real match pattern, Options and the sidebar page.
 */
let replica: Awaited<ReturnType<typeof startReplica>>;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  // Firefox resolves every name to 127.0.0.1 but keeps the port, so the replica takes 443.
  replica = await startReplica({ port: 443 }).catch((error: Error) => {
    throw new Error(`The Firefox test needs the replica on port 443 (run as root, or free the port): ${error.message}`);
  });
  ({ browser, baseUrl } = await launchFirefoxWithExtension());
});
afterAll(async () => {
  await browser?.close();
  await replica?.close();
});

/** Extension pages never settle their load event under BiDi: start the navigation, then poll the DOM. */
async function openExtensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`${baseUrl}/${path}`, { waitUntil: 'domcontentloaded' }).catch(() => undefined);
  await page.waitForFunction((href) => location.href === href && document.readyState !== 'loading', { timeout: 15_000 }, `${baseUrl}/${path}`);
  return page;
}

const text = (page: Page, testId: string) =>
  page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', { timeout: 15_000 }, testId).then((handle) => handle.jsonValue());

describe('Firefox build in firefox-esr', () => {
  it('connects HubSpot through Options and shows the record of the open tab in the sidebar page', async () => {
    const options = await openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="connector-hubspot"] [data-testid="token-input"]');
    await options.type('[data-testid="connector-hubspot"] [data-testid="token-input"]', DEMO_TOKEN);
    await options.click('[data-testid="connector-hubspot"] [data-testid="connect"]');
    await expect(text(options, 'connected-account')).resolves.toContain(`Portal ${PORTAL}`);

    const record = await browser.newPage();
    await record.goto(contactUrl('101'));
    // The tab id, asked of the extension itself (Options is an extension page with `browser.tabs`).
    const tabId = await options.evaluate(async (href) => {
      const tabs = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } }).browser.tabs.query({});
      return tabs.find((tab) => tab.url === href)?.id ?? null;
    }, contactUrl('101'));
    expect(tabId).not.toBeNull();

    const panel = await openExtensionPage(`panel.html?tabId=${tabId}`);
    await expect(text(panel, 'profile-name')).resolves.toBe('Ann Lee');
    await expect(text(panel, 'field-company')).resolves.toContain('Acme Robotics');
    const calls = replica.hubspot.state.requests.filter((r: { host: string; path: string }) => r.host === 'api.hubapi.com').map((r: { path: string }) => r.path);
    expect(calls.some((path: string) => path.startsWith('/crm/v3/objects/contacts/101'))).toBe(true);
  });

  it('ignores what a script on the vendor’s own page claims: nothing is fetched for it', async () => {
    const before = replica.hubspot.state.requests.length;
    const page = await browser.newPage();
    await page.goto(contactUrl('101'));
    // Script injected into HubSpot's own page: window messages and a planted runtime call.
    const hasRuntime = await page.evaluate(() => {
      window.postMessage({ type: 'content→background:recordPage', url: 'https://app.hubspot.com/contacts/4815162/record/0-1/102' }, '*');
      window.postMessage({ type: 'panel→background:fetchRecord', context: { connector: 'hubspot', account: '4815162', type: 'person', id: '102' }, force: true }, '*');
      const scope = globalThis as unknown as { browser?: { runtime?: unknown }; chrome?: { runtime?: { sendMessage?: unknown } } };
      return Boolean(scope.browser?.runtime) || typeof scope.chrome?.runtime?.sendMessage === 'function';
    });
    expect(hasRuntime).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const paths = replica.hubspot.state.requests.slice(before).map((r: { path: string }) => r.path);
    expect(paths.filter((path: string) => path.includes('/contacts/102'))).toEqual([]);
  });
});
