import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchFirefoxWithExtension } from '../../scripts/lib/firefox.mjs';
import { startReplica } from '../replica/server.mjs';
import { contactUrl, DEMO_TOKEN, PORTAL } from './environment';
import { unpackedPackage } from './unpacked-package';

/**
 * The Firefox store package, unzipped, in firefox-esr: a file the zip leaves out fails here.
 * Like firefox.test.ts, the replica serves on port 443 (Firefox maps names, not ports).
 */
const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
let replica: Awaited<ReturnType<typeof startReplica>>;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  replica = await startReplica({ port: 443 }).catch((error: Error) => {
    throw new Error(`The Firefox package test needs the replica on port 443 (run as root, or free the port): ${error.message}`);
  });
  ({ browser, baseUrl } = await launchFirefoxWithExtension({ extensionDir: await unpackedPackage('firefox') }));
});
afterAll(async () => {
  await browser?.close();
  await replica?.close();
});

/** Reads until `read` returns something truthy; a read between two documents just fails and is tried again. */
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

describe('the unpacked Firefox package in firefox-esr', () => {
  it('shows its version at the foot of Options, connects HubSpot and shows the contact of the open tab in the sidebar page', async () => {
    const options = await openExtensionPage('options.html');
    await expect(text(options, 'extension-version')).resolves.toContain(version);
    // Tools not yet connected are one line in Options until opened.
    await poll(options, () => document.querySelector('[data-testid="connector-hubspot"] [data-testid="connector-toggle"]') !== null, undefined);
    await options.click('[data-testid="connector-hubspot"] [data-testid="connector-toggle"]');
    await options.type('[data-testid="connector-hubspot"] [data-testid="token-input"]', DEMO_TOKEN);
    await options.click('[data-testid="connector-hubspot"] [data-testid="connect"]');
    await expect(text(options, 'connected-account')).resolves.toContain(`Portal ${PORTAL}`);

    const record = await browser.newPage();
    await record.goto(contactUrl('101'));
    const tabId = await options.evaluate(async (href) => {
      const tabs = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } }).browser.tabs.query({});
      return tabs.find((tab) => tab.url === href)?.id ?? null;
    }, contactUrl('101'));
    expect(tabId).not.toBeNull();

    const panel = await openExtensionPage(`panel.html?tabId=${tabId}`);
    await expect(text(panel, 'profile-name')).resolves.toBe('Ann Lee');
    await expect(text(panel, 'field-company')).resolves.toContain('Acme Robotics');
  });
});
