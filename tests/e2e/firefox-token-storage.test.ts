import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../../scripts/lib/firefox.mjs';
import { startReplica } from '../replica/server.mjs';
import { contactUrl, DEMO_TOKEN, PORTAL } from './environment';

/**
 * In Firefox too, a script in our content script's world (the isolated world of the tab, which
 * `scripting.executeScript` runs in by default) finds no token in any storage area, on a HubSpot
 * record page and on a Zendesk page (any `*.zendesk.com` subdomain runs our content script).
 * Needs the replica on port 443, like firefox.test.ts: run one of them at a time.
 */
let replica: Awaited<ReturnType<typeof startReplica>>;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  replica = await startReplica({ port: 443 }).catch((error: Error) => {
    throw new Error(`The Firefox test needs the replica on port 443 (run as root, or free the port): ${error.message}`);
  });
  ({ browser, baseUrl } = await launchFirefoxWithExtension());
});
afterAll(async () => {
  await browser?.close();
  await replica?.close();
});

/** Polls a page until `read` returns something truthy (a tab between documents has no realm under BiDi). */
async function poll<T, A>(page: Page, read: (arg: A) => T | Promise<T>, arg: A, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const evaluate = page.evaluate.bind(page) as (fn: (arg: A) => T | Promise<T>, arg: A) => Promise<T>;
  for (;;) {
    const value = await evaluate(read, arg).catch(() => undefined);
    if (value) return value as T;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting on ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openExtensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`${baseUrl}/${path}`, { waitUntil: 'domcontentloaded' }).catch(() => undefined);
  await poll(page, (href) => location.href === href && document.readyState !== 'loading', `${baseUrl}/${path}`);
  return page;
}

interface ExtensionGlobals {
  browser: {
    tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> };
    scripting: { executeScript(options: object): Promise<Array<{ result?: unknown }>> };
  };
}

/** Every storage area as the content-script world of the tab showing `url` reads it, asked from Options. */
function readFromContentWorld(options: Page, url: string): Promise<string> {
  return poll(
    options,
    async (href) => {
      const api = (globalThis as unknown as ExtensionGlobals).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === href);
      if (!tab) return '';
      const [injection] = await api.scripting.executeScript({
        target: { tabId: tab.id },
        func: async () => {
          const storage = (globalThis as unknown as { browser: { storage: Record<string, { get(keys: null): Promise<unknown> }> } }).browser.storage;
          const areas: Record<string, unknown> = {};
          for (const name of ['local', 'session', 'sync']) {
            try {
              areas[name] = await storage[name]!.get(null);
            } catch (error) {
              areas[name] = `refused: ${String((error as Error)?.message)}`;
            }
          }
          return JSON.stringify(areas);
        },
      });
      return String(injection?.result ?? '');
    },
    url,
  );
}

describe('tokens out of content scripts’ reach in Firefox', () => {
  it('reads no token from any storage area in the content-script world of vendor pages', async () => {
    const options = await openExtensionPage('options.html');
    // Tools not yet connected are one line in Options until opened.
    await poll(options, () => document.querySelector('[data-testid="connector-hubspot"] [data-testid="connector-toggle"]') !== null, undefined);
    await options.click('[data-testid="connector-hubspot"] [data-testid="connector-toggle"]');
    await options.type('[data-testid="connector-hubspot"] [data-testid="token-input"]', DEMO_TOKEN);
    await options.click('[data-testid="connector-hubspot"] [data-testid="connect"]');
    await poll(options, (portal) => document.querySelector('[data-testid="connected-account"]')?.textContent?.includes(`Portal ${portal}`) ?? false, PORTAL);

    for (const url of [contactUrl('101'), 'https://acme.zendesk.com/agent/dashboard']) {
      const page = await browser.newPage();
      await page.goto(url);
      const seen = await readFromContentWorld(options, url);
      // The probe read local storage: the connection (no secret) is there.
      expect(seen).toContain('connection:hubspot');
      expect(seen).not.toContain(DEMO_TOKEN);
      expect(seen).not.toMatch(/secret:|token:|"vault"|vaultKey/);
      await page.close();
    }
  });
});
