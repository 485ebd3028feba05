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

/**
 * Polls a page until `read` returns something truthy. Evaluations can fail while a tab is
 * between documents (BiDi has no realm then), so a failed read is just another try.
 */
async function poll<T, A>(page: Page, read: (arg: A) => T, arg: A, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const evaluate = page.evaluate.bind(page) as (fn: (arg: A) => T, arg: A) => Promise<T>;
  for (;;) {
    const value = await evaluate(read, arg).catch(() => undefined);
    if (value) return value as T;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting on ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Extension pages never settle their load event under BiDi: start the navigation, then poll the DOM. */
async function openExtensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`${baseUrl}/${path}`, { waitUntil: 'domcontentloaded' }).catch(() => undefined);
  await poll(page, (href) => location.href === href && document.readyState !== 'loading', `${baseUrl}/${path}`);
  return page;
}

const text = (page: Page, testId: string) => poll(page, (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId);

describe('Firefox build in firefox-esr', () => {
  it('connects HubSpot through Options and shows the record of the open tab in the sidebar page', async () => {
    const options = await openExtensionPage('options.html');
    // Tools not yet connected are one line in Options until opened.
    await poll(options, () => document.querySelector('[data-testid="connector-hubspot"] [data-testid="connector-toggle"]') !== null, undefined);
    await options.click('[data-testid="connector-hubspot"] [data-testid="connector-toggle"]');
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
