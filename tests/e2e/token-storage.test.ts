import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contactUrl, inContentScriptWorld, startEnvironment, stopServiceWorker, storedSecrets, type Environment } from './environment';
import { MAILCHIMP_ANN } from '../replica/mailchimp.mjs';
import { PIPEDRIVE_ANN } from '../replica/pipedrive.mjs';

/**
 * Our content script runs on every `*.zendesk.com`, `*.pipedrive.com` and `*.admin.mailchimp.com`
 * page, subdomains anyone can own: whatever that script's world can read, such a page may get at.
 * From that world, no storage area holds a token, a sealed token, the vault's header or its key.
 */
let env: Environment;
const CONNECTED = ['hubspot', 'stripe', 'zendesk', 'pipedrive', 'mailchimp'] as const;
const tokenOf = (vendor: (typeof CONNECTED)[number]) => env.replica.demoTokens[vendor] as string;

/** Every storage area as our content script's world reads it (a refused area says so). */
const READ_EVERY_AREA = `(async () => {
  const areas = {};
  for (const name of ['local', 'session', 'sync']) {
    try {
      areas[name] = await chrome.storage[name].get(null);
    } catch (error) {
      areas[name] = 'refused: ' + String(error && error.message);
    }
  }
  return JSON.stringify(areas);
})()`;

async function readFromContentScript(url: string): Promise<string> {
  const page = await env.context.newPage();
  await page.goto(url);
  try {
    return await inContentScriptWorld<string>(env, page, READ_EVERY_AREA);
  } finally {
    await page.close();
  }
}

const VENDOR_PAGES = () => ['https://acme.zendesk.com/agent/dashboard', PIPEDRIVE_ANN.consoleUrl, MAILCHIMP_ANN.consoleUrl, contactUrl('101')];

function expectNoSecretIn(seen: string): void {
  // The probe did read local storage: the connections (no secret) are there.
  expect(seen).toContain('connection:hubspot');
  for (const vendor of CONNECTED) expect(seen, vendor).not.toContain(tokenOf(vendor));
  expect(seen).not.toMatch(/secret:|token:|"vault"|vaultKey|"iv"/);
}

beforeAll(async () => {
  env = await startEnvironment();
  for (const vendor of CONNECTED) {
    const login = vendor === 'zendesk' ? env.replica.zendeskLogin : vendor === 'pipedrive' ? env.replica.pipedriveLogin : {};
    const options = await env.connect(tokenOf(vendor), vendor, login);
    await options.getByTestId(`connector-${vendor}`).getByTestId('connected-account').waitFor({ timeout: 15_000 });
    await options.close();
  }
}, 180_000);
afterAll(async () => {
  await env?.close();
});

describe('tokens out of content scripts’ reach', () => {
  it('reads no token from any storage area in our content script’s world on vendor consoles', async () => {
    for (const url of VENDOR_PAGES()) expectNoSecretIn(await readFromContentScript(url));
    expect(Object.keys(await storedSecrets(env)).sort()).toEqual(CONNECTED.map((vendor) => `token:${vendor}`).sort());
  });

  it('moves a token an older version left in local storage when the worker starts, and deletes the old key', async () => {
    // What an older version wrote: Stripe's token in local storage, where content scripts read it.
    const worker = await env.worker();
    await worker.evaluate(
      (token) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('customer-view-secrets');
          open.onsuccess = () => {
            const tx = open.result.transaction('secrets', 'readwrite');
            tx.objectStore('secrets').delete('token:stripe');
            tx.oncomplete = () => {
              open.result.close();
              void chrome.storage.local.set({ 'secret:stripe': token }).then(resolve, reject);
            };
          };
          open.onerror = () => reject(open.error);
        }),
      tokenOf('stripe'),
    );

    const options: Page = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    await stopServiceWorker(env, options);
    await options.reload();
    await expect.poll(async () => (await storedSecrets(env))['token:stripe'], { timeout: 15_000 }).toBe(tokenOf('stripe'));
    // The old key goes once the token is written in its new place (a moment after).
    await expect.poll(async () => Object.keys(await (await env.worker()).evaluate(() => chrome.storage.local.get(null))), { timeout: 15_000 }).not.toContain('secret:stripe');
    expectNoSecretIn(await readFromContentScript(PIPEDRIVE_ANN.consoleUrl));

    // Still the token the worker uses: a Stripe lookup answers.
    const page = await env.context.newPage();
    await page.goto(contactUrl('101'));
    const panel = await env.openPanel(page);
    await panel.getByTestId('tool-stripe').locator('button, a').filter({ hasText: /Ann/i }).first().waitFor({ timeout: 20_000 });
    await Promise.all([options.close(), page.close(), panel.close()]);
  });

  it('reads neither sealed tokens, the passphrase’s header nor the unlocked key once tokens are encrypted', async () => {
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    await options.getByTestId('passphrase-input').fill('correct horse battery');
    await options.getByTestId('vault-enable').click();
    await options.getByTestId('vault-lock').waitFor();
    // Copies from before may stay on disk until the browser compacts its storage: the user is told.
    await expect(options.getByTestId('vault-rotate-advice').textContent()).resolves.toMatch(/compacts its storage.*new\s+tokens/s);
    expect(await storedSecrets(env)).toMatchObject({ vault: expect.anything(), 'token:hubspot': { iv: expect.any(String), data: expect.any(String) } });
    for (const url of VENDOR_PAGES()) expectNoSecretIn(await readFromContentScript(url));
    await options.close();
  });
});
